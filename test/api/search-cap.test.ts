import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countSelectedArticles, listArticles } from "../../db/queries/articles";
import { MATCH_CAP, planSearch, type SearchPlan } from "../../db/queries/search-query";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";

/**
 * A listed search considers only the newest-stored MATCH_CAP index matches (db/queries/search-query.ts), so two
 * common words cost a bounded amount; `total` still counts every match. Checked with a small cap.
 */
describe("bounded full-text search", () => {
  let t: TestDatabase;
  let plan: SearchPlan;
  beforeAll(async () => {
    t = await createTestDatabase();
    const feed = await makeFeed(t.db);
    // Stored in one pass, in this order: ids rise with the list, while publication dates run the other way.
    const articles = Array.from({ length: 8 }, (_, i) =>
      makeArticle({ title: `export controls tighten, part ${i}`, publishedAt: Date.UTC(2025, 0, 20 - i) }),
    );
    articles.push(makeArticle({ title: "nothing to see", publishedAt: Date.UTC(2025, 0, 25) }));
    await storeFeedArticles(t.db, { feedId: feed.id, articles, state: {}, now: Date.now() });
    const planned = planSearch("export controls");
    if (!planned.ok) throw new Error(planned.message);
    plan = planned.plan;
  });
  afterAll(() => t.destroy());

  it("is bounded by default at MATCH_CAP matches", () => {
    expect(plan.cap).toBe(MATCH_CAP);
  });

  it("lists only the newest-stored matches past the cap, newest first; total counts every match", async () => {
    const capped = { ...plan, cap: 5 };
    const { rows, next } = await listArticles(t.db, { search: capped, limit: 50 });
    expect(rows.map((r) => r.title)).toEqual(
      [3, 4, 5, 6, 7].map((i) => `export controls tighten, part ${i}`),
    );
    expect(next).toBeNull();
    expect(await countSelectedArticles(t.db, { search: capped })).toBe(8);
    expect((await listArticles(t.db, { search: plan, limit: 50 })).rows).toHaveLength(8);
  });
});
