import type { CompiledNode, FieldIndex } from "./compile";

/**
 * The evaluation form of a compiled query. Nested ORs are flattened and their plain terms gathered into
 * one lookup, so an OR of 300 synonyms costs one pass over the article's few hit ids, not 300 checks.
 */
export type PlanNode =
  | { k: "term"; id: number; label: string }
  | { k: "phrase"; ids: number[]; label: string }
  /** `labels[id]` is the query text of a plain-term member, undefined for non-members. */
  | { k: "any"; ids: number[]; labels: (string | undefined)[]; rest: PlanNode[] }
  | { k: "and"; children: PlanNode[] }
  | { k: "not"; child: PlanNode }
  | { k: "near"; distance: number; left: PlanNode; right: PlanNode }
  | { k: "field"; field: FieldIndex; child: PlanNode };

function flattenOr(node: CompiledNode, out: CompiledNode[]): CompiledNode[] {
  if (node.k === "or") for (const child of node.children) flattenOr(child, out);
  else out.push(node);
  return out;
}

export function planNode(node: CompiledNode): PlanNode {
  switch (node.k) {
    case "term":
    case "phrase":
      return node;
    case "or": {
      const labels = new Map<number, string>();
      const rest: PlanNode[] = [];
      for (const child of flattenOr(node, [])) {
        if (child.k === "term") {
          if (!labels.has(child.id)) labels.set(child.id, child.label);
        } else rest.push(planNode(child));
      }
      // Dense, so V8 keeps it a fast elements array rather than a dictionary.
      const byId: (string | undefined)[] = new Array(Math.max(0, ...labels.keys()) + 1).fill(undefined);
      for (const [id, label] of labels) byId[id] = label;
      return { k: "any", ids: [...labels.keys()], labels: byId, rest };
    }
    case "and":
      return { k: "and", children: node.children.map(planNode) };
    case "not":
      return { k: "not", child: planNode(node.child) };
    case "near":
      return { k: "near", distance: node.distance, left: planNode(node.left), right: planNode(node.right) };
    case "field":
      return { k: "field", field: node.field, child: planNode(node.child) };
  }
}
