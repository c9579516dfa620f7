import type { MatchedTerm } from "../api";

export interface Segment {
  text: string;
  /** The matched term, when this segment is one. */
  term: string | null;
}

/**
 * Splits a title or summary into plain and highlighted segments from the tagger's offsets (UTF-16 indices into
 * the same text the API returns). Overlapping or touching ranges merge; ranges outside the text are clipped or
 * dropped, so a stale offset can never throw or duplicate text.
 */
export function highlightSegments(
  text: string,
  terms: readonly MatchedTerm[],
  field: MatchedTerm["field"],
): Segment[] {
  const ranges = terms
    .filter((t) => t.field === field)
    .map((t) => ({ start: Math.max(0, t.start), end: Math.min(text.length, t.end), term: t.term }))
    .filter((r) => r.start < r.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof ranges = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) segments.push({ text: text.slice(at, r.start), term: null });
    segments.push({ text: text.slice(r.start, r.end), term: r.term });
    at = r.end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), term: null });
  return segments;
}
