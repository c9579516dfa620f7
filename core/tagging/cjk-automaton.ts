/**
 * Aho-Corasick over UTF-16 code units: finds every CJK query term inside a run in one pass, however
 * many terms the topics hold. Code units rather than code points are safe here because a surrogate
 * pair only ever matches the same pair. Transitions live in one open-addressing table keyed by
 * (state, unit), and matches go to reusable buffers, so a scan allocates nothing.
 */
export class CjkAutomaton {
  /** `state * 0x10000 + unit`, -1 for an empty slot; doubles, so a large automaton cannot overflow. */
  private readonly keys: Float64Array;
  private readonly targets: Int32Array;
  private readonly shift: number;
  private readonly fail: Int32Array;
  /** Pattern ids ending at state s (including through failure links): `outIds[outStart[s] .. outStart[s + 1]]`. */
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;
  private readonly lengths: Int32Array;
  /** Matches of the last `scan`: pattern id and end offset (exclusive). */
  foundId = new Int32Array(64);
  foundEnd = new Int32Array(64);
  private scratch = new Uint16Array(64);

  constructor(patterns: readonly string[]) {
    const next: Map<number, number>[] = [new Map()];
    const out: number[][] = [[]];
    patterns.forEach((pattern, id) => {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        let to = next[state]!.get(code);
        if (to === undefined) {
          to = next.length;
          next.push(new Map());
          out.push([]);
          next[state]!.set(code, to);
        }
        state = to;
      }
      if (pattern.length > 0) out[state]!.push(id);
    });
    this.lengths = Int32Array.from(patterns, (p) => p.length);
    this.fail = link(next, out);
    this.outStart = new Int32Array(out.length + 1);
    this.outIds = Int32Array.from(out.flat());
    out.forEach((ids, s) => {
      this.outStart[s + 1] = this.outStart[s]! + ids.length;
    });
    const edges = next.reduce((sum, map) => sum + map.size, 0);
    let bits = 4;
    while (1 << bits < edges * 2) bits++;
    this.shift = 32 - bits;
    this.keys = new Float64Array(1 << bits).fill(-1);
    this.targets = new Int32Array(1 << bits);
    next.forEach((map, state) => {
      for (const [code, to] of map) {
        const key = state * 0x10000 + code;
        let slot = this.slotOf(key);
        while (this.keys[slot] !== -1) slot = (slot + 1) & (this.keys.length - 1);
        this.keys[slot] = key;
        this.targets[slot] = to;
      }
    });
  }

  get size(): number {
    return this.lengths.length;
  }

  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  private step(state: number, code: number): number {
    const key = state * 0x10000 + code;
    const mask = this.keys.length - 1;
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & mask) {
      const k = this.keys[slot]!;
      if (k === key) return this.targets[slot]!;
      if (k === -1) return -1;
    }
  }

  /** `scan` over a whole string (a run that needed folding). */
  scanText(text: string): number {
    if (this.scratch.length < text.length) this.scratch = new Uint16Array(text.length * 2);
    for (let i = 0; i < text.length; i++) this.scratch[i] = text.charCodeAt(i);
    return this.scan(this.scratch, 0, text.length);
  }

  /** Finds every occurrence in `units[from, to)` into `foundId`/`foundEnd`; returns how many. */
  scan(units: Uint16Array, from: number, to: number): number {
    let state = 0;
    let count = 0;
    for (let i = from; i < to; i++) {
      const code = units[i]!;
      let target = this.step(state, code);
      while (target === -1 && state !== 0) {
        state = this.fail[state]!;
        target = this.step(state, code);
      }
      state = target === -1 ? 0 : target;
      for (let k = this.outStart[state]!; k < this.outStart[state + 1]!; k++) {
        if (count === this.foundId.length) this.growFound();
        this.foundId[count] = this.outIds[k]!;
        this.foundEnd[count++] = i + 1;
      }
    }
    return count;
  }

  patternLength(id: number): number {
    return this.lengths[id]!;
  }

  private growFound(): void {
    const id = new Int32Array(this.foundId.length * 2);
    const end = new Int32Array(this.foundId.length * 2);
    id.set(this.foundId);
    end.set(this.foundEnd);
    this.foundId = id;
    this.foundEnd = end;
  }
}

/** Failure links by breadth-first search; extends each state's output with its failure state's. */
function link(next: Map<number, number>[], out: number[][]): Int32Array {
  const fail = new Int32Array(next.length);
  const queue: number[] = [...next[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const [code, to] of next[state]!) {
      let f = fail[state]!;
      while (f !== 0 && !next[f]!.has(code)) f = fail[f]!;
      const target = next[f]!.get(code);
      fail[to] = target !== undefined && target !== to ? target : 0;
      out[to] = [...out[to]!, ...out[fail[to]!]!];
      queue.push(to);
    }
  }
  return fail;
}
