import type { Chart, ChartDataset } from "chart.js";
import { defaults } from "chart.js";
import { splineCurveMonotone } from "chart.js/helpers";
import type { ChartTheme } from "../charts/chart-setup";
import type { EventMarker, Stretch } from "../charts/markers";
import { paint, svg } from "./svg-element";

/** What the coverage chart marks besides its lines: bucket indices, as the on-screen chart draws them. */
export interface ChartMarks {
  events: readonly EventMarker[];
  outages: readonly Stretch[];
  /** Per dataset, the buckets its triangles mark. */
  spikes: ReadonlyArray<ReadonlyArray<{ index: number }>>;
}

export type Measure = (text: string, font: string) => number;

interface Point {
  x: number;
  y: number;
  cp1x?: number;
  cp1y?: number;
  cp2x?: number;
  cp2y?: number;
}

/**
 * The coverage chart as SVG, drawn from the geometry Chart.js laid out for the canvas (scales, ticks and each
 * point's final position, through its public API), so the file shows exactly the axes, labels and lines of the
 * screen without a second charting library or a canvas-to-SVG shim. Coordinates are the chart's CSS pixels.
 */
export function chartSvg(
  chart: Chart<"line", number[], string>,
  marks: ChartMarks,
  theme: ChartTheme,
  measure: Measure,
): SVGGElement {
  const { chartArea: area, width, height } = chart;
  const x = chart.scales.x!;
  const y = chart.scales.y!;
  const family = defaults.font.family ?? "sans-serif";
  const small = `11px ${family}`;
  const g = svg("g", { "font-family": family });
  g.append(svg("rect", { width, height, fill: theme.background }));
  const half = x.ticks.length > 1 ? Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)) / 2 : 0;

  for (const stretch of marks.outages) {
    const left = Math.max(area.left, x.getPixelForValue(stretch.first) - half);
    const right = Math.min(area.right, x.getPixelForValue(stretch.last) + half);
    g.append(
      svg("rect", {
        x: left,
        y: area.top,
        width: Math.max(0, right - left),
        height: area.bottom - area.top,
        fill: theme.dark ? "#ffffff" : "#000000",
        "fill-opacity": theme.dark ? 0.1 : 0.08,
      }),
    );
  }

  y.ticks.forEach((tick, i) => {
    const py = round(y.getPixelForTick(i));
    g.append(svg("line", { x1: area.left, x2: area.right, y1: py, y2: py, stroke: theme.grid }));
    g.append(
      svg(
        "text",
        {
          x: area.left - 8,
          y: py,
          "text-anchor": "end",
          "dominant-baseline": "middle",
          "font-size": 12,
          fill: theme.muted,
        },
        labelText(tick.label),
      ),
    );
  });
  g.append(
    svg("line", { x1: area.left, x2: area.right, y1: area.bottom, y2: area.bottom, stroke: theme.grid }),
  );
  x.ticks.forEach((tick, i) => {
    g.append(
      svg(
        "text",
        {
          x: round(x.getPixelForTick(i)),
          y: area.bottom + 8,
          "text-anchor": "middle",
          "dominant-baseline": "hanging",
          "font-size": 12,
          fill: theme.muted,
        },
        labelText(tick.label),
      ),
    );
  });

  let lastLabelRight = Number.NEGATIVE_INFINITY;
  for (const event of marks.events) {
    const px = round(x.getPixelForValue(event.index));
    g.append(
      svg("line", {
        x1: px,
        x2: px,
        y1: area.top - 4,
        y2: area.bottom,
        stroke: theme.muted,
        "stroke-dasharray": "4 4",
      }),
    );
    const w = measure(event.label, small);
    // Kept inside the picture: a label near an edge is shifted in rather than cut off.
    const cx = Math.min(width - w / 2 - 2, Math.max(w / 2 + 2, px));
    const lower = cx - w / 2 < lastLabelRight + 4;
    lastLabelRight = Math.max(lastLabelRight, cx + w / 2);
    g.append(
      svg(
        "text",
        {
          x: round(cx),
          y: lower ? area.top + 10 : area.top - 8,
          "text-anchor": "middle",
          "font-size": 11,
          fill: theme.text,
        },
        event.label,
      ),
    );
  }

  const plot = svg("g", {});
  const datasets = chart.data.datasets;
  const lines = datasets.map((dataset, i) =>
    chart.isDatasetVisible(i) ? linePoints(chart, dataset, i) : null,
  );
  datasets.forEach((dataset, i) => {
    const points = lines[i];
    if (!points || points.length === 0) return;
    const fill = dataset.fill;
    if (fill === "origin" || fill === "-1") {
      const below = fill === "-1" ? lines[i - 1] : null;
      const base = round(y.getPixelForValue(0));
      const back = below
        ? ` L${round(below.at(-1)!.x)},${round(below.at(-1)!.y)}${pathThrough([...below].reverse(), true)}`
        : ` L${round(points.at(-1)!.x)},${base} L${round(points[0]!.x)},${base}`;
      const { color, opacity } = paint(String(dataset.backgroundColor ?? theme.grid));
      plot.append(
        svg("path", {
          d: `${moveTo(points[0]!)}${pathThrough(points)}${back} Z`,
          fill: color,
          "fill-opacity": opacity,
        }),
      );
    }
  });
  datasets.forEach((dataset, i) => {
    const points = lines[i];
    if (!points || points.length === 0) return;
    const stroke = String(dataset.borderColor ?? theme.text);
    plot.append(
      svg("path", {
        d: `${moveTo(points[0]!)}${pathThrough(points)}`,
        fill: "none",
        stroke,
        "stroke-width": Number(dataset.borderWidth ?? 2),
        "stroke-linejoin": "round",
      }),
    );
    const radius = typeof dataset.pointRadius === "number" ? dataset.pointRadius : 0;
    if (radius > 0)
      for (const p of points)
        plot.append(svg("circle", { cx: round(p.x), cy: round(p.y), r: radius, fill: stroke }));
    for (const { index } of marks.spikes[i] ?? []) {
      const p = points[index];
      if (!p) continue;
      const [px, py] = [round(p.x), round(p.y)];
      plot.append(
        svg("path", { d: `M${px},${py - 7} L${px - 6},${py + 4} L${px + 6},${py + 4} Z`, fill: stroke }),
      );
    }
  });
  g.append(plot);
  return g;
}

