import { describe, expect, it } from "vitest";
import { type ListScope, listCaption, listQuery } from "../../../web/articles/list-scope";
import { defaultState, readState, serializeState } from "../../../web/state/url-state";
import { copyLag, sparkLabel, stepName, storyFirst, storySize } from "../../../web/stories/story-text";
import { termLanguages, termSearch, termUse } from "../../../web/terms/terms-text";

const TZ = "Europe/Berlin";

describe("the words of stories", () => {
  it("gives a story's size, first outlet and sparkline in words", () => {
    expect(storySize({ articles: 12, outlets: 9, countries: 5 }, "en-GB")).toBe(
      "12 articles from 9 outlets in 5 countries",
    );
    expect(storySize({ articles: 1, outlets: 1, countries: 0 }, "en-GB")).toBe("1 article from 1 outlet");
    expect(
      storyFirst(
        { firstSource: { id: 3, name: "Sample Wire, London" }, firstSeenAt: "2025-01-27T13:05:00.000Z" },
        TZ,
        "en-GB",
      ),
    ).toBe("first Sample Wire, London, 27 Jan 14:05 Europe/Berlin");
    expect(
      storyFirst(
        { firstSource: { id: 3, name: null }, firstSeenAt: "2025-01-27T13:05:00.000Z" },
        "UTC",
        "en-GB",
      ),
    ).toBe("first feed 3, 27 Jan 13:05 UTC");
    expect([stepName(10), stepName(50), stepName(60), stepName(90), stepName(1440), stepName(2880)]).toEqual([
      "10 min",
      "50 min",
      "1 h",
      "1.5 h",
      "1 d",
      "2 d",
    ]);
    expect(sparkLabel({ stepMinutes: 50, counts: [2, 0, 1] })).toBe(
      "Articles per 50 min from the first: 2, 0, 1",
    );
    expect([0, 40, 19 * 60].map((m, i) => copyLag({ minutesAfterFirst: m }, i))).toEqual([
      "first",
      "+40 min",
      "+19 h",
    ]);
  });
});

describe("the words of distinctive terms", () => {
  it("searches a term as one quoted phrase, whatever it holds", () => {
    expect(termSearch("export controls")).toBe('"export controls"');
    expect(termSearch("-Nvidia")).toBe('"-Nvidia"');
    expect(termSearch('say "no"')).toBe('"say  no"');
    expect(termUse({ topicCount: 41, restCount: 3 }, "en-GB")).toBe("in 41 of its articles (3 elsewhere)");
  });

  it("offers every language and the topic's largest ones, or only those the filter names", () => {
    expect(termLanguages(undefined, ["en", "zh", "other"])).toEqual(["", "en", "zh"]);
    expect(termLanguages("de,fr", ["en"])).toEqual(["de", "fr"]);
    expect(termLanguages("", [])).toEqual([""]);
  });
});

describe("stories in the URL state", () => {
  it("keeps the chart's unit and the open story in the link, and ignores a malformed story", () => {
    const state = { ...defaultState(TZ), unit: "stories" as const, story: 42 };
    expect(serializeState(state, TZ)).toBe("?unit=stories&story=42");
    expect(readState("?unit=stories&story=42", TZ)).toEqual({ state, ignored: [] });
    expect(readState("?story=0x10&unit=tweets", TZ).ignored).toEqual([
      "story=0x10 (not a story id)",
      "unit=tweets (not one of articles, stories)",
    ]);
  });
});

describe("a term's articles in the list", () => {
  const scope: ListScope = {
    state: { topics: ["r1", "nv"], filters: { lang: "de" }, tz: TZ },
    topics: [
      { slug: "r1", name: "R1 release" },
      { slug: "nv", name: "Nvidia valuation" },
    ],
    dates: { from: "2025-01-27", to: "2025-02-02" },
    span: { from: "2025-01-26T23:00:00.000Z", to: "2025-02-02T22:59:59.999Z" },
  };

  it("searches within the term's topic only, and says so", () => {
    const mode = { kind: "search" as const, q: '"Ascend"', everywhere: false, topic: "nv" };
    expect(listQuery(mode, scope)).toMatchObject({ topics: "nv", q: '"Ascend"', lang: "de" });
    expect(listCaption(mode, scope, "en-GB")).toBe(
      'Search “"Ascend"” in articles on Nvidia valuation, 27 Jan 2025 – 2 Feb 2025 (Europe/Berlin), only lang de',
    );
  });
});
