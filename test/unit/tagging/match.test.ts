import { describe, expect, it } from "vitest";
import { compileTopics } from "../../../core/tagging/compile";
import { QueryError } from "../../../core/tagging/query-ast";
import type { ArticleText } from "../../../core/tagging/types";

const article = (title: string, summary = ""): ArticleText => ({ title, summary });
const slugs = (query: string, text: ArticleText) =>
  compileTopics([{ slug: "t", query }])
    .match(text)
    .map((m) => m.slug);
const matches = (query: string, title: string, summary = "") =>
  slugs(query, article(title, summary)).length > 0;

describe("compileTopics matching", () => {
  it("matches whole words only, case- and accent-insensitively", () => {
    expect(matches("nvidia", "NVIDIA shares fall")).toBe(true);
    expect(matches("nvidia", "Nvidias shares")).toBe(false);
    expect(matches("börse", "Die Borse in Frankfurt")).toBe(true);
    expect(matches("acoes", "Ações da Nvidia")).toBe(true);
  });

  it("matches prefix, suffix and infix wildcards, including inside compounds", () => {
    expect(matches("chip*", "Chipmakers slide")).toBe(true);
    expect(matches("*aktie", "Die Nvidia-Aktie fällt")).toBe(true);
    expect(matches("nvidia", "Die Nvidia-Aktie fällt")).toBe(true);
    expect(matches("*aktie*", "Chipaktien unter Druck")).toBe(true);
    expect(matches("ki-modell*", "Neue KI-Modelle aus China")).toBe(true);
    expect(matches("chip*", "Potato crisps")).toBe(false);
  });

  it("matches a hyphenated query term with or without the hyphen", () => {
    expect(matches("deepseek-r1", "DeepSeek R1 is out")).toBe(true);
    expect(matches("deepseek-r1", "DeepSeek-R1 is out")).toBe(true);
    expect(matches("deepseek-r1", "R1 from DeepSeek")).toBe(false);
  });

  it("matches phrases in order and next to each other", () => {
    expect(matches('"market value"', "Nvidia loses market value")).toBe(true);
    expect(matches('"market value"', "value of the market")).toBe(false);
    expect(matches('"open weight*"', "Open weights released")).toBe(true);
  });

  it("matches Chinese and Japanese terms inside unspaced text", () => {
    expect(matches("英伟达", "英伟达股价暴跌")).toBe(true);
    expect(matches("nvidia AND 股价", "英伟达Nvidia股价暴跌")).toBe(true);
    expect(matches("华为", "华为昇腾910C芯片")).toBe(true);
    expect(matches("昇腾", "华为昇腾910C芯片")).toBe(true);
    expect(matches('"英伟达 股价"', "英伟达股价暴跌")).toBe(true);
    expect(matches("エヌビディア", "ｴﾇﾋﾞﾃﾞｨｱ株が急落")).toBe(true);
    expect(matches("が", "か")).toBe(false);
  });

  it("matches a Korean phrase written with spaces or without, and not with another word between", () => {
    expect(matches('"수출 통제"', "미국, 수출 통제 명단에 추가")).toBe(true);
    expect(matches('"수출 통제"', "미국 수출통제 강화")).toBe(true);
    expect(matches('"수출 통제"', "대중수출 통제 강화")).toBe(true);
    expect(matches('"수출 통제"', "수출 업체 통제")).toBe(false);
    expect(matches('"수출 통제"', "수출은 통제")).toBe(false);
  });

  it("finds NEAR pairs in either order within the distance, in one field", () => {
    const query = "deepseek NEAR/3 model";
    expect(matches(query, "DeepSeek releases a new model")).toBe(true);
    expect(matches(query, "A model built by DeepSeek")).toBe(true);
    expect(matches(query, "DeepSeek said on Monday that its newest reasoning model")).toBe(false);
    expect(matches(query, "DeepSeek", "model")).toBe(false);
  });

  it("restricts title: scopes to the headline", () => {
    expect(matches("title:deepseek", "DeepSeek tops charts")).toBe(true);
    expect(matches("title:deepseek", "Apps", "DeepSeek tops charts")).toBe(false);
    expect(matches("title:(r1 OR v3) AND summary:deepseek", "R1 is out", "From DeepSeek")).toBe(true);
  });

  it("excludes articles matching a NOT branch", () => {
    const query = "r1 NOT (bmw OR rivian)";
    expect(matches(query, "R1 beats o1")).toBe(true);
    expect(matches(query, "Rivian R1 review")).toBe(false);
  });

  it("rejects a topic whose query does not parse, naming the position", () => {
    expect(() => compileTopics([{ slug: "t", query: "a AND (b" }])).toThrowError(QueryError);
    expect(() => compileTopics([{ slug: "t", query: "a AND (b" }])).toThrow('unclosed "(" at position 6');
  });
});

