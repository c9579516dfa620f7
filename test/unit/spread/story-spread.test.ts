import { describe, expect, it } from "vitest";
import { storySpread } from "../../../core/spread/story-spread";
import { sparkCounts, sparkStepMs } from "../../../core/stories/story-sparkline";

const at = (day: number, hour: number, minute = 0) => Date.UTC(2025, 0, day, hour, minute);
const copy = (id: number, feedId: number, country: string, publishedAt: number) => ({
  id,
  feedId,
  lang: "en",
  country,
  publishedAt,
});

describe("storySpread", () => {
  it("traces a story's copies by country and region, its days in the request's zone", () => {
    const spread = storySpread(
      [copy(1, 10, "GB", at(27, 22, 30)), copy(2, 11, "US", at(27, 23, 10)), copy(3, 12, "NG", at(28, 9, 5))],
      "Asia/Tokyo",
      2,
    );
    // 22:30 UTC is already the 28th in Tokyo: the story lives on one day there.
    expect([spread.from, spread.to]).toEqual(["2025-01-28", "2025-01-28"]);
    expect(spread.groups.country.map((g) => [g.key, g.lagMinutes])).toEqual([
      ["GB", 0],
      ["US", 40],
      ["NG", 635],
    ]);
    expect(spread.groups.region.map((g) => [g.key, g.outlets, g.outletsReached?.articleId ?? null])).toEqual([
      ["global-north", 2, 2],
      ["global-south", 1, null],
    ]);
    expect(storySpread([], "UTC", 3)).toMatchObject({ first: null, from: null, to: null });
    expect(() => storySpread([], "Mars/Olympus", 3)).toThrow(/tz/);
  });
});

describe("a story's sparkline", () => {
  it("cuts a story's life into at most 24 steps of whole ten minutes", () => {
    expect(sparkStepMs(at(27, 14), at(27, 14))).toBe(600_000);
    expect(sparkStepMs(at(27, 14, 5), at(28, 9, 5))).toBe(50 * 60_000);
    expect(
      sparkCounts(at(27, 14), at(27, 16), [
        { step: 0, copies: 2 },
        { step: 12, copies: 1 },
      ]),
    ).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const week = sparkCounts(at(1, 0), at(8, 0), [{ step: 23, copies: 4 }]);
    expect(week.length).toBeLessThanOrEqual(24);
    expect(week.at(-1)).toBe(4);
  });
});
