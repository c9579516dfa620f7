import { describe, expect, it } from "vitest";
import { TopicTagger } from "../../jobs/topics/topic-tagger";

describe("TopicTagger", () => {
  it("skips a stored topic whose query no longer compiles and still tags with the others", () => {
    const tagger = new TopicTagger();
    tagger.load([
      { id: 1, slug: "broken", query: `${"(".repeat(40)}nvidia${")".repeat(40)}`, version: 1 },
      { id: 2, slug: "chips", query: "nvidia", version: 1 },
    ]);
    expect(tagger.broken).toEqual([{ slug: "broken", error: expect.stringContaining("nests deeper") }]);
    const tags = tagger.topicsOf({ title: "Nvidia falls", summary: "", publishedAt: 0 });
    expect(tags.map((tag) => tag.topicId)).toEqual([2]);
  });
});
