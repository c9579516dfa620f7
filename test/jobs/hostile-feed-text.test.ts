import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseOpml } from "../../core/opml";
import { addFeed, getFeed } from "../../db/queries/feeds";
import { articles } from "../../db/schema";
import { runIngestPass } from "../../jobs/ingest/ingest-pass";
import { createTestApp, type TestApp } from "../helpers/app";
import { runCli } from "../helpers/cli";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";

// Everything a terminal or a bidi-aware renderer acts on, and characters XML 1.0 forbids outright.
const ESC = "\u001b";
const HOSTILE = `${ESC}[2J${ESC}]0;owned\u0007Wire \u202eevil\u202c\u2066 & <b>co</b>\u0001`;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("a hostile feed's own text", () => {
  let s: TestApp;
  let server: FeedServer;
  beforeEach(async () => {
    s = await createTestApp();
    server = await startFeedServer({
      "/feed.json": (_req, res) =>
        res.writeHead(200, { "content-type": "application/feed+json" }).end(
          JSON.stringify({
            version: "https://jsonfeed.org/version/1.1",
            title: HOSTILE,
            home_page_url: "javascript:alert(document.cookie)",
            items: [
              {
                id: "1",
                url: "https://example.org/1",
                title: `Nvidia ${ESC}[31mfalls\u202e`,
                summary: `Shares \u2067slid${ESC}[0m`,
                authors: [{ name: `Jane${ESC}[5m Doe\u202d` }],
              },
            ],
          }),
        ),
    });
  });
  afterEach(async () => {
    await server.close();
    s.t.destroy();
  });

  it("is stored as plain text without control or bidi characters, and a javascript: site link is dropped", async () => {
    const feed = await addFeed(s.t.db, { url: server.url("/feed.json") });
    await runIngestPass(
      { db: s.t.db, allowPrivateUrls: true, log: pino({ level: "silent" }) },
      { scope: "all" },
    );

    const row = (await getFeed(s.t.db, feed.id))!;
    expect(row.lastError).toBeNull();
    expect(row.name).toBe("[2J]0;ownedWire evil & co");
    expect(row.siteUrl).toBeNull();
    const [article] = await s.t.db.select().from(articles);
    expect([article!.title, article!.summary, article!.author]).toEqual([
      "Nvidia [31mfalls",
      "Shares slid[0m",
      "Jane[5m Doe",
    ]);
  });

  it("leaves `feeds list` free of escape codes and exports valid OPML, even from rows stored raw before", async () => {
    // As a row written before the fix would be: straight into the table.
    await addFeed(s.t.db, {
      url: "https://example.org/raw.xml",
      name: HOSTILE,
      siteUrl: "javascript:alert(1)",
    });
    const list = await runCli(["feeds", "list"], { DATABASE_URL: `file:${s.t.path}` });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("Wire evil");
    expect(list.stdout).not.toMatch(UNSAFE);

    const exported = await (await s.app.request("/api/feeds/export")).text();
    expect(exported).not.toMatch(UNSAFE);
    expect(exported).not.toMatch(/&#(?:x0*1b|0*27|0*1|0*7);/i);
    const [back] = await parseOpml(exported);
    expect(back).toMatchObject({
      url: "https://example.org/raw.xml",
      name: expect.stringContaining("& <b>co</b>"),
    });

    const api = await (await s.app.request("/api/feeds")).json();
    expect(api.items[0].siteUrl).toBeNull();
  });
});
