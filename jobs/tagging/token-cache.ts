/**
 * Token text -> dictionary ids, in an open-addressing table over typed arrays. Keyed by a hash of the
 * token's UTF-16 units and checked against the stored text, so a lookup neither slices the article nor
 * makes V8 hash a new string: it is the hottest path of tagging. Full tables are simply emptied, since
 * news vocabulary refills the common words within a few hundred articles.
 */
export class TokenCache {
  private readonly mask: number;
  private readonly hashes: Int32Array;
  /** 1-based index into `raws`/`values`; 0 marks an empty slot. */
  private readonly slots: Int32Array;
  private raws: string[] = [];
  private values: (readonly number[])[] = [];

  constructor(
    private readonly compute: (raw: string) => readonly number[],
    bits = 17,
  ) {
    this.mask = (1 << bits) - 1;
    this.hashes = new Int32Array(1 << bits);
    this.slots = new Int32Array(1 << bits);
  }

  /** Ids for `text.slice(start, end)`, computed once per distinct token. */
  get(text: string, start: number, end: number): readonly number[] {
    let hash = 0x811c9dc5 ^ (end - start);
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      if (this.hashes[slot] === hash && sameText(this.raws[entry - 1]!, text, start, end))
        return this.values[entry - 1]!;
      slot = (slot + 1) & this.mask;
    }
    if (this.raws.length * 2 > this.mask) {
      this.slots.fill(0);
      this.raws = [];
      this.values = [];
      return this.get(text, start, end);
    }
    const raw = text.slice(start, end);
    const ids = this.compute(raw);
    this.raws.push(raw);
    this.values.push(ids);
    this.hashes[slot] = hash;
    this.slots[slot] = this.raws.length;
    return ids;
  }
}

function sameText(raw: string, text: string, start: number, end: number): boolean {
  if (raw.length !== end - start) return false;
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
