import { describe, expect, it } from "vitest";
import { bucketLabel, formatInstant, formatShare, languageName, spansYears } from "../../../web/format";

describe("bucketLabel", () => {
  it("formats day buckets short for the axis and long for tooltips", () => {
    expect(bucketLabel("2025-01-27", "day", "en-GB")).toBe("27 Jan");
    expect(bucketLabel("2025-01-27", "day", "en-GB", "long")).toBe("Mon, 27 Jan 2025");
  });

  it("adds the year to short labels when asked", () => {
    expect(bucketLabel("2025-01-27", "day", "en-GB", "short", true)).toBe("27 Jan 2025");
  });

  it("reads an hour bucket as its wall clock, whatever the offset", () => {
    expect(bucketLabel("2025-01-27T09:00+09:00", "hour", "en-GB")).toBe("09:00");
    expect(bucketLabel("2025-01-27T00:00-05:00", "hour", "en-GB")).toBe("27 Jan");
    expect(bucketLabel("2025-01-27T09:00+09:00", "hour", "en-GB", "long")).toBe("27 Jan 2025, 09:00");
  });

  it("names weeks by their Monday and months by name", () => {
    expect(bucketLabel("2025-01-27", "week", "en-GB", "long")).toBe("Week of 27 Jan 2025");
    expect(bucketLabel("2025-01", "month", "en-GB")).toBe("Jan 2025");
    expect(bucketLabel("2025-01", "month", "en-GB", "long")).toBe("January 2025");
  });

  it("returns labels of an unknown shape unchanged", () => {
    expect(bucketLabel("soon", "day", "en-GB")).toBe("soon");
  });
});

describe("other labels", () => {
  it("knows when buckets cross a year", () => {
    expect(spansYears(["2024-12-31", "2025-01-01"])).toBe(true);
    expect(spansYears(["2025-01-01", "2025-12-31"])).toBe(false);
    expect(spansYears([])).toBe(false);
  });

  it("formats shares as percentages with one decimal at most", () => {
    expect(formatShare(0.666667, "en-GB")).toBe("66.7%");
    expect(formatShare(0, "en-GB")).toBe("0%");
  });

  it("formats an instant in the dashboard's zone", () => {
    expect(formatInstant("2025-01-27T23:30:00Z", "Asia/Tokyo", "en-GB")).toBe("28 Jan 2025, 08:30");
    expect(formatInstant("not a time", "UTC", "en-GB")).toBe("not a time");
  });

  it("names languages, falling back to the code", () => {
    expect(languageName("de", "en")).toBe("German");
    expect(languageName(null, "en")).toBe("unknown language");
  });
});
