import { describe, expect, it } from "vitest";
import {
  addDays,
  extentOfInstants,
  extentOfMonths,
  presetRange,
  todayIn,
} from "../../../web/state/date-range";
import { defaultState, parseState, readState, serializeState } from "../../../web/state/url-state";

const TZ = "Europe/Berlin";

describe("URL state", () => {
  it("opens on the defaults with the browser's zone when the URL says nothing", () => {
    expect(parseState("", TZ)).toEqual(defaultState(TZ));
    expect(serializeState(defaultState(TZ), TZ)).toBe("");
  });

  it("round-trips every setting through the query string", () => {
    const state = {
      ...defaultState(TZ),
      topics: ["r1-release", "nvidia-valuation"],
      range: "custom" as const,
      from: "2025-01-10",
      to: "2025-02-10",
      interval: "week" as const,
      tz: "Asia/Tokyo",
      metric: "share" as const,
      stacked: true,
      smooth: 7,
      breakdown: "region" as const,
      share: "group" as const,
      filters: { country: "DE,AT", region: "south" },
    };
    const search = serializeState(state, TZ);
    expect(search).toBe(
      "?topics=r1-release,nvidia-valuation&range=custom&from=2025-01-10&to=2025-02-10&interval=week" +
        "&tz=Asia%2FTokyo&metric=share&stacked=1&smooth=7&by=region&share=group&country=DE,AT&region=south",
    );
    expect(parseState(search, TZ)).toEqual(state);
  });

  it("falls back to defaults for malformed values instead of failing", () => {
    const state = parseState(
      "?interval=year&metric=x&smooth=5&by=planet&tz=<script>&topics=OK,a b,,ok&share=some&lang=<b>&feed=3,4",
      TZ,
    );
    expect(state).toMatchObject({ interval: "day", metric: "counts", smooth: 0, breakdown: "feed", tz: TZ });
    expect(state).toMatchObject({ share: "all", filters: { feed: "3,4" } });
    expect(state.topics).toEqual(["ok"]);
  });

  it("reads from and to without a range as a custom range, and drops an inverted one", () => {
    expect(parseState("?from=2025-01-01&to=2025-01-31", TZ)).toMatchObject({
      range: "custom",
      from: "2025-01-01",
    });
    expect(parseState("?range=custom&from=2025-02-01&to=2025-01-01", TZ)).toMatchObject({
      range: "all",
      from: null,
    });
  });
});

describe("the folder filter in a link", () => {
  it("keeps folder names as written, spaces and accents included, and writes them back", () => {
    expect(parseState("?folder=Africa", TZ).filters).toEqual({ folder: "Africa" });
    const state = { ...defaultState(TZ), filters: { folder: "Afrique & Moyen-Orient,Tech", country: "KE" } };
    const search = serializeState(state, TZ);
    expect(search).toBe("?folder=Afrique+%26+Moyen-Orient,Tech&country=KE");
    expect(readState(search, TZ)).toEqual({ state, ignored: [] });
  });

  it("ignores a folder value with control characters or an empty name, naming it", () => {
    for (const raw of ["Africa%0AEvil", "Africa,,Tech", ""]) {
      const { state, ignored } = readState(`?folder=${raw}`, TZ);
      expect(state.filters, raw).toEqual({});
      expect(ignored, raw).toEqual([expect.stringMatching(/^folder=.*\(not a list of folder names\)$/s)]);
    }
  });
});

describe("what a link held that the view ignored", () => {
  it("names nothing for a link the dashboard wrote", () => {
    const search =
      "?topics=r1-release&range=custom&from=2025-01-10&to=2025-02-10&interval=week&tz=Asia%2FTokyo&stacked=1&smooth=7&lang=de";
    expect(readState(search, TZ).ignored).toEqual([]);
    expect(readState("", TZ).ignored).toEqual([]);
  });

  it("names each unknown setting and malformed value, and keeps the rest", () => {
    const { state, ignored } = readState(
      "?range=99d&interval=year&tz=Mars%2FOlympus&topics=ok,Bad Slug&stacked=yes&smooth=5&utm_source=x&lang=<b>&metric=share",
      TZ,
    );
    expect(state).toMatchObject({ range: "all", interval: "day", tz: TZ, topics: ["ok"], stacked: false });
    expect(state).toMatchObject({ smooth: 0, filters: {}, metric: "share" });
    expect(ignored).toEqual([
      "utm_source=x (not a setting)",
      "range=99d (not one of 7d, 30d, 90d, 1y, all, custom)",
      "topics=Bad Slug (not a topic name)",
      "tz=Mars/Olympus (not a time zone)",
      "stacked=yes (1 or 0)",
      "lang=<b> (not a list of codes)",
      "interval=year (not one of hour, day, week, month)",
      "smooth=5 (not one of 0, 3, 7, 14, 28)",
    ]);
  });

  it("says why dates were not used: inverted, malformed, or beside a preset range", () => {
    expect(readState("?from=2025-02-01&to=2025-01-01", TZ).ignored).toEqual([
      "from/to=2025-02-01..2025-01-01 (from and to must be dates YYYY-MM-DD, from before to)",
    ]);
    expect(readState("?range=7d&from=2025-01-01&to=2025-01-31", TZ)).toMatchObject({
      state: { range: "7d", from: null },
      ignored: ["from/to=2025-01-01..2025-01-31 (dates need range=custom)"],
    });
  });

  it("shortens a long value so the note stays a line", () => {
    const [line] = readState(`?by=${"x".repeat(100)}`, TZ).ignored;
    expect(line).toBe(`by=${"x".repeat(39)}… (not one of feed, lang, region)`);
  });
});

describe("date ranges", () => {
  it("ends presets today, counting today as one of the days", () => {
    expect(presetRange("7d", "2025-03-10")).toEqual({ from: "2025-03-04", to: "2025-03-10" });
    expect(presetRange("1y", "2025-03-10")).toEqual({ from: "2024-03-11", to: "2025-03-10" });
    expect(presetRange("all", "2025-03-10")).toBeNull();
  });

  it("takes today in the chosen zone", () => {
    const instant = Date.parse("2025-01-27T23:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2025-01-27");
    expect(todayIn("Asia/Tokyo", instant)).toBe("2025-01-28");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
  });

  it("finds the data's extent from monthly totals, never past today", () => {
    const months = ["2024-12", "2025-01", "2025-02", "2025-03"];
    expect(extentOfMonths(months, [0, 5, 0, 2], "2025-12-01")).toEqual({
      from: "2025-01-01",
      to: "2025-03-31",
    });
    expect(extentOfMonths(months, [0, 5, 0, 2], "2025-03-15")).toEqual({
      from: "2025-01-01",
      to: "2025-03-15",
    });
    expect(extentOfMonths(months, [0, 0, 0, 0], "2025-03-15")).toBeNull();
  });

  it("finds the same extent from the first and last article's times, in the view's zone", () => {
    const span = { first: Date.parse("2025-01-31T20:00:00Z"), last: Date.parse("2025-03-31T23:30:00Z") };
    expect(extentOfInstants(span, "UTC", "2025-12-01")).toEqual({ from: "2025-01-01", to: "2025-03-31" });
    // In Tokyo the first article falls on 1 February and the last on 1 April.
    expect(extentOfInstants(span, "Asia/Tokyo", "2025-12-01")).toEqual({
      from: "2025-02-01",
      to: "2025-04-30",
    });
    expect(extentOfInstants(span, "UTC", "2025-03-15")).toEqual({ from: "2025-01-01", to: "2025-03-15" });
    expect(extentOfInstants(span, "UTC", "2024-12-31")).toBeNull();
  });
});
