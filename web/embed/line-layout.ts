import { countAxis, lineShape, shareAxis } from "../charts/axis";

/**
 * Where the embed's line chart puts everything, worked out from numbers alone: the plot's box, each bucket's x,
 * the axes' ticks and each series' points. Pure (text widths come from a `measure` passed in), so the rules
 * are tested without a browser; web/embed/svg-chart.ts turns the result into SVG.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LineLayoutInput {
  /** Per series, one value per bucket: counts or shares, as drawn. */
  values: ReadonlyArray<readonly number[]>;
  /** One short label per bucket. */
  labels: readonly string[];
  share: boolean;
  stacked: boolean;
  width: number;
  height: number;
  /** A y tick's text, e.g. "1,200" or "20%". */
  tickText: (value: number) => string;
  measure: (text: string) => number;
}

export interface LineLayout {
  plot: Box;
  yTicks: Array<{ y: number; text: string }>;
  xTicks: Array<{ x: number; text: string }>;
  /** Per bucket, its x. */
  xs: number[];
  /** Per series, its points (stacked: the running sum up to it). */
  lines: Point[][];
  /** Monotone curves on dense series, straight segments with points on sparse ones (charts/axis.ts). */
  curved: boolean;
  pointRadius: number;
}

/** Room above the plot for event labels, below it for the x labels. */
const TOP = 22;
const BOTTOM = 22;
const RIGHT = 10;
const TICK_GAP = 8;
const LABEL_GAP = 14;

export function layoutLines(input: LineLayoutInput): LineLayout {
  const { values, labels, share, stacked, width, height, measure } = input;
  const drawn = stacked ? runningSums(values) : values.map((v) => [...v]);
  const peak = drawn.reduce((m, line) => line.reduce((a, b) => Math.max(a, b), m), 0);
  const axis = share ? shareAxis(peak) : countAxis(peak);
  const tickValues: number[] = [];
  for (let v = 0; v <= axis.max + axis.stepSize / 1e6; v += axis.stepSize) tickValues.push(v);
  const tickTexts = tickValues.map((v) => input.tickText(v));
  // Wide enough for the y ticks' texts, and for half the first and the widest x label, which sit centred on
  // their buckets: no label is cut at either edge.
  const widest = Math.max(0, ...labels.map(measure));
  const left = Math.ceil(
    Math.max(Math.max(0, ...tickTexts.map(measure)) + TICK_GAP + 4, measure(labels[0] ?? "") / 2 + 2),
  );
  const right = width - Math.max(RIGHT, Math.ceil(widest / 2) + 2);
  const plot = {
    left,
    top: TOP,
    right: Math.max(left + 1, right),
    bottom: Math.max(TOP + 1, height - BOTTOM),
  };
  const y = (v: number) => plot.bottom - (Math.min(v, axis.max) / axis.max) * (plot.bottom - plot.top);
  const n = labels.length;
  const slot = n > 1 ? (plot.right - plot.left) / (n - 1) : 0;
  const xs = labels.map((_, i) => (n > 1 ? plot.left + i * slot : (plot.left + plot.right) / 2));
  const shape = lineShape(n);
  return {
    plot,
    yTicks: tickValues.map((v, i) => ({ y: y(v), text: tickTexts[i]! })),
    xTicks: tickIndices(labels, slot, measure).map((i) => ({ x: xs[i]!, text: labels[i]! })),
    xs,
    lines: drawn.map((line) => line.map((v, i) => ({ x: xs[i]!, y: y(v) }))),
    curved: shape.cubicInterpolationMode === "monotone",
    pointRadius: shape.pointRadius,
  };
}

/** Every k-th bucket, k the smallest step at which the widest label fits its slots with a gap. */
export function tickIndices(
  labels: readonly string[],
  slot: number,
  measure: (text: string) => number,
): number[] {
  if (labels.length === 0) return [];
  const widest = Math.max(...labels.map(measure));
  const step = slot > 0 ? Math.max(1, Math.ceil((widest + LABEL_GAP) / slot)) : labels.length;
  const indices: number[] = [];
  for (let i = 0; i < labels.length; i += step) indices.push(i);
  return indices;
}

/** Stacked series: each drawn at the sum of itself and the series before it. */
export function runningSums(values: ReadonlyArray<readonly number[]>): number[][] {
  const sums: number[][] = [];
  values.forEach((line, s) => {
    sums.push(line.map((v, i) => v + (s > 0 ? (sums[s - 1]![i] ?? 0) : 0)));
  });
  return sums;
}

/**
 * An SVG path through the points, after its first: straight segments, or a monotone cubic (Fritsch-Carlson,
 * the rule Chart.js's "monotone" mode follows) that never overshoots a point nor dips below zero between two
 * buckets. `backwards` walks the same curve from the last point to the first, so a stacked area can close
 * along the line beneath it.
 */
export function segments(points: readonly Point[], curved: boolean, backwards = false): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  const n = points.length;
  const order = (k: number) => (backwards ? n - 1 - k : k);
  if (!curved || n < 3) {
    let d = "";
    for (let k = 1; k < n; k++) d += ` L${r(points[order(k)]!.x)},${r(points[order(k)]!.y)}`;
    return d;
  }
  const tangents = monotoneTangents(points);
  let d = "";
  for (let k = 0; k + 1 < n; k++) {
    const [from, to] = [order(k), order(k + 1)];
    const [a, b] = [points[from]!, points[to]!];
    const third = (b.x - a.x) / 3;
    d += ` C${r(a.x + third)},${r(a.y + tangents[from]! * third)} ${r(b.x - third)},${r(b.y - tangents[to]! * third)} ${r(b.x)},${r(b.y)}`;
  }
  return d;
}

export function linePath(points: readonly Point[], curved: boolean): string {
  const first = points[0];
  if (!first) return "";
  return `M${Math.round(first.x * 10) / 10},${Math.round(first.y * 10) / 10}${segments(points, curved)}`;
}

/** Each point's slope, limited so the cubic between two points stays between their values. */
function monotoneTangents(points: readonly Point[]): number[] {
  const n = points.length;
  const secants = points.slice(1).map((p, k) => (p.y - points[k]!.y) / (p.x - points[k]!.x || 1));
  const m = points.map((_, k) => {
    if (k === 0) return secants[0]!;
    if (k === n - 1) return secants[n - 2]!;
    const [before, after] = [secants[k - 1]!, secants[k]!];
    return before * after <= 0 ? 0 : (before + after) / 2;
  });
  for (let k = 0; k < n - 1; k++) {
    const d = secants[k]!;
    if (d === 0) {
      m[k] = 0;
      m[k + 1] = 0;
      continue;
    }
    const alpha = m[k]! / d;
    const beta = m[k + 1]! / d;
    const sum = alpha * alpha + beta * beta;
    if (sum > 9) {
      const tau = 3 / Math.sqrt(sum);
      m[k] = tau * alpha * d;
      m[k + 1] = tau * beta * d;
    }
  }
  return m;
}
