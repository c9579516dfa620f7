import {
  CONCEPT_NAME,
  conceptLimits,
  type Field,
  QueryError,
  type QueryLimits,
  type QueryNode,
  queryLimits,
} from "./query-ast";
import { type Lexeme, lexQuery } from "./query-lexer";

export type { QueryNode } from "./query-ast";
export { QueryError } from "./query-ast";

const fields = new Set<string>(["title", "summary"]);

export interface ParseOptions {
  /** "query" (a topic's, the default) or "concept" (a concept's own text: its own limits, no `@name`). */
  kind?: "query" | "concept";
}

/**
 * Parses a topic query. Adjacent expressions without an operator are joined with AND, so
 * `deepseek model` means `deepseek AND model`. `@name` is a concept, resolved when compiling. Throws
 * QueryError naming the offending position.
 */
export function parseQuery(query: string, options: ParseOptions = {}): QueryNode {
  const kind = options.kind ?? "query";
  const limits = kind === "concept" ? conceptLimits : queryLimits;
  if (query.length > limits.maxLength) {
    throw new QueryError(`${kind} is longer than ${limits.maxLength} characters`, limits.maxLength);
  }
  const bad = /[\p{Cc}\p{Cn}\p{Cs}]/u.exec(query.replace(/[\t\n\r]/g, " "));
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    throw new QueryError(`control character or unassigned code point U+${code}`, bad.index);
  }
  const parser = new Parser(lexQuery(query), query.length, kind, limits);
  if (parser.atEnd()) throw new QueryError(`empty ${kind}`, 0);
  const node = parser.parseOr(0);
  const rest = parser.peek();
  if (rest) throw new QueryError(`unexpected ${describe(rest)}`, rest.position);
  if (!needsPositiveTerm(node)) {
    throw new QueryError(`${kind} would match articles without any of its terms: pair NOT with a term`, 0);
  }
  return node;
}

/** True when every way the query can be satisfied includes a positive term (so NOT alone cannot tag). */
function needsPositiveTerm(node: QueryNode): boolean {
  switch (node.type) {
    case "term":
    case "phrase":
    case "concept":
    case "near":
      return true;
    case "not":
      return false;
    case "field":
      return needsPositiveTerm(node.child);
    case "and":
      return node.children.some(needsPositiveTerm);
    case "or":
      return node.children.every(needsPositiveTerm);
  }
}

function describe(lexeme: Lexeme): string {
  switch (lexeme.kind) {
    case "word":
      return `term "${lexeme.value}"`;
    case "phrase":
      return "phrase";
    case "field":
      return `field "${lexeme.name}:"`;
    case "NEAR":
      return `"NEAR/${lexeme.distance}"`;
    default:
      return `"${lexeme.kind}"`;
  }
}

class Parser {
  private index = 0;
  private terms = 0;
  private nears = 0;
  private wildcards = 0;
  constructor(
    private readonly lexemes: Lexeme[],
    private readonly end: number,
    private readonly kind: "query" | "concept",
    private readonly limits: QueryLimits,
  ) {}

  atEnd(): boolean {
    return this.index >= this.lexemes.length;
  }
  peek(): Lexeme | undefined {
    return this.lexemes[this.index];
  }

  parseOr(depth: number): QueryNode {
    const children = [this.parseAnd(depth)];
    while (this.peek()?.kind === "OR") {
      const op = this.lexemes[this.index++]!;
      children.push(this.parseAnd(depth, op));
    }
    return children.length === 1 ? children[0]! : { type: "or", children };
  }

  private parseAnd(depth: number, after?: Lexeme): QueryNode {
    const children = [this.parseNot(depth, after)];
    for (;;) {
      const next = this.peek();
      if (!next || next.kind === "OR" || next.kind === ")") break;
      if (next.kind === "AND") {
        this.index++;
        children.push(this.parseNot(depth, next));
      } else {
        children.push(this.parseNot(depth));
      }
    }
    return children.length === 1 ? children[0]! : { type: "and", children };
  }

  private parseNot(depth: number, after?: Lexeme): QueryNode {
    const next = this.peek();
    if (next?.kind === "NOT") {
      this.index++;
      this.checkDepth(depth + 1, next.position);
      return { type: "not", child: this.parseNot(depth + 1, next) };
    }
    return this.parseNear(depth, after);
  }

  private parseNear(depth: number, after?: Lexeme): QueryNode {
    let left = this.parseScoped(depth, after);
    for (let op = this.peek(); op?.kind === "NEAR"; op = this.peek()) {
      this.index++;
      if (++this.nears > this.limits.maxNear) {
        throw new QueryError(`${this.kind} has more than ${this.limits.maxNear} NEAR operators`, op.position);
      }
      // A chain nests to the left (a NEAR b NEAR c is (a NEAR b) NEAR c): each link is a level.
      this.checkDepth(++depth, op.position);
      const right = this.parseScoped(depth, op);
      left = { type: "near", distance: op.distance, left, right };
    }
    return left;
  }

