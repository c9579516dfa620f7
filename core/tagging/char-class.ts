/**
 * Character classes for the scanner, in a lookup table over UTF-16 code units built once from Unicode
 * properties, so scanning an article costs one array read per character.
 */
export const OTHER = 0;
/** Letters, digits and marks of scripts that separate words with spaces. */
export const WORD = 1;
/** Han, kana and Hangul: matched as substrings, since writers do not put spaces between words. */
export const CJK = 2;
/** Hyphens that join compound words (`Nvidia-Aktie`). */
export const HYPHEN = 3;
/** Thai, Lao, Khmer and Myanmar: no spaces, so words come from Intl.Segmenter's dictionary. */
export const SEGMENTED = 4;
/** The high half of a surrogate pair: classified by the full code point. */
export const ASTRAL = 5;

let table: Uint8Array | undefined;

function buildTable(): Uint8Array {
  const out = new Uint8Array(0x10000);
  const word = /[\p{L}\p{N}\p{M}]/u;
  const cjk =
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u3006\u30FC\u3099\u309A\uFF70\uFF9E\uFF9F]/u;
  const segmented = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) {
      out[code] = code <= 0xdbff ? ASTRAL : OTHER;
      continue;
    }
    const ch = String.fromCharCode(code);
    if (cjk.test(ch)) out[code] = CJK;
    else if (segmented.test(ch)) out[code] = SEGMENTED;
    else if (word.test(ch)) out[code] = WORD;
  }
  for (const hyphen of [0x2d, 0x2010, 0x2011]) out[hyphen] = HYPHEN;
  return out;
}

export function charTable(): Uint8Array {
  table ??= buildTable();
  return table;
}

/** Class of the character starting at `index`, resolving surrogate pairs (CJK extension B and beyond). */
export function classAt(text: string, index: number, classes: Uint8Array): number {
  const cls = classes[text.charCodeAt(index)]!;
  if (cls !== ASTRAL) return cls;
  const code = text.codePointAt(index)!;
  if (code < 0x10000) return OTHER;
  if (code >= 0x20000 && code <= 0x3ffff) return CJK;
  return /[\p{L}\p{N}\p{M}]/u.test(String.fromCodePoint(code)) ? WORD : OTHER;
}

/** UTF-16 length of the character at `index` (2 for a surrogate pair). */
export function charLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
}
