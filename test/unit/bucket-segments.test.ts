import { describe, expect, it } from "vitest";
import { bucketSegments, DAY_MS, HOUR_MS } from "../../db/queries/bucket-segments";

const at = (iso: string) => Date.parse(iso);

describe("bucketSegments", () => {
  it("reads a Berlin winter day as one UTC day, plus the hour before it, minus its last hour", () => {
    const s = bucketSegments([at("2025-01-26T23:00:00Z"), at("2025-01-27T23:00:00Z")]);
    const day = at("2025-01-27T00:00:00Z") / DAY_MS;
    const hour = (iso: string) => at(iso) / HOUR_MS;
    expect(s.fineUnitMs).toBe(HOUR_MS);
    expect(s.days).toEqual([[0, 1, day, day + 1]]);
    expect(s.fine).toEqual([
      [0, 1, hour("2025-01-26T23:00:00Z"), hour("2025-01-27T00:00:00Z")],
      [0, -1, hour("2025-01-27T23:00:00Z"), hour("2025-01-28T00:00:00Z")],
    ]);
  });

  it("adds the hours past the midnights for zones west of UTC", () => {
    const s = bucketSegments([at("2025-01-27T03:00:00Z"), at("2025-01-28T03:00:00Z")]);
    expect(s.days).toHaveLength(1);
    expect(s.fine.map(([, sign, lo, hi]) => [sign, hi - lo])).toEqual([
      [-1, 3],
      [1, 3],
    ]);
  });

  it("uses quarter hours when an edge falls inside a UTC hour (Asia/Kolkata)", () => {
    const s = bucketSegments([at("2025-01-26T18:30:00Z"), at("2025-01-27T18:30:00Z")]);
    expect(s.fineUnitMs).toBe(900_000);
    // Nearest midnights: 2025-01-27 00:00 for the start (5.5 h on), and 2025-01-28 00:00 for the end.
    expect(s.fine.map(([, sign, lo, hi]) => [sign, hi - lo])).toEqual([
      [1, 22],
      [-1, 22],
    ]);
  });

  it("reads buckets shorter than a day from the fine rollup alone", () => {
    const s = bucketSegments([
      at("2025-01-27T10:00:00Z"),
      at("2025-01-27T11:00:00Z"),
      at("2025-01-27T12:00:00Z"),
    ]);
    expect(s.days).toEqual([]);
    expect(s.fine).toHaveLength(2);
  });

  it("covers exactly the bucket: the signed segments of a month sum to its length", () => {
    const lo = at("2025-02-28T23:00:00Z");
    const hi = at("2025-03-31T22:00:00Z");
    const s = bucketSegments([lo, hi]);
    const covered =
      s.days.reduce((sum, [, sign, a, b]) => sum + sign * (b - a) * DAY_MS, 0) +
      s.fine.reduce((sum, [, sign, a, b]) => sum + sign * (b - a) * s.fineUnitMs, 0);
    expect(covered).toBe(hi - lo);
  });

  it("reads whole UTC months from monthly rows, and a part of a month as days or as the month less its other days", () => {
    const s = bucketSegments([at("2025-01-03T00:00:00Z"), at("2025-04-10T00:00:00Z")], { months: true });
    const day = (iso: string) => at(`${iso}T00:00:00Z`) / DAY_MS;
    expect(s.months).toEqual([
      [0, 1, day("2025-01-01"), day("2025-02-01")],
      [0, 1, day("2025-02-01"), day("2025-03-01")],
      [0, 1, day("2025-03-01"), day("2025-04-01")],
    ]);
    expect(s.days).toEqual([
      [0, -1, day("2025-01-01"), day("2025-01-03")],
      [0, 1, day("2025-04-01"), day("2025-04-10")],
    ]);
    expect(bucketSegments([at("2025-01-03T00:00:00Z"), at("2025-04-10T00:00:00Z")]).months).toEqual([]);
  });
});
