import { QueryError } from "./query-ast";

export type Lexeme =
  | { kind: "(" | ")" | "AND" | "OR" | "NOT"; position: number }
  | { kind: "NEAR"; distance: number; position: number }
  | { kind: "field"; name: string; position: number }
  | { kind: "phrase"; value: string; position: number }
  | { kind: "word"; value: string; position: number };

const defaultNearDistance = 5;
const isSpace = (ch: string) => /\s/u.test(ch);
const endsWord = (ch: string) => ch === "(" || ch === ")" || ch === '"' || isSpace(ch);

/** Splits a query into lexemes. Operators count only in upper case, so `and`, `or`, `not` stay words. */
export function lexQuery(query: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    if (isSpace(ch)) {
      i++;
    } else if (ch === "(" || ch === ")") {
      out.push({ kind: ch, position: i });
      i++;
    } else if (ch === '"') {
      const close = query.indexOf('"', i + 1);
      if (close < 0) throw new QueryError('unterminated phrase: missing closing "', i);
      const value = query.slice(i + 1, close).trim();
      if (!/[\p{L}\p{N}]/u.test(value)) throw new QueryError("empty phrase", i);
      out.push({ kind: "phrase", value, position: i });
      i = close + 1;
    } else {
      let end = i;
      while (end < query.length && !endsWord(query[end]!)) {
        // `title:` directly followed by a term, phrase or group scopes it to a field.
        if (query[end] === ":" && /^\p{L}+$/u.test(query.slice(i, end)) && end + 1 < query.length) {
          const next = query[end + 1]!;
          if (!isSpace(next) && next !== ")") break;
        }
        end++;
      }
      if (query[end] === ":") {
        out.push({ kind: "field", name: query.slice(i, end).toLowerCase(), position: i });
        i = end + 1;
        continue;
      }
      out.push(wordLexeme(query.slice(i, end), i));
      i = end;
    }
  }
  return out;
}

function wordLexeme(text: string, position: number): Lexeme {
  if (text === "AND" || text === "OR" || text === "NOT") return { kind: text, position };
  if (text === "NEAR") return { kind: "NEAR", distance: defaultNearDistance, position };
  const near = /^NEAR\/(.*)$/.exec(text);
  if (near) {
    const distance = /^\d{1,4}$/.test(near[1]!) ? Number(near[1]) : Number.NaN;
    if (!(distance >= 1 && distance <= 100)) {
      throw new QueryError(`NEAR distance must be a whole number from 1 to 100, got "${near[1]}"`, position);
    }
    return { kind: "NEAR", distance, position };
  }
  return { kind: "word", value: text, position };
}
