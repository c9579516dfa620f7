/**
 * A story's sparkline: its copies counted in equal steps from its first copy to its last, so a wire story that
 * ran everywhere within an hour and one that trickled out over a week both fill the line. Steps are whole
 * multiples of ten minutes (a copy's time is rarely finer than that), at most SPARK_STEPS of them.
 */

export const SPARK_STEPS = 24;
const STEP_UNIT_MS = 10 * 60_000;

/** The step, in ms, of a story first seen at `first` and last at `last` (epoch ms). */
export function sparkStepMs(first: number, last: number): number {
  const span = Math.max(0, last - first) + 1;
  return Math.max(1, Math.ceil(span / SPARK_STEPS / STEP_UNIT_MS)) * STEP_UNIT_MS;
}

/** The counts of every step from the first to the last copy's; `counted` gives each step index its copies. */
export function sparkCounts(
  first: number,
  last: number,
  counted: ReadonlyArray<{ step: number; copies: number }>,
): number[] {
  const steps = Math.floor(Math.max(0, last - first) / sparkStepMs(first, last) + 1);
  const counts = new Array<number>(steps).fill(0);
  for (const { step, copies } of counted) if (step >= 0 && step < steps) counts[step]! += copies;
  return counts;
}
