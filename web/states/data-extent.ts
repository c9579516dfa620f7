/**
 * Where a selection's coverage lies, for the empty state's "coverage exists from … to …, show it". Pure: the
 * probes' answers come in, dates come out.
 */

export interface Extent {
  from: string;
  to: string;
}

/** Per bucket, the articles of the selection: the series' counts summed (the totals when there are no series). */
export function selectionCounts(answer: {
  totals: readonly number[];
  series: ReadonlyArray<{ counts: readonly number[] }>;
}): number[] {
  if (answer.series.length === 0) return [...answer.totals];
  return answer.totals.map((_, i) => answer.series.reduce((n, s) => n + (s.counts[i] ?? 0), 0));
}

/** The first and last bucket with an article; null when there is none. */
export function extentOfBuckets(buckets: readonly string[], counts: readonly number[]): Extent | null {
  const first = counts.findIndex((n) => n > 0);
  if (first < 0) return null;
  let last = counts.length - 1;
  while (last > first && !(counts[last]! > 0)) last--;
  return { from: buckets[first]!, to: buckets[last]! };
}

/** True when the chart would be a flat zero line: no article of the selection in any bucket. */
export function isEmpty(answer: Parameters<typeof selectionCounts>[0]): boolean {
  return selectionCounts(answer).every((n) => n === 0);
}

/** The last day of a "YYYY-MM" month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
}
