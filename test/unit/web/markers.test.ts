import { describe, expect, it } from "vitest";
import type { Feed } from "../../../web/api";
import { eventMarkers, outageStretches, spikeIndices } from "../../../web/charts/markers";

const events = [
  { date: "2025-01-20", label: "R1" },
  { date: "2025-01-27", label: "Sell-off" },
];

describe("eventMarkers", () => {
  it("puts each event in the day bucket of its date", () => {
    const buckets = ["2025-01-19", "2025-01-20", "2025-01-21"];
    expect(eventMarkers(events, buckets, "2025-01-21")).toEqual([{ index: 1, label: "R1" }]);
  });

  it("puts an event in the ISO week that holds it", () => {
    const buckets = ["2025-01-13", "2025-01-20", "2025-01-27"];
    expect(eventMarkers([{ date: "2025-01-22", label: "x" }], buckets, "2025-02-02")).toEqual([
      { index: 1, label: "x" },
    ]);
  });

  it("puts an event in its month and, for hours, at the day's first hour", () => {
    expect(eventMarkers(events, ["2024-12", "2025-01", "2025-02"], "2025-02-28").map((m) => m.index)).toEqual(
      [1, 1],
    );
    const hours = ["2025-01-19T23:00+00:00", "2025-01-20T00:00+00:00", "2025-01-20T01:00+00:00"];
    expect(eventMarkers(events, hours, "2025-01-20")).toEqual([{ index: 1, label: "R1" }]);
  });

  it("leaves out events outside the range", () => {
    expect(eventMarkers(events, ["2025-01-21", "2025-01-22"], "2025-01-22")).toEqual([]);
    expect(eventMarkers(events, [], "2025-01-22")).toEqual([]);
  });
});

describe("spikeIndices", () => {
  it("marks a bucket of at least 5 articles and 3 times the mean of the 7 before it", () => {
    expect(spikeIndices([1, 1, 1, 1, 1, 1, 1, 6, 1])).toEqual([7]);
  });

  it("ignores jumps below the minimum count and the first three buckets", () => {
    expect(spikeIndices([0, 0, 0, 0, 4, 0])).toEqual([]);
    expect(spikeIndices([0, 0, 9, 0, 0])).toEqual([]);
  });

  it("marks a run of spike buckets once, at its peak", () => {
    expect(spikeIndices([1, 1, 1, 1, 1, 6, 12, 30, 2, 2])).toEqual([7]);
  });

  it("does not call a high plateau a spike", () => {
    expect(spikeIndices([10, 10, 10, 10, 11, 10, 12, 10])).toEqual([]);
  });
});

describe("outageStretches", () => {
  const feed = (over: Partial<Feed>): Feed => ({
    id: 1,
    url: "https://a.example/feed",
    name: "A",
    siteUrl: null,
    lang: "en",
    country: "DE",
    enabled: true,
    sample: false,
    lastFetchedAt: null,
    lastStatus: null,
    lastError: null,
    errorCount: 0,
    failingSince: null,
    nextFetchAt: null,
    articleCount: 0,
    ...over,
  });
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const edges = [day("2025-01-01"), day("2025-01-02"), day("2025-01-03"), day("2025-01-04")];

  it("shades from the bucket where the earliest current failure began to the end of the range", () => {
    const feeds = [
      feed({ id: 1, failingSince: "2025-01-02T10:00:00Z" }),
      feed({ id: 2, failingSince: "2025-01-03T10:00:00Z" }),
      feed({ id: 3 }),
    ];
    expect(outageStretches(feeds, edges)).toEqual([{ first: 1, last: 2, label: "2 of 3 feeds failing" }]);
  });

  it("ignores sample and disabled feeds, and failures after the range", () => {
    expect(outageStretches([feed({ sample: true, failingSince: "2025-01-02T00:00:00Z" })], edges)).toEqual(
      [],
    );
    expect(outageStretches([feed({ enabled: false, failingSince: "2025-01-02T00:00:00Z" })], edges)).toEqual(
      [],
    );
    expect(outageStretches([feed({ failingSince: "2025-02-01T00:00:00Z" })], edges)).toEqual([]);
  });
});
