import { describe, expect, it } from "vitest";
import type { StoredArticle, StoredForFeed } from "../../db/queries/store-feed";
import type { NormalizedArticle } from "../../jobs/ingest/normalize";
import { planFeedStore } from "../../jobs/ingest/store-plan";
import { makeArticle } from "../helpers/factories";

const now = Date.UTC(2025, 0, 28);
const FEED = 7;

/** A tagger that tags anything mentioning Nvidia with topic 3. */
const tagger = {
  topicsOf: (a: NormalizedArticle) =>
    /nvidia/i.test(a.title)
      ? [
          {
            topicId: 3,
            publishedAt: a.publishedAt,
            terms: [{ term: "nvidia", field: "title" as const, start: 0, end: 6 }],
          },
        ]
      : [],
};

function storedAs(article: NormalizedArticle, overrides: Partial<StoredArticle> = {}): StoredArticle {
  return {
    id: 100,
    feedId: FEED,
    entryKey: article.entryKey,
    url: article.url,
    contentHash: article.contentHash,
    publishedAt: article.publishedAt,
    lang: article.lang,
    ...overrides,
  };
}

function stored(rows: StoredArticle[] = [], more: Partial<StoredForFeed> = {}): StoredForFeed {
  return {
    byEntry: new Map(rows.filter((r) => r.feedId === FEED).map((r) => [r.entryKey, r])),
    byUrl: new Map(rows.flatMap((r) => (r.url ? [[r.url, r] as const] : []))),
    urlHeldBy: undefined,
    topics: undefined,
    ...more,
  };
}

const plan = (articles: NormalizedArticle[], from: StoredForFeed, extra: { tagged?: boolean } = {}) =>
  planFeedStore(
    {
      feedId: FEED,
      leaseOwner: "me",
      articles,
      state: { lastStatus: 200 },
      now,
      tagger: extra.tagged === false ? undefined : tagger,
    },
    from,
  );

describe("planning a feed's store", () => {
  it("inserts new entries first seen now, each counted once and once per tag", () => {
    const a = makeArticle({ title: "Nvidia loses $589bn", lang: "en" });
    const b = makeArticle({ title: "DeepSeek R1 released", lang: "zh" });
    const p = plan([a, b], stored());
    expect(p.inserts.map((i) => i.article)).toEqual([
      expect.objectContaining({
        feedId: FEED,
        entryKey: a.entryKey,
        firstSeenAt: now,
        updatedAt: now,
        isSample: false,
      }),
      expect.objectContaining({ feedId: FEED, entryKey: b.entryKey, firstSeenAt: now, updatedAt: now }),
    ]);
    expect(p.inserts[0]!.tags).toEqual([expect.objectContaining({ topicId: 3, publishedAt: a.publishedAt })]);
    expect(p.inserts[0]!.counts).toEqual([
      { topicId: 0, publishedAt: a.publishedAt, feedId: FEED, lang: "en" },
      { topicId: 3, publishedAt: a.publishedAt, feedId: FEED, lang: "en" },
    ]);
    expect(p.inserts[1]!.counts).toEqual([
      { topicId: 0, publishedAt: b.publishedAt, feedId: FEED, lang: "zh" },
    ]);
    expect(p).toMatchObject({
      updates: [],
      retagged: [],
      tags: [],
      counts: [],
      unchanged: 0,
      leaseOwner: "me",
    });
    expect(p.feed).toEqual({ lastStatus: 200 });
  });

  it("adds nothing for an entry stored as it is, or stored by another feed under the same URL", () => {
    const same = makeArticle();
    const elsewhere = makeArticle({ title: "Nvidia, again" });
    const p = plan(
      [same, { ...elsewhere, contentHash: "changed" }],
      stored([storedAs(same), storedAs(elsewhere, { id: 5, feedId: 99, entryKey: "other-key" })]),
    );
    expect(p).toMatchObject({ inserts: [], updates: [], retagged: [], tags: [], unchanged: 2 });
  });

  it("updates a changed headline and retags it where the stored row is counted", () => {
    const before = makeArticle({ title: "DeepSeek story" });
    const after = { ...before, title: "Nvidia falls on DeepSeek", contentHash: "new-hash", publishedAt: now };
    const p = plan([after], stored([storedAs(before, { id: 42, lang: "de" })]));
    expect(p.updates).toEqual([
      {
        id: 42,
        changes: {
          title: after.title,
          summary: after.summary,
          author: null,
          contentHash: "new-hash",
          updatedAt: now,
        },
      },
    ]);
    expect(p.retagged).toEqual([42]);
    expect(p.tags).toEqual([expect.objectContaining({ articleId: 42, topicId: 3 })]);
    expect(p.counts).toEqual([{ topicId: 3, publishedAt: before.publishedAt, feedId: FEED, lang: "de" }]);
    expect(p.inserts).toEqual([]);
  });

  it("updates without retagging when it does not tag", () => {
    const before = makeArticle();
    const p = plan([{ ...before, contentHash: "new-hash" }], stored([storedAs(before)]), { tagged: false });
    expect(p.updates).toHaveLength(1);
    expect(p).toMatchObject({ retagged: [], tags: [], counts: [] });
  });

  it("keeps the first of two entries with the same key or URL", () => {
    const first = makeArticle({ title: "first" });
    const sameKey = makeArticle({ entryKey: first.entryKey, title: "same key" });
    const sameUrl = makeArticle({ url: first.url, title: "same url" });
    const p = plan([first, sameKey, sameUrl], stored(), { tagged: false });
    expect(p.inserts.map((i) => i.article.title)).toEqual(["first"]);
    expect(p.unchanged).toBe(0);
  });

  it("keeps the feed's URL when the one it moved to belongs to another feed", () => {
    const moved = (urlHeldBy: number | undefined) =>
      planFeedStore(
        { feedId: FEED, articles: [], state: { url: "https://new.example/feed", lastStatus: 200 }, now },
        stored([], { urlHeldBy }),
      ).feed;
    expect(moved(99)).toEqual({ lastStatus: 200 });
    expect(moved(FEED)).toEqual({ url: "https://new.example/feed", lastStatus: 200 });
    expect(moved(undefined)).toEqual({ url: "https://new.example/feed", lastStatus: 200 });
  });
});
