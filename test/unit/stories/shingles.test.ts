import { describe, expect, it } from "vitest";
import { storyFingerprint } from "../../../core/stories/fingerprint";
import { BANDS, bandKeys, minhashSignature } from "../../../core/stories/minhash";
import { placeArticles } from "../../../core/stories/placement";
import { jaccard, storyShingles } from "../../../core/stories/shingles";

const en = (title: string, summary = "") => storyShingles({ title, summary, lang: "en" });

describe("story shingles", () => {
  it("are the same for a copy that inflects, capitalises or accents words differently", () => {
    expect(en("Nvidia SHARES fall after DeepSeek’s releases")).toEqual(
      en("nvidia share falls after deepseek release"),
    );
    expect(jaccard(en("Nvidia shares fell"), en("Nvidia shares fell"))).toBe(1);
    const fr = (title: string) => storyShingles({ title, summary: "", lang: "fr" });
    expect(fr("Les puces chinoises")).toEqual(fr("les puce chinoise"));
  });

  it("read Chinese as character shingles, Traditional and Simplified alike", () => {
    const zh = (title: string) => storyShingles({ title, summary: "", lang: "zh" });
    expect(zh("英伟达股价暴跌")).toEqual(zh("英偉達股價暴跌"));
    expect(jaccard(zh("英伟达股价暴跌"), zh("英伟达股价大涨"))).toBeGreaterThan(0);
    expect(jaccard(zh("英伟达股价暴跌"), zh("英伟达股价大涨"))).toBeLessThan(0.5);
  });

  it("keep only the lead of a long summary", () => {
    const lead = "word ".repeat(60);
    expect(en("Title", `${lead} tail words here`)).toEqual(en("Title", `${lead} other words there`));
  });
});

describe("MinHash and bands", () => {
  it("estimate the Jaccard similarity within a few points", () => {
    const a = en(
      "The quick brown fox jumps over the lazy dog near the riverbank today",
      "one two three four five six",
    );
    const b = en(
      "The quick brown fox jumps over the lazy cat near the riverbank today",
      "one two three four five",
    );
    const options = { bands: 64, rows: 4 };
    const sa = minhashSignature(a, options);
    const sb = minhashSignature(b, options);
    const agree = sa.filter((v, i) => v === sb[i]).length / sa.length;
    expect(Math.abs(agree - jaccard(a, b))).toBeLessThan(0.12);
  });

  it("give band keys that differ by language for the same text", () => {
    const s = minhashSignature(en("Nvidia shares fell"));
    const english = bandKeys(s, "en");
    expect(english).toHaveLength(BANDS.bands);
    expect(bandKeys(s, "en")).toEqual(english);
    expect(bandKeys(s, "de").some((k) => english.includes(k))).toBe(false);
    expect(english.every((k) => Number.isSafeInteger(k) && k >= 0)).toBe(true);
  });
});

describe("placing articles", () => {
  const at = (title: string, publishedAt = 0) =>
    storyFingerprint({ title, summary: "", lang: "en", publishedAt });

  it("joins the stored story of the most similar candidate above the threshold, else starts one", () => {
    const item = at("Nvidia loses record value as DeepSeek rattles chip investors");
    const stored = [
      {
        articleId: 1,
        storyId: 10,
        publishedAt: 0,
        shingles: at("Nvidia shares rise on strong earnings").shingles,
      },
      {
        articleId: 2,
        storyId: 20,
        publishedAt: 0,
        shingles: at("Nvidia loses record value as DeepSeek rattles investors").shingles,
      },
    ];
    expect(placeArticles([item], () => stored)).toEqual([{ storyId: 20 }]);
    expect(placeArticles([item], () => stored.slice(0, 1))).toEqual([{ newStoryOf: 0 }]);
    const late = { ...item, publishedAt: 10 * 86_400_000 };
    expect(placeArticles([late], () => stored)).toEqual([{ newStoryOf: 0 }]);
  });

  it("puts copies within one batch in one new story", () => {
    const a = at("Nvidia loses record value as DeepSeek rattles chip investors");
    const b = at("Nvidia loses record value as DeepSeek rattles chip investors, analysts say");
    const c = at("Huawei unveils Ascend chip for AI training");
    expect(placeArticles([a, c, b], () => [])).toEqual([
      { newStoryOf: 0 },
      { newStoryOf: 1 },
      { newStoryOf: 0 },
    ]);
  });
});
