import { describe, expect, it } from "vitest";
import { ftsString, likePattern, MATCH_CAP, planSearch, splitTerms } from "../../db/queries/search-query";

const plan = (text: string) => {
  const result = planSearch(text);
  if (!result.ok) throw new Error(`expected a plan for ${text}: ${result.message}`);
  // Every plan carries the same match cap (test/api/search-cap.test.ts): the terms are what is checked here.
  expect(result.plan.cap).toBe(MATCH_CAP);
  const { cap: _cap, ...terms } = result.plan;
  return terms;
};

describe("splitTerms", () => {
  it.each([
    ["nvidia  stock\tfalls", ["nvidia", "stock", "falls"]],
    ['"chip war" export', ["chip war", "export"]],
    ['"  padded phrase  "', ["padded phrase"]],
    ['unclosed "quote', ["unclosed", '"quote']],
    ['"', ['"']],
    ['O"Neil', ['O"Neil']],
    ["Nvidia-Aktie", ["Nvidia-Aktie"]],
    ['"" - x', ["-", "x"]],
  ])("splits %j into %j", (text, expected) => {
    expect(splitTerms(text).map((t) => t.text)).toEqual(expected);
  });

  it("marks a leading minus and a preceding NOT as exclusions", () => {
    expect(splitTerms('deepseek -nvidia NOT "export controls" not')).toEqual([
      { text: "deepseek", exclude: false },
      { text: "nvidia", exclude: true },
      { text: "export controls", exclude: true },
      { text: "not", exclude: false },
    ]);
  });

  it("reads a trailing NOT as a word to look for", () => {
    expect(splitTerms("deepseek NOT")).toEqual([
      { text: "deepseek", exclude: false },
      { text: "NOT", exclude: false },
    ]);
  });
});

describe("planSearch", () => {
  it("ANDs the terms as FTS5 strings", () => {
    expect(plan("nvidia stock")).toEqual({
      match: '"nvidia" AND "stock"',
      notMatch: null,
      contains: [],
      notContains: [],
    });
  });

  it("turns FTS5 syntax into plain characters to look for", () => {
    expect(plan('NEAR(a b) col:x* ^start "" x"y')).toEqual({
      match: '"NEAR(a" AND "col:x*" AND "^start" AND "x""y"',
      notMatch: null,
      contains: [likePattern("b)")],
      notContains: [],
    });
    expect(plan("AND NEAR").match).toBe('"AND" AND "NEAR"');
  });

  it("sends terms under three characters to LIKE, escaping its wildcards", () => {
    expect(plan("华为 AI 英伟达")).toEqual({
      match: '"英伟达"',
      notMatch: null,
      contains: ["%华为%", "%AI%"],
      notContains: [],
    });
    expect(plan("5% a_b\\").contains).toEqual(["%5\\%%"]);
    expect(plan("a_")).toMatchObject({ match: null, contains: ["%a\\_%"] });
  });

  it("counts characters, not UTF-16 units, when deciding what the index can find", () => {
    expect(plan("𝔸𝔹").contains).toEqual(["%𝔸𝔹%"]);
    expect(plan("𝔸𝔹ℂ").match).toBe('"𝔸𝔹ℂ"');
  });

  it("puts long exclusions into the match, or on their own when every included term is short", () => {
    expect(plan("deepseek -nvidia -AI NOT huawei").match).toBe('("deepseek") NOT ("nvidia" OR "huawei")');
    expect(plan("deepseek -nvidia -AI").notContains).toEqual(["%AI%"]);
    expect(plan("AI -nvidia")).toEqual({
      match: null,
      notMatch: '"nvidia"',
      contains: ["%AI%"],
      notContains: [],
    });
  });

  it("turns control characters into spaces and composes accents", () => {
    expect(plan("deep\u0000seek\u001b").match).toBe('"deep" AND "seek"');
    expect(plan("Mu\u0308ller").match).toBe('"Müller"');
  });

  it.each([
    ["", "must contain a search term"],
    ['  "" \u0000 ', "must contain a search term"],
    ["-nvidia NOT huawei", "must contain a term that is not excluded"],
    ["x".repeat(201), "must be at most 200 characters"],
  ])("rejects %j", (text, message) => {
    expect(planSearch(text)).toEqual({ ok: false, message });
  });

  it("accepts exactly 200 characters", () => {
    expect(planSearch("x".repeat(200)).ok).toBe(true);
  });
});

describe("ftsString", () => {
  it("doubles inner quotes", () => {
    expect(ftsString('say "hi"')).toBe('"say ""hi"""');
  });
});
