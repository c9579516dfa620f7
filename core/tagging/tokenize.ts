import { ASTRAL, CJK, charLength, charTable, classAt, HYPHEN, SEGMENTED, WORD } from "./char-class";
import { foldTraditional } from "./chinese-fold";

/**
 * Text to tokens. Space-separated scripts are scanned with a Unicode class table instead of
 * Intl.Segmenter, which splits them the same way but runs at ~17k articles/s on this machine, a third
 * of the tagging budget. Chinese and Japanese runs are kept whole and matched as substrings: the
 * segmenter's dictionary splits 英伟达 or 华为 differently from how a query writes them. Thai, Lao, Khmer
 * and Myanmar have no spaces and no substring convention, so those runs do go through Intl.Segmenter.
 */
export interface ScanVisitor {
  /** A word; a hyphenated compound comes first whole (spanning its parts' positions), then each part. */
  word(start: number, end: number, pos: number, endPos: number): void;
  /** A run of CJK characters whose first character sits at token position `pos`. */
  cjk(start: number, end: number, pos: number): void;
}

/** Token positions a CJK run occupies: two characters count as one token, about a Chinese word. */
export const cjkPosition = (runPos: number, offset: number): number => runPos + (offset >> 1);

const segmenters = new Map<string, Intl.Segmenter>();

