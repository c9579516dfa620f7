import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { runCli } from "../helpers/cli";
import { makeArticle, makeFeed } from "../helpers/factories";

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 20, 9);

/**
 * A topic `ascend` (query: ascend) whose twelve articles also name Huawei and its accelerators; twenty other
 * articles about markets; one untagged article about Huawei accelerators that never says "Ascend" (the miss)
 * and one unrelated article.
 */
async function storeCoverage(s: TestApp) {
  await createTopic(s.t.db, { slug: "ascend", name: "Ascend", query: "ascend", color: "#0072B2" });
  const feed = await makeFeed(s.t.db, { name: "Wire" });
  const texts: Array<[string, string]> = [];
  for (let i = 0; i < 12; i++) {
    texts.push([
      `Huawei Ascend accelerators win order ${i + 1}`,
      "The company says Chinese labs buy the accelerators from Huawei",
    ]);
  }
  for (let i = 0; i < 20; i++) texts.push([`Markets on day ${i + 1}`, "The company says the index rose"]);
  texts.push(["Huawei accelerators power new data centres", "The company says the accelerators sell well"]);
  texts.push(["Markets rebound", "The company says the index gains"]);
  const articles = texts.map(([title, summary], i) =>
    makeArticle({ title, summary, publishedAt: START + i * 3_600_000 }),
  );
  await storeFeedArticles(s.t.db, {
    feedId: feed.id,
    articles,
    state: {},
    now: START + 10 * DAY,
    tagger: new TopicTagger(),
  });
  return { feed };
}

describe("/api/topics/:slug/terms and /misses", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
  });
  afterEach(() => s.t.destroy());

  const get = async (path: string) => {
    const res = await s.app.request(path);
    return { status: res.status, body: await res.json() };
  };

  it("GET terms ranks the word only the topic's articles use first, not the words everyone uses", async () => {
    await storeCoverage(s);
    const { status, body } = await get("/api/topics/ascend/terms?limit=10");
    expect(status).toBe(200);
    expect(body.items[0]).toMatchObject({ term: "Ascend", kind: "word", topicCount: 12, restCount: 0 });
    const words = body.items.map((t: { term: string }) => t.term.toLowerCase());
    for (const common of ["the", "company", "says"]) expect(words).not.toContain(common);
    expect(body).toMatchObject({
      topic: "ascend",
      lang: null,
      articles: { topic: 12, rest: 22, cap: 20_000, topicCapped: false, restCapped: false },
      nextCursor: null,
    });
    // The period ends at the newest article and reaches 90 days back.
    expect(Date.parse(body.to) - Date.parse(body.from)).toBe(90 * DAY - 1);
  });

  it("GET terms reads only the period and language asked for", async () => {
    await storeCoverage(s);
    const none = await get("/api/topics/ascend/terms?from=2024-01-01&to=2024-01-31");
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);
    expect(none.body.articles).toMatchObject({ topic: 0, rest: 0 });
    expect(none.body).toMatchObject({ from: "2024-01-01T00:00:00.000Z", to: "2024-01-31T23:59:59.999Z" });
    const german = await get("/api/topics/ascend/terms?lang=de");
    expect(german.body).toMatchObject({ lang: "de", articles: { topic: 0, rest: 0 }, items: [] });
  });

  it("GET misses finds the untagged article that uses the topic's distinctive words, not an unrelated one", async () => {
    await storeCoverage(s);
    const { status, body } = await get("/api/topics/ascend/misses");
    expect(status).toBe(200);
    const titles = body.items.map((m: { title: string }) => m.title);
    expect(titles[0]).toBe("Huawei accelerators power new data centres");
    expect(titles).not.toContain("Markets rebound");
    const miss = body.items[0];
    expect(miss).toMatchObject({ source: { name: "Wire" }, lang: "en", sample: false });
    expect(miss.url).toMatch(/^https:\/\//);
    expect(miss.publishedAt).toMatch(/Z$/);
    const terms = miss.terms.map((t: { term: string }) => t.term);
    expect(terms).toEqual(expect.arrayContaining(["Huawei", "accelerators"]));
    expect(miss.score).toBeCloseTo(
      miss.terms.reduce((sum: number, t: { z: number }) => sum + t.z, 0),
      2,
    );
    // No tagged article is a miss.
    expect(titles.filter((t: string) => t.includes("Ascend"))).toEqual([]);
  });

  it("answers 404 for an unknown topic", async () => {
    for (const path of ["/api/topics/nope/terms", "/api/topics/nope/misses"]) {
      const { status, body } = await get(path);
      expect(status).toBe(404);
      expect(body.error).toMatchObject({ code: "not_found", message: "no topic 'nope'" });
    }
  });

  it("answers 400 naming a bad parameter", async () => {
    await storeCoverage(s);
    const cases: Array<[string, RegExp]> = [
      ["/api/topics/ascend/terms?limit=0", /^limit: /],
      ["/api/topics/ascend/misses?limit=500", /^limit: /],
      ["/api/topics/ascend/terms?from=yesterday", /^from: /],
      ["/api/topics/ascend/misses?lang=English", /^lang: /],
      ["/api/topics/ascend/terms?from=2025-02-01&to=2025-01-01", /^from: /],
      ["/api/topics/ascend/misses?topic=x", /topic/],
    ];
    for (const [path, message] of cases) {
      const { status, body } = await get(path);
      expect(status, path).toBe(400);
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message, path).toMatch(message);
    }
  });

  it("cli topics misses prints the same misses, as text and as JSON", async () => {
    await storeCoverage(s);
    const env = { DATABASE_URL: `file:${s.t.path}` };
    const text = await runCli(["topics", "misses", "ascend", "--limit", "3"], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Huawei accelerators power new data centres");
    expect(text.stdout).toMatch(/Huawei \d+\.\d/);
    const json = await runCli(["topics", "misses", "ascend", "--json"], env);
    expect(json.code).toBe(0);
    const api = await get("/api/topics/ascend/misses");
    expect(JSON.parse(json.stdout)).toEqual(api.body);
    const unknown = await runCli(["topics", "misses", "nope"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no topic 'nope'");
    const usage = await runCli(["topics", "misses"], env);
    expect(usage.code).toBe(2);
  });
});
