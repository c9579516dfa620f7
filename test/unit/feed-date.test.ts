import { describe, expect, it } from "vitest";
import { parseFeedDate } from "../../jobs/ingest/feed-date";

const T = "2025-01-27T10:00:00.000Z";

describe("parseFeedDate", () => {
  it.each([
    // RFC 822 / 1123 / 2822 and what feeds make of them
    ["Mon, 27 Jan 2025 10:00:00 GMT", T],
    ["Mon, 27 Jan 2025 10:00:00 +0000", T],
    ["Mon, 27 Jan 2025 10:00:00 -0000", T],
    ["Mon, 27 Jan 2025 11:00:00 +0100", T],
    ["Mon, 27 Jan 2025 05:00:00 -0500", T],
    ["Mon, 27 Jan 2025 15:30:00 +0530", T],
    ["mon, 27 jan 2025 10:00:00 gmt", T],
    ["MON, 27 JAN 2025 10:00:00 GMT", T],
    ["Monday, 27 January 2025 10:00:00 GMT", T],
    ["27 Jan 2025 10:00:00 GMT", T],
    ["Mon,27 Jan 2025 10:00:00 GMT", T],
    ["Mon, 27 Jan 2025 10:00 GMT", T],
    ["Mon, 27 Jan 25 10:00:00 GMT", T],
    ["Monday, 27-Jan-25 10:00:00 GMT", T],
    ["Tue, 27 Jan 2025 10:00:00 GMT", T],
    ["Mon, 27 Jan 2025 10:00:00 UT", T],
    ["Mon, 27 Jan 2025 10:00:00 UTC", T],
    ["Mon, 27 Jan 2025 10:00:00 Z", T],
    ["Mon, 27 Jan 2025 05:00:00 EST", T],
    ["Mon, 27 Jan 2025 06:00:00 EDT", T],
    ["Mon, 27 Jan 2025 04:00:00 CST", T],
    ["Mon, 27 Jan 2025 02:00:00 PST", T],
    ["Mon, 27 Jan 2025 11:00:00 CET", T],
    ["Mon, 27 Jan 2025 19:00:00 JST", T],
    ["Mon, 27 Jan 2025 10:00:00 A", T],
    ["Mon, 27 Jan 2025 11:00:00 GMT+1", T],
    ["Mon, 27 Jan 2025 11:00:00 GMT+01:00", T],
    ["Mon, 27 Jan 2025 10:00:00 Z ", T],
    ["  Mon, 27 Jan 2025 10:00:00 GMT\n", T],
    ["Mon, 27 Jan 2025 10:00:00 +0000 (UTC)", T],
    ["Tue, 28 Jan 2025 01:00:00 +0900 (JST)", "2025-01-27T16:00:00.000Z"],
    ["Mon, 27 Jan 2025 10:00:00.000 GMT", T],
    ["Mon, 27 Jan 2025 10:00:60 GMT", "2025-01-27T10:00:59.000Z"],
    ["Mon, 27 Jan 2025 24:00:00 GMT", "2025-01-28T00:00:00.000Z"],
    ["Mon, 27 Jan 2025", "2025-01-27T00:00:00.000Z"],
    ["Mon, 7 Jan 2025 10:00:00 GMT", "2025-01-07T10:00:00.000Z"],
    ["Mon, 27 Sept 2025 10:00:00 GMT", "2025-09-27T10:00:00.000Z"],
    // localized month names
    ["Mo, 27 Mär 2025 11:00:00 +0100", "2025-03-27T10:00:00.000Z"],
    ["27 janv. 2025 11:00:00 +0100", T],
    ["lun, 27 déc 2025 10:00:00 GMT", "2025-12-27T10:00:00.000Z"],
    // ISO 8601 / RFC 3339
    ["2025-01-27T10:00:00Z", T],
    ["2025-01-27T10:00:00.123Z", T],
    ["2025-01-27t10:00:00z", T],
    ["2025-01-27T11:00:00+01:00", T],
    ["2025-01-27T11:00:00+0100", T],
    ["2025-01-27T02:00:00-08:00", T],
    ["2025-01-27T10:00:00 Z", T],
    ["2025-01-27T10:00:00", T],
    ["2025-01-27 10:00:00", T],
    ["2025-01-27T10:00", T],
    ["2025-01-27", "2025-01-27T00:00:00.000Z"],
    ["2025/01/27 18:00:00 +0800", T],
    ["2025-01-27 18:00:00 +08:00", T],
    // other shapes seen in the wild
    ["27.01.2025 10:00", T],
    ["Jan 27, 2025 10:00 GMT", T],
    ["January 27, 2025", "2025-01-27T00:00:00.000Z"],
    ["January 27, 2025 at 10:00", T],
    ["Mon Jan 27 2025 11:00:00 GMT+0100 (Central European Standard Time)", T],
  ])("reads %j", (input, expected) => {
    const parsed = parseFeedDate(input);
    expect(parsed === null ? null : new Date(parsed).toISOString()).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "garbage",
    "1",
    "12345",
    "2025-02-30",
    "2025-13-01",
    "Mon, 32 Jan 2025 10:00:00 GMT",
    "Mon, 27 Foo 2025 10:00:00 GMT",
    "Mon, 27 Jan 2025 10:61:00 GMT",
    "Mon, 27 Jan 2025 25:00:00 GMT",
    "Mon, 27 Jan 2025 10:00:00 +2500",
    "Mon, 27 Jan 2025 10:00:00 this is not a zone",
    "x".repeat(10_000),
  ])("rejects %j", (input) => {
    expect(parseFeedDate(input)).toBeNull();
  });

  it("does not depend on the process time zone for zoneless dates", () => {
    // Date.parse would read these in local time; the strict parsers take them as UTC.
    expect(parseFeedDate("2025-01-27 10:00")).toBe(Date.UTC(2025, 0, 27, 10));
    expect(parseFeedDate("27 January 2025 10:00")).toBe(Date.UTC(2025, 0, 27, 10));
  });
});
