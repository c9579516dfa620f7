import { ASTRAL, CJK, charLength, charTable, classAt, HYPHEN, OTHER, SEGMENTED, WORD } from "./char-class";
import { simplifiedTable } from "./chinese-fold";
import type { CjkAutomaton } from "./cjk-automaton";
import type { FieldIndex } from "./compile";
import type { HitStore } from "./hit-store";
import type { StemIds } from "./stem-ids";
import { HASH_SEED, hashEnd, hashRange, hashUnit, type TokenCache } from "./token-cache";
import { cjkPosition, foldCjkRun, needsCjkFold, segmenterFor } from "./tokenize";

/**
 * `scanText` fused with the dictionary lookup, for the matcher's hot loop: each word is hashed while it
 * is read and goes straight to the token cache and the hit store, with no visitor call, slice or
 * closure per token. It must split text exactly as `scanText` does (test/unit/tagging/hit-scan.test.ts
 * holds it to that); `scanText` stays the readable definition used by `tokenize` and the compiler.
 */
export class HitScanner {
  private readonly classes = charTable();
  /**
   * The field being scanned, copied as UTF-16 units. Reading a typed array keeps the loop fast whatever
   * V8's internal form of the string (sliced, cons, one- or two-byte): `charCodeAt` on a mix of those
   * ran four times slower in the benchmark.
   */
  private bytes = Buffer.alloc(2048);
  private units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, 1024);

  private readonly simplified = simplifiedTable();
  private foldScratch = new Uint16Array(256);
  /** The stem ids of the article's language, or null when its words match as written only. */
  private stemIds: StemIds | null = null;

  constructor(
    private readonly tokens: TokenCache,
    private readonly hits: HitStore,
    private readonly cjk: CjkAutomaton,
    /** Dictionary id of each automaton pattern. */
    private readonly cjkIds: readonly number[],
  ) {}

  /** Records every dictionary hit of `text` as `field`, with `stemIds` of the article's language, if any. */
  scan(text: string, field: FieldIndex, lang: string | null | undefined, stemIds: StemIds | null): void {
    this.stemIds = stemIds;
    const classes = this.classes;
    const n = text.length;
    if (n > this.units.length) {
      this.bytes = Buffer.alloc(n * 4);
      this.units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, n * 2);
    }
    this.bytes.write(text, 0, "utf16le");
    const units = this.units;
    let pos = 0;
    let i = 0;
    while (i < n) {
      const code = classes[units[i]!]!;
      const cls = code === ASTRAL ? classAt(text, i, classes) : code;
      if (cls === WORD) {
        const start = i;
        let parts = 0;
        let hash = HASH_SEED;
        for (;;) {
          // Hot loop: one table read and one multiply per character; surrogate pairs take the slow path.
          while (i < n) {
            const unit = units[i]!;
            const c = classes[unit];
            if (c === WORD) {
              hash = hashUnit(hash, unit);
              i++;
            } else if (c === ASTRAL && classAt(text, i, classes) === WORD) {
              hash = hashUnit(hashUnit(hash, unit), units[i + 1]!);
              i += 2;
            } else break;
          }
          parts++;
          if (i + 1 < n && classes[units[i]!] === HYPHEN && classAt(text, i + 1, classes) === WORD) {
            hash = hashUnit(hash, units[i]!);
            i++;
            continue;
          }
          break;
        }
        this.word(text, field, start, i, hashEnd(hash, i - start), pos, pos + parts - 1);
        if (parts === 1) {
          pos++;
          continue;
        }
        let partStart = start;
        let partHash = HASH_SEED;
        for (let j = start; j <= i; j++) {
          const unit = j === i ? -1 : units[j]!;
          if (unit === -1 || classes[unit] === HYPHEN) {
            this.word(text, field, partStart, j, hashEnd(partHash, j - partStart), pos, pos);
            pos++;
            partStart = j + 1;
            partHash = HASH_SEED;
          } else partHash = hashUnit(partHash, unit);
        }
      } else if (cls === CJK) {
        const start = i;
        for (;;) {
          const c = i < n ? classes[units[i]!] : OTHER;
          if (c === CJK) i++;
          else if (c === ASTRAL && classAt(text, i, classes) === CJK) i += charLength(text, i);
          else break;
        }
        if (this.cjkIds.length > 0) this.cjkRun(text, field, start, i, pos);
        pos = cjkPosition(pos, i - start - 1) + 1;
      } else if (cls === SEGMENTED) {
        const start = i;
        while (i < n && classes[units[i]!] === SEGMENTED) i++;
        for (const seg of segmenterFor(lang).segment(text.slice(start, i))) {
          if (!seg.isWordLike) continue;
          const from = start + seg.index;
          const to = from + seg.segment.length;
          this.word(text, field, from, to, hashRange(text, from, to), pos, pos);
          pos++;
        }
      } else {
        i += code === ASTRAL ? charLength(text, i) : 1;
      }
    }
  }

  private word(
    text: string,
    field: FieldIndex,
    start: number,
    end: number,
    hash: number,
    pos: number,
    endPos: number,
  ): void {
    const tokens = this.tokens;
    const entry = tokens.entry(text, this.units, start, end, hash);
    const from = tokens.offsets[entry]!;
    const to = tokens.offsets[entry + 1]!;
    for (let k = from; k < to; k++) this.hits.add(tokens.pool[k]!, field, start, end, pos, endPos);
    const stemIds = this.stemIds;
    if (stemIds === null) return;
    const extra = stemIds.idsOf(entry, tokens.generation, text, start, end, tokens.pool, from, to);
    for (let k = 0; k < extra.length; k++) this.hits.add(extra[k]!, field, start, end, pos, endPos);
  }

  /**
   * The run with its Traditional characters folded to Simplified, in a scratch buffer (one unit for one, so
   * offsets stay), or null when it has none: no string is made on this path.
   */
  private simplifiedRun(start: number, end: number): Uint16Array | null {
    const table = this.simplified;
    const units = this.units;
    let i = start;
    while (i < end && table[units[i]!] === 0) i++;
    if (i === end) return null;
    if (this.foldScratch.length < end - start) this.foldScratch = new Uint16Array(2 * (end - start));
    const out = this.foldScratch;
    for (let k = start; k < end; k++) {
      const unit = units[k]!;
      const to = table[unit]!;
      out[k - start] = to === 0 ? unit : to;
    }
    return out;
  }

  /** Automaton matches inside a CJK run, mapped back to offsets in the original text. */
  private cjkRun(text: string, field: FieldIndex, start: number, end: number, pos: number): void {
    const fold = needsCjkFold(this.units, start, end) ? foldCjkRun(text.slice(start, end)) : null;
    const simplified = fold ? null : this.simplifiedRun(start, end);
    const count = fold
      ? this.cjk.scanText(fold.text)
      : simplified
        ? this.cjk.scan(simplified, 0, end - start)
        : this.cjk.scan(this.units, start, end);
    const base = fold || simplified ? 0 : start;
    for (let k = 0; k < count; k++) {
      const cid = this.cjk.foundId[k]!;
      const e = this.cjk.foundEnd[k]! - base;
      const s = e - this.cjk.patternLength(cid);
      const from = fold?.offsets ? fold.offsets[s]! : s;
      const to = fold?.offsets ? fold.offsets[e]! : e;
      this.hits.add(
        this.cjkIds[cid]!,
        field,
        start + from,
        start + to,
        cjkPosition(pos, from),
        cjkPosition(pos, to - 1),
      );
    }
  }
}
