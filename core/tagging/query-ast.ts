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
  /** `@name`: stands for a stored concept's terms (a named query fragment), resolved when compiling. */
  | { type: "concept"; name: string; position: number }
  | { type: "and"; children: QueryNode[] }
  | { type: "or"; children: QueryNode[] }
  | { type: "not"; child: QueryNode }
  /** Both sides within `distance` tokens of each other, in either order, in the same field. */
  | { type: "near"; distance: number; left: QueryNode; right: QueryNode }
  | { type: "field"; field: Field; child: QueryNode };

/** A query that cannot be used; `position` is the 0-based offset in the query text. */
export class QueryError extends DomainError {
  readonly position: number;
  /** The problem without its position. */
  readonly reason: string;
  /** `param`: the request field the text came from (a topic's `query`, a concept's `terms`). */
  constructor(what: string, position: number, param = "query") {
    super("invalid_query", `${what} at position ${position}`, { param, details: { position } });
    this.name = "QueryError";
    this.position = position;
    this.reason = what;
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

/**
 * What one concept's text may hold. A concept such as `@global-south` lists thousands of names, so its terms
 * do not count against a topic's limit; they have this one instead. A concept may not use other concepts.
 */
export const conceptLimits = {
  maxLength: 200_000,
  maxDepth: 32,
  maxTerms: 10_000,
  maxNear: 100,
  maxWildcards: 500,
} as const;

export type QueryLimits = { [K in keyof typeof queryLimits]: number };

/** A concept's name as written after `@`: lower-case letters, digits and inner hyphens. */
export const CONCEPT_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
