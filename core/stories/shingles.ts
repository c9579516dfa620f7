import { stemKey, stemmerFor } from "../tagging/analysis";
import { foldCase, foldCjkRun, normalizeWord, scanText } from "../tagging/tokenize";
import { ownCopy } from "../text/own-copy";

/**
 * The text a story is recognised by: the title and the lead (the summary's first words), analysed as the topic
 * engine analyses them (tokenize.ts folding, analysis.ts stemming in the article's language), so a copy that
 * says `curbed` where the wire said `curbs`, or 輝達 where it said 辉达, still shares its shingles. A shingle is
 * `SHINGLE_WORDS` consecutive words, or `SHINGLE_CHARS` consecutive characters inside a Chinese or Japanese
 * run (no spaces to split words by), hashed to 32 bits; the set of them is what two copies are compared by.
 */
export interface ShingleOptions {
  /** Words per shingle in space-separated scripts. */
  words: number;
  /** Characters per shingle inside CJK runs. */
  chars: number;
  /** Words (CJK: characters count as half a word) of the summary kept as the lead. */
  leadTokens: number;
}

export const SHINGLES: ShingleOptions = { words: 3, chars: 3, leadTokens: 60 };

/** Sorted, unique 32-bit shingle hashes of an article's title and lead. */
export function storyShingles(
  article: { title: string; summary: string; lang: string | null },
  options: ShingleOptions = SHINGLES,
): Uint32Array {
  const out = new Set<number>();
  addShingles(out, tokenHashes(article.title, article.lang, Number.POSITIVE_INFINITY), options);
  addShingles(out, tokenHashes(article.summary, article.lang, options.leadTokens), options);
  return Uint32Array.from(out).sort();
}

/** A token stream: word hashes, and CJK character hashes flagged so shingles do not cross the two. */
interface Tokens {
  hashes: number[];
  /** true where the token is one CJK character. */
  cjk: boolean[];
}

/**
 * Words cached in all languages together; past this they are all forgotten and analysed again: news vocabulary
 * refills the common words quickly. A bound per language let ten languages hold a million words: over 100,000
 * articles of open vocabulary in 10 languages, the caches kept 109 MiB of heap; 77 MiB with their keys copied
 * (ownCopy), 9 MiB with this one bound as well (`npm run bench stories`, its "heap kept" row).
 */
const WORD_CACHE_SIZE = 100_000;
/** Per language: a word as written -> its key's hash, or DROPPED. Stemming costs microseconds a word. */
const wordCaches = new Map<string, Map<string, number>>();
let cachedWords = 0;
const DROPPED = -1;

function wordHash(raw: string, lang: string | null): number {
  const language = lang ?? "";
  let cache = wordCaches.get(language);
  if (!cache) {
    cache = new Map();
    wordCaches.set(language, cache);
  }
  const known = cache.get(raw);
  if (known !== undefined) return known;
  const stemmer = stemmerFor(lang);
  const key = stemmer ? stemKey(stemmer, foldCase(raw)) : normalizeWord(raw);
  // One letter says nothing of a story, and copies differ in them: DeepSeek's / DeepSeek, a / the.
  const hash = key.length === 1 ? DROPPED : hashString(key);
  if (cachedWords >= WORD_CACHE_SIZE) {
    for (const c of wordCaches.values()) c.clear();
    cachedWords = 0;
  }
  cache.set(ownCopy(raw), hash);
  cachedWords++;
  return hash;
}

function tokenHashes(text: string, lang: string | null, budget: number): Tokens {
  const tokens: Tokens = { hashes: [], cjk: [] };
  let used = 0;
  scanText(
    text,
    {
      word(start, end, pos, endPos) {
        // A hyphenated compound comes whole and then part by part: its parts are the words.
        if (endPos !== pos || used >= budget) return;
        const hash = wordHash(text.slice(start, end), lang);
        if (hash === DROPPED) return;
        tokens.hashes.push(hash);
        tokens.cjk.push(false);
        used++;
      },
      cjk(start, end) {
        const folded = foldCjkRun(text.slice(start, end)).text;
        for (const ch of folded) {
          if (used >= budget) return;
          tokens.hashes.push(hashString(ch));
          tokens.cjk.push(true);
          used += 0.5;
        }
      },
    },
    lang,
  );
  return tokens;
}

/**
 * Every run of `words` word tokens (or `chars` CJK tokens) becomes one shingle; a text shorter than one
 * shingle gives its tokens as one, so a one-word headline is not an empty set.
 */
function addShingles(out: Set<number>, tokens: Tokens, options: ShingleOptions): void {
  const { hashes, cjk } = tokens;
  const n = hashes.length;
  let added = false;
  for (let i = 0; i < n; i++) {
    const size = cjk[i] ? options.chars : options.words;
    if (i + size > n) break;
    let h = 0x811c9dc5;
    let sameKind = true;
    for (let k = 0; k < size; k++) {
      if (cjk[i + k] !== cjk[i]) {
        sameKind = false;
        break;
      }
      h = mix(h ^ hashes[i + k]!);
    }
    if (!sameKind) continue;
    out.add(h >>> 0);
    added = true;
  }
  if (!added && n > 0) {
    let h = 0x811c9dc5;
    for (const t of hashes) h = mix(h ^ t);
    out.add(h >>> 0);
  }
}

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A 32-bit finaliser (murmur3's fmix32): every input bit moves every output bit. */
export function mix(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** The Jaccard similarity of two sorted shingle sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
