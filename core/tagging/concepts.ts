import type { QueryNode } from "./query-ast";
import { parseQuery } from "./query-parser";

/**
 * A concept: a named, shared list of terms (`@global-south`, `@chips`) that any query uses as `@name`. Its
 * text is a query fragment, typically a long OR list, analysed like any query's terms.
 */
export interface ConceptDefinition {
  name: string;
  /** The concept's terms as query text. */
  query: string;
}

/**
 * The concept names a query uses, each once, in order of first use. A query that no longer parses still
 * names its concepts (read from the text), so a concept it mentions is never taken for unused.
 */
export function conceptNamesIn(query: string): string[] {
  let names: string[];
  try {
    names = [];
    collect(parseQuery(query), names);
  } catch {
    names = [...query.matchAll(/(?:^|[\s(:])@([a-z0-9][a-z0-9-]*)/gi)].map((m) => m[1]!.toLowerCase());
  }
  return [...new Set(names)];
}

function collect(node: QueryNode, out: string[]): void {
  switch (node.type) {
    case "concept":
      out.push(node.name);
      return;
    case "term":
    case "phrase":
      return;
    case "and":
    case "or":
      for (const child of node.children) collect(child, out);
      return;
    case "not":
    case "field":
      collect(node.child, out);
      return;
    case "near":
      collect(node.left, out);
      collect(node.right, out);
  }
}

/** How many terms and phrases a concept's text holds (it must parse). */
export function countConceptTerms(text: string): number {
  let count = 0;
  const walk = (node: QueryNode): void => {
    switch (node.type) {
      case "term":
      case "phrase":
        count++;
        return;
      case "concept":
        return;
      case "and":
      case "or":
        node.children.forEach(walk);
        return;
      case "not":
      case "field":
        walk(node.child);
        return;
      case "near":
        walk(node.left);
        walk(node.right);
    }
  };
  walk(parseQuery(text, { kind: "concept" }));
  return count;
}
