import { type Stemmer, stemKey } from "./analysis";
import { foldCase } from "./tokenize";

const noIds: readonly number[] = [];

/**
 * The dictionary ids a word adds through its stem in one language, beyond the ids it matches as written,
 * memoized per token-cache entry. One token cache serves every language (a cache per language made each
 * learn the whole multilingual vocabulary of a feed set and fall out of the CPU's caches); this small table
 * beside it holds, per entry, which list of stem ids the word has in this language, computed on first sight.
 */
export class StemIds {
  /** Per token-cache entry: -1 not looked at yet in this generation, else an index into `lists`. */
  private state = new Int32Array(4096).fill(-1);
  private generation = -1;
  private readonly lists: Array<readonly number[]> = [noIds];
  private readonly listOfStem = new Map<string, number>();

  constructor(
    private readonly stemmer: Stemmer,
    private readonly stems: ReadonlyMap<string, readonly number[]>,
  ) {}

  /**
   * Ids `text[start, end)` (token-cache entry `entry` of `generation`) matches through its stem and not
   * already through `literal` (the entry's ids in `pool[from, to)`).
   */
  idsOf(
    entry: number,
    generation: number,
    text: string,
    start: number,
    end: number,
    pool: Int32Array,
    from: number,
    to: number,
  ): readonly number[] {
    if (generation !== this.generation) {
      this.state.fill(-1);
      this.generation = generation;
    }
    if (entry >= this.state.length) {
      const grown = new Int32Array(Math.max(entry + 1, this.state.length * 2)).fill(-1);
      grown.set(this.state);
      this.state = grown;
    }
    let list = this.state[entry]!;
    if (list === -1) {
      list = this.listFor(text.slice(start, end), pool, from, to);
      this.state[entry] = list;
    }
    return this.lists[list]!;
  }

  private listFor(raw: string, pool: Int32Array, from: number, to: number): number {
    const stemmed = this.stems.get(stemKey(this.stemmer, foldCase(raw)));
    if (!stemmed) return 0;
    const extra: number[] = [];
    outer: for (const id of stemmed) {
      for (let k = from; k < to; k++) if (pool[k] === id) continue outer;
      extra.push(id);
    }
    if (extra.length === 0) return 0;
    // Lists are shared by words with the same extra ids (the inflections of one term).
    const key = extra.join(",");
    let index = this.listOfStem.get(key);
    if (index === undefined) {
      index = this.lists.length;
      this.lists.push(extra);
      this.listOfStem.set(key, index);
    }
    return index;
  }
}
