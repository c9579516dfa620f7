/**
 * Token text -> dictionary ids, in an open-addressing table over typed arrays. The scanner hashes each
 * word while it reads it (`hashUnit` per UTF-16 unit, then `hashEnd`), so a lookup neither slices the
 * article nor makes V8 hash a new string: it is the hottest path of tagging. Full tables are simply
 * emptied, since news vocabulary refills the common words within a few hundred articles.
 */
export const HASH_SEED = 0x811c9dc5 | 0;

export const hashUnit = (hash: number, unit: number): number => Math.imul(hash ^ unit, 16777619);

/** Mixes in the length and spreads FNV's weak low bits, which pick the slot. */
export function hashEnd(hash: number, length: number): number {
  let h = Math.imul(hash ^ length, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export function hashRange(text: string, start: number, end: number): number {
  let hash = HASH_SEED;
  for (let i = start; i < end; i++) hash = hashUnit(hash, text.charCodeAt(i));
  return hashEnd(hash, end - start);
}

export class TokenCache {
  private readonly mask: number;
  /** Slot s holds the token's hash at 2s and its entry number + 1 at 2s + 1 (0: empty), in one cache line. */
  private readonly table: Int32Array;
  private entries = 0;
  /** Counts the times the table was emptied: entry numbers from an earlier generation mean other words. */
  generation = 0;
  /** Entry e's text is `chars[charStart[e] .. charStart[e + 1]]`: flat, so comparing reads no string. */
  private chars = new Uint16Array(4096);
  private charStart = new Int32Array(1024);
  /** Entry e's ids are `pool[offsets[e]]` up to `pool[offsets[e + 1]]`; read both after `entry()`. */
  offsets = new Int32Array(1024);
  pool = new Int32Array(1024);

  constructor(
    private readonly compute: (raw: string) => readonly number[],
    bits = 16,
  ) {
    this.mask = (1 << bits) - 1;
    this.table = new Int32Array(2 << bits);
  }

  /**
   * The entry of `text.slice(start, end)`, whose `hashRange` is `hash`; computed once per distinct token.
   * `units` holds `text` as UTF-16 units.
   */
  entry(text: string, units: Uint16Array, start: number, end: number, hash: number): number {
    const table = this.table;
    let slot = hash & this.mask;
    for (;;) {
      const at = slot << 1;
      const entry = table[at + 1]!;
      if (entry === 0) break;
      if (table[at] === hash && this.sameText(entry - 1, units, start, end)) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
    if (this.entries * 2 > this.mask) {
      table.fill(0);
      this.entries = 0;
      this.generation++;
      return this.entry(text, units, start, end, hash);
    }
    const e = this.entries++;
    const at = slot << 1;
    table[at] = hash;
    table[at + 1] = e + 1;
    this.store(e, units, start, end, this.compute(text.slice(start, end)));
    return e;
  }

  private sameText(e: number, units: Uint16Array, start: number, end: number): boolean {
    const from = this.charStart[e]!;
    if (this.charStart[e + 1]! - from !== end - start) return false;
    const chars = this.chars;
    for (let i = start; i < end; i++) if (chars[from + i - start] !== units[i]) return false;
    return true;
  }

  private store(e: number, units: Uint16Array, start: number, end: number, ids: readonly number[]): void {
    if (e + 2 > this.offsets.length) {
      this.offsets = grown(this.offsets, e + 2);
      this.charStart = grown(this.charStart, e + 2);
    }
    const from = e === 0 ? 0 : this.offsets[e]!;
    if (from + ids.length > this.pool.length) this.pool = grown(this.pool, from + ids.length);
    for (let k = 0; k < ids.length; k++) this.pool[from + k] = ids[k]!;
    this.offsets[e] = from;
    this.offsets[e + 1] = from + ids.length;
    const at = e === 0 ? 0 : this.charStart[e]!;
    if (at + end - start > this.chars.length) this.chars = grown(this.chars, at + end - start);
    this.chars.set(units.subarray(start, end), at);
    this.charStart[e] = at;
    this.charStart[e + 1] = at + end - start;
  }
}

function grown<T extends Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(from: T, atLeast: number): T {
  let size = from.length * 2;
  while (size < atLeast) size *= 2;
  const to = new (from.constructor as new (size: number) => T)(size);
  to.set(from);
  return to;
}
