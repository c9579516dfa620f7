import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { createTestApp, type TestApp } from "../helpers/app";
import { seededRandom } from "../helpers/coverage-questions";
import { makeArticle, makeFeed, storeTagged } from "../helpers/factories";

/**
 * Breakdowns whose days do not start at a UTC midnight (Asia/Tokyo: 15:00Z, no DST, so a local day is a fixed
 * UTC range) and each outlet's share of every topic, against a plain SQL count over the articles and tags of the
 * same database file. These read the hourly per-outlet rollup at the day edges and topic set 0 (every tagged
 * article), which no other store answers.
 */
describe("GET /api/coverage at day edges off UTC equals a plain count", () => {
  const TOPICS = ["alpha", "beta", "gamma"];
  const FIRST = Date.UTC(2025, 0, 3);
  const TOKYO = 9 * 3_600_000;
  let s: TestApp;
  const rnd = seededRandom(914);

  beforeAll(async () => {
    s = await createTestApp();
    for (const slug of TOPICS) await createTopic(s.t.db, { slug, name: slug, color: "#000000", query: slug });
    for (let f = 0; f < 5; f++) {
      const feed = await makeFeed(s.t.db, { country: ["JP", "DE", "BR", "US", "IN"][f]!, lang: "en" });
      const articles = Array.from({ length: 60 + rnd.int(40) }, () =>
        makeArticle({
          title: `${TOPICS.filter(() => rnd.next() < 0.35).join(" ")} report ${rnd.int(1e9)}`,
          summary: "",
          lang: rnd.pick(["en", "ja", "de"]),
          // Whole minutes over 20 days, some exactly on an edge (15:00Z).
          publishedAt: FIRST + rnd.int(20 * 24 * 60) * 60_000,
        }),
      );
      await storeTagged(s.t.db, feed.id, articles);
    }
  });
  afterAll(() => s.t.destroy());

  /** Per local day (YYYY-MM-DD, UTC + offset ms) and key: articles with any of `topics` (all articles when null), by plain SQL. */
  async function plainCount(
    key: "feed" | "country",
    topics: string[] | null,
    offset = TOKYO,
  ): Promise<Map<string, number>> {
    const keyOf = key === "feed" ? "a.feed_id" : "coalesce(f.country, '')";
    const tagged =
      topics === null
        ? "1"
        : `exists (select 1 from article_topics t join topics p on p.id = t.topic_id
             where t.article_id = a.id and p.slug in (${topics.map((x) => `'${x}'`).join(", ")}))`;
    const rows = await s.t.client.execute(`
      select date((a.published_at + ${offset}) / 1000, 'unixepoch') as day, ${keyOf} as k, count(*) as n
      from articles a join feeds f on f.id = a.feed_id where ${tagged} group by 1, 2`);
    return new Map(rows.rows.map((r) => [`${r.day}|${r.k}`, Number(r.n)]));
  }

  async function answer(query: string, tz = "Asia/Tokyo") {
    const res = await s.app.request(
      `/api/coverage?from=2025-01-04&to=2025-01-21&interval=day&tz=${tz}&top=50&${query}`,
    );
    expect(res.status, query).toBe(200);
    return (await res.json()) as {
      buckets: string[];
      series: Array<{ key: string; counts: number[]; groupTotals?: number[] }>;
    };
  }

  const asMap = (body: Awaited<ReturnType<typeof answer>>, of: "counts" | "groupTotals") => {
    const out = new Map<string, number>();
    for (const series of body.series)
      series[of]?.forEach((n, i) => {
        if (n !== 0) out.set(`${body.buckets[i]}|${series.key}`, n);
      });
    return out;
  };
  const inRange = (counts: Map<string, number>, buckets: string[]) =>
    new Map([...counts].filter(([k]) => buckets.includes(k.split("|")[0]!)));

  it("by outlet and by country, for every article, one topic and several", async () => {
    for (const key of ["feed", "country"] as const) {
      for (const topics of [null, ["beta"], ["alpha", "gamma"], TOPICS]) {
        const body = await answer(`by=${key}${topics ? `&topics=${topics.join(",")}` : ""}`);
        expect(asMap(body, "counts"), `${key} ${topics}`).toEqual(
          inRange(await plainCount(key, topics), body.buckets),
        );
      }
    }
  });

  it("each outlet's share of every topic: its tagged articles over all of its articles", async () => {
    for (const [tz, offset] of [
      ["Asia/Tokyo", TOKYO],
      ["UTC", 0],
    ] as const) {
      const body = await answer(`by=feed&share=group&topics=${TOPICS.join(",")}`, tz);
      const tagged = inRange(await plainCount("feed", TOPICS, offset), body.buckets);
      expect(tagged.size, tz).toBeGreaterThan(10);
      expect(asMap(body, "counts"), tz).toEqual(tagged);
      expect(asMap(body, "groupTotals"), tz).toEqual(
        inRange(await plainCount("feed", null, offset), body.buckets),
      );
    }
  });
});
