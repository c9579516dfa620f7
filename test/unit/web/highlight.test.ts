import { describe, expect, it } from "vitest";
import { highlightSegments } from "../../../web/articles/highlight";
import { luminance, visibleOn } from "../../../web/charts/palette";
import { safeHref } from "../../../web/element";

const term = (t: string, start: number, end: number, field: "title" | "summary" = "title") => ({
  term: t,
  field,
  start,
  end,
});

describe("highlightSegments", () => {
  it("splits text around matched terms of the field", () => {
    expect(
      highlightSegments(
        "Nvidia falls on DeepSeek",
        [term("nvidia", 0, 6), term("x", 0, 3, "summary")],
        "title",
      ),
    ).toEqual([
      { text: "Nvidia", term: "nvidia" },
      { text: " falls on DeepSeek", term: null },
    ]);
  });

  it("merges overlapping ranges and clips ranges past the text", () => {
    expect(
      highlightSegments(
        "DeepSeek R1",
        [term("deepseek", 0, 8), term("deepseek r1", 0, 11), term("r1", 9, 40)],
        "title",
      ),
    ).toEqual([{ text: "DeepSeek R1", term: "deepseek r1" }]);
  });

  it("keeps the whole text when nothing matched", () => {
    expect(highlightSegments("plain", [], "title")).toEqual([{ text: "plain", term: null }]);
    expect(highlightSegments("", [], "summary")).toEqual([{ text: "", term: null }]);
  });
});

describe("safe links and colours", () => {
  it("accepts only absolute http(s) URLs", () => {
    expect(safeHref("https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<b>x</b>")).toBeNull();
    expect(safeHref("/relative")).toBeNull();
    expect(safeHref(null)).toBeNull();
  });

  it("swaps Okabe-Ito black for grey on a dark background", () => {
    expect(visibleOn("#000000", true)).toBe("#c8c8c8");
    expect(visibleOn("#000000", false)).toBe("#000000");
    expect(visibleOn("#0072B2", true)).toBe("#0072B2");
    expect(luminance("#ffffff")).toBeCloseTo(1);
  });
});
