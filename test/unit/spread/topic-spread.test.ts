import { describe, expect, it } from "vitest";
import { type SpreadCell, topicSpread } from "../../../core/spread/topic-spread";

const T0 = Date.UTC(2025, 0, 20, 8);
const cell = (over: Partial<SpreadCell> & Pick<SpreadCell, "feedId" | "firstId">): SpreadCell => ({
  day: 0,
  lang: "en",
  country: "US",
  firstAt: T0,
  articles: 1,
  ...over,
});
const DAYS = ["2025-01-20", "2025-01-21"];

describe("topicSpread", () => {
  it("counts an outlet writing in two languages once for its country and region, and once per language", () => {
    const spread = topicSpread(
      [
        cell({ feedId: 1, firstId: 10, lang: "zh", country: "HK", articles: 2 }),
        cell({ feedId: 1, firstId: 11, lang: "en", country: "HK", firstAt: T0 + 90_000, articles: 3 }),
        cell({ feedId: 2, firstId: 12, lang: "en", country: "SG", firstAt: T0 + 600_000 }),
      ],
      DAYS,
      2,
    );
    const hk = spread.groups.country.find((g) => g.key === "HK");
    expect(hk).toMatchObject({ articles: 5, outlets: 1, outletsReached: null, firstArticleId: 10 });
    expect(spread.groups.lang.map((g) => [g.key, g.lagMinutes, g.articles, g.outlets])).toEqual([
      ["zh", 0, 2, 1],
      ["en", 1, 4, 2],
    ]);
    // The second outlet of the South that day is SG at +10 min, not HK's second language at +1.5 min.
    expect(spread.groups.region).toEqual([
      {
        key: "global-south",
        firstArticleId: 10,
        firstAt: T0,
        lagMinutes: 0,
        articles: 6,
        outlets: 2,
        outletsReached: { day: "2025-01-20", articleId: 12, at: T0 + 600_000, lagMinutes: 10 },
      },
    ]);
  });

  it("starts the N outlets afresh each day", () => {
    const spread = topicSpread(
      [
        cell({ feedId: 1, firstId: 1 }),
        cell({ feedId: 2, firstId: 2, day: 1, firstAt: T0 + 86_400_000 }),
        cell({ feedId: 3, firstId: 3, day: 1, firstAt: T0 + 86_460_000 }),
      ],
      DAYS,
      2,
    );
    expect(spread.groups.lang[0]?.outletsReached).toEqual({
      day: "2025-01-21",
      articleId: 3,
      at: T0 + 86_460_000,
      lagMinutes: 1441,
    });
  });

  it("starts no group for an unknown language or country, but counts lags from the first article", () => {
    const spread = topicSpread(
      [
        cell({ feedId: 1, firstId: 1, lang: null, country: null }),
        cell({ feedId: 2, firstId: 2, firstAt: T0 + 3_600_000 }),
      ],
      DAYS,
      3,
    );
    expect(spread.first).toEqual({ articleId: 1, at: T0 });
    expect(spread.groups.lang.map((g) => [g.key, g.lagMinutes])).toEqual([["en", 60]]);
    expect(spread.groups.country.map((g) => g.key)).toEqual(["US"]);
    expect(spread.groups.region.map((g) => g.key)).toEqual(["global-north"]);
  });
});
