import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

const day = (d: number, h = 12) => Date.UTC(2025, 0, d, h);

describe("GET /api/articles", () => {
  let s: TestApp;
  let feedA: number;
  let feedB: number;
  beforeEach(async () => {
    s = await createTestApp();
    const a = await makeFeed(s.t.db, { name: "Outlet A", country: "DE" });
    const b = await makeFeed(s.t.db, { name: "Outlet B", country: "BR" });
    feedA = a.id;
    feedB = b.id;
    const now = day(31);
    const state = { lastStatus: 200 };
    await storeFeedArticles(s.t.db, {
      feedId: a.id,
      articles: Array.from({ length: 25 }, (_, i) => makeArticle({ publishedAt: day(1 + i), lang: "de" })),
      state,
      now,
    });
    await storeFeedArticles(s.t.db, {
      feedId: b.id,
      // Five stories at the same instant, so paging must break ties by id.
      articles: Array.from({ length: 5 }, () => makeArticle({ publishedAt: day(27, 9), lang: "pt" })),
      state,
      now,
    });
  });
  afterEach(() => s.t.destroy());

  const get = async (query: string) => {
    const res = await s.app.request(`/api/articles${query}`);
    return { status: res.status, body: await res.json() };
  };

  it("lists newest first with the source and ISO times", async () => {
    const { status, body } = await get("?limit=3");
    expect(status).toBe(200);
    expect(body.items).toHaveLength(3);
    expect(body.items[0]).toMatchObject({
      publishedAt: "2025-01-27T09:00:00.000Z",
      source: { id: feedB, name: "Outlet B", country: "BR" },
    });
    expect(body.items[0].topics).toEqual([]);
    expect(typeof body.nextCursor).toBe("string");
  });

  it("pages through everything with the cursor, each article exactly once", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: { items: Array<{ id: number }>; nextCursor: string | null } } = await get(
        `?limit=4${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  it("filters by feed, language, country and an inclusive date range", async () => {
    expect((await get(`?feed=${feedB}`)).body.items).toHaveLength(5);
    expect((await get(`?feed=${feedA}&limit=200`)).body.items).toHaveLength(25);
    expect((await get("?lang=pt")).body.items).toHaveLength(5);
    expect((await get("?country=de&limit=200")).body.items).toHaveLength(25);
    const range = await get("?from=2025-01-10&to=2025-01-12");
    expect(range.body.items.map((i: { publishedAt: string }) => i.publishedAt)).toEqual([
      "2025-01-12T12:00:00.000Z",
      "2025-01-11T12:00:00.000Z",
      "2025-01-10T12:00:00.000Z",
    ]);
    const instant = await get("?from=2025-01-27T09:00:00Z&to=2025-01-27T09:00:00Z");
    expect(instant.body.items).toHaveLength(5);
  });

  it.each([
    ["?limit=0", "limit"],
    ["?limit=500", "limit"],
    ["?from=yesterday", "from"],
    ["?to=2025-13-45", "to"],
    ["?from=2025-02-01&to=2025-01-01", "from"],
    ["?cursor=garbage", "cursor"],
    ["?feed=-3", "feed"],
    ["?lang=English", "lang"],
  ])("answers 400 naming the parameter for %s", async (query, param) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message.startsWith(`${param}:`)).toBe(true);
  });
});
