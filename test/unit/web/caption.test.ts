import { describe, expect, it } from "vitest";
import type { Coverage } from "../../../web/api";
import { chartCaption, outletCount, sourceLine } from "../../../web/export/caption";
import { wrapChars, wrapWords } from "../../../web/export/figure-svg";

const coverage = {
  interval: "day",
  tz: "Europe/Berlin",
  from: "2025-01-01",
  to: "2025-03-31",
  series: [
    { key: "r1-release", label: "DeepSeek R1 release", counts: [1, 2] },
    { key: "nvidia-valuation", label: "Nvidia valuation", counts: [0, 3] },
  ],
} as unknown as Coverage;

const input = {
  coverage,
  metric: "counts" as const,
  smooth: 0,
  filters: {},
  colors: ["#0072B2", "#E69F00"],
  outlets: { articles: 862, outlets: 26, more: false },
  viewUrl: "http://tidemark.example/?topics=r1-release",
  locale: "en-GB",
};

describe("the caption of a shared chart", () => {
  it("names what, over which days, in which zone, from where, and links back", () => {
    expect(chartCaption(input)).toEqual({
      title: "Articles per day: DeepSeek R1 release and Nvidia valuation",
      range: "1 Jan 2025 – 31 Mar 2025 · Europe/Berlin",
      legend: [
        { label: "DeepSeek R1 release", color: "#0072B2" },
        { label: "Nvidia valuation", color: "#E69F00" },
      ],
      source: "Source: Tidemark, 862 articles from 26 outlets",
      url: "http://tidemark.example/?topics=r1-release",
    });
  });

  it("counts topics past three instead of listing them, and names smoothing and filters", () => {
    const many = {
      ...coverage,
      series: ["a", "b", "c", "d"].map((key) => ({ key, label: key, counts: [1] })),
    };
    const caption = chartCaption({
      ...input,
      coverage: many as unknown as Coverage,
      metric: "share",
      smooth: 7,
      filters: { lang: "de,fr", region: "south" },
    });
    expect(caption.title).toBe("Share of all coverage per day: 4 topics");
    expect(caption.range).toBe(
      "1 Jan 2025 – 31 Mar 2025 · Europe/Berlin · 7-day mean · only lang de,fr · only region south",
    );
  });

  it("says 'more than' when the breakdown folded outlets into Other, and names Tidemark alone when unknown", () => {
    const split = {
      series: [
        { key: "1", counts: [2, 0] },
        { key: "2", counts: [0, 0] },
        { key: "other", counts: [5, 1] },
      ],
    };
    expect(outletCount(split)).toEqual({ articles: 8, outlets: 1, more: true });
    expect(sourceLine(outletCount(split), "en")).toBe(
      "Source: Tidemark, 8 articles from more than 1 outlets",
    );
    expect(sourceLine({ articles: 1, outlets: 1, more: false }, "en")).toBe(
      "Source: Tidemark, 1 article from 1 outlet",
    );
    expect(sourceLine(null, "en")).toBe("Source: Tidemark");
  });
});

describe("wrapping caption text to the picture's width", () => {
  const measure = (text: string) => text.length * 10;
  it("breaks words into lines, a long word on a line of its own", () => {
    expect(wrapWords("one two three four", 90, "", measure)).toEqual(["one two", "three", "four"]);
    expect(wrapWords("supercalifragilistic x", 50, "", measure)).toEqual(["supercalifragilistic", "x"]);
  });
  it("cuts a URL by characters, keeping every character", () => {
    const url = "http://t.example/?topics=a,b&range=custom";
    const lines = wrapChars(url, 100, "", measure);
    expect(lines.join("")).toBe(url);
    expect(lines.every((l) => l.length <= 10)).toBe(true);
  });
});
