import type { FieldIndex } from "./compile";
import type { MatchedTerm } from "./types";

/**
 * The spans (a query term's label and where it matched) collected for one topic, as a stack over flat
 * typed arrays: NEAR pushes both sides, keeps the paired ones and drops the rest without allocating.
 */
export class SpanStack {
  top = 0;
  label = new Int32Array(64);
  field = new Int8Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  pos = new Int32Array(64);
  endPos = new Int32Array(64);
  /** Scratch flags for NEAR, and sort order and keys for `explain`. */
  used = new Uint8Array(64);
  order = new Int32Array(64);
  keys = new Float64Array(64);

  push(label: number, field: number, start: number, end: number, pos: number, endPos: number): void {
    if (this.top === this.label.length) this.grow();
    const s = this.top++;
    this.label[s] = label;
    this.field[s] = field;
    this.start[s] = start;
    this.end[s] = end;
    this.pos[s] = pos;
    this.endPos[s] = endPos;
  }

  /** Moves span `from` down to slot `to` (to <= from). */
  move(from: number, to: number): void {
    this.label[to] = this.label[from]!;
    this.field[to] = this.field[from]!;
    this.start[to] = this.start[from]!;
    this.end[to] = this.end[from]!;
    this.pos[to] = this.pos[from]!;
    this.endPos[to] = this.endPos[from]!;
  }

  private grow(): void {
    const size = this.label.length * 2;
    const copy = <T extends Int32Array | Int8Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.label = copy(this.label, new Int32Array(size));
    this.field = copy(this.field, new Int8Array(size));
    this.start = copy(this.start, new Int32Array(size));
    this.end = copy(this.end, new Int32Array(size));
    this.pos = copy(this.pos, new Int32Array(size));
    this.endPos = copy(this.endPos, new Int32Array(size));
    this.used = new Uint8Array(size);
    this.order = new Int32Array(size);
    this.keys = new Float64Array(size);
  }
}

const fieldName = ["title", "summary"] as const;

/** Offsets below this pack into one exactly ordered double with the field (see `spanKey`). */
const packLimit = 2 ** 22;

/**
 * Title first, then reading order, longer first, as one number: comparing it is one read where the four
 * fields were four, and the sort below runs for every topic an article holds. Label text breaks ties.
 */
function spanKey(field: number, start: number, end: number): number {
  return start < packLimit && end < packLimit
    ? field * 2 ** 44 + start * packLimit + (packLimit - 1 - end)
    : Number.NaN;
}

/** Title first, then reading order, longer first, then label text. */
function before(spans: SpanStack, rank: Int32Array, a: number, b: number): number {
  const { field, start, end, label } = spans;
  return (
    field[a]! - field[b]! || start[a]! - start[b]! || end[b]! - end[a]! || rank[label[a]!]! - rank[label[b]!]!
  );
}

/**
 * Matched terms for the dashboard to highlight: one per distinct span, title first, in reading order.
 * A span inside a longer span of the same term is dropped (`*aktie` on both `Nvidia-Aktie` and `Aktie`).
 * `rank` orders labels as strings; `cover` is scratch space of one slot per label, all -1 between calls.
 */
export function explain(
  spans: SpanStack,
  labels: readonly string[],
  rank: Int32Array,
  cover: Int32Array,
): MatchedTerm[] {
  const n = spans.top;
  const { order, field, start, end, label } = spans;
  const keys = spans.keys;
  let packed = true;
  for (let i = 0; i < n; i++) {
    keys[i] = spanKey(field[i]!, start[i]!, end[i]!);
    if (Number.isNaN(keys[i])) packed = false;
  }
  // Insertion sort: a topic's spans are a few dozen at most, and equal keys are equal spans. They arrive
  // in runs of one term's hits, each run latest first, so inserting from the last span on meets mostly
  // sorted input.
  let sorted = 0;
  for (let i = n - 1; i >= 0; i--) {
    let j = sorted++;
    if (packed) {
      const key = keys[i]!;
      while (j > 0) {
        const prev = order[j - 1]!;
        const diff = key - keys[prev]!;
        if (diff > 0 || (diff === 0 && rank[label[i]!]! >= rank[label[prev]!]!)) break;
        order[j] = prev;
        j--;
      }
    } else {
      while (j > 0 && before(spans, rank, i, order[j - 1]!) < 0) {
        order[j] = order[j - 1]!;
        j--;
      }
    }
    order[j] = i;
  }
  const out: MatchedTerm[] = [];
  for (let k = 0; k < n; k++) {
    const s = order[k]!;
    const l = label[s]!;
    const c = cover[l]!;
    if (c !== -1 && field[c] === field[s] && end[c]! >= end[s]!) continue;
    cover[l] = s;
    out.push({ term: labels[l]!, field: fieldName[field[s] as FieldIndex], start: start[s]!, end: end[s]! });
  }
  for (let k = 0; k < n; k++) cover[label[k]!] = -1;
  return out;
}