export function segmenterFor(lang: string | null | undefined): Intl.Segmenter {
  const key = lang ?? "";
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    let locale: string | undefined;
    try {
      locale = lang ? Intl.getCanonicalLocales(lang)[0] : undefined;
    } catch {
      locale = undefined;
    }
    segmenter = new Intl.Segmenter(locale, { granularity: "word" });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/** Walks `text` once, reporting words and CJK runs with character offsets and token positions. */
export function scanText(text: string, visitor: ScanVisitor, lang?: string | null): number {
  const classes = charTable();
  const n = text.length;
  let pos = 0;
  let i = 0;
  while (i < n) {
    const code = classes[text.charCodeAt(i)]!;
    const cls = code === ASTRAL ? classAt(text, i, classes) : code;
    if (cls === WORD) {
      const start = i;
      let parts = 0;
      for (;;) {
        // Hot loop: one table read per character; only surrogate pairs take the slow path.
        while (i < n) {
          const c = classes[text.charCodeAt(i)];
          if (c === WORD) i++;
          else if (c === ASTRAL && classAt(text, i, classes) === WORD) i += 2;
          else break;
        }
        parts++;
        if (i + 1 < n && classes[text.charCodeAt(i)] === HYPHEN && classAt(text, i + 1, classes) === WORD) {
          i++;
          continue;
        }
        break;
      }
      if (parts === 1) {
        visitor.word(start, i, pos, pos);
        pos++;
        continue;
      }
      visitor.word(start, i, pos, pos + parts - 1);
      let partStart = start;
      for (let j = start; j <= i; j++) {
        if (j === i || classes[text.charCodeAt(j)] === HYPHEN) {
          visitor.word(partStart, j, pos, pos);
          pos++;
          partStart = j + 1;
        }
      }
    } else if (cls === CJK) {
      const start = i;
      while (i < n && classAt(text, i, classes) === CJK) i += charLength(text, i);
      visitor.cjk(start, i, pos);
      pos = cjkPosition(pos, i - start - 1) + 1;
    } else if (cls === SEGMENTED) {
      const start = i;
      while (i < n && classes[text.charCodeAt(i)] === SEGMENTED) i++;
      for (const seg of segmenterFor(lang).segment(text.slice(start, i))) {
        if (!seg.isWordLike) continue;
        visitor.word(start + seg.index, start + seg.index + seg.segment.length, pos, pos);
        pos++;
      }
    } else {
      i += code === ASTRAL ? charLength(text, i) : 1;
    }
  }
  return pos;
}

const latinOnly = /^[\p{Script=Latin}\p{M}\p{N}-]+$/u;
const combiningMarks = /[\u0300-\u036f]/g;
const arabicLetters = /[\u0600-\u06ff]/;
// Harakat, superscript alef and tatweel carry no meaning a search should tell apart.
const arabicMarks = /[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]/g;

/**
 * Case and compatibility folding for one word: NFKC, lower case, ß -> ss, final sigma -> sigma, and
 * accents stripped for Latin-script words only (stripping marks from Cyrillic й or Devanagari changes
 * the letter).
 */
export function normalizeWord(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range check
  if (/^[\x00-\x7f]*$/.test(raw)) return raw.toLowerCase();
  return foldArabic(stripLatinMarks(foldCase(raw)));
}

/**
 * The folding that comes before stemming: NFKC, lower case, ß and final sigma, the Devanagari nukta and the
 * Russian ё; accents stay for stemmers. Hindi writers put the nukta on borrowed sounds or leave it off (बाज़ार
 * and बाजार, market; फ़ंड and फंड), and NFKC splits the letters that carry it into the plain letter and the dot.
 * Russian writers mostly print ё as е (чёрный and черный, the same word), and Snowball stems them apart.
 */
export function foldCase(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range check
  if (/^[\x00-\x7f]*$/.test(raw)) return raw.toLowerCase();
  const folded = raw.normalize("NFKC").toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ");
  const plain = folded.includes("ё") ? folded.replace(/ё/g, "е") : folded;
  return plain.includes("\u093c") ? plain.replace(/\u093c/g, "") : plain;
}

/**
 * Arabic spelling variants that writers use interchangeably: hamza forms of alef, alef maqsura, ta marbuta,
 * and the harakat and tatweel that carry no meaning a search should tell apart.
 */
export function foldArabic(word: string): string {
  if (!arabicLetters.test(word)) return word;
  return word
    .replace(arabicMarks, "")
    .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
    .replace(/\u0649/g, "\u064a")
    .replace(/\u0629/g, "\u0647");
}

/**
 * Strips accents from a Latin-script word (café -> cafe); other scripts are returned as they are. Vietnamese đ
 * is a letter of its own that NFD leaves whole, but other languages write its names with d (Đà Nẵng, Da Nang).
 */
export function stripLatinMarks(word: string): string {
  if (!latinOnly.test(word)) return word;
  const stripped = word.normalize("NFD").replace(combiningMarks, "").replace(/đ/g, "d");
  return stripped === word ? word : stripped.normalize("NFC");
}

/** A CJK run folded for matching, with the original offset of every folded code unit (null: unchanged). */
export interface FoldedRun {
  text: string;
  offsets: Int32Array | null;
}

// Half/full-width forms and CJK compatibility blocks are the only code points NFKC changes in a run.
const needsFold = /[\u2e80-\u2fdf\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/**
 * `needsFold` over `text[start, end)` without slicing it: whether the run needs NFKC. Traditional characters
 * alone do not count: they fold one unit to one (`simplifiedTable`), which the scanner does in place.
 */
export function needsCjkFold(units: Uint16Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = units[i]!;
    if (c < 0x2e80) continue;
    if (c <= 0x2fdf || (c >= 0x3200 && c <= 0x33ff) || (c >= 0xf900 && c <= 0xfaff)) return true;
    if ((c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xffef)) return true;
  }
  return false;
}

/**
 * A CJK run folded for matching: NFKC for half- and full-width forms and compatibility characters, then
 * Traditional Chinese to Simplified (see chinese-fold.ts).
 */
export function foldCjkRun(run: string): FoldedRun {
  if (!needsFold.test(run)) {
    // Traditional-to-Simplified folding maps one unit to one, so offsets stay those of the run.
    return { text: foldTraditional(run), offsets: null };
  }
  let text = "";
  const offsets: number[] = [];
  for (let i = 0; i < run.length; ) {
    const len = charLength(run, i);
    const folded = run.slice(i, i + len).normalize("NFKC");
    i += len;
    // Half-width ﾞ and ﾟ fold to combining marks; compose them with the kana before (ﾋﾞ -> ビ).
    if (folded === "\u3099" || folded === "\u309a") {
      const composed = (text.slice(-1) + folded).normalize("NFC");
      if (composed.length === 1) {
        text = text.slice(0, -1) + composed;
        continue;
      }
    }
    for (let k = 0; k < folded.length; k++) offsets.push(i - len);
    text += foldTraditional(folded);
  }
  offsets.push(run.length);
  return { text, offsets: Int32Array.from(offsets) };
}

export interface Token {
  /** Folded text used for matching. */
  text: string;
  kind: "word" | "cjk";
  /** Character offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** Token index; a compound spans its parts' positions. */
  pos: number;
  endPos: number;
}

/** The tokens matching sees, for explanations, tests and query compilation. */
export function tokenize(text: string, lang?: string | null): Token[] {
  const tokens: Token[] = [];
  scanText(
    text,
    {
      word: (start, end, pos, endPos) =>
        tokens.push({ text: normalizeWord(text.slice(start, end)), kind: "word", start, end, pos, endPos }),
      cjk: (start, end, pos) => {
        const folded = foldCjkRun(text.slice(start, end)).text;
        tokens.push({
          text: folded,
          kind: "cjk",
          start,
          end,
          pos,
          endPos: cjkPosition(pos, end - start - 1),
        });
      },
    },
    lang,
  );
  return tokens;
}
