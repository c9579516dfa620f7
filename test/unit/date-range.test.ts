import { describe, expect, it } from "vitest";
import { DomainError } from "../../core/errors";
import { calendarRange, instantRange, isTimeBound } from "../../core/time/date-range";

const ms = (iso: string) => Date.parse(iso);

describe("instantRange", () => {
  it("reads a date as its whole UTC day, both bounds inclusive", () => {
    expect(instantRange({ from: "2025-01-10", to: "2025-01-12" })).toEqual({
      from: ms("2025-01-10T00:00:00Z"),
      toExclusive: ms("2025-01-13T00:00:00Z"),
    });
  });

  it("reads an instant with offset as that instant, and includes it as `to`", () => {
    expect(instantRange({ from: "2025-01-27T09:00:00Z", to: "2025-01-27T10:00:00+01:00" })).toEqual({
      from: ms("2025-01-27T09:00:00Z"),
      toExclusive: ms("2025-01-27T09:00:00Z") + 1,
    });
  });

  it("leaves a missing bound open, or takes the default given", () => {
    expect(instantRange({})).toEqual({ from: undefined, toExclusive: undefined });
    expect(instantRange({ to: "2025-01-01" }, { from: 0, toExclusive: 10 })).toEqual({
      from: 0,
      toExclusive: ms("2025-01-02T00:00:00Z"),
    });
    expect(instantRange({}, { from: 0, toExclusive: 10 })).toEqual({ from: 0, toExclusive: 10 });
  });

  it("names the parameter of a bad bound or of a reversed range", () => {
    const failure = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof DomainError ? [error.code, error.publicMessage] : error;
      }
      return undefined;
    };
    expect(failure(() => instantRange({ from: "soon" }))).toEqual([
      "invalid_request",
      'from: not a calendar date (YYYY-MM-DD) or ISO 8601 time with offset: "soon"',
    ]);
    expect(failure(() => instantRange({ from: "2025-02-01", to: "2025-01-31" }))).toEqual([
      "invalid_request",
      "from: must not be after to",
    ]);
    expect(failure(() => instantRange({ to: "1969-12-31" }, { from: 0 }))).toEqual([
      "invalid_request",
      "from: must not be after to",
    ]);
  });

  it("takes ISO dates and times only", () => {
    expect(isTimeBound("2025-01-27T09:00:00Z")).toBe(true);
    expect(isTimeBound("2025-01-27T09:00:00.5+05:30")).toBe(true);
    expect(isTimeBound("2024-02-29")).toBe(true);
    expect(isTimeBound("2025-01-27T09:00:00")).toBe(false);
    expect(isTimeBound("2025-13-45")).toBe(false);
    expect(isTimeBound("Jan 27 2025")).toBe(false);
    expect(isTimeBound("1")).toBe(false);
  });

  it.each([
    "2025-02-30",
    "2025-02-29",
    "2025-04-31",
    "2025-02-30T10:00:00Z",
    "2025-01-01T24:00:00Z",
    "2025-01-01T23:60:00Z",
    "2025-01-01T23:59:60Z",
    "2025-01-01T10:00:00+24:00",
    "2025-01-01T10:00:00+01:60",
  ])("refuses %s, which Date.parse would roll over, rather than reading another day", (value) => {
    expect(isTimeBound(value)).toBe(false);
    expect(() => instantRange({ from: value })).toThrow(DomainError);
  });

  it("reads offsets as ISO does: +01:00 is an hour ahead of UTC", () => {
    expect(instantRange({ from: "2025-01-27T10:30:00+01:00" }).from).toBe(ms("2025-01-27T09:30:00Z"));
    expect(instantRange({ from: "2025-01-27T08:30:00.25-01:00" }).from).toBe(ms("2025-01-27T09:30:00.250Z"));
  });
});

describe("calendarRange", () => {
  const now = ms("2025-03-31T23:30:00Z");

  it("defaults to the 90 days up to today in the zone", () => {
    expect(calendarRange({}, "UTC", { now, days: 90 })).toEqual({ from: "2025-01-01", to: "2025-03-31" });
    expect(calendarRange({}, "Europe/Berlin", { now, days: 90 })).toEqual({
      from: "2025-01-02",
      to: "2025-04-01",
    });
  });

  it("keeps dates it is given, for the bucket plan to check", () => {
    expect(calendarRange({ from: "2025-01-05", to: "nonsense" }, "UTC", { now, days: 90 })).toEqual({
      from: "2025-01-05",
      to: "nonsense",
    });
  });
});
