import { describe, expect, it } from "vitest";
import type { SpreadGroup, TopicSpread } from "../../../web/api";
import { formatArrival, formatLag, spreadLine, spreadSteps } from "../../../web/spread/spread-text";

const FIRST = Date.parse("2025-01-20T08:10:00Z");
const minutes = (n: number) => new Date(FIRST + n * 60_000).toISOString();

const group = (
  key: string,
  label: string,
  lagMinutes: number,
  over: Partial<SpreadGroup> = {},
): SpreadGroup => ({
  key,
  label,
  firstArticle: {
    id: lagMinutes + 1,
    title: `First in ${label}`,
    url: null,
    source: { id: 7, name: "Sample Wire" },
    publishedAt: minutes(lagMinutes),
    sample: true,
  },
  lagMinutes,
  articles: 4,
  outlets: 2,
  outletsReached: null,
  ...over,
});

const spread = (over: Partial<TopicSpread> = {}): TopicSpread => ({
  topic: "r1-release",
  tz: "UTC",
  from: "2025-01-01",
  to: "2025-03-31",
  outlets: 3,
  articles: 12,
  first: group("zh", "Chinese", 0).firstArticle,
  languages: [group("zh", "Chinese", 0), group("en", "English", 180)],
  countries: [group("CN", "China", 0), group("US", "United States", 180)],
  regions: [group("global-south", "Global South", 0), group("global-north", "Global North", 2 * 1440 + 200)],
  ...over,
});

describe("formatLag", () => {
  it("reads minutes below an hour, hours below two days and days after", () => {
    expect([0, 45, 60, 89, 90, 180, 1670, 2879, 2880, 4000, 10_080].map(formatLag)).toEqual([
      "+0 min",
      "+45 min",
      "+1 h",
      "+1 h",
      "+2 h",
      "+3 h",
      "+28 h",
      "+48 h",
      "+2 d",
      "+3 d",
      "+7 d",
    ]);
  });
});

describe("formatArrival", () => {
  it("gives day, month and 24-hour time in the zone, with the zone's name", () => {
    expect(formatArrival("2025-01-20T08:10:00Z", "UTC", "en-GB")).toBe("20 Jan 08:10 UTC");
    expect(formatArrival("2025-01-20T16:30:00Z", "Asia/Shanghai", "en-GB")).toBe(
      "21 Jan 00:30 Asia/Shanghai",
    );
    expect(formatArrival("2025-01-20T08:10:00Z", "America/New_York", "en-US")).toBe(
      "20 Jan 03:10 America/New_York",
    );
  });
});

describe("spreadSteps", () => {
  it("groups the places reached in the same minute, first with its time and the rest with their lag", () => {
    const steps = spreadSteps(spread(), "en-GB");
    expect(steps.map((s) => [s.lagMinutes, s.when, s.places.map((p) => `${p.kind}:${p.name}`)])).toEqual([
      [0, "20 Jan 08:10 UTC", ["lang:zh", "country:CN", "region:Global South"]],
      [180, "+3 h", ["lang:en", "country:US"]],
      [3080, "+2 d", ["region:Global North"]],
    ]);
    expect(spreadLine(steps)).toBe(
      "first in zh · CN · Global South 20 Jan 08:10 UTC, en · US +3 h, Global North +2 d",
    );
  });

  it("says in each place's detail its first article and its first day with N outlets, or that it had none", () => {
    const reached = group("en", "English", 180, {
      outletsReached: { day: "2025-01-22", at: minutes(2990), articleId: 9, lagMinutes: 2990 },
    });
    const [first, second] = spreadSteps(spread({ languages: [group("zh", "Chinese", 0), reached] }), "en-GB");
    expect(second?.places[0]?.detail).toBe(
      'English: first "First in English" (Sample Wire), 20 Jan 11:10 UTC; 4 articles from 2 outlets; ' +
        "3 outlets first on 22 Jan (+2 d)",
    );
    expect(first?.places[0]?.detail).toMatch(/; never 3 outlets in one day$/);
  });

  it("counts later lags from the first place reached when the topic's first article named none", () => {
    const late = spread({
      languages: [group("en", "English", 30), group("fr", "French", 90)],
      countries: [],
      regions: [],
    });
    expect(spreadLine(spreadSteps(late, "en-GB"))).toBe("first in en 20 Jan 08:40 UTC, fr +1 h");
  });

  it("is empty when no place was reached", () => {
    expect(spreadSteps(spread({ languages: [], countries: [], regions: [] }), "en-GB")).toEqual([]);
  });
});
