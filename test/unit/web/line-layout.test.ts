import { describe, expect, it } from "vitest";
import { layoutLines, linePath, runningSums, segments, tickIndices } from "../../../web/embed/line-layout";

/** Seven pixels a character: enough to lay labels out the way a browser would, without one. */
const measure = (text: string) => text.length * 7;

function layout(values: number[][], options: { share?: boolean; stacked?: boolean; labels?: string[] } = {}) {
  const labels = options.labels ?? values[0]!.map((_, i) => `${i + 1} Jan`);
  return layoutLines({
    values,
    labels,
    share: options.share ?? false,
    stacked: options.stacked ?? false,
    width: 600,
    height: 300,
    tickText: (v) => (options.share ? `${Math.round(v * 100)}%` : String(v)),
    measure,
  });
}

/** The y values a path passes through or bends with, from its "M x,y C x,y x,y x,y" text. */
function pathYs(d: string): number[] {
  return [...d.matchAll(/-?[\d.]+,(-?[\d.]+)/g)].map((m) => Number(m[1]));
}

describe("the embed's line chart layout", () => {
  it("puts the first bucket on the plot's left edge and the last on its right", () => {
    const { xs, plot } = layout([[1, 2, 3, 4]]);
    expect(xs[0]).toBe(plot.left);
    expect(xs.at(-1)).toBe(plot.right);
  });

  it("labels the count axis in readable whole steps from zero, clear of the tick texts", () => {
    const { yTicks, plot, lines } = layout([[0, 12, 41, 7]]);
    expect(yTicks.map((t) => t.text)).toEqual(["0", "10", "20", "30", "40", "50"]);
    expect(yTicks[0]!.y).toBe(plot.bottom);
    expect(yTicks.at(-1)!.y).toBe(plot.top);
    expect(plot.left).toBeGreaterThanOrEqual(measure("50") + 8);
    expect(lines[0]![2]!.y).toBeCloseTo(plot.bottom - (41 / 50) * (plot.bottom - plot.top));
  });

  it("labels the share axis with the dashboard's share ticks", () => {
    const { yTicks } = layout([[0.1, 0.37, 0.2]], { share: true });
    expect(yTicks.map((t) => t.text)).toEqual(["0%", "10%", "20%", "30%", "40%"]);
  });

  it("stacks series on the ones before them, the axis reaching the tallest stack", () => {
    expect(
      runningSums([
        [1, 2],
        [3, 4],
        [0, 1],
      ]),
    ).toEqual([
      [1, 2],
      [4, 6],
      [4, 7],
    ]);
    const { yTicks } = layout(
      [
        [30, 20],
        [25, 30],
      ],
      { stacked: true },
    );
    expect(yTicks.at(-1)!.text).toBe("60");
  });

  it("skips x labels so that no two overlap, always keeping the first bucket's", () => {
    const labels = Array.from({ length: 365 }, (_, i) => `${i} Jan`);
    const slot = 2;
    const ticks = tickIndices(labels, slot, measure);
    expect(ticks[0]).toBe(0);
    for (let k = 1; k < ticks.length; k++)
      expect((ticks[k]! - ticks[k - 1]!) * slot).toBeGreaterThan(measure("364 Jan"));
    expect(tickIndices(["Jan", "Feb", "Mar"], 200, measure)).toEqual([0, 1, 2]);
  });

  it("draws sparse series straight with points, dense ones as curves without", () => {
    expect(layout([[1, 2, 3]])).toMatchObject({ curved: false, pointRadius: 3 });
    expect(layout([Array.from({ length: 90 }, (_, i) => i % 7)])).toMatchObject({
      curved: true,
      pointRadius: 0,
    });
  });
});

describe("the embed's line paths", () => {
  const points = [
    { x: 0, y: 100 },
    { x: 10, y: 100 },
    { x: 20, y: 0 },
    { x: 30, y: 100 },
    { x: 40, y: 90 },
  ];

  it("joins the points with straight segments when the series is sparse", () => {
    expect(linePath(points.slice(0, 3), false)).toBe("M0,100 L10,100 L20,0");
  });

  it("curves a dense series without overshooting any point or dipping past a flat stretch", () => {
    const ys = pathYs(linePath(points, true));
    // A spike from a flat zero line (y 100 is the baseline) never swings below it, nor above the peak.
    expect(Math.max(...ys)).toBeLessThanOrEqual(100);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    // The flat first stretch stays flat: both control points on y 100.
    expect(linePath(points, true).startsWith("M0,100 C3.3,100 6.7,100 10,100")).toBe(true);
  });

  it("walks the same curve backwards, for the area between two stacked lines", () => {
    const curves = (d: string) =>
      d
        .trim()
        .slice(1)
        .split(" C")
        .map((c) => c.trim().split(" "));
    const forward = curves(segments(points, true));
    const backward = curves(segments(points, true, true));
    // Each segment once, in reverse order, its control points swapped, ending where the forward one began.
    const starts = ["0,100", ...forward.map((c) => c[2]!)];
    expect(backward).toEqual(forward.map((c, k) => [c[1], c[0], starts[k]]).reverse());
  });
});
