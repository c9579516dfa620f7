import { describe, expect, it } from "vitest";
import type { Coverage } from "../../../web/api";
import { breakdownRows } from "../../../web/charts/breakdown";
import { changeLine, periodChanges, previousPeriodName } from "../../../web/charts/period-change";

const coverage = (interval: Coverage["interval"], buckets: number, previous?: Record<string, number[]>) =>
  ({
    interval,
    tz: "UTC",
    from: "2025-02-01",
    to: "2025-02-28",
    by: "topic",
    share: "all",
    buckets: Array.from({ length: buckets }, (_, i) => `b${i}`),
    totals: new Array(buckets).fill(10),
    series: [
      { key: "up", label: "Up", counts: [71, 0], shares: [], spikes: [] },
      { key: "down", label: "Down", counts: [1, 2], shares: [], spikes: [] },
      { key: "new", label: "New", counts: [1, 0], shares: [], spikes: [] },
      { key: "same", label: "Same", counts: [2, 2], shares: [], spikes: [] },
      { key: "quiet", label: "Quiet", counts: [0, 0], shares: [], spikes: [] },
    ],
    ...(previous
      ? {
          previous: {
            from: "2025-01-04",
            to: "2025-01-31",
            buckets: [],
            totals: [],
            series: Object.entries(previous).map(([key, counts]) => ({ key, counts, shares: [] })),
          },
        }
      : {}),
  }) as Coverage;

describe("the change against the previous period", () => {
  it("names the previous period by the answer's buckets", () => {
    expect(previousPeriodName(coverage("day", 28))).toBe("previous 28 days");
    expect(previousPeriodName(coverage("week", 1))).toBe("previous week");
    expect(previousPeriodName(coverage("hour", 23))).toBe("previous 23 hours");
    expect(previousPeriodName(coverage("month", 3))).toBe("previous 3 months");
  });

  it("says +N% or -N% against what the previous period had, and when there was nothing to compare", () => {
    const changes = periodChanges(
      coverage("day", 2, { up: [25, 25], down: [2, 2], new: [0, 0], same: [4, 0], quiet: [0, 0] }),
      "en-GB",
    );
    expect(changes.map((c) => [c.key, c.change, c.text])).toEqual([
      ["up", 0.42, "+42% vs previous 2 days"],
      ["down", -0.25, "-25% vs previous 2 days"],
      ["new", null, "new: none in the previous 2 days"],
      ["same", 0, "as many as the previous 2 days"],
      ["quiet", null, "none in this or the previous 2 days"],
    ]);
    expect(changeLine(changes[0]!, "en-GB")).toBe("Up: 71 articles, +42% vs previous 2 days (50)");
    expect(changeLine(changes[2]!, "en-GB")).toBe("New: 1 article, new: none in the previous 2 days");
  });

  it("keeps a decimal for small changes and says nothing without a previous period", () => {
    const small = periodChanges(coverage("day", 2, { up: [35, 35.5] }), "en-GB");
    expect(small[0]!.text).toBe("+0.7% vs previous 2 days");
    expect(periodChanges(coverage("day", 2), "en-GB")).toEqual([]);
  });
});

describe("breakdown rows", () => {
  it("carry each group's share of its own coverage with share=group, largest share first, Other last", () => {
    const rows = breakdownRows({
      ...coverage("day", 2),
      by: "feed",
      share: "group",
      series: [
        { key: "1", label: "Big", counts: [5, 5], groupTotals: [50, 50], shares: [], spikes: [] },
        { key: "2", label: "Focused", counts: [3, 1], groupTotals: [4, 4], shares: [], spikes: [] },
        { key: "other", label: "Other", counts: [9, 0], groupTotals: [9, 1], shares: [], spikes: [] },
        { key: "3", label: "Silent", counts: [0, 0], groupTotals: [3, 0], shares: [], spikes: [] },
      ],
    } as Coverage);
    expect(rows.map((r) => [r.key, r.total, r.groupTotal, r.share])).toEqual([
      ["2", 4, 8, 0.5],
      ["1", 10, 100, 0.1],
      ["3", 0, 3, 0],
      ["other", 9, 10, 0.9],
    ]);
  });
});
