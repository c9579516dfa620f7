import type { CandidateIndex } from "./candidate-index";
import type { HitStore } from "./hit-store";
import type { Plan } from "./match-plan";

/**
 * What one article's hits mark in a plan, found by walking the ids it hit (tens) rather than the plan's
 * nodes (thousands): the fields in which each OR group has a hit member, those members as linked lists,
 * and the woken slots (see `CandidateIndex`) per owner. Marks carry the article's stamp, so a new article
 * starts clean without clearing anything.
 */
export class PlanMarks {
  /** The article the marks are for; never 0, so the zeroed stamps start stale. */
  article = 0;
  /** Fields (bit 0 title, bit 1 summary) in which some member of each group hit; valid where `groupAt` is `article`. */
  readonly groupFields: Uint8Array;
  private readonly groupAt: Int32Array;
  /** Per group, its hit members as linked lists: first link, then `linkNext`, with `linkId` and `linkLabel`. */
  private readonly groupHead: Int32Array;
  linkNext = new Int32Array(256);
  linkId = new Int32Array(256);
  linkLabel = new Int32Array(256);
  /** Per owner, its woken slots as a linked list through `slotNext`; valid where `ownerAt` is `article`. */
  private readonly ownerHead: Int32Array;
  private readonly ownerAt: Int32Array;
  readonly slotNext: Int32Array;
  private readonly slotAt: Int32Array;

  constructor(
    private readonly plan: Plan,
    private readonly candidates: CandidateIndex,
  ) {
    this.groupFields = new Uint8Array(plan.groupCount);
    this.groupAt = new Int32Array(plan.groupCount);
    this.groupHead = new Int32Array(plan.groupCount);
    const owners = plan.groupCount + plan.roots.length;
    this.ownerHead = new Int32Array(owners);
    this.ownerAt = new Int32Array(owners);
    this.slotNext = new Int32Array(candidates.slotNode.length);
    this.slotAt = new Int32Array(candidates.slotNode.length);
  }

  /** Marks the hits now in `hits` as a new article's. */
  mark(hits: HitStore): void {
    this.article = (this.article + 1) | 0 || 1;
    const article = this.article;
    const { groupStart, groupIds, groupLabels } = this.plan;
    const { slotStart, slotIds, slotOwner } = this.candidates;
    const { groupFields, groupAt, groupHead, ownerHead, ownerAt, slotNext, slotAt } = this;
    const touched = hits.touched;
    let links = 0;
    for (let t = 0; t < touched.length; t++) {
      const id = touched[t]!;
      const fields = hits.fields[id]!;
      for (let k = groupStart[id]!; k < groupStart[id + 1]!; k++) {
        const g = groupIds[k]!;
        if (groupAt[g] !== article) {
          groupAt[g] = article;
          groupFields[g] = 0;
          groupHead[g] = -1;
        }
        groupFields[g]! |= fields;
        if (links === this.linkId.length) this.growLinks();
        this.linkId[links] = id;
        this.linkLabel[links] = groupLabels[k]!;
        this.linkNext[links] = groupHead[g]!;
        groupHead[g] = links++;
      }
      for (let k = slotStart[id]!; k < slotStart[id + 1]!; k++) {
        const s = slotIds[k]!;
        if (slotAt[s] === article) continue;
        slotAt[s] = article;
        const owner = slotOwner[s]!;
        if (ownerAt[owner] !== article) {
          ownerAt[owner] = article;
          ownerHead[owner] = -1;
        }
        slotNext[s] = ownerHead[owner]!;
        ownerHead[owner] = s;
      }
    }
  }

  /** The fields in which a member of group `g` hit (0: none). */
  fieldsOf(g: number): number {
    return this.groupAt[g] === this.article ? this.groupFields[g]! : 0;
  }

  /** The first link of group `g`'s hit members, -1 when none. */
  firstLink(g: number): number {
    return this.groupAt[g] === this.article ? this.groupHead[g]! : -1;
  }

  /** The first woken slot of `owner`, -1 when none; the rest follow through `slotNext`. */
  firstSlot(owner: number): number {
    return this.ownerAt[owner] === this.article ? this.ownerHead[owner]! : -1;
  }

  /** Whether slot `s` was woken for this article. */
  woken(s: number): boolean {
    return this.slotAt[s] === this.article;
  }

  private growLinks(): void {
    const grow = (from: Int32Array) => {
      const to = new Int32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.linkNext = grow(this.linkNext);
    this.linkId = grow(this.linkId);
    this.linkLabel = grow(this.linkLabel);
  }
}
