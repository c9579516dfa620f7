import type { FieldIndex } from "./compile";
import type { MatchedTerm } from "./types";

/** A query term and where in the article it matched. */
export interface Span {
  label: string;
  field: FieldIndex;
  start: number;
  end: number;
  pos: number;
  endPos: number;
}

const fieldName = ["title", "summary"] as const;

/**
 * Matched terms for the dashboard to highlight: one per distinct span, title first, in reading order.
 * A span inside a longer span of the same term is dropped (`*aktie` on both `Nvidia-Aktie` and `Aktie`).
 */
export function explainSpans(spans: Span[]): MatchedTerm[] {
  const sorted = [...spans].sort(
    (a, b) => a.field - b.field || a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : 1),
  );
  const out: MatchedTerm[] = [];
  const open = new Map<string, Span>();
  for (const span of sorted) {
    const cover = open.get(span.label);
    if (cover && cover.field === span.field && cover.end >= span.end) continue;
    open.set(span.label, span);
    out.push({ term: span.label, field: fieldName[span.field], start: span.start, end: span.end });
  }
  return out;
}
