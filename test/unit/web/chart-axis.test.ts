import { describe, expect, it } from "vitest";
import { countAxis, lineShape, SPARSE_BUCKETS, shareAxis } from "../../../web/charts/axis";
import { chroma, GROUP_COLOR, groupColor, OTHER_GROUP_COLOR } from "../../../web/charts/group-colors";
import { layoutLabels } from "../../../web/charts/label-layout";
import { OKABE_ITO } from "../../../web/charts/palette";

describe("the coverage chart's line shape", () => {
  it("draws a sparse series (three months) as straight segments with visible points", () => {
    expect(lineShape(3)).toEqual({ tension: 0, cubicInterpolationMode: "default", pointRadius: 3 });
    expect(lineShape(SPARSE_BUCKETS).pointRadius).toBe(3);
  });

  it("draws a dense series as a monotone curve without points, which never overshoots a bucket", () => {
    expect(lineShape(SPARSE_BUCKETS + 1)).toEqual({
      tension: 0,
      cubicInterpolationMode: "monotone",
      pointRadius: 0,
    });
  });
});

describe("the share axis", () => {
  it("runs from 0 to a round value above the peak in readable steps, not only 0% and 100%", () => {
    expect(shareAxis(0.37)).toEqual({ min: 0, max: 0.4, stepSize: 0.1 });
    expect(shareAxis(0.62)).toEqual({ min: 0, max: 0.8, stepSize: 0.2 });
    expect(shareAxis(0.031)).toEqual({ min: 0, max: 0.04, stepSize: 0.01 });
    expect(shareAxis(0.0042)).toEqual({ min: 0, max: 0.005, stepSize: 0.001 });
  });

  it("never goes past 100%, even when overlapping topics stack above it", () => {
    expect(shareAxis(1)).toEqual({ min: 0, max: 1, stepSize: 0.2 });
    expect(shareAxis(1.8)).toEqual({ min: 0, max: 1, stepSize: 0.2 });
  });

  it("shows 0-10% for an empty series instead of a collapsed axis", () => {
    expect(shareAxis(0)).toEqual({ min: 0, max: 0.1, stepSize: 0.02 });
    expect(shareAxis(Number.NaN).max).toBe(0.1);
  });

  it("puts four to seven ticks on the axis at any peak", () => {
    for (let peak = 0.001; peak <= 1; peak *= 1.37) {
      const { max, stepSize } = shareAxis(peak);
      const ticks = Math.round(max / stepSize) + 1;
      expect(ticks, `peak ${peak}`).toBeGreaterThanOrEqual(3);
      expect(ticks, `peak ${peak}`).toBeLessThanOrEqual(7);
      expect(max).toBeGreaterThanOrEqual(Math.min(peak, 1) - 1e-12);
    }
  });
});

describe("the count axis", () => {
  it("runs from 0 to a round value at or above the peak in whole-article steps a reader can count in", () => {
    expect(countAxis(266)).toEqual({ min: 0, max: 300, stepSize: 100 });
    expect(countAxis(41)).toEqual({ min: 0, max: 50, stepSize: 10 });
    expect(countAxis(12)).toEqual({ min: 0, max: 15, stepSize: 5 });
    expect(countAxis(1_200_000)).toEqual({ min: 0, max: 1_250_000, stepSize: 250_000 });
  });

  it("never steps by a fraction of an article, and shows 0-1 for an empty series", () => {
    expect(countAxis(3)).toEqual({ min: 0, max: 3, stepSize: 1 });
    expect(countAxis(0)).toEqual({ min: 0, max: 1, stepSize: 1 });
    for (let peak = 1; peak < 1e7; peak = Math.ceil(peak * 1.37)) {
      const { max, stepSize } = countAxis(peak);
      expect(Number.isInteger(stepSize), `peak ${peak}`).toBe(true);
      expect(max, `peak ${peak}`).toBeGreaterThanOrEqual(peak);
      expect(Math.round(max / stepSize) + 1, `peak ${peak}`).toBeLessThanOrEqual(7);
    }
  });
});

describe("event label layout", () => {
  const bounds = { left: 0, right: 600 };

  it("centres a label over its line where there is room", () => {
    expect(layoutLabels([{ x: 300, width: 100 }], bounds)).toEqual([{ left: 250, row: 0 }]);
  });

  it("keeps labels at the edges inside the canvas instead of clipping them", () => {
    const placed = layoutLabels(
      [
        { x: 10, width: 120 },
        { x: 595, width: 120 },
      ],
      bounds,
    );
    expect(placed).toEqual([
      { left: 0, row: 0 },
      { left: 480, row: 0 },
    ]);
  });

  it("moves a label that would overlap the one before it to the next row, and back when there is room", () => {
    const placed = layoutLabels(
      [
        { x: 100, width: 150 },
        { x: 140, width: 150 },
        { x: 400, width: 100 },
      ],
      bounds,
    );
    expect(placed.map((p) => p.row)).toEqual([0, 1, 0]);
  });

  it("puts a third crowded label in the row that frees up first", () => {
    const placed = layoutLabels(
      [
        { x: 100, width: 200 },
        { x: 110, width: 60 },
        { x: 120, width: 60 },
      ],
      bounds,
    );
    expect(placed.map((p) => p.row)).toEqual([0, 1, 1]);
  });
});

describe("breakdown colours", () => {
  it("are greys, distinct from every topic colour of the palette topics are made with", () => {
    for (const color of [
      GROUP_COLOR.light,
      GROUP_COLOR.dark,
      OTHER_GROUP_COLOR.light,
      OTHER_GROUP_COLOR.dark,
    ])
      expect(chroma(color)).toBeLessThan(40);
    for (const topic of OKABE_ITO.filter((c) => c !== "#000000")) expect(chroma(topic)).toBeGreaterThan(80);
  });

  it('set "Other" apart from the named groups', () => {
    expect(groupColor("other", false)).not.toBe(groupColor("12", false));
    expect(groupColor("de", true)).toBe(GROUP_COLOR.dark);
  });
});
