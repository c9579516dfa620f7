import { primaryLanguage, type Stemmer, stemKey, stemmerFor } from "./analysis";
import { foldCase, foldCjkRun, normalizeWord, scanText } from "./tokenize";

/**
 * Text to the terms distinctive-term statistics count: unigrams and bigrams, keyed the way the topic engine
 * sees words (tokenize.ts folding, then analysis.ts stemming in the article's language), so `curbed` and
 * `curbs` are one term `curb`. The key is for counting; the caller reads the surface form from the offsets.
 */

/** Term occurrences, in text order, with their spans in the text (end exclusive). */
export interface TermVisitor {
  /** A word, or a CJK character bigram, and its key. */
  term(key: string, start: number, end: number): void;
  /**
   * The last two terms reported are adjacent words: their bigram, which spans [start, end). Reported as a pair
   * rather than a key so that a counter can key it by the two words' ids instead of by a new string.
   */
  pair(start: number, end: number): void;
}

/** The key of a bigram of two word keys, for display. */
export const pairKey = (first: string, second: string): string => `${first} ${second}`;

/** Words whose stem cache grows past this are forgotten and re-stemmed: news vocabulary refills it quickly. */
const STEM_CACHE_SIZE = 100_000;
const PURE_NUMBER = /^\p{N}+$/u;

export class TermAnalyser {
  private readonly caches = new Map<string, { stemmer: Stemmer | null; keys: Map<string, string> }>();

  /** Reports every term of one field (title or summary: bigrams never span two fields). */
  analyse(text: string, lang: string | null | undefined, visit: TermVisitor): void {
    const cache = this.cacheFor(lang);
    let prevWord = false;
    let prevStart = 0;
    let prevEnd = 0;
    scanText(
      text,
      {
        word: (start, end, pos, endPos) => {
          // A hyphenated compound comes whole first, then part by part: its parts are the terms, and the
          // bigram of two parts ("nvidia aktie") stands for the compound.
          if (endPos !== pos) return;
          const key = this.wordKey(cache, text.slice(start, end));
          if (key === null) {
            prevWord = false;
            return;
          }
          visit.term(key, start, end);
          if (prevWord && onlySpaceBetween(text, prevEnd, start)) visit.pair(prevStart, end);
          prevWord = true;
          prevStart = start;
          prevEnd = end;
        },
        cjk: (start, end) => {
          prevWord = false;
          cjkBigrams(text, start, end, visit);
        },
      },
      lang,
    );
  }

  private cacheFor(lang: string | null | undefined) {
    const primary = primaryLanguage(lang) ?? "";
    let cache = this.caches.get(primary);
    if (!cache) {
      cache = { stemmer: stemmerFor(primary), keys: new Map() };
      this.caches.set(primary, cache);
    }
    return cache;
  }

  /** The word's key, or null for words too short or numeric to tell a topic by (`a`, `s`, `2025`). */
  private wordKey(cache: { stemmer: Stemmer | null; keys: Map<string, string> }, raw: string): string | null {
    const known = cache.keys.get(raw);
    if (known !== undefined) return known === "" ? null : known;
    let key: string | null = cache.stemmer ? stemKey(cache.stemmer, foldCase(raw)) : normalizeWord(raw);
    if ((key.length < 3 && [...key].length < 2) || PURE_NUMBER.test(key)) key = null;
    if (cache.keys.size >= STEM_CACHE_SIZE) cache.keys.clear();
    cache.keys.set(raw, key ?? "");
    return key;
  }
}

/** True when only spaces or hyphens separate two words: no bigram across punctuation ("chips. Export"). */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x2d || c === 0xa0 || c === 0x2010 || c === 0x2011 || c === 0x09) continue;
    return false;
  }
  return true;
}

/**
 * Chinese and Japanese write no spaces, and a dictionary segmenter splits names differently from how people
 * search for them, so a CJK run is counted as overlapping character bigrams (英伟达 -> 英伟, 伟达), the usual
 * unit of CJK retrieval; a one-character run says too little and is skipped. Keys are folded (Traditional to
 * Simplified, full width to half) so 輝達 and 辉达 count as one. Korean writes spaces, but its words carry
 * particles (엔비디아의, 엔비디아가), so syllable bigrams serve it too.
 */
function cjkBigrams(text: string, start: number, end: number, visit: TermVisitor): void {
  const folded = foldCjkRun(text.slice(start, end));
  const t = folded.text;
  const at = (i: number) => start + (folded.offsets ? folded.offsets[i]! : i);
  // Code-point boundaries of the folded run (CJK extension B and beyond are surrogate pairs).
  const bounds: number[] = [];
  for (let i = 0; i < t.length; ) {
    bounds.push(i);
    const c = t.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < t.length ? 2 : 1;
  }
  bounds.push(t.length);
  for (let k = 0; k + 2 < bounds.length; k++) {
    const from = bounds[k]!;
    const to = bounds[k + 2]!;
    visit.term(t.slice(from, to), at(from), at(to));
  }
}
