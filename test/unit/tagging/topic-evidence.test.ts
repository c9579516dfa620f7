import { describe, expect, it } from "vitest";
import { pairKey, TermAnalyser } from "../../../core/tagging/term-analysis";
import { evidencePeriod, MISS_TERMS, TopicEvidence } from "../../../core/tagging/topic-evidence";

const terms = (text: string, lang: string | null = "en") => {
  const out: string[] = [];
  const keys: string[] = [];
  const analyser = new TermAnalyser();
  analyser.analyse(text, lang, {
    term(id, start, end) {
      const key = analyser.keys[id]!;
      keys.push(key);
      out.push(`1:${key}=${text.slice(start, end)}`);
    },
    pair(start, end) {
      out.push(`2:${pairKey(keys.at(-2)!, keys.at(-1)!)}=${text.slice(start, end)}`);
    },
  });
  return out;
};

let nextId = 1;
const article = (title: string, summary = "", lang: string | null = "en") => ({
  id: nextId++,
  title,
  summary,
  lang,
});

describe("term analysis", () => {
  it("stems words in the article's language, keeps bigrams of adjacent words and drops numbers and letters", () => {
    expect(terms("US curbed 2025 chip exports")).toEqual([
      "1:us=US",
      "1:curb=curbed",
      "2:us curb=US curbed",
      "1:chip=chip",
      "1:export=exports",
      "2:chip export=chip exports",
    ]);
    expect(terms("Nvidia's shares")).toEqual(["1:nvidia=Nvidia", "1:share=shares"]);
  });

  it("makes no bigram across punctuation, and a hyphenated compound is its parts and their bigram", () => {
    expect(terms("chips. Export")).toEqual(["1:chip=chips", "1:export=Export"]);
    expect(terms("Nvidia-Aktie fällt", "de")).toEqual([
      "1:nvidia=Nvidia",
      "1:akti=Aktie",
      "2:nvidia akti=Nvidia-Aktie",
      "1:fallt=fällt",
      "2:akti fallt=Aktie fällt",
    ]);
  });

  it("counts Chinese and Japanese runs as overlapping character bigrams, Traditional folded to Simplified", () => {
    expect(terms("輝達股價", "zh")).toEqual(["1:辉达=輝達", "1:达股=達股", "1:股价=股價"]);
    expect(terms("DeepSeek的模型", "zh")).toEqual(["1:deepseek=DeepSeek", "1:的模=的模", "1:模型=模型"]);
    expect(terms("株", "ja")).toEqual([]);
  });
});

