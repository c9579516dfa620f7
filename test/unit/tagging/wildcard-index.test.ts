import { describe, expect, it } from "vitest";
import { WildcardIndex, type WordPattern } from "../../../core/tagging/wildcard-index";

/** The definition the index must meet: every pattern compared with the word, kind by kind, in id order. */
function naive(
  word: string,
  prefixes: WordPattern[],
  suffixes: WordPattern[],
  infixes: WordPattern[],
): number[] {
  return [
    ...prefixes.filter((p) => word.startsWith(p.stem)),
    ...suffixes.filter((p) => word.endsWith(p.stem)),
    ...infixes.filter((p) => word.includes(p.stem)),
  ].map((p) => p.id);
}

const patterns = (stems: string[], firstId: number): WordPattern[] =>
  stems.map((stem, k) => ({ stem, id: firstId + k }));

describe("WildcardIndex", () => {
  it("finds every prefix, suffix and infix a word matches, each once, in id order", () => {
    const prefixes = patterns(["chip", "chi", "processor", "微", "chips"], 0);
    const suffixes = patterns(["aktie", "ie", "chip", "s"], 10);
    const infixes = patterns(["chip", "ak", "a"], 20);
    const index = new WildcardIndex(prefixes, suffixes, infixes);
    for (const word of ["chipaktie", "chips", "chipchip", "aktie", "nvidia-aktie", "微软", "x", "kakaka"]) {
      const ids: number[] = [];
      index.idsOf(word, ids);
      expect(ids, word).toEqual(naive(word, prefixes, suffixes, infixes));
    }
  });

  it("agrees with comparing each pattern on many random words, surrogate pairs included", () => {
    let seed = 5;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const alphabet = ["a", "b", "c", "é", "ж", "中", "𠀋"];
    const word = (min: number, max: number) => {
      let out = "";
      for (let n = min + Math.floor(next() * (max - min + 1)); n > 0; n--)
        out += alphabet[Math.floor(next() * 7)];
      return out;
    };
    const stems = (n: number) => Array.from({ length: n }, () => word(1, 3));
    const [prefixes, suffixes, infixes] = [
      patterns(stems(40), 0),
      patterns(stems(40), 100),
      patterns(stems(40), 200),
    ];
    const index = new WildcardIndex(prefixes, suffixes, infixes);
    for (let n = 0; n < 2_000; n++) {
      const w = word(1, 8);
      const ids: number[] = [];
      index.idsOf(w, ids);
      expect(ids, w).toEqual(naive(w, prefixes, suffixes, infixes));
    }
  });

  it("appends after the ids already found, and finds nothing without patterns", () => {
    const ids = [7];
    new WildcardIndex(patterns(["de"], 1), [], []).idsOf("deepseek", ids);
    expect(ids).toEqual([7, 1]);
    const none: number[] = [];
    new WildcardIndex([], [], []).idsOf("deepseek", none);
    expect(none).toEqual([]);
  });
});