describe("compileTopics explanations", () => {
  it("returns matched terms with field and offsets into the original text", () => {
    const matcher = compileTopics([
      { slug: "nv", query: "nvidia (*aktie OR 股价) NOT geforce" },
      { slug: "ds", query: "deepseek" },
    ]);
    const title = "Die Nvidia-Aktie fällt";
    const [match] = matcher.match({ title, summary: "" });
    expect(match).toEqual({
      slug: "nv",
      terms: [
        { term: "*aktie", field: "title", start: 4, end: 16 },
        { term: "nvidia", field: "title", start: 4, end: 10 },
      ],
    });
    const summary = "英伟达Nvidia股价暴跌";
    const [cjk] = matcher.match({ title: "x", summary });
    expect(cjk!.terms.map((t) => summary.slice(t.start, t.end))).toEqual(["Nvidia", "股价"]);
  });

  it("leaves NOT-branch terms out of the explanation", () => {
    const matcher = compileTopics([{ slug: "t", query: "deepseek NOT (bmw NOT deepseek)" }]);
    const [match] = matcher.match({ title: "DeepSeek and BMW", summary: "" });
    expect(match!.terms.map((t) => t.term)).toEqual(["deepseek"]);
  });

  it("reports both sides of a NEAR pair and a phrase as one span", () => {
    const matcher = compileTopics([{ slug: "t", query: '"open weights" NEAR/2 r1' }]);
    const text = "R1 with open weights";
    const [match] = matcher.match({ title: text, summary: "" });
    expect(match!.terms.map((t) => text.slice(t.start, t.end))).toEqual(["R1", "open weights"]);
  });

  it("orders explanations the same far into a long summary as at its start", () => {
    // Offsets past 2^22 leave the packed sort key for the field-by-field comparison.
    const matcher = compileTopics([{ slug: "t", query: 'nvidia OR "nvidia shares" OR shar* OR deepseek' }]);
    const tail = "DeepSeek hits Nvidia shares, then Nvidia";
    const near = matcher.match({ title: "Nvidia", summary: tail })[0]!.terms;
    const pad = "x ".repeat(2 ** 21 + 8);
    const far = matcher.match({ title: "Nvidia", summary: pad + tail })[0]!.terms;
    const shifted = near.map((t) =>
      t.field === "summary" ? { ...t, start: t.start + pad.length, end: t.end + pad.length } : t,
    );
    expect(far).toEqual(shifted);
    expect(near.map((t) => `${t.field}:${t.term}`)).toEqual([
      "title:nvidia",
      "summary:deepseek",
      "summary:nvidia shares",
      "summary:nvidia",
      "summary:shar*",
      "summary:nvidia",
    ]);
  });

  it("tags several topics from one pass and returns none for unrelated text", () => {
    const matcher = compileTopics([
      { slug: "a", query: "deepseek" },
      { slug: "b", query: "nvidia" },
    ]);
    expect(matcher.match(article("DeepSeek hits Nvidia")).map((m) => m.slug)).toEqual(["a", "b"]);
    expect(matcher.match(article("Weather in Berlin"))).toEqual([]);
  });

  it("evaluates an OR member that holds without a hit of its own", () => {
    const query = "apple AND (banana OR NOT cherry)";
    expect(matches(query, "Apple pie")).toBe(true);
    expect(matches(query, "Apple and cherry pie")).toBe(false);
    expect(matches(query, "Apple, banana and cherry")).toBe(true);
  });

  it("finds each phrase, NEAR and AND inside a long OR by any of its words, with its explanation", () => {
    const places =
      '"south africa" OR "south sudan" OR "costa rica" OR (lagos NEAR/2 lab) OR (title:nairobi AND hub)';
    const matcher = compileTopics([
      { slug: "t", query: `deepseek AND (${places})` },
      { slug: "places", query: places },
    ]);
    const terms = (title: string, summary = "") => {
      const [t, bare, ...rest] = matcher.match({ title, summary });
      // The same OR as a whole query gives the same places, without deepseek.
      expect(bare?.terms).toEqual(t?.terms.filter((term) => term.term !== "deepseek"));
      expect(rest).toEqual([]);
      return t ? t.terms.map((term) => `${term.term}@${term.field}`) : [];
    };
    expect(terms("DeepSeek in South Sudan", "South Africa and Costa Rica")).toEqual([
      "deepseek@title",
      "south sudan@title",
      "south africa@summary",
      "costa rica@summary",
    ]);
    expect(terms("DeepSeek in the south", "Africa, Sudan, Costa and Rica")).toEqual([]);
    expect(terms("DeepSeek lab opens in Lagos")).toEqual(["deepseek@title", "lab@title", "lagos@title"]);
    expect(terms("DeepSeek lab opens far from Lagos")).toEqual([]);
    expect(terms("DeepSeek hub", "Nairobi")).toEqual([]);
    expect(terms("DeepSeek hub in Nairobi")).toEqual(["deepseek@title", "hub@title", "nairobi@title"]);
  });
});
