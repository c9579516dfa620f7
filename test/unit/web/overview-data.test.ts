import { describe, expect, it } from "vitest";
import type { Coverage } from "../../../web/api";
import { overviewCards, sparklinePath } from "../../../web/overview/overview-data";

const spike = (bucket: string, index: number, count: number) => ({
  bucket,
  index,
  count,
  baseline: 1,
  sd: 1,
  threshold: 5,
});

const answer = {
  interval: "day",
  tz: "UTC",
  from: "2025-01-26",
  to: "2025-01-28",
  by: "topic",
  share: "all",
  buckets: ["2025-01-26", "2025-01-27", "2025-01-28"],
  totals: [10, 50, 20],
  series: [
    {
      key: "nv",
      label: "Nvidia valuation",
      color: "#E69F00",
      counts: [1, 30, 9],
      shares: [],
      spikes: [spike("2025-01-27", 1, 30), spike("2025-01-28", 2, 9)],
    },
    { key: "hw", label: "Huawei", counts: [0, 0, 0], shares: [], spikes: [] },
  ],
  previous: {
    from: "2025-01-23",
    to: "2025-01-25",
    buckets: [],
    totals: [],
    series: [
      { key: "nv", counts: [4, 4, 2], shares: [] },
      { key: "hw", counts: [0, 0, 0], shares: [] },
    ],
  },
} as unknown as Coverage;

describe("the overview cards", () => {
  it("give each topic its count, its change against the previous period and its latest spike", () => {
    const [nv, hw] = overviewCards(answer, "en-GB");
    expect(nv).toMatchObject({
      key: "nv",
      label: "Nvidia valuation",
      color: "#E69F00",
      count: 40,
      change: 3,
      changeText: "+300% vs previous 3 days",
      counts: [1, 30, 9],
      latestSpike: "Tue, 28 Jan 2025: 9 articles",
    });
    expect(hw).toMatchObject({ count: 0, change: null, latestSpike: null });
  });

  it("have no change without a previous period", () => {
    const [nv] = overviewCards({ ...answer, previous: undefined } as Coverage, "en-GB");
    expect(nv).toMatchObject({ change: null, changeText: "" });
  });
});

describe("the sparkline path", () => {
  it("puts zero at the bottom and the peak at the top, in straight segments", () => {
    expect(sparklinePath([0, 10, 5], 100, 20, 0)).toBe("M0,20L50,0L100,10");
  });

  it("draws a flat line at the bottom for no articles, and nothing for no buckets", () => {
    expect(sparklinePath([0, 0], 100, 20, 1)).toBe("M1,19L99,19");
    expect(sparklinePath([], 100, 20)).toBe("");
    expect(sparklinePath([4], 100, 20, 0)).toBe("M50,0");
  });
});
