/**
 * Articles of an open vocabulary in ten languages, for the bench children that measure what word caches keep:
 * every word new (random letters), summaries near the 2,000-character cap, as a news stream's long tail of names,
 * numbers and compounds is. Seeded, so each run reads the same text.
 */
export const OPEN_VOCABULARY_LANGS = ["en", "de", "fr", "es", "pt", "it", "nl", "sv", "ru", "id"];

export function openVocabulary(
  seed: number,
): (i: number) => { title: string; summary: string; lang: string } {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const word = () => {
    let w = "";
    for (let n = 3 + Math.floor(random() * 14); n > 0; n--)
      w += String.fromCharCode(97 + Math.floor(random() * 26));
    return w;
  };
  return (i) => {
    const words = Array.from({ length: 250 }, word);
    return {
      title: words.slice(0, 10).join(" "),
      summary: words.join(" ").slice(0, 1_900),
      lang: OPEN_VOCABULARY_LANGS[i % OPEN_VOCABULARY_LANGS.length]!,
    };
  };
}
