import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { addStoryEvent, recordPassHealth } from "../../db/queries/timeline";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { webRoutes } from "../../server/static-web";
import { ADMIN_TOKEN } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";
import { chartReady, useDashboard } from "./harness";

const PAYLOAD = `<img src=x onerror="window.__xss=1">`;

describe("the dashboard with hostile feed text, admin forms and the live stream", () => {
  const dashboard = useDashboard();
  let webDir: string;
  let page: Page;
  let errors: string[];
  const tagger = new TopicTagger();

  beforeAll(async () => {
    webDir = inject("dashboardDir");
    const db = dashboard.server.t.db;
    await createTopic(db, { slug: "nvidia", name: `Nvidia ${PAYLOAD}`, color: "#0072B2", query: "nvidia" });
    const feed = await makeFeed(db, { name: `Evil Outlet ${PAYLOAD}`, country: "DE" });
    // Stored through the real store path, bypassing the normalizer that would strip tags from a real feed:
    // the dashboard must be safe on its own.
    await storeFeedArticles(db, {
      feedId: feed.id,
      articles: [
        makeArticle({
          title: `${PAYLOAD} Nvidia <script>window.__xss=2</script>`,
          summary: `<svg onload="window.__xss=3">Nvidia</svg> <a href="javascript:window.__xss=4">click</a>`,
          url: "javascript:window.__xss=5",
          publishedAt: Date.parse("2025-01-27T10:00:00Z"),
        }),
      ],
      state: {},
      now: Date.now(),
      tagger,
    });
    // Event labels come from admins and outage reasons from error messages: text all the same.
    await addStoryEvent(db, {
      at: Date.parse("2025-01-27T08:00:00Z"),
      label: `Sell-off ${PAYLOAD}`,
      url: "javascript:window.__xss=6",
    });
    await recordPassHealth(db, {
      at: Date.parse("2025-01-27T12:00:00Z"),
      failedWhole: true,
      reason: `all 1 feeds failed (${PAYLOAD})`,
    });
    await recordPassHealth(db, { at: Date.parse("2025-01-27T18:00:00Z"), failedWhole: false, reason: "" });
  });

  async function open(path: string) {
    ({ page, errors } = await dashboard.newPage({
      viewport: { width: 1280, height: 800 },
      timezoneId: "UTC",
      locale: "en-GB",
    }));
    await page.goto(`${dashboard.server.url}${path}`);
    await chartReady(page);
  }

  it("renders markup in titles, summaries, outlet and topic names as text and runs none of it", async () => {
    await open("/?range=custom&from=2025-01-27&to=2025-01-27");
    await page.waitForSelector("#article-list > li");
    await page.waitForSelector("#feeds-body tr");
    const article = await page.textContent("#article-list > li");
    expect(article).toContain(`${PAYLOAD} Nvidia <script>window.__xss=2</script>`);
    expect(article).toContain(`<svg onload="window.__xss=3">Nvidia</svg>`);
    expect(article).toContain(`Evil Outlet ${PAYLOAD}`);
    expect(await page.textContent("#feeds-body")).toContain(`Evil Outlet ${PAYLOAD}`);
    expect(await page.textContent("#topic-toggles")).toContain(`Nvidia ${PAYLOAD}`);
    await page.waitForSelector("#spread[data-state=ready]");
    expect(await page.textContent("#spread .spread-title")).toBe(`Spread of Nvidia ${PAYLOAD}`);
    expect(await page.getAttribute("#spread .spread-place", "title")).toContain(
      `"${PAYLOAD} Nvidia <script>window.__xss=2</script>" (Evil Outlet ${PAYLOAD})`,
    );
    expect(
      await page.$$eval("main img, main svg:not(.sparkline), main script", (nodes) => nodes.length),
    ).toBe(0);
    // The overview's sparklines are the one SVG: built with DOM APIs, a path and nothing from the feed inside.
    const sparklines = await page.$$eval("main svg.sparkline", (svgs) =>
      svgs.map((svg) => [...svg.querySelectorAll("*")].map((n) => n.tagName).join(",")),
    );
    expect(sparklines.length).toBeGreaterThan(0);
    expect(sparklines.every((tags) => tags === "path")).toBe(true);
    expect(await page.textContent("#overview-cards")).toContain(`Nvidia ${PAYLOAD}`);
    // A javascript: URL is no link at all.
    expect(await page.$$eval("#article-list a.article-title", (links) => links.length)).toBe(0);
    await page.waitForSelector("#timeline-notes li.outage");
    const notes = await page.textContent("#timeline-notes");
    expect(notes).toContain(`Sell-off ${PAYLOAD}`);
    expect(notes).toContain(`all 1 feeds failed (${PAYLOAD})`);
    expect(await page.$$eval("#timeline-notes a", (links) => links.length)).toBe(0);
    await page.click("#table-details > summary");
    expect(await page.textContent("#table-wrap td.note")).toContain(PAYLOAD);
    await page.hover("#coverage-chart");
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it("serves the page under a CSP without inline script, assets immutable, the page revalidated", async () => {
    const res = await fetch(`${dashboard.server.url}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${dashboard.server.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toContain("javascript");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${dashboard.server.url}/assets/..%2Findex.html`)).status).toBe(404);
    expect((await fetch(`${dashboard.server.url}/assets/missing-123.js`)).status).toBe(404);
    expect(webDir).toBeTruthy();
  });

  it("answers 503 naming the build command before the dashboard is built", async () => {
    const res = await webRoutes({ webRoot: "/nonexistent/tidemark-web" }).request("/");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build:web");
  });

  it("asks for the admin token before adding a feed, and adds it with the token", async () => {
    await open("/");
    await page.click("#sources details.admin > summary");
    await page.fill("#add-feed input[name=url]", "https://feeds.example.org/new.xml");
    await page.fill("#add-feed input[name=name]", "New Outlet");
    await page.click("#add-feed button[type=submit]");
    expect(await page.textContent("#admin-status")).toContain("admin token");
    await page.fill("#admin-token", "wrong-token");
    await page.click("#add-feed button[type=submit]");
    await page.waitForFunction(() =>
      /refused/.test(document.querySelector("#admin-status")?.textContent ?? ""),
    );
    await page.fill("#admin-token", ADMIN_TOKEN);
    await page.fill("#add-feed input[name=url]", "https://feeds.example.org/new.xml");
    await page.click("#add-feed button[type=submit]");
    await page.waitForFunction(() =>
      /New Outlet/.test(document.querySelector("#feeds-body")?.textContent ?? ""),
    );
    expect(await page.evaluate(() => sessionStorage.getItem("tidemark.adminToken"))).toBe(ADMIN_TOKEN);
    // The refused request is the browser's only console error: a 401 it logs itself.
    expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
  });

  it("imports an OPML file with the admin token", async () => {
    await open("/");
    await page.click("#sources details.admin > summary");
    await page.fill("#admin-token", ADMIN_TOKEN);
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
      <outline type="rss" text="Opml One" xmlUrl="https://one.example.org/feed.xml"/>
      <outline type="rss" text="Opml Two" xmlUrl="https://two.example.org/rss"/>
    </body></opml>`;
    await page.setInputFiles("#opml-file", {
      name: "feeds.opml",
      mimeType: "text/x-opml",
      buffer: Buffer.from(opml),
    });
    await page.click("#import-opml button[type=submit]");
    await page.waitForFunction(() =>
      /Found 2 feeds/.test(document.querySelector("#admin-status")?.textContent ?? ""),
    );
    expect(await page.textContent("#admin-status")).toContain("added 2");
    await page.waitForFunction(() =>
      /Opml Two/.test(document.querySelector("#feeds-body")?.textContent ?? ""),
    );
    expect(errors).toEqual([]);
  });

  it("shows a newly stored article from the live stream without a reload", async () => {
    await open("/");
    await page.waitForSelector("#live-status[data-state=open]");
    const feed = await makeFeed(dashboard.server.t.db, { name: "Live Wire" });
    await storeFeedArticles(dashboard.server.t.db, {
      feedId: feed.id,
      articles: [makeArticle({ title: "Nvidia live headline", publishedAt: Date.now() - 60_000 })],
      state: {},
      now: Date.now(),
      tagger,
    });
    await page.waitForFunction(() =>
      /Nvidia live headline/.test(document.querySelector("#live-list")?.textContent ?? ""),
    );
    expect(await page.textContent("#live-list")).toContain("Live Wire");
    expect(errors).toEqual([]);
  });
});
