export const SCRIPTS = [
  "latin",
  "han",
  "kana",
  "hangul",
  "cyrillic",
  "greek",
  "armenian",
  "hebrew",
  "arabic",
  "devanagari",
  "bengali",
  "gurmukhi",
  "gujarati",
  "tamil",
  "telugu",
  "kannada",
  "malayalam",
  "sinhala",
  "thai",
  "lao",
  "myanmar",
  "georgian",
  "ethiopic",
  "khmer",
] as const;
export type Script = (typeof SCRIPTS)[number];

/** Unicode blocks as [first, last, script], sorted by first code point. */
const BLOCKS: [number, number, Script][] = [
  [0x0041, 0x005a, "latin"],
  [0x0061, 0x007a, "latin"],
  [0x00c0, 0x024f, "latin"],
  [0x0370, 0x03ff, "greek"],
  [0x0400, 0x052f, "cyrillic"],
  [0x0531, 0x058f, "armenian"],
  [0x0591, 0x05ff, "hebrew"],
  [0x0600, 0x06ff, "arabic"],
  [0x0750, 0x077f, "arabic"],
  [0x08a0, 0x08ff, "arabic"],
  [0x0900, 0x097f, "devanagari"],
  [0x0980, 0x09ff, "bengali"],
  [0x0a00, 0x0a7f, "gurmukhi"],
  [0x0a80, 0x0aff, "gujarati"],
  [0x0b80, 0x0bff, "tamil"],
  [0x0c00, 0x0c7f, "telugu"],
  [0x0c80, 0x0cff, "kannada"],
  [0x0d00, 0x0d7f, "malayalam"],
  [0x0d80, 0x0dff, "sinhala"],
  [0x0e00, 0x0e7f, "thai"],
  [0x0e80, 0x0eff, "lao"],
  [0x1000, 0x109f, "myanmar"],
  [0x10a0, 0x10ff, "georgian"],
  [0x1100, 0x11ff, "hangul"],
  [0x1200, 0x137f, "ethiopic"],
  [0x1780, 0x17ff, "khmer"],
  [0x1e00, 0x1eff, "latin"],
  // Hiragana and Katakana, without U+30FB "・", which Chinese text also uses between names.
  [0x3041, 0x30fa, "kana"],
  [0x30fc, 0x30ff, "kana"],
  [0x3130, 0x318f, "hangul"],
  [0x31f0, 0x31ff, "kana"],
  [0x3400, 0x4dbf, "han"],
  [0x4e00, 0x9fff, "han"],
  [0xac00, 0xd7af, "hangul"],
  [0xf900, 0xfaff, "han"],
  [0xfb50, 0xfdff, "arabic"],
  [0xfe70, 0xfeff, "arabic"],
  [0xff66, 0xff9d, "kana"],
];

/** Script of every BMP code unit, as 1 + its index in SCRIPTS (0: none); a 64 KB table beats any search. */
const TABLE = new Uint8Array(0x10000);
for (const [first, last, script] of BLOCKS) TABLE.fill(SCRIPTS.indexOf(script) + 1, first, last + 1);

/** How many letters of each script `text` has (BMP only, which covers every script above in practice). */
export function scriptCounts(text: string): Record<Script, number> {
  const raw = new Uint32Array(SCRIPTS.length + 1);
  for (let i = 0; i < text.length; i++) raw[TABLE[text.charCodeAt(i)]!]!++;
  const counts = {} as Record<Script, number>;
  for (let i = 0; i < SCRIPTS.length; i++) counts[SCRIPTS[i]!] = raw[i + 1]!;
  return counts;
}
