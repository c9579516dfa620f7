import type { FieldIndex } from "./compile";

/**
 * The hits of one article, in flat typed arrays with a linked list per dictionary id, so tagging a
 * million articles allocates nothing per hit.
 */
export class HitStore {
  /** First hit of each dictionary id, -1 when none. */
  readonly head: Int32Array;
  /** Fields each dictionary id hit in: bit 0 title, bit 1 summary. */
  readonly fields: Uint8Array;
  /** Dictionary ids with at least one hit in the current article. */
  readonly touched: number[] = [];
  next = new Int32Array(256);
  field = new Int8Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  pos = new Int32Array(256);
  endPos = new Int32Array(256);
  private count = 0;

  constructor(dictionarySize: number) {
    this.head = new Int32Array(dictionarySize).fill(-1);
    this.fields = new Uint8Array(dictionarySize);
  }

  clear(): void {
    for (const id of this.touched) {
      this.head[id] = -1;
      this.fields[id] = 0;
    }
    this.touched.length = 0;
    this.count = 0;
  }

  add(id: number, field: FieldIndex, start: number, end: number, pos: number, endPos: number): void {
    if (this.count === this.next.length) this.grow();
    const h = this.count++;
    if (this.head[id] === -1) this.touched.push(id);
    this.next[h] = this.head[id]!;
    this.head[id] = h;
    this.fields[id]! |= 1 << field;
    this.field[h] = field;
    this.start[h] = start;
    this.end[h] = end;
    this.pos[h] = pos;
    this.endPos[h] = endPos;
  }

  private grow(): void {
    const size = this.next.length * 2;
    const copy = <T extends Int32Array | Int8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.next = copy(this.next, new Int32Array(size));
    this.field = copy(this.field, new Int8Array(size));
    this.start = copy(this.start, new Int32Array(size));
    this.end = copy(this.end, new Int32Array(size));
    this.pos = copy(this.pos, new Int32Array(size));
    this.endPos = copy(this.endPos, new Int32Array(size));
  }
}
