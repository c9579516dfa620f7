import type { QueryNode } from "./query-ast";

const rank = { or: 0, and: 1, not: 2, near: 3, field: 4, term: 5, phrase: 5, concept: 5 } as const;

/** Writes a query tree back as text that parses to the same tree, with parentheses only where needed. */
export function formatQuery(node: QueryNode): string {
  switch (node.type) {
    case "term":
      return `${node.exact ? "=" : ""}${node.leadingWildcard ? "*" : ""}${node.value}${node.trailingWildcard ? "*" : ""}`;
    case "phrase":
      return `"${node.value}"`;
    case "concept":
      return `@${node.name}`;
    case "or":
      return node.children.map((child) => wrap(child, rank.or + 1)).join(" OR ");
    case "and":
      return node.children.map((child) => wrap(child, rank.and + 1)).join(" AND ");
    case "not":
      return `NOT ${wrap(node.child, rank.not)}`;
    case "near":
      return `${wrap(node.left, rank.near)} NEAR/${node.distance} ${wrap(node.right, rank.near + 1)}`;
    case "field":
      return `${node.field}:${wrap(node.child, rank.field + 1)}`;
  }
}

function wrap(node: QueryNode, minRank: number): string {
  const text = formatQuery(node);
  return rank[node.type] < minRank ? `(${text})` : text;
}