  private parseScoped(depth: number, after?: Lexeme): QueryNode {
    const next = this.peek();
    if (next?.kind !== "field") return this.parsePrimary(depth, after);
    if (!fields.has(next.name)) {
      throw new QueryError(`unknown field "${next.name}" (use title: or summary:)`, next.position);
    }
    this.index++;
    this.checkDepth(depth + 1, next.position);
    return { type: "field", field: next.name as Field, child: this.parsePrimary(depth + 1, next) };
  }

  private parsePrimary(depth: number, after?: Lexeme): QueryNode {
    const next = this.lexemes[this.index];
    if (!next) {
      const what = after ? `expected a term after ${describe(after)}` : "expected a term";
      throw new QueryError(what, this.end);
    }
    this.index++;
    switch (next.kind) {
      case "word":
        return this.term(next.value, next.position);
      case "phrase":
        this.countTerm(next.position);
        for (const piece of next.value.split(/\s+/u)) {
          if ((piece.startsWith("*") || piece.endsWith("*")) && ++this.wildcards > this.limits.maxWildcards) {
            throw new QueryError(
              `${this.kind} has more than ${this.limits.maxWildcards} wildcard terms`,
              next.position,
            );
          }
        }
        return { type: "phrase", value: next.value, position: next.position };
      case "(": {
        this.checkDepth(depth + 1, next.position);
        if (this.peek()?.kind === ")") throw new QueryError('empty group "()"', next.position);
        const inner = this.parseOr(depth + 1);
        const close = this.peek();
        // parseOr stops only at ")" or the end, so a missing ")" means the group is never closed.
        if (close?.kind !== ")") throw new QueryError('unclosed "("', next.position);
        this.index++;
        return inner;
      }
      default:
        throw new QueryError(`unexpected ${describe(next)}`, next.position);
    }
  }

  private term(marked: string, position: number): QueryNode {
    this.countTerm(position);
    if (marked.startsWith("@")) return this.concept(marked, position);
    const exact = marked.length > 1 && marked.startsWith("=");
    const text = exact ? marked.slice(1) : marked;
    if (exact && text.startsWith("@")) {
      throw new QueryError(`a concept cannot be marked exact ("${marked}")`, position);
    }
    const leadingWildcard = text.startsWith("*");
    const trailingWildcard = text.length > 1 && text.endsWith("*");
    const value = text.slice(leadingWildcard ? 1 : 0, trailingWildcard ? -1 : undefined);
    if (value.includes("*")) throw new QueryError(`"*" may only start or end a term ("${text}")`, position);
    if (!/[\p{L}\p{N}]/u.test(value)) {
      throw new QueryError(`term "${text}" has no letters or digits`, position);
    }
    if (leadingWildcard || trailingWildcard) {
      if (++this.wildcards > this.limits.maxWildcards) {
        throw new QueryError(
          `${this.kind} has more than ${this.limits.maxWildcards} wildcard terms`,
          position,
        );
      }
      if ([...value].length < 2)
        throw new QueryError(`wildcard term "${text}" needs at least 2 characters`, position);
      if (!/^[\p{L}\p{N}\p{M}-]+$/u.test(value)) {
        throw new QueryError(`wildcard term "${text}" may hold only letters, digits and hyphens`, position);
      }
    }
    return { type: "term", value, leadingWildcard, trailingWildcard, position, ...(exact ? { exact } : {}) };
  }

  /** `@name`: one term of the query, however many terms the concept holds (they have their own limit). */
  private concept(marked: string, position: number): QueryNode {
    if (this.kind === "concept") {
      throw new QueryError(`a concept cannot use another concept ("${marked}")`, position);
    }
    const name = marked.slice(1).toLowerCase();
    if (!CONCEPT_NAME.test(name)) {
      throw new QueryError(
        `"${marked}" is not a concept name (@ then lower-case letters, digits and hyphens)`,
        position,
      );
    }
    return { type: "concept", name, position };
  }

  private countTerm(position: number): void {
    if (++this.terms > this.limits.maxTerms) {
      throw new QueryError(`${this.kind} has more than ${this.limits.maxTerms} terms`, position);
    }
  }

  private checkDepth(depth: number, position: number): void {
    if (depth > this.limits.maxDepth) {
      throw new QueryError(`${this.kind} nests deeper than ${this.limits.maxDepth} levels`, position);
    }
  }
}
