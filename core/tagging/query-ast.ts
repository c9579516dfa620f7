import { DomainError } from "../errors";

/**
 * The topic query language, as a tree. Precedence from loosest to tightest: OR, AND (explicit or implicit
 * between adjacent expressions), NOT, NEAR/n, field scope (`title:`), then terms, phrases and groups.
 */
/** The article fields a query term can match in, and a matched term is found in. */
export const FIELDS = ["title", "summary"] as const;
export type Field = (typeof FIELDS)[number];

export type QueryNode =
  /**
   * A bare word; `*` at either end widens it to a prefix, suffix or infix match. A plain word also matches
   * its inflections in the article's language (stemming) unless it is marked exact with a leading `=`.
   */
  | {
      type: "term";
      value: string;
      leadingWildcard: boolean;
      trailingWildcard: boolean;
      exact?: boolean;
      position: number;
    }
  /** Words that must appear next to each other, in order, each exactly as written (folded, not stemmed). */
  | { type: "phrase"; value: string; position: number }
  | { type: "and"; children: QueryNode[] }
  | { type: "or"; children: QueryNode[] }
  | { type: "not"; child: QueryNode }
  /** Both sides within `distance` tokens of each other, in either order, in the same field. */
  | { type: "near"; distance: number; left: QueryNode; right: QueryNode }
  | { type: "field"; field: Field; child: QueryNode };

/** A query that cannot be used; `position` is the 0-based offset in the query text. */
export class QueryError extends DomainError {
  readonly position: number;
  constructor(what: string, position: number) {
    super("invalid_query", `${what} at position ${position}`, { param: "query", details: { position } });
    this.name = "QueryError";
    this.position = position;
  }
}

/**
 * What one query may hold. Each bounds a cost of matching: terms the dictionary, depth the evaluation's
 * recursion, NEAR operators the span pairing, wildcards the per-word pattern checks (every distinct word
 * of every article is compared with every wildcard).
 */
export const queryLimits = {
  maxLength: 20_000,
  maxDepth: 32,
  maxTerms: 2_000,
  maxNear: 100,
  maxWildcards: 500,
} as const;
