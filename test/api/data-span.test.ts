import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createApp } from "../../server/app";
import { withDataSpan } from "../../server/static-web";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";

const PAGE = '<!doctype html><html><head><title>t</title></head><body><main id="m"></main></body></html>';

/** What the dashboard reads (web/state/data-span.ts): the span meta's content, or null without one. */
const spanOf = (html: string) =>
  /<meta name="tidemark-data-span" content="([^"]*)" \/>/.exec(html)?.[1] ?? null;

describe("the dashboard's pages carry where the stored articles lie", () => {
  let t: TestDatabase;
  let webRoot: string;
  let app: ReturnType<typeof createApp>;
  beforeEach(async () => {
    t = await createTestDatabase();
    webRoot = mkdtempSync(join(tmpdir(), "tidemark-span-"));
    mkdirSync(join(webRoot, "embed"));
    writeFileSync(join(webRoot, "index.html"), PAGE);
    writeFileSync(join(webRoot, "embed", "index.html"), PAGE);
    const config = loadConfig({ DATABASE_URL: `file:${t.path}` });
    app = createApp({ db: t.db, config, log: pino({ level: "silent" }), webRoot });
  });
  afterEach(() => {
    t.destroy();
    rmSync(webRoot, { recursive: true, force: true });
  });

  async function store(times: string[]) {
    const feed = await makeFeed(t.db);
    await storeFeedArticles(t.db, {
      feedId: feed.id,
      articles: times.map((time) => makeArticle({ publishedAt: Date.parse(time) })),
      state: {},
      now: Date.now(),
      tagger: new TopicTagger(),
    });
  }

  it("/ and /embed name the first and last article's times, so 'All' needs no probe", async () => {
    await store(["2025-03-02T10:00:00Z", "2025-01-27T09:30:00Z", "2025-02-10T00:00:00Z"]);
    for (const path of ["/", "/embed"]) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(spanOf(await res.text())).toBe(
        `${Date.parse("2025-01-27T09:30:00Z")} ${Date.parse("2025-03-02T10:00:00Z")}`,
      );
    }
  });

  it("leaves articles dated before 2000 out of the span, as the dashboard's 'All' always has", async () => {
    await store(["1970-01-01T00:00:00Z", "2025-02-10T00:00:00Z"]);
    const html = await (await app.request("/")).text();
    expect(spanOf(html)).toBe(`${Date.parse("2025-02-10T00:00:00Z")} ${Date.parse("2025-02-10T00:00:00Z")}`);
  });

  it("says an empty store is empty, and keeps the rest of the page as built", async () => {
    const html = await (await app.request("/")).text();
    expect(spanOf(html)).toBe("");
    expect(html.replace(/\s*<meta name="tidemark-data-span"[^>]*>\s*/, "")).toBe(PAGE);
  });

  it("inserts the span into the head only", () => {
    expect(withDataSpan(PAGE, { first: 1, last: 2 })).toContain(
      '<meta name="tidemark-data-span" content="1 2" />\n  </head>',
    );
  });
});
