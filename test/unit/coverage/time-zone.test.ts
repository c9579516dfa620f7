import { describe, expect, it } from "vitest";
import { isTimeZone, localParts, offsetAt, startOfLocalDay } from "../../../core/time/time-zone";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("isTimeZone", () => {
  it.each([
    ["Europe/Berlin", true],
    ["europe/berlin", true],
    ["UTC", true],
    ["Etc/GMT+5", true],
    ["Asia/Kathmandu", true],
    ["America/Argentina/Buenos_Aires", true],
    ["Mars/Olympus", false],
    ["", false],
    ["+05:30", false],
    ["Europe/Berlin ", false],
    ["Europe/Berlin\n", false],
    ["x".repeat(200), false],
  ])("says %j is a zone: %s", (tz, expected) => {
    expect(isTimeZone(tz)).toBe(expected);
  });
});

describe("offsetAt", () => {
  it.each([
    ["2025-01-15T12:00:00Z", "UTC", 0],
    ["2025-01-15T12:00:00Z", "Europe/Berlin", 60],
    ["2025-07-15T12:00:00Z", "Europe/Berlin", 120],
    ["2025-03-30T00:59:59.999Z", "Europe/Berlin", 60],
    ["2025-03-30T01:00:00Z", "Europe/Berlin", 120],
    ["2025-10-26T00:59:59.999Z", "Europe/Berlin", 120],
    ["2025-10-26T01:00:00Z", "Europe/Berlin", 60],
    ["2025-01-15T12:00:00Z", "Asia/Kolkata", 330],
    ["2025-01-15T12:00:00Z", "Asia/Kathmandu", 345],
    ["2025-01-15T12:00:00Z", "America/Sao_Paulo", -180],
    ["2018-12-15T12:00:00Z", "America/Sao_Paulo", -120],
    ["2025-01-15T12:00:00Z", "Australia/Lord_Howe", 660],
    ["2025-07-15T12:00:00Z", "Australia/Lord_Howe", 630],
    ["1971-06-01T12:00:00Z", "Africa/Monrovia", -44.5],
    ["2025-01-15T12:00:00Z", "america/new_york", -300],
  ])("at %s in %s is %d minutes", (instant, tz, minutes) => {
    expect(offsetAt(at(instant), tz)).toBe(minutes);
  });

  it("rejects an unknown zone", () => {
    expect(() => offsetAt(0, "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("localParts", () => {
  it.each([
    [
      "2025-03-30T00:59:00Z",
      "Europe/Berlin",
      { year: 2025, month: 3, day: 30, hour: 1, minute: 59, weekday: 7 },
    ],
    [
      "2025-03-30T01:00:00Z",
      "Europe/Berlin",
      { year: 2025, month: 3, day: 30, hour: 3, minute: 0, weekday: 7 },
    ],
    [
      "2024-12-31T18:30:00Z",
      "Asia/Kolkata",
      { year: 2025, month: 1, day: 1, hour: 0, minute: 0, weekday: 3 },
    ],
    [
      "2024-12-31T18:14:00Z",
      "Asia/Kathmandu",
      { year: 2024, month: 12, day: 31, hour: 23, minute: 59, weekday: 2 },
    ],
    [
      "2025-01-06T03:00:00Z",
      "America/Sao_Paulo",
      { year: 2025, month: 1, day: 6, hour: 0, minute: 0, weekday: 1 },
    ],
  ])("reads %s in %s", (instant, tz, parts) => {
    expect(localParts(at(instant), tz)).toEqual(parts);
  });
});

describe("startOfLocalDay", () => {
  it.each([
    [[2025, 1, 1], "UTC", "2025-01-01T00:00:00.000Z"],
    [[2025, 3, 30], "Europe/Berlin", "2025-03-29T23:00:00.000Z"],
    [[2025, 3, 31], "Europe/Berlin", "2025-03-30T22:00:00.000Z"],
    [[2025, 10, 27], "Europe/Berlin", "2025-10-26T23:00:00.000Z"],
    [[2025, 1, 1], "Asia/Kolkata", "2024-12-31T18:30:00.000Z"],
    [[2025, 1, 1], "Asia/Kathmandu", "2024-12-31T18:15:00.000Z"],
    [[2025, 11, 4], "America/Sao_Paulo", "2025-11-04T03:00:00.000Z"],
    // Midnight did not exist: clocks jumped from 00:00 to 01:00, so the day began at 01:00-02:00.
    [[2018, 11, 4], "America/Sao_Paulo", "2018-11-04T03:00:00.000Z"],
    [[2018, 11, 5], "America/Sao_Paulo", "2018-11-05T02:00:00.000Z"],
    // DST ended at 00:00 on 17 Feb 2019, back to 23:00 on the 16th: the 16th lasted 25 hours.
    [[2019, 2, 16], "America/Sao_Paulo", "2019-02-16T02:00:00.000Z"],
    [[2019, 2, 17], "America/Sao_Paulo", "2019-02-17T03:00:00.000Z"],
    // Havana falls back from 01:00 to 00:00, so midnight happens twice: the day starts at the first.
    [[2024, 11, 3], "America/Havana", "2024-11-03T04:00:00.000Z"],
    [[2025, 4, 6], "Australia/Lord_Howe", "2025-04-05T13:00:00.000Z"],
    [[2025, 4, 7], "Australia/Lord_Howe", "2025-04-06T13:30:00.000Z"],
  ])("finds the start of %j in %s", ([y, m, d], tz, expected) => {
    expect(iso(startOfLocalDay(y!, m!, d!, tz))).toBe(expected);
  });
});
