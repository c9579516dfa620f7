/** A wildcard term as the dictionary holds it: the folded text around the `*`, and its dictionary id. */
export interface WordPattern {
  stem: string;
  id: number;
}

/**
 * Tries over UTF-16 units: each pattern is a path from the root, and the ids of the patterns ending at a node
 * sit on it. One trie per wildcard kind finds every pattern a word matches in one walk of the word (prefixes
 * from its start, suffixes from its end backwards, infixes from each position), where comparing the word with
 * each pattern cost a hundred microseconds per new word once queries and concepts held their 500 wildcards.
 */
class UnitTrie {
  /** `node * 0x10000 + unit` -> child node; node 0 is the root. */
  private readonly edges = new Map<number, number>();
  /** Ids of the patterns ending at each node. */
  private readonly ends: number[][] = [[]];

  constructor(patterns: readonly WordPattern[], reversed: boolean) {
    for (const { stem, id } of patterns) {
      let node = 0;
      for (let k = 0; k < stem.length; k++) {
        const unit = stem.charCodeAt(reversed ? stem.length - 1 - k : k);
        const key = node * 0x10000 + unit;
        let next = this.edges.get(key);
        if (next === undefined) {
          next = this.ends.length;
          this.ends.push([]);
          this.edges.set(key, next);
        }
        node = next;
      }
      this.ends[node]!.push(id);
    }
  }

  get empty(): boolean {
    return this.ends.length === 1 && this.ends[0]!.length === 0;
  }

  /** Pushes the ids of every pattern that `word` read from `from` by `step` (1 or -1) begins with. */
  walk(word: string, from: number, step: 1 | -1, out: number[]): void {
    // A pattern that folded to nothing (marks only) ends at the root: like `startsWith("")`, it fits every word.
    for (const id of this.ends[0]!) out.push(id);
    let node = 0;
    for (let i = from; i >= 0 && i < word.length; i += step) {
      const next = this.edges.get(node * 0x10000 + word.charCodeAt(i));
      if (next === undefined) return;
      node = next;
      const ends = this.ends[node]!;
      for (let k = 0; k < ends.length; k++) out.push(ends[k]!);
    }
  }
}

const ascending = (a: number, b: number) => a - b;

/** The prefix (`chip*`), suffix (`*aktie`) and infix (`*chip*`) terms of a dictionary, looked up by word. */
export class WildcardIndex {
  private readonly prefixes: UnitTrie;
  private readonly suffixes: UnitTrie;
  private readonly infixes: UnitTrie;

  constructor(
    prefixes: readonly WordPattern[],
    suffixes: readonly WordPattern[],
    infixes: readonly WordPattern[],
  ) {
    this.prefixes = new UnitTrie(prefixes, false);
    this.suffixes = new UnitTrie(suffixes, true);
    this.infixes = new UnitTrie(infixes, false);
  }

  /**
   * Appends the ids of the patterns a folded word matches: prefixes, then suffixes, then infixes, each kind once
   * per pattern and in id order (the order in which the dictionary lists them).
   */
  idsOf(word: string, out: number[]): void {
    this.add(out, (found) => this.prefixes.walk(word, 0, 1, found));
    this.add(out, (found) => this.suffixes.walk(word, word.length - 1, -1, found));
    if (this.infixes.empty) return;
    this.add(out, (found) => {
      for (let i = 0; i < word.length; i++) this.infixes.walk(word, i, 1, found);
    });
  }

  private add(out: number[], find: (found: number[]) => void): void {
    const found: number[] = [];
    find(found);
    if (found.length === 0) return;
    found.sort(ascending);
    for (let k = 0; k < found.length; k++) if (k === 0 || found[k] !== found[k - 1]) out.push(found[k]!);
  }
}
