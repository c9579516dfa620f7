/** Where a query error is, as three pieces of text around the character the server named. */
export interface QueryErrorExcerpt {
  before: string;
  /** The character at the position, or "" when the query ended there (the mark is then drawn after it). */
  at: string;
  after: string;
  /** The 1-based line and column, for the words under the excerpt. */
  line: number;
  column: number;
}

const CONTEXT = 40;

/**
 * The part of a query around `position` (a UTF-16 index, as the API's `details.position`), on the line it is
 * on, cut to about 40 characters each side so a long query still shows the spot. Pure; never throws.
 */
export function queryErrorExcerpt(query: string, position: number): QueryErrorExcerpt {
  const at = Math.max(0, Math.min(position, query.length));
  const lineStart = query.lastIndexOf("\n", at - 1) + 1;
  const lineEndRaw = query.indexOf("\n", at);
  const lineEnd = lineEndRaw === -1 ? query.length : lineEndRaw;
  const from = Math.max(lineStart, at - CONTEXT);
  const to = Math.min(lineEnd, at + 1 + CONTEXT);
  const line = query.slice(0, at).split("\n").length;
  return {
    before: (from > lineStart ? "…" : "") + query.slice(from, at),
    at: at < lineEnd ? query.slice(at, at + 1) : "",
    after: query.slice(Math.min(at + 1, lineEnd), to) + (to < lineEnd ? "…" : ""),
    line,
    column: at - lineStart + 1,
  };
}

/** The position a query error's details carry, if they carry one. */
export function errorPosition(details: unknown): number | null {
  if (!details || typeof details !== "object") return null;
  const position = (details as { position?: unknown }).position;
  return typeof position === "number" && Number.isInteger(position) && position >= 0 ? position : null;
}
