import { hashString, mix } from "./shingles";

/**
 * MinHash signatures and their LSH bands (Broder 1997; Leskovec, Rajaraman & Ullman, _Mining of Massive
 * Datasets_ ch. 3). Two sets agree on one signature row with probability equal to their Jaccard similarity J, so
 * they share at least one band of `rows` rows with probability 1 - (1 - J^rows)^bands: the bands are the index
 * that finds near-duplicates without comparing an article with every other. A band's key also carries the
 * article's language, so lookups never leave it.
 */
export interface BandOptions {
  bands: number;
  rows: number;
}

export const BANDS: BandOptions = { bands: 16, rows: 2 };

// Fixed seeds: band keys are stored, so the hash functions must never change between runs or versions.
const SEEDS = Array.from({ length: 256 }, (_, i) => mix(0x9e3779b9 + Math.imul(i + 1, 0x85ebca6b)));

/** The `bands × rows` minimum hashes of a shingle set (empty set: no signature). */
export function minhashSignature(shingles: Uint32Array, options: BandOptions = BANDS): Uint32Array {
  const size = options.bands * options.rows;
  const signature = new Uint32Array(size).fill(0xffffffff);
  if (shingles.length === 0) return new Uint32Array(0);
  for (let k = 0; k < size; k++) {
    const seed = SEEDS[k]!;
    let min = 0xffffffff;
    for (let i = 0; i < shingles.length; i++) {
      const h = mix(shingles[i]! ^ seed) >>> 0;
      if (h < min) min = h;
    }
    signature[k] = min;
  }
  return signature;
}

/**
 * One key per band: a 53-bit hash (a safe JavaScript integer, stored as SQLite's INTEGER) of the band's number,
 * its rows and the language. Collisions of unrelated bands are about 1 in 2^53; a false match is only a
 * candidate anyway, checked against the exact Jaccard similarity.
 */
export function bandKeys(
  signature: Uint32Array,
  lang: string | null,
  options: BandOptions = BANDS,
): number[] {
  if (signature.length === 0) return [];
  const langHash = hashString(lang ?? "");
  const keys: number[] = [];
  for (let b = 0; b < options.bands; b++) {
    let hi = mix(langHash ^ Math.imul(b + 1, 0x27d4eb2f));
    let lo = mix(langHash + b + 0x165667b1);
    for (let r = 0; r < options.rows; r++) {
      const v = signature[b * options.rows + r]!;
      hi = mix(hi ^ v);
      lo = mix(lo + Math.imul(v, 0xcc9e2d51));
    }
    keys.push((hi >>> 11) * 2 ** 32 + (lo >>> 0));
  }
  return keys;
}
