import { describe, expect, it } from "vitest";
import { MAX_RETRY_AFTER_MS, parseHttpDate, parseRetryAfter } from "../../jobs/ingest/retry-after";

const NOW = Date.UTC(2025, 0, 27, 12, 0, 0); // Mon, 27 Jan 2025 12:00:00 GMT

describe("parseRetryAfter", () => {
  it("reads delta-seconds as milliseconds", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
  });

  it("reads an IMF-fixdate as the time left until then", () => {
    expect(parseRetryAfter("Mon, 27 Jan 2025 12:05:00 GMT", NOW)).toBe(300_000);
  });

  it("reads the obsolete RFC 850 and asctime forms as UTC", () => {
    expect(parseRetryAfter("Monday, 27-Jan-25 12:01:00 GMT", NOW)).toBe(60_000);
    expect(parseRetryAfter("Mon Jan 27 12:02:00 2025", NOW)).toBe(120_000);
    expect(parseRetryAfter("Sat Feb  1 12:00:00 2025", NOW)).toBe(5 * 24 * 3600_000);
  });

  it("treats a date in the past as no wait", () => {
    expect(parseRetryAfter("Sun, 26 Jan 2025 12:00:00 GMT", NOW)).toBe(0);
  });

  it("caps long waits at seven days", () => {
    expect(parseRetryAfter("99999999999", NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter("Fri, 01 Jan 2100 00:00:00 GMT", NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter("3600", NOW, 60_000)).toBe(60_000);
  });

  it.each([
    null,
    undefined,
    "",
    "soon",
    "-5",
    "1.5",
    "1e3",
    "0x10",
    "12 apples",
    "Mon, 31 Feb 2025 12:00:00 GMT",
  ])("ignores the unreadable value %j", (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});

describe("parseHttpDate", () => {
  it("puts a two-digit RFC 850 year at most 50 years ahead", () => {
    expect(parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate("Tuesday, 06-Nov-35 08:49:37 GMT", NOW)).toBe(Date.UTC(2035, 10, 6, 8, 49, 37));
  });
});
