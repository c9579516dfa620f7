import { ownCopy } from "../text/own-copy";
import { primaryLanguage, type Stemmer, stemKey, stemmerFor } from "./analysis";
import { foldCase, foldCjkRun, normalizeWord, type ScanVisitor, scanText } from "./tokenize";

/**
 * Text to the terms distinctive-term statistics count: unigrams and bigrams, keyed the way the topic engine
 * sees words (tokenize.ts folding, then analysis.ts stemming in the article's language), so `curbed` and
 * `curbs` are one term `curb`. Keys are interned: a term is reported by its id (`keys[id]` is its key), so a
 * counter indexes arrays instead of hashing strings; the caller reads the surface form from the offsets.
 */

/** Term occurrences, in text order, with their spans in the text (end exclusive). */
export interface TermVisitor {
  /** A word, or a CJK character bigram: its key's id. */
  term(id: number, start: number, end: number): void;
  /**
   * The last two terms reported are adjacent words: their bigram, which spans [start, end). Reported as a pair
   * so that a counter keys it by the two words' ids instead of by a new string.
   */
  pair(start: number, end: number): void;
}

/** The key of a bigram of two word keys, for display. */
export const pairKey = (first: string, second: string): string => `${first} ${second}`;

/**
 * Words cached in all languages together; past this they are all forgotten and analysed again: news vocabulary
 * refills the common words quickly. A bound per language let ten languages hold a million words, as the story
 * shingles' caches did (core/stories/shingles.ts); `npm run bench evidence`, its "heap kept" rows, measures both.
 */
const WORD_CACHE_SIZE = 100_000;
const PURE_NUMBER = /^\p{N}+$/u;
/** A word too short or numeric to tell a topic by (`a`, `s`, `2025`), in the word caches. */
const DROPPED = -1;

interface LanguageCache {
  stemmer: Stemmer | null;
  /** The word as written -> its key's id, or DROPPED. */
  ids: Map<string, number>;
}

export class TermAnalyser {
  /** Every key seen, by id. */
  readonly keys: string[] = [];
  private readonly keyIds = new Map<string, number>();
  private readonly caches = new Map<string, LanguageCache>();
  private cachedWords = 0;
  // The field being scanned; kept on the instance so that scanning allocates no closures per call.
  private readonly scanner: ScanVisitor;
  private text = "";
  private cache: LanguageCache | undefined;
  private visit: TermVisitor | undefined;
  private prevWord = false;
  private prevStart = 0;
  private prevEnd = 0;

  constructor() {
    this.scanner = { word: this.word.bind(this), cjk: this.cjk.bind(this) };
  }

  /** Reports every term of one field (title or summary: bigrams never span two fields). */
  analyse(text: string, lang: string | null | undefined, visit: TermVisitor): void {
    this.text = text;
    this.cache = this.cacheFor(lang);
    this.visit = visit;
    this.prevWord = false;
    scanText(text, this.scanner, lang);
  }

  /** The id of a key, given one the first time it is seen. A key kept is a string of its own (see wordId). */
  idOf(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.keyIds.set(key, id);
    }
    return id;
  }

  private word(start: number, end: number, pos: number, endPos: number): void {
    // A hyphenated compound comes whole first, then part by part: its parts are the terms, and the bigram of
    // two parts ("nvidia aktie") stands for the compound.
    if (endPos !== pos) return;
    const id = this.wordId(this.text.slice(start, end));
    if (id === DROPPED) {
      this.prevWord = false;
      return;
    }
    this.visit!.term(id, start, end);
    if (this.prevWord && onlySpaceBetween(this.text, this.prevEnd, start))
      this.visit!.pair(this.prevStart, end);
    this.prevWord = true;
    this.prevStart = start;
    this.prevEnd = end;
  }

  /**
   * Chinese and Japanese write no spaces, and a dictionary segmenter splits names differently from how people
   * search for them, so a CJK run is counted as overlapping character bigrams (英伟达 -> 英伟, 伟达), the usual
   * unit of CJK retrieval; a one-character run says too little and is skipped. Keys are folded (Traditional to
   * Simplified, full width to half) so 輝達 and 辉达 count as one. Korean writes spaces, but its words carry
   * particles (엔비디아의, 엔비디아가), so syllable bigrams serve it too.
   */
  private cjk(start: number, end: number): void {
    this.prevWord = false;
    const folded = foldCjkRun(this.text.slice(start, end));
    const t = folded.text;
    const offsets = folded.offsets;
    // Code-point boundaries of the folded run (CJK extension B and beyond are surrogate pairs).
    let a = 0;
    let b = nextChar(t, a);
    while (b < t.length) {
      const c = nextChar(t, b);
      const from = start + (offsets ? offsets[a]! : a);
      const to = start + (offsets ? offsets[c]! : c);
      this.visit!.term(this.idOf(t.slice(a, c)), from, to);
      a = b;
      b = c;
    }
  }

  private cacheFor(lang: string | null | undefined): LanguageCache {
    const primary = primaryLanguage(lang) ?? "";
    let cache = this.caches.get(primary);
    if (!cache) {
      cache = { stemmer: stemmerFor(primary), ids: new Map() };
      this.caches.set(primary, cache);
    }
    return cache;
  }

  /**
   * The id of the word's key in the scanned field's language, or DROPPED. `raw` is a slice of the article's text:
   * the cache and the key (which folding and stemming often leave as it is) keep a copy of it, not the slice,
   * which would pin the whole text for as long as the analyser lives.
   */
  private wordId(raw: string): number {
    const cache = this.cache!;
    const known = cache.ids.get(raw);
    if (known !== undefined) return known;
    const word = ownCopy(raw);
    const key = cache.stemmer ? stemKey(cache.stemmer, foldCase(word)) : normalizeWord(word);
    const id = (key.length < 3 && [...key].length < 2) || PURE_NUMBER.test(key) ? DROPPED : this.idOf(key);
    if (this.cachedWords >= WORD_CACHE_SIZE) {
      for (const c of this.caches.values()) c.ids.clear();
      this.cachedWords = 0;
    }
    cache.ids.set(word, id);
    this.cachedWords++;
    return id;
  }
}

/** The index after the character at `i` (2 units for a surrogate pair). */
function nextChar(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? i + 2 : i + 1;
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