describe("distinctive terms of a topic", () => {
  // Every tagged article names Ascend, half of them Huawei; everyone writes "the" and "says". Each story runs
  // twice (two outlets), so the evidence is strong enough to pass MISS_MIN_Z.
  const stories = [
    article("Ascend chips power DeepSeek", "Huawei says its Ascend accelerators run the model"),
    article("The Ascend 910C ships", "The chip is made by SMIC, the report says"),
    article("Huawei's Ascend in the cloud", "DeepSeek runs on the Ascend, the company says"),
    article("Ascend 910B orders grow", "Chinese firms order the chips, a report says"),
    article("Huawei books Ascend orders", "The accelerators sell out, the company says"),
    article("Ascend supply tight", "The foundry says output of the chips is limited"),
  ];
  const topic = [...stories, ...stories.map((a) => article(a.title, a.summary))];
  const everyday = Array.from({ length: 20 }, (_, i) =>
    article(`The markets on day ${i + 1}`, `The company says the index rose, the analyst says`),
  );
  const miss = article("Huawei Ascend accelerators in new data centres", "The accelerators come from Huawei");
  const unrelated = article("Markets rebound", "The Nasdaq gains as the company reports");

  it("ranks the word only the topic's articles use first, not the word everyone uses", () => {
    const evidence = new TopicEvidence(topic, [...everyday, unrelated]);
    const list = evidence.terms(10);
    expect(list[0]).toMatchObject({ term: "Ascend", kind: "word", topicCount: 12, restCount: 0 });
    expect(list.map((t) => t.term.toLowerCase())).not.toContain("the");
    expect(list.find((t) => t.term === "says")).toBeUndefined();
    for (let i = 1; i < list.length; i++) expect(list[i]!.z).toBeLessThanOrEqual(list[i - 1]!.z);
  });

  it("counts inflections as one term and shows the form the topic's articles use most", () => {
    const evidence = new TopicEvidence(
      [
        article("Washington curbs chip sales"),
        article("New curbs on chips"),
        article("US curbed exports of chips"),
      ],
      [article("Weather today"), article("Sports today"), article("Markets today")],
    );
    const list = evidence.terms(10);
    expect(list.find((t) => t.term === "chips")).toMatchObject({ topicCount: 3, restCount: 0 });
    expect(list.find((t) => t.term === "curbs")).toMatchObject({ topicCount: 3 });
    expect(list.find((t) => t.term === "today")).toBeUndefined();
  });

  it("compares like with like across languages, so an English topic against German coverage finds no stop words", () => {
    const evidence = new TopicEvidence(
      [
        article("The Ascend chip of Huawei"),
        article("The Ascend chip is fast"),
        article("Markets and the Fed"),
      ],
      [
        article("The markets of Asia"),
        article("The Fed and the markets"),
        ...Array.from({ length: 20 }, () => article("Die Märkte in Europa", "", "de")),
      ],
    );
    const top = evidence.terms(3).map((t) => t.term);
    expect(top).toContain("Ascend");
    expect(top).not.toContain("The");
  });

  it("finds the untagged article that uses the topic's distinctive words and not an unrelated one", () => {
    const evidence = new TopicEvidence(topic, [...everyday, miss, unrelated]);
    const misses = evidence.misses(10);
    expect(misses[0]!.article).toBe(miss);
    expect(misses[0]!.terms.map((t) => t.term)).toContain("Ascend");
    expect(misses[0]!.score).toBeCloseTo(
      misses[0]!.terms.reduce((sum, t) => sum + t.z, 0),
      2,
    );
    expect(misses.map((m) => m.article)).not.toContain(unrelated);
  });

  it("scores a miss by its ten strongest terms, so a long copy of a tagged text does not win by length", () => {
    const words = "alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima";
    const tagged = Array.from({ length: 8 }, () => article(words));
    const long = article(`${words} again`);
    const evidence = new TopicEvidence(tagged, [...everyday, long]);
    const [miss] = evidence.misses(5);
    expect(miss!.article).toBe(long);
    expect(miss!.terms).toHaveLength(MISS_TERMS);
    expect(miss!.score).toBeCloseTo(
      miss!.terms.reduce((sum, t) => sum + t.z, 0),
      2,
    );
  });

  it("has no terms and no misses when the topic has no articles", () => {
    const evidence = new TopicEvidence([], [...everyday, miss]);
    expect(evidence.terms(10)).toEqual([]);
    expect(evidence.misses(10)).toEqual([]);
  });
});

describe("the evidence period", () => {
  const DAY = 86_400_000;
  const newest = Date.UTC(2025, 2, 31, 12);

  it("defaults to the 90 days up to the newest stored article", () => {
    expect(evidencePeriod({}, newest, 0)).toEqual({ from: newest + 1 - 90 * DAY, toExclusive: newest + 1 });
  });

  it("takes inclusive dates and names a bad bound", () => {
    expect(evidencePeriod({ from: "2025-01-01", to: "2025-01-31" }, newest, 0)).toEqual({
      from: Date.UTC(2025, 0, 1),
      toExclusive: Date.UTC(2025, 1, 1),
    });
    expect(evidencePeriod({ to: "2025-01-31" }, newest, 0).from).toBe(Date.UTC(2025, 1, 1) - 90 * DAY);
    expect(() => evidencePeriod({ from: "soon" }, newest, 0)).toThrow(
      expect.objectContaining({ param: "from" }),
    );
  });
});
