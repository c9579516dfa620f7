/** The languages every bundled concept covers. */
export const CONCEPT_LANGUAGES = [
  "en",
  "de",
  "zh",
  "fr",
  "es",
  "pt",
  "ja",
  "ar",
  "hi",
  "id",
  "vi",
  "sw",
  "ko",
  "it",
  "ru",
  "tr",
] as const;
