import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileDefaultTopics } from "../../../core/tagging/default-matcher";
import { defaultTopics } from "../../../core/tagging/default-topics";
import { evaluateMatcher, formatScores, type LabeledArticle } from "../../../core/tagging/evaluate";

const load = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/topics/${name}`, import.meta.url), "utf8"),
  ) as LabeledArticle[];
const evalSet = load("eval-set.json");
const holdout = load("holdout-set.json");
const slugs = defaultTopics.map((topic) => topic.slug);

describe("default topics", () => {
  it("have the five required slugs, a name, a description and a hex colour each", () => {
    expect(slugs).toEqual([
      "r1-release",
      "nvidia-valuation",
      "ascend-chips",
      "global-south-adoption",
      "export-controls",
    ]);
    for (const topic of defaultTopics) {
      expect(topic.name.length).toBeGreaterThan(0);
      expect(topic.description.length).toBeGreaterThan(0);
      expect(topic.color).toMatch(/^#[0-9A-F]{6}$/i);
    }
  });

  it("reach precision and recall of at least 0.90 per topic on the labeled evaluation set", () => {
    const { scores, mistakes } = evaluateMatcher(compileDefaultTopics(), evalSet, slugs);
    console.log(`eval set (${evalSet.length} items)\n${formatScores(scores)}`);
    if (mistakes.length > 0) console.log(mistakes.map((m) => `${m.kind} ${m.slug} ${m.id}`).join("\n"));
    for (const score of scores) {
      expect(score.precision, `${score.slug} precision`).toBeGreaterThanOrEqual(0.9);
      expect(score.recall, `${score.slug} recall`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("hold at least 0.85 on the held-out set written after the queries were frozen", () => {
    const { scores } = evaluateMatcher(compileDefaultTopics(), holdout, slugs);
    console.log(`holdout set (${holdout.length} items)\n${formatScores(scores)}`);
    for (const score of scores) expect(score.f1, score.slug).toBeGreaterThanOrEqual(0.85);
  });
});

describe("evaluation set", () => {
  it("covers every topic, seven languages, hard negatives and multi-topic items", () => {
    expect(evalSet.length).toBeGreaterThanOrEqual(400);
    expect(new Set(evalSet.map((item) => item.lang)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(evalSet.map((item) => item.id)).size).toBe(evalSet.length);
    const negatives = evalSet.filter((item) => item.topics.length === 0).length;
    expect(negatives / evalSet.length).toBeGreaterThanOrEqual(0.3);
    expect(evalSet.filter((item) => item.topics.length > 1).length).toBeGreaterThan(20);
    for (const slug of slugs)
      expect(evalSet.filter((item) => item.topics.includes(slug)).length).toBeGreaterThan(25);
    for (const item of evalSet) for (const slug of item.topics) expect(slugs).toContain(slug);
  });
});

describe("blind evaluation set", () => {
  const blind = load("blind-set.json") as Array<LabeledArticle & { kind: string }>;

  it("holds at least 600 items in the 16 languages, a third paraphrases and a third hard negatives", () => {
    expect(blind.length).toBeGreaterThanOrEqual(600);
    const langs = [
      "en",
      "de",
      "zh",
      "fr",
      "es",
      "pt",
      "ja",
      "ar",
      "hi",
      "id",
      "vi",
      "sw",
      "ko",
      "it",
      "ru",
      "tr",
    ];
    expect(new Set(blind.map((item) => item.lang))).toEqual(new Set(langs));
    expect(new Set(blind.map((item) => item.id)).size).toBe(blind.length);
    const share = (kind: string) => blind.filter((item) => item.kind === kind).length / blind.length;
    expect(share("hard-negative")).toBeGreaterThanOrEqual(0.3);
    expect(share("paraphrase")).toBeGreaterThanOrEqual(0.3);
    for (const item of blind) {
      for (const slug of item.topics) expect(slugs).toContain(slug);
      expect(item.topics.length === 0).toBe(item.kind === "hard-negative" || item.kind === "negative");
    }
    for (const slug of slugs) {
      const langsWith = new Set(blind.filter((item) => item.topics.includes(slug)).map((item) => item.lang));
      expect(langsWith.size, slug).toBe(16);
    }
  });

  // Issue 9's measure of the engine on news it was never tuned to. Nobody tunes on this set: a tuner scores
  // the dev sets, and only the lead runs this (and `npm run bench blind`), once a round.
  it("is tagged with precision and recall of at least 0.92 per topic", () => {
    const { scores } = evaluateMatcher(compileDefaultTopics(), blind, slugs);
    for (const score of scores) {
      expect(score.precision, `${score.slug} precision`).toBeGreaterThanOrEqual(0.92);
      expect(score.recall, `${score.slug} recall`).toBeGreaterThanOrEqual(0.92);
    }
  });
});
