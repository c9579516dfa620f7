import { describe, expect, it } from "vitest";
import { planCounts } from "../../../core/coverage/count-plan";
import { NO_SCOPE, resolveScope } from "../../../core/coverage/coverage-scope";
import { previousPlan } from "../../../core/coverage/previous-period";
import { planBuckets } from "../../../core/time/time-buckets";

const feeds = [
  { id: 1, country: "DE", folder: "Europe" },
  { id: 2, country: "br" },
  { id: 3, country: null, folder: "Tech" },
  { id: 4, country: "UK", folder: "Europe" },
  { id: 5, country: "JP", folder: null },
];

describe("resolveScope", () => {
  it("turns countries and regions into feed ids, and intersects filters of different names", () => {
    expect(resolveScope({}, feeds)).toEqual(NO_SCOPE);
    expect(resolveScope({ country: "de,GB" }, feeds)).toEqual({ feedIds: [1, 4], langs: null });
    expect(resolveScope({ region: "south" }, feeds)).toEqual({ feedIds: [2], langs: null });
    expect(resolveScope({ region: "north", feed: "2,5" }, feeds)).toEqual({ feedIds: [5], langs: null });
    expect(resolveScope({ country: "unknown" }, feeds)).toEqual({ feedIds: [3], langs: null });
    expect(resolveScope({ folder: "Europe,Tech" }, feeds)).toEqual({ feedIds: [1, 3, 4], langs: null });
    expect(resolveScope({ folder: "Europe", country: "GB,BR" }, feeds)).toEqual({
      feedIds: [4],
      langs: null,
    });
    // A known country no outlet is in matches nothing, which is not an error.
    expect(resolveScope({ country: "FR" }, feeds)).toEqual({ feedIds: [], langs: null });
  });

  it("takes language codes as articles store them, unknown as the empty language", () => {
    expect(resolveScope({ lang: "EN, de,unknown" }, feeds)).toEqual({
      feedIds: null,
      langs: ["en", "de", ""],
    });
    expect(resolveScope({ lang: "iw" }, feeds).langs).toEqual(["he"]);
  });

  it.each([
    [{ feed: "9" }, "feed: no feed with id '9'"],
    [{ feed: "1,x" }, "feed: no feed with id 'x'"],
    [{ lang: "und" }, "lang: 'und' is not a language code"],
    [{ lang: "english" }, "lang: 'english' is not a language code"],
    [{ folder: "Asia" }, "folder: no folder 'Asia'"],
    [{ folder: "europe" }, "folder: no folder 'europe'"],
    [{ country: "EU" }, "country: 'EU' is not an ISO 3166-1 alpha-2 country code"],
    [{ region: "global-south" }, "region: 'global-south' is not a region; use north or south"],
    [{ region: " , " }, "region: needs at least one value"],
  ])("refuses %j naming the value", (params, message) => {
    expect(() => resolveScope(params, feeds)).toThrow(
      expect.objectContaining({ publicMessage: expect.stringContaining(message) }),
    );
  });
});

describe("planCounts says which store answers", () => {
  const scoped = { feedIds: [1], langs: null };
  it.each([
    ["topic", [1, 2], NO_SCOPE, "rollup"],
    ["topic", [1, 2], scoped, "detail"],
    ["feed", "every", NO_SCOPE, "detail"],
    ["lang", [1], scoped, "detail"],
    ["region", [1, 2], NO_SCOPE, "sets"],
    ["country", [1, 2, 3], scoped, "sets"],
  ] as const)("by=%s over topics %j, scope %j: %s", (by, topics, scope, source) => {
    const plan = planCounts({ by, topics: topics as number[] | "every", scope, groupTotals: true });
    expect(plan.source).toBe(source);
    expect(plan.key).toBe(by === "region" ? "country" : by);
    expect(plan.groupTotals).toBe(by !== "topic");
  });
});

describe("previousPlan", () => {
  const plan = (from: string, to: string, interval: "hour" | "day" | "week" | "month", tz = "UTC") =>
    planBuckets({ from, to, interval, tz });
  const range = (p: ReturnType<typeof previousPlan>) => [p.from, p.to, p.labels.length];

  it("takes the N days before a daily range", () => {
    expect(range(previousPlan(plan("2025-03-01", "2025-03-31", "day")))).toEqual([
      "2025-01-29",
      "2025-02-28",
      31,
    ]);
  });

  it("moves weeks and months back by their number, keeping month ends", () => {
    expect(range(previousPlan(plan("2025-01-01", "2025-01-31", "week")))).toEqual([
      "2024-11-27",
      "2024-12-27",
      5,
    ]);
    expect(range(previousPlan(plan("2025-03-01", "2025-05-31", "month")))).toEqual([
      "2024-12-01",
      "2025-02-28",
      3,
    ]);
    expect(range(previousPlan(plan("2024-03-15", "2024-03-30", "month")))).toEqual([
      "2024-02-15",
      "2024-02-29",
      1,
    ]);
  });

  it("takes the N hours before an hourly range, whatever DST did to either day", () => {
    const fallBack = previousPlan(plan("2025-10-27", "2025-10-27", "hour", "Europe/Berlin"));
    expect(fallBack.labels).toHaveLength(24);
    expect(fallBack.labels[0]).toBe("2025-10-26T01:00+02:00");
    expect(fallBack.labels.filter((l) => l.startsWith("2025-10-26T02:00"))).toHaveLength(2);
    const current = plan("2025-10-27", "2025-10-27", "hour", "Europe/Berlin");
    expect(fallBack.edges.at(-1)).toBe(current.edges[0]);
    expect(fallBack.edges[0]).toBe(current.edges[0]! - 24 * 3_600_000);
  });

  it("refuses a previous period before 1970, naming compare", () => {
    expect(() => previousPlan(plan("1970-01-01", "1970-01-02", "day"))).toThrow(
      expect.objectContaining({ publicMessage: expect.stringMatching(/^compare: the previous period/) }),
    );
  });
});
