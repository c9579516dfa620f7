/** One measured figure; every bench returns rows, and run.ts prints them as one table and writes them as JSON. */
export interface Row {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  note?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function printRows(rows: readonly Row[]): void {
  console.table(rows.map((row) => ({ ...row, value: Number(row.value.toPrecision(4)) })));
}
