import { AND, ANY, FIELD, NEAR, PHRASE, type Plan, type PlanNode, TERM } from "./match-plan";

/**
 * Which nodes an article can wake. Most non-term members of a big OR (the phrases of a concept) and most
 * topics cannot hold for a given article, and finding that out one by one cost more than the rest of
 * tagging. So every such node (an OR's member, or a topic's root) is a slot with trigger ids, ids at least
 * one of which must hit for it to hold; the matcher walks the few ids an article hit and wakes their slots,
 * and evaluates only those. A slot's owner is the OR's group, or `groupCount + t` for topic `t`.
 */
export interface CandidateIndex {
  /**
   * Per OR group: the non-term members evaluated always: those that can hold without any hit (a NOT
   * inside) and nested groups.
   */
  groupAlways: PlanNode[][];
  /** Slots an id wakes: `slotIds[slotStart[id] .. slotStart[id + 1]]`. */
  slotStart: Int32Array;
  slotIds: Int32Array;
  slotOwner: Int32Array;
  slotNode: PlanNode[];
  /** Each topic's slot, or -1 for a topic that can hold without any hit of its own (evaluated always). */
  rootSlot: Int32Array;
}

/**
 * `hitCounts`, when given, is how often each id hit in the articles tagged so far: an AND's or a NEAR's trigger
 * set is then its side that hits least often, and a phrase's trigger its rarest word, where without it the fewest
 * ids stand for the side (a common word alone beats a list of rare place names otherwise). Any side's set is
 * exact, since the node holds only if every side does; the choice changes how often a slot wakes, never a result.
 */
export function candidateIndex(plan: Plan, dictionarySize: number, hitCounts?: Int32Array): CandidateIndex {
  const { roots, nodes, groupCount } = plan;
  const triggers = triggerSets(nodes, dictionarySize, hitCounts);
  const lists: number[][] = Array.from({ length: dictionarySize }, () => []);
  const slotOwner: number[] = [];
  const slotNode: PlanNode[] = [];
  const slotFor = (node: PlanNode, owner: number): number => {
    const ids = triggers[node.index]!;
    if (ids === null) return -1;
    for (const id of ids) lists[id]!.push(slotNode.length);
    slotOwner.push(owner);
    slotNode.push(node);
    return slotNode.length - 1;
  };
  const groupAlways: PlanNode[][] = Array.from({ length: groupCount }, () => []);
  for (const node of nodes) {
    if (node.k !== ANY) continue;
    for (const child of node.children) {
      // A nested group (a concept's list) answers from its own marks in constant time: asking it always
      // is cheaper than waking it from each of its thousands of ids.
      if (child.k === ANY || slotFor(child, node.arg) === -1) groupAlways[node.arg]!.push(child);
    }
  }
  const rootSlot = Int32Array.from(roots, (root, t) => slotFor(root, groupCount + t));
  const slotStart = new Int32Array(dictionarySize + 1);
  lists.forEach((list, id) => {
    slotStart[id + 1] = slotStart[id]! + list.length;
  });
  return {
    groupAlways,
    slotStart,
    slotIds: Int32Array.from(lists.flat()),
    slotOwner: Int32Array.from(slotOwner),
    slotNode,
    rootSlot,
  };
}

/**
 * Per node (by index): ids at least one of which must hit for it to hold, or null when it can hold without
 * a hit (a NOT). A phrase needs all its words, so one stands for it: the one in fewest phrases, the likeliest
 * to be rare; an AND or a NEAR needs each side, so its smallest set stands for it; an OR needs any member.
 */
function triggerSets(
  nodes: readonly PlanNode[],
  dictionarySize: number,
  hitCounts?: Int32Array,
): Array<Int32Array | null> {
  const inPhrases = new Int32Array(dictionarySize);
  for (const node of nodes) if (node.k === PHRASE) for (const id of node.ids) inPhrases[id]!++;
  const out: Array<Int32Array | null | undefined> = new Array(nodes.length);
  // An id never seen still costs a little, so of two sets never seen the one with fewer ids wins.
  const idCost = (id: number) => (hitCounts ? hitCounts[id]! + 0.01 : 1);
  const setCost = (set: Int32Array) => {
    let cost = 0;
    for (let k = 0; k < set.length; k++) cost += idCost(set[k]!);
    return cost;
  };
  const smallest = (sets: Array<Int32Array | null>): Int32Array | null =>
    sets.reduce<Int32Array | null>(
      (best, set) => (set !== null && (best === null || setCost(set) < setCost(best)) ? set : best),
      null,
    );
  const phraseCost = (id: number) => (hitCounts ? idCost(id) : inPhrases[id]!);
  const of = (node: PlanNode): Int32Array | null => {
    const known = out[node.index];
    if (known !== undefined) return known;
    let set: Int32Array | null;
    switch (node.k) {
      case TERM:
        set = Int32Array.of(node.arg);
        break;
      case PHRASE:
        set = Int32Array.of(node.ids.reduce((best, id) => (phraseCost(id) < phraseCost(best) ? id : best)));
        break;
      case ANY: {
        const children = node.children.map(of);
        set = children.includes(null)
          ? null
          : Int32Array.from(new Set([...node.ids, ...children.flatMap((c) => [...c!])]));
        break;
      }
      case AND:
      case NEAR:
        set = smallest(node.children.map(of));
        break;
      case FIELD:
        set = of(node.children[0]!);
        break;
      default:
        set = null;
    }
    out[node.index] = set;
    return set;
  };
  for (const node of nodes) of(node);
  return out as Array<Int32Array | null>;
}
