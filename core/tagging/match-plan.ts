import type { CompiledNode, FieldIndex } from "./compile";

export const TERM = 0;
export const PHRASE = 1;
/** A flattened OR: plain-term members looked up as one group, other members in `children`. */
export const ANY = 2;
export const AND = 3;
export const NOT = 4;
export const NEAR = 5;
export const FIELD = 6;

/**
 * The evaluation form of a compiled query, one class for every kind so V8 sees a single shape. Nested
 * ORs are flattened and their plain terms gathered into a group whose presence the matcher computes
 * from the article's few hit ids, so an OR of 300 synonyms costs nothing per synonym. Identical
 * subtrees (the shared term families of the default topics) become one node, evaluated once per article.
 */
export class PlanNode {
  constructor(
    readonly k: number,
    /** Unique per distinct node: indexes the matcher's per-article memo. */
    readonly index: number,
    /** TERM: dictionary id; ANY: group index; NEAR: distance; FIELD: field; else 0. */
    readonly arg: number,
    /** TERM, PHRASE: index into `Plan.labels`; else -1. */
    readonly label: number,
    /** PHRASE: dictionary ids in order; ANY: plain-term member ids. */
    readonly ids: Int32Array,
    /** ANY: non-term members; AND: children; NOT, FIELD: [child]; NEAR: [left, right]. */
    readonly children: PlanNode[],
  ) {}
}

export interface Plan {
  roots: PlanNode[];
  nodeCount: number;
  labels: string[];
  /** Position of each label in code-unit order, so explanations sort by integers. */
  labelRank: Int32Array;
  groupCount: number;
  /**
   * Groups an id belongs to: `groupIds[groupStart[id] .. groupStart[id + 1]]`, with the label the id
   * explains itself by in each (`groupLabels`, same index).
   */
  groupStart: Int32Array;
  groupIds: Int32Array;
  groupLabels: Int32Array;
  /** Every distinct node, by index. */
  nodes: PlanNode[];
}

const none = new Int32Array(0);

/**
 * The members of an OR with nested ORs spread in, except a concept's list: that stays one node of its own,
 * shared by every OR that names the concept. Spread into each, its terms would join every such group and
 * its phrases would wake once per group (a term sat in up to 20 groups with round 5's queries), and marking an
 * article's hits cost in proportion.
 */
function flattenOr(node: CompiledNode, out: CompiledNode[], top = true): CompiledNode[] {
  if (node.k === "or" && (top || node.concept === undefined))
    for (const child of node.children) flattenOr(child, out, false);
  else out.push(node);
  return out;
}

export function buildPlan(roots: CompiledNode[], dictionarySize: number): Plan {
  const nodes = new Map<string, { node: PlanNode; key: string }>();
  const labels = new Map<string, number>();
  const groups: { ids: Int32Array; labels: Int32Array }[] = [];
  const labelIndex = (text: string) => {
    const known = labels.get(text);
    if (known !== undefined) return known;
    labels.set(text, labels.size);
    return labels.size - 1;
  };
  const intern = (key: string, make: (index: number) => PlanNode) => {
    const known = nodes.get(key);
    if (known) return known;
    const entry = { node: make(nodes.size), key };
    nodes.set(key, entry);
    return entry;
  };

  // A concept is compiled once and its node shared by every query that names it: planned once too, rather than
  // its key (thousands of members for the place concepts) built again at each use.
  const planned = new Map<CompiledNode, { node: PlanNode; key: string }>();
  const plan = (node: CompiledNode): { node: PlanNode; key: string } => {
    const known = planned.get(node);
    if (known) return known;
    const entry = planOf(node);
    planned.set(node, entry);
    return entry;
  };
  const planOf = (node: CompiledNode): { node: PlanNode; key: string } => {
    switch (node.k) {
      case "term":
        return intern(`t${node.id}|${JSON.stringify(node.label)}`, (index) => {
          return new PlanNode(TERM, index, node.id, labelIndex(node.label), none, []);
        });
      case "phrase":
        return intern(`p${node.ids.join(",")}|${JSON.stringify(node.label)}`, (index) => {
          return new PlanNode(PHRASE, index, 0, labelIndex(node.label), Int32Array.from(node.ids), []);
        });
      case "or": {
        // The first label of a repeated id is the one explanations show.
        const members = new Map<number, string>();
        const rest: { node: PlanNode; key: string }[] = [];
        for (const child of flattenOr(node, [])) {
          if (child.k !== "term") rest.push(plan(child));
          else if (!members.has(child.id)) members.set(child.id, child.label);
        }
        // A concept's node is one object, planned once (above), and named by its concept: its key need not spell
        // out its members (tens of thousands of place names, ~0.1 s to write out).
        const key =
          node.concept !== undefined
            ? `o@${node.concept}`
            : `o${JSON.stringify([...members])}|${rest.map((r) => r.key).join(";")}`;
        return intern(key, (index) => {
          const ids = Int32Array.from(members.keys());
          groups.push({ ids, labels: Int32Array.from(members.values(), labelIndex) });
          const restNodes = rest.map((r) => r.node);
          return new PlanNode(ANY, index, groups.length - 1, -1, ids, restNodes);
        });
      }
      case "and": {
        const children = node.children.map(plan);
        return intern(`a(${children.map((c) => c.key).join(";")})`, (index) => {
          return new PlanNode(
            AND,
            index,
            0,
            -1,
            none,
            children.map((c) => c.node),
          );
        });
      }
      case "not": {
        const child = plan(node.child);
        return intern(`n(${child.key})`, (index) => new PlanNode(NOT, index, 0, -1, none, [child.node]));
      }
      case "near": {
        const left = plan(node.left);
        const right = plan(node.right);
        return intern(`r${node.distance}(${left.key};${right.key})`, (index) => {
          return new PlanNode(NEAR, index, node.distance, -1, none, [left.node, right.node]);
        });
      }
      case "field": {
        const child = plan(node.child);
        return intern(`f${node.field}(${child.key})`, (index) => {
          return new PlanNode(FIELD, index, node.field as FieldIndex, -1, none, [child.node]);
        });
      }
    }
  };

  const rootNodes = roots.map((root) => plan(root).node);
  const labelList = [...labels.keys()];
  const labelRank = new Int32Array(labelList.length);
  [...labelList.keys()]
    .sort((a, b) => (labelList[a]! < labelList[b]! ? -1 : labelList[a]! > labelList[b]! ? 1 : 0))
    .forEach((label, rank) => {
      labelRank[label] = rank;
    });
  return {
    roots: rootNodes,
    nodeCount: nodes.size,
    labels: labelList,
    labelRank,
    groupCount: groups.length,
    ...groupIndex(groups, dictionarySize),
    nodes: [...nodes.values()].map((entry) => entry.node),
  };
}

/** Inverts group -> member ids into id -> (group, label), as flat arrays. */
function groupIndex(groups: ReadonlyArray<{ ids: Int32Array; labels: Int32Array }>, dictionarySize: number) {
  const lists: number[][] = Array.from({ length: dictionarySize }, () => []);
  groups.forEach(({ ids, labels }, group) => {
    for (let k = 0; k < ids.length; k++) lists[ids[k]!]!.push(group, labels[k]!);
  });
  const groupStart = new Int32Array(dictionarySize + 1);
  lists.forEach((list, id) => {
    groupStart[id + 1] = groupStart[id]! + list.length / 2;
  });
  const flat = lists.flat();
  return {
    groupStart,
    groupIds: Int32Array.from(flat.filter((_, k) => k % 2 === 0)),
    groupLabels: Int32Array.from(flat.filter((_, k) => k % 2 === 1)),
  };
}
