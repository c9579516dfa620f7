/**
 * Aho-Corasick over UTF-16 code units: finds every CJK query term inside a run in one pass, however
 * many terms the topics hold. Code units rather than code points are safe here because a surrogate
 * pair only ever matches the same pair.
 */
export class CjkAutomaton {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Pattern ids ending at each state, including those reached through failure links. */
  private readonly out: number[][] = [[]];
  private readonly lengths: number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((pattern, id) => {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        let to = this.next[state]!.get(code);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[state]!.set(code, to);
        }
        state = to;
      }
      if (pattern.length > 0) this.out[state]!.push(id);
    });
    this.link();
  }

  get size(): number {
    return this.lengths.length;
  }

  private link(): void {
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(code)) f = this.fail[f]!;
        const target = this.next[f]!.get(code);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to] = [...this.out[to]!, ...this.out[this.fail[to]!]!];
        queue.push(to);
      }
    }
  }

  /** Calls `onHit(patternId, start, end)` for every occurrence in `text` (offsets into `text`). */
  scan(text: string, onHit: (id: number, start: number, end: number) => void): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let to = this.next[state]!.get(code);
      while (to === undefined && state !== 0) {
        state = this.fail[state]!;
        to = this.next[state]!.get(code);
      }
      state = to ?? 0;
      const ids = this.out[state]!;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        onHit(id, i + 1 - this.lengths[id]!, i + 1);
      }
    }
  }
}
