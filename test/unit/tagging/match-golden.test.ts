import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileTopics } from "../../../core/tagging/compile";
import { defaultTopics } from "../../../core/tagging/default-topics";
import type { LabeledArticle } from "../../../core/tagging/evaluate";
import type { TopicMatch } from "../../../core/tagging/types";

const load = <T>(url: URL) => JSON.parse(readFileSync(url, "utf8")) as T;
const items = [
  ...load<LabeledArticle[]>(new URL("../../fixtures/topics/eval-set.json", import.meta.url)),
  ...load<LabeledArticle[]>(new URL("../../fixtures/topics/holdout-set.json", import.meta.url)),
];
// Written by the first, unoptimized matcher (a tree walk over per-span objects): the optimized engine
// must give the very same topics, terms and offsets, not just the same precision and recall.
const expected = load<Record<string, TopicMatch[]>>(
  new URL("./default-topics.matches.json", import.meta.url),
);

describe("compiled default topics", () => {
  it("tag the eval and holdout sets with exactly the reference matches and explanations", () => {
    const matcher = compileTopics(defaultTopics);
    for (const item of items) expect(matcher.match(item), item.id).toEqual(expected[item.id] ?? []);
  });

  it("give the same answers whatever articles the matcher saw before", () => {
    const matcher = compileTopics(defaultTopics);
    const forward = items.map((item) => matcher.match(item));
    const backward = [...items].reverse().map((item) => matcher.match(item));
    expect(backward.reverse()).toEqual(forward);
    const empty = { title: "", summary: "" };
    expect(matcher.match(empty)).toEqual([]);
    expect(matcher.match(items[0]!)).toEqual(forward[0]);
  });
});