/** A dataset's points where the animation ends, with control points when its line is a monotone curve. */
function linePoints(
  chart: Chart<"line", number[], string>,
  dataset: ChartDataset<"line", number[]>,
  index: number,
): Point[] {
  const points: Point[] = chart
    .getDatasetMeta(index)
    .data.map((element) => element.getProps(["x", "y"], true) as { x: number; y: number })
    .map(({ x, y }) => ({ x, y }));
  const curved = typeof dataset.tension === "number" && dataset.tension > 0;
  if (curved && dataset.cubicInterpolationMode === "monotone" && points.length > 2) {
    splineCurveMonotone(points as Parameters<typeof splineCurveMonotone>[0], "x");
  }
  return points;
}

function moveTo(p: Point): string {
  return `M${round(p.x)},${round(p.y)}`;
}

/** Segments from the first point on; Bézier where the points carry control points (reversed: swapped). */
function pathThrough(points: readonly Point[], reversed = false): string {
  let d = "";
  for (let k = 1; k < points.length; k++) {
    const from = points[k - 1]!;
    const to = points[k]!;
    const c1 = reversed ? [from.cp1x, from.cp1y] : [from.cp2x, from.cp2y];
    const c2 = reversed ? [to.cp2x, to.cp2y] : [to.cp1x, to.cp1y];
    if (c1.every(Number.isFinite) && c2.every(Number.isFinite)) {
      d += ` C${round(c1[0]!)},${round(c1[1]!)} ${round(c2[0]!)},${round(c2[1]!)} ${round(to.x)},${round(to.y)}`;
    } else d += ` L${round(to.x)},${round(to.y)}`;
  }
  return d;
}

function labelText(label: unknown): string {
  return Array.isArray(label) ? label.join(" ") : String(label ?? "");
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
