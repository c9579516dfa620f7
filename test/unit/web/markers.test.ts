import { describe, expect, it } from "vitest";
import type { Outage } from "../../../web/api";
import { bucketOf, eventMarkers, outageStretches, stretchAt } from "../../../web/charts/markers";

const at = (iso: string) => Date.parse(iso);
/** Day buckets in UTC, 1 to 4 January 2025: five edges. */
const days = ["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05"].map((d) =>
  at(`${d}T00:00:00Z`),
);

describe("bucketOf", () => {
  it("finds the bucket whose edges hold an instant, the start edge included and the end edge not", () => {
    expect(bucketOf(days[0]!, days)).toBe(0);
    expect(bucketOf(days[1]! - 1, days)).toBe(0);
    expect(bucketOf(days[1]!, days)).toBe(1);
    expect(bucketOf(at("2025-01-04T23:59:59Z"), days)).toBe(3);
  });

  it("answers -1 outside the range", () => {
    expect(bucketOf(days[0]! - 1, days)).toBe(-1);
    expect(bucketOf(days[4]!, days)).toBe(-1);
    expect(bucketOf(Number.NaN, days)).toBe(-1);
    expect(bucketOf(days[0]!, [days[0]!])).toBe(-1);
  });
});

describe("eventMarkers", () => {
  const events = [
    { at: "2025-01-02T00:00:00.000Z", label: "R1" },
    { at: "2025-01-03T15:00:00.000Z", label: "Sell-off" },
  ];

  it("puts each event in the bucket that holds its instant", () => {
    expect(eventMarkers(events, days)).toEqual([
      { index: 1, label: "R1" },
      { index: 2, label: "Sell-off" },
    ]);
  });

  it("follows the chart's zone: midnight UTC is the evening before in Los Angeles", () => {
    // Los Angeles days 1 to 3 January (UTC-8): each starts at 08:00 UTC.
    const la = ["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04"].map((d) => at(`${d}T08:00:00Z`));
    expect(eventMarkers(events, la).map((m) => m.index)).toEqual([0, 2]);
  });

  it("puts events in one week or month bucket together", () => {
    const month = [at("2025-01-01T00:00:00Z"), at("2025-02-01T00:00:00Z")];
    expect(eventMarkers(events, month).map((m) => m.index)).toEqual([0, 0]);
  });

  it("leaves out events outside the range", () => {
    expect(eventMarkers(events, days.slice(2))).toEqual([{ index: 0, label: "Sell-off" }]);
    expect(eventMarkers(events, [])).toEqual([]);
  });
});

describe("outageStretches", () => {
  const outage = (over: Partial<Outage>): Outage => ({
    start: "2025-01-02T10:00:00.000Z",
    end: "2025-01-02T14:00:00.000Z",
    reason: "all 3 feeds failed (timeout 3)",
    passes: 16,
    ...over,
  });
  const now = at("2025-01-10T00:00:00Z");

  it("shades every bucket an outage touches, with its reason and failed passes", () => {
    const [stretch, ...rest] = outageStretches(
      [outage({ start: "2025-01-02T22:00:00.000Z", end: "2025-01-03T02:00:00.000Z" })],
      days,
      now,
    );
    expect(rest).toEqual([]);
    expect(stretch).toMatchObject({
      first: 1,
      last: 2,
      reasons: ["all 3 feeds failed (timeout 3)"],
      passes: 16,
    });
    expect(stretch?.open).toBe(false);
  });

  it("does not shade the next bucket when an outage ends exactly at its start", () => {
    const [stretch] = outageStretches([outage({ end: "2025-01-03T00:00:00.000Z" })], days, now);
    expect(stretch).toMatchObject({ first: 1, last: 1 });
  });

  it("runs an open outage to now, clipped to the range", () => {
    const [stretch] = outageStretches([outage({ end: null })], days, now);
    expect(stretch).toMatchObject({ first: 1, last: 3, open: true, end: now });
    const [inRange] = outageStretches([outage({ end: null })], days, at("2025-01-02T20:00:00Z"));
    expect(inRange).toMatchObject({ first: 1, last: 1 });
  });

  it("clips an outage that began before the range to its first bucket", () => {
    const [stretch] = outageStretches([outage({ start: "2024-12-20T00:00:00.000Z" })], days, now);
    expect(stretch).toMatchObject({ first: 0, last: 1 });
  });

  it("merges outages in the same or neighbouring buckets and keeps the others apart", () => {
    const stretches = outageStretches(
      [
        outage({ start: "2025-01-01T01:00:00.000Z", end: "2025-01-01T02:00:00.000Z", passes: 4 }),
        outage({
          start: "2025-01-02T05:00:00.000Z",
          end: "2025-01-02T06:00:00.000Z",
          reason: "DNS",
          passes: 1,
        }),
        outage({ start: "2025-01-04T05:00:00.000Z", end: "2025-01-04T06:00:00.000Z", passes: 2 }),
      ],
      days,
      now,
    );
    expect(stretches.map((s) => [s.first, s.last, s.passes])).toEqual([
      [0, 1, 5],
      [3, 3, 2],
    ]);
    expect(stretches[0]?.reasons).toEqual(["all 3 feeds failed (timeout 3)", "DNS"]);
    expect(stretchAt(stretches, 1)).toBe(stretches[0]);
    expect(stretchAt(stretches, 2)).toBeUndefined();
  });

  it("ignores outages outside the range", () => {
    expect(outageStretches([outage({ start: "2025-01-05T00:00:00.000Z", end: null })], days, now)).toEqual(
      [],
    );
    expect(
      outageStretches(
        [outage({ start: "2024-12-01T00:00:00.000Z", end: "2024-12-31T23:00:00.000Z" })],
        days,
        now,
      ),
    ).toEqual([]);
  });
});
