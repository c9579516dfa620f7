import { describe, expect, it } from "vitest";
import { type ListScope, listCaption, listQuery } from "../../../web/articles/list-scope";
import { extentOfBuckets, isEmpty, monthEnd, selectionCounts } from "../../../web/states/data-extent";
import { emptyText, extentText, partialText } from "../../../web/states/state-text";

describe("the chart's empty state", () => {
  it("is empty when no series has an article, whatever the totals", () => {
    expect(isEmpty({ totals: [3, 4], series: [{ counts: [0, 0] }, { counts: [0, 0] }] })).toBe(true);
    expect(isEmpty({ totals: [3, 4], series: [{ counts: [0, 1] }] })).toBe(false);
    expect(selectionCounts({ totals: [3, 4], series: [] })).toEqual([3, 4]);
  });

  it("finds the first and last bucket holding the selection's articles", () => {
    const months = ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04"];
    expect(extentOfBuckets(months, [0, 5, 0, 2, 0])).toEqual({ from: "2025-01", to: "2025-03" });
    expect(extentOfBuckets(months, [0, 0, 3, 0, 0])).toEqual({ from: "2025-02", to: "2025-02" });
    expect(extentOfBuckets(months, [0, 0, 0, 0, 0])).toBeNull();
    expect(monthEnd("2024-02")).toBe("2024-02-29");
    expect(monthEnd("2025-12")).toBe("2025-12-31");
  });

  it("says where the coverage is", () => {
    expect(emptyText(false)).toBe("No articles in this range for the selected topics.");
    expect(emptyText(true)).toBe("No articles in this range for the selected topics and filters.");
    expect(extentText({ from: "2025-01-01", to: "2025-03-31" }, "en-GB")).toBe(
      "Coverage exists from 1 Jan 2025 to 31 Mar 2025.",
    );
    expect(extentText({ from: "2025-01-27", to: "2025-01-27" }, "en-GB")).toBe(
      "Coverage exists on 27 Jan 2025.",
    );
  });

  it("counts the buckets an outage touched for the partial-data note", () => {
    expect(partialText([], 17, "day")).toBeNull();
    expect(
      partialText(
        [
          { first: 3, last: 4 },
          { first: 9, last: 9 },
        ],
        17,
        "day",
      ),
    ).toBe(
      "Partial data: ingestion was down in 3 of 17 days of this range (shaded, lines dashed); their counts are incomplete.",
    );
  });
});

describe("the article list's scope", () => {
  const scope = (topics: string[], filters = {}): ListScope => ({
    state: { topics, filters, tz: "Europe/Berlin" },
    topics: [
      { slug: "r1", name: "DeepSeek R1 release" },
      { slug: "nv", name: "Nvidia valuation" },
      { slug: "hw", name: "Huawei Ascend chips" },
    ],
    dates: { from: "2025-01-27", to: "2025-02-02" },
    span: { from: "2025-01-26T23:00:00.000Z", to: "2025-02-02T22:59:59.999Z" },
  });

  it("lists the newest articles of the selected topics, range and filters", () => {
    expect(listQuery({ kind: "range" }, scope(["nv"], { lang: "de" }))).toEqual({
      lang: "de",
      topics: "nv",
      q: undefined,
      from: "2025-01-26T23:00:00.000Z",
      to: "2025-02-02T22:59:59.999Z",
    });
    // No topic named in the state means every topic, so the list still follows the topics.
    expect(listQuery({ kind: "range" }, scope([])).topics).toBe("r1,nv,hw");
  });

  it("searches within the selected topics unless asked to search everything", () => {
    expect(listQuery({ kind: "search", q: "chips", everywhere: false }, scope(["nv", "hw"]))).toMatchObject({
      topics: "nv,hw",
      q: "chips",
    });
    expect(listQuery({ kind: "search", q: "chips", everywhere: true }, scope(["nv"])).topics).toBeUndefined();
  });

  it("captions the list with its topics, range, zone and filters", () => {
    expect(listCaption({ kind: "range" }, scope(["r1", "nv"], { lang: "de,fr" }), "en-GB")).toBe(
      "Newest articles on DeepSeek R1 release and Nvidia valuation, 27 Jan 2025 – 2 Feb 2025 (Europe/Berlin), only lang de, fr",
    );
    expect(listCaption({ kind: "range" }, scope([]), "en-GB")).toBe(
      "Newest articles on all 3 topics, 27 Jan 2025 – 2 Feb 2025 (Europe/Berlin)",
    );
    expect(listCaption({ kind: "search", q: "Nvidia", everywhere: true }, scope(["nv"]), "en-GB")).toBe(
      "Search “Nvidia” in every article, 27 Jan 2025 – 2 Feb 2025 (Europe/Berlin)",
    );
    expect(listCaption({ kind: "search", q: "Nvidia", everywhere: false }, scope(["nv"]), "en-GB")).toBe(
      "Search “Nvidia” in articles on Nvidia valuation, 27 Jan 2025 – 2 Feb 2025 (Europe/Berlin)",
    );
  });
});
