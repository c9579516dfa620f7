/**
 * How the coverage chart draws its lines and its share axis, decided from the data by pure functions so the
 * rules can be tested: a chart should not suggest a slope or a precision the numbers do not have.
 */

/** At or below this many buckets a series is sparse: each bucket gets a visible point, joined by straight lines. */
export const SPARSE_BUCKETS = 40;

export interface LineShape {
  /** 0: straight segments. Monotone curves (dense series) never overshoot a point or dip below zero. */
  tension: number;
  cubicInterpolationMode: "default" | "monotone";
  pointRadius: number;
}

/**
 * Straight lines with points on a sparse series: three monthly points drawn as a smooth curve suggest a shape
 * between them that the data does not have. A dense series gets a monotone curve and no points.
 */
export function lineShape(buckets: number): LineShape {
  return buckets <= SPARSE_BUCKETS
    ? { tension: 0, cubicInterpolationMode: "default", pointRadius: 3 }
    : { tension: 0, cubicInterpolationMode: "monotone", pointRadius: 0 };
}

/** A value axis from zero: its top and the step between its ticks. */
export interface ValueAxis {
  min: 0;
  max: number;
  stepSize: number;
}
export type ShareAxis = ValueAxis;

/** Steps a reader can count in: 1, 2, 2.5 or 5 times a power of ten (of the 0..1 scale). */
const STEP_MANTISSAS = [1, 2, 2.5, 5];

/** The smallest readable step at least `rough`; `whole` leaves out steps like 2.5 that fall between articles. */
function readableStep(rough: number, whole = false): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = STEP_MANTISSAS.map((m) => round(m * power)).find(
    (s) => s >= rough - 1e-12 && (!whole || Number.isInteger(s)),
  );
  return step ?? round(10 * power);
}

/**
 * A share axis from 0 to a round value just above the peak, never past 100%, with four to seven ticks at a
 * readable step (0, 10%, 20%, 30% rather than only 0% and 100%). A peak of 0 shows 0-10%.
 */
export function shareAxis(peak: number, ticks = 5): ShareAxis {
  const top = Number.isFinite(peak) && peak > 0 ? Math.min(peak, 1) : 0.1;
  const stepSize = readableStep(top / ticks);
  const max = Math.min(1, round(Math.ceil(top / stepSize - 1e-9) * stepSize));
  return { min: 0, max, stepSize };
}

/**
 * A count axis from 0 to a round value at or above the peak, in whole-article steps of the same readable
 * kinds (0, 50, 100, 150; never 2.5 articles). A peak of 0 shows 0-1.
 */
export function countAxis(peak: number, ticks = 5): ValueAxis {
  const top = Number.isFinite(peak) && peak > 0 ? peak : 1;
  const stepSize = readableStep(Math.max(1, top / ticks), true);
  return { min: 0, max: Math.ceil(top / stepSize - 1e-9) * stepSize, stepSize };
}

/** Clears floating-point dust (0.30000000000000004) so ticks land on their labels. */
function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}
