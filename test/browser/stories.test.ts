import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { makeArticle, makeFeed } from "../helpers/factories";
import {
  chartReady,
  type DashboardServer,
  launchChromium,
  startDashboardServer,
  watchErrors,
} from "./harness";

interface Story {
  id: number;
  title: string;
  articles: number;
  outlets: number;
  countries: number;
  spark: { counts: number[] };
}
interface Group {
  key: string;
  lagMinutes: number;
}
interface Spread {
  languages: Group[];
  countries: Group[];
  regions: Group[];
}

// 15 Jan to 15 Feb 2025 in Europe/Berlin (CET, +01:00), as instants: what the page asks the API for.
const RANGE = "range=custom&from=2025-01-15&to=2025-02-15&tz=Europe/Berlin";
const FROM = "2025-01-14T23:00:00.000Z";
const TO = "2025-02-15T22:59:59.999Z";
/** The article list's page (web/articles/list.ts). */
const PAGE = 25;

/**
 * The stories and terms of the dashboard over the sample coverage, against what the API answers for the page's
 * topics, range, zone and filters: the Stories panel, a story's page (in the URL, with the back button), the first
 * topic's distinctive terms and most-run stories, and the chart's switch between articles and stories.
 */
describe("stories and terms in the dashboard", () => {
  let server: DashboardServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, close: closeBrowser } = await launchChromium());
    server = await startDashboardServer(inject("dashboardDir"), { sample: true });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });
  afterEach(async () => {
    await page?.close();
  });

  async function open(path: string): Promise<void> {
    page = await browser.newPage({ timezoneId: "Europe/Berlin", locale: "en-GB" });
    errors = watchErrors(page);
    await page.goto(`${server.url}${path}`);
    await chartReady(page);
  }

  async function api<T>(path: string): Promise<T> {
    return (await (await fetch(`${server.url}${path}`)).json()) as T;
  }

  const listed = (list: string) =>
    page
      .waitForSelector(`#${list}[data-state=ready]`, { state: "attached" })
      .then(() =>
        page.$$eval(`#${list} .story`, (items) => items.map((li) => Number((li as HTMLElement).dataset.id))),
      );

  it("lists the view's largest stories as the API answers, and follows its topics and filters", async () => {
    await open(`/?${RANGE}&topics=r1-release,nvidia-valuation`);
    const expected = await api<{ items: Story[] }>(
      `/api/stories?topics=r1-release,nvidia-valuation&from=${FROM}&to=${TO}&sort=size&limit=10`,
    );
    expect(expected.items.length).toBeGreaterThan(3);
    expect(expected.items[0]!.articles).toBeGreaterThan(1);
    expect(await listed("story-list")).toEqual(expected.items.map((s) => s.id));
    const first = page.locator("#story-list .story").first();
    const top = expected.items[0]!;
    expect(await first.locator(".story-title").textContent()).toBe(top.title);
    expect(await first.locator(".story-size").textContent()).toMatch(
      new RegExp(`^${top.articles} articles from ${top.outlets} outlets? in ${top.countries} countr`),
    );
    expect(await first.locator(".story-first").textContent()).toMatch(
      /^first .+, \d+ \w+ \d\d:\d\d Europe\/Berlin$/,
    );
    expect(await first.locator("svg.story-spark").getAttribute("aria-label")).toContain(
      top.spark.counts.join(", "),
    );
    // A filter of the page narrows the stories too.
    await page.goto(`${server.url}/?${RANGE}&topics=r1-release,nvidia-valuation&region=south`);
    await chartReady(page);
    const south = await api<{ items: Story[] }>(
      `/api/stories?topics=r1-release,nvidia-valuation&from=${FROM}&to=${TO}&sort=size&limit=10&region=south`,
    );
    expect(south.items.map((s) => s.id)).not.toEqual(expected.items.map((s) => s.id));
    expect(await listed("story-list")).toEqual(south.items.map((s) => s.id));
    expect(errors).toEqual([]);
  });

  it("opens a story's page with its copies and spread, kept in the URL so back and forward work", async () => {
    await open(`/?${RANGE}&topics=r1-release`);
    const ids = await listed("story-list");
    const id = ids[0]!;
    await page.click(`#story-list .story[data-id="${id}"] .story-title`);
    await page.waitForSelector(`#story-page[data-state=ready][data-story="${id}"]`);
    expect(new URL(page.url()).searchParams.get("story")).toBe(String(id));
    const story = await api<Story & { items: Array<{ id: number; title: string }> }>(`/api/stories/${id}`);
    expect(await page.textContent("#story-title")).toBe(story.title);
    const rows = await page.$$eval("#story-page .story-copies tbody tr", (trs) =>
      trs.map((tr) => Number((tr as HTMLElement).dataset.id)),
    );
    expect(rows).toEqual(story.items.map((a) => a.id));
    expect(await page.textContent("#story-page .story-copies tbody tr td.lag")).toBe("first");
    const spread = await api<Spread>(`/api/stories/${id}/spread?tz=Europe/Berlin`);
    const keys = await page.$$eval("#story-page .spread-place", (spans) =>
      spans.map((s) => (s as HTMLElement).dataset.key),
    );
    expect(keys.sort()).toEqual(
      [...spread.languages, ...spread.countries, ...spread.regions].map((g) => g.key).sort(),
    );
    // The back button closes the page and leaves the view as it was; forward opens it again.
    await page.goBack();
    await page.waitForSelector("#story-page", { state: "hidden" });
    expect(new URL(page.url()).searchParams.get("story")).toBeNull();
    await page.goForward();
    await page.waitForSelector(`#story-page[data-state=ready][data-story="${id}"]`);
    // A link to the story opens it at once; a story that does not exist says so.
    await page.goto(`${server.url}/?story=${id}`);
    await page.waitForSelector(`#story-page[data-state=ready][data-story="${id}"]`);
    await page.goto(`${server.url}/?story=999999`);
    await page.waitForSelector("#story-page[data-state=empty]");
    expect(await page.textContent("#story-title")).toBe("No such story");
    expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
  });

  it("shows the first topic's distinctive terms per language, each listing the articles that use it", async () => {
    await open(`/?${RANGE}&topics=nvidia-valuation,r1-release`);
    await page.waitForSelector("#term-list[data-state=ready]", { state: "attached" });
    const terms = await api<{ items: Array<{ term: string }> }>(
      `/api/topics/nvidia-valuation/terms?from=${FROM}&to=${TO}&limit=12`,
    );
    const shown = () =>
      page.$$eval("#term-list li", (lis) => lis.map((li) => (li as HTMLElement).dataset.term ?? ""));
    expect(await shown()).toEqual(terms.items.map((t) => t.term));
    const term = terms.items[0]!.term;
    await page.click(`#term-list li:first-child a.term`);
    expect(await page.inputValue("#q")).toBe(`"${term}"`);
    await page.waitForFunction(
      (t) =>
        document
          .getElementById("articles-context")
          ?.textContent?.startsWith(`Search “"${t}"” in articles on `),
      term,
    );
    const matches = await api<{ items: Array<{ id: number }> }>(
      `/api/articles?topics=nvidia-valuation&q=${encodeURIComponent(`"${term}"`)}&from=${FROM}&to=${TO}&limit=${PAGE}`,
    );
    expect(matches.items.length).toBeGreaterThan(0);
    await page.waitForFunction(
      (n) => document.querySelectorAll("#article-list .article").length === n,
      matches.items.length,
    );
    expect(
      await page.$$eval("#article-list .article", (lis) =>
        lis.map((li) => Number((li as HTMLElement).dataset.articleId)),
      ),
    ).toEqual(matches.items.map((a) => a.id));
    // Another language: the terms of the topic's articles in it.
    const lang = await page.getAttribute("#term-langs button:nth-child(2)", "data-lang");
    expect(lang).toMatch(/^[a-z]{2,3}$/);
    await page.click("#term-langs button:nth-child(2)");
    await page.waitForSelector(`#term-langs button[data-lang="${lang}"][aria-pressed=true]`);
    await page.waitForSelector("#term-list[data-state=ready]", { state: "attached" });
    const inLang = await api<{ items: Array<{ term: string }> }>(
      `/api/topics/nvidia-valuation/terms?from=${FROM}&to=${TO}&limit=12&lang=${lang}`,
    );
    await page.waitForFunction(
      (first) => document.querySelector<HTMLElement>("#term-list li")?.dataset.term === first,
      inLang.items[0]?.term,
    );
    expect(await shown()).toEqual(inLang.items.map((t) => t.term));
    // Beside them: of the topic's 30 largest stories, the five most outlets ran.
    const largest = await api<{ items: Story[] }>(
      `/api/stories?topics=nvidia-valuation&from=${FROM}&to=${TO}&sort=size&limit=30`,
    );
    const most = [...largest.items]
      .sort((a, b) => b.outlets - a.outlets || b.articles - a.articles)
      .slice(0, 5)
      .map((s) => s.id);
    expect(await listed("top-story-list")).toEqual(most);
    expect(errors).toEqual([]);
  });

  it("reads the terms under the page's filters, as the chart counts, and again when they change", async () => {
    const termsOf = (query: string) =>
      api<{ items: Array<{ term: string }>; articles: { topic: number } }>(
        `/api/topics/nvidia-valuation/terms?from=${FROM}&to=${TO}&limit=12${query}`,
      );
    const shown = () =>
      page.$$eval("#term-list li", (lis) => lis.map((li) => (li as HTMLElement).dataset.term ?? ""));
    /** Waits until the panel is ready with exactly these terms, in this order. */
    const showing = (terms: { items: Array<{ term: string }> }) =>
      page.waitForFunction(
        (want) =>
          document.querySelector("#term-list[data-state=ready]") !== null &&
          JSON.stringify(
            [...document.querySelectorAll<HTMLElement>("#term-list li")].map((li) => li.dataset.term),
          ) === want,
        JSON.stringify(terms.items.map((t) => t.term)),
        { timeout: 10_000 },
      );
    const everywhere = await termsOf("");
    const south = await termsOf("&region=south");
    expect(south.articles.topic).toBeGreaterThan(0);
    expect(south.articles.topic).toBeLessThan(everywhere.articles.topic);
    expect(south.items.map((t) => t.term)).not.toEqual(everywhere.items.map((t) => t.term));

    await open(`/?${RANGE}&topics=nvidia-valuation`);
    await showing(everywhere);
    expect(await shown()).toEqual(everywhere.items.map((t) => t.term));
    const asked: URLSearchParams[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.pathname.endsWith("/terms")) asked.push(url.searchParams);
    });
    // The filter set in the page's state (as a link followed in it, or the back button, sets it): the terms of the
    // Global South's outlets, set against the rest of the Global South's coverage.
    await page.evaluate(() => {
      history.pushState(null, "", `${location.search}&region=south`);
      dispatchEvent(new PopStateEvent("popstate"));
    });
    await showing(south);
    expect(await shown()).toEqual(south.items.map((t) => t.term));
    expect(asked.at(-1)?.get("region")).toBe("south");
    expect(asked.at(-1)?.get("from")).toBe(FROM);
    // A language filter: its languages are the tabs, and each reads under the other filters too.
    await page.goto(`${server.url}/?${RANGE}&topics=nvidia-valuation&region=south&lang=en`);
    await chartReady(page);
    const english = await termsOf("&region=south&lang=en");
    await showing(english);
    expect(await shown()).toEqual(english.items.map((t) => t.term));
    expect(asked.at(-1)?.get("lang")).toBe("en");
    expect(asked.at(-1)?.get("region")).toBe("south");
    expect(errors).toEqual([]);
  });

  it("switches the chart between articles and stories, in the URL, and the embed follows", async () => {
    await open(`/?${RANGE}&topics=r1-release`);
    const total = (unit: string) =>
      api<{ totals: number[] }>(
        `/api/coverage?topics=r1-release&from=2025-01-15&to=2025-02-15&tz=Europe/Berlin&interval=day&unit=${unit}`,
      ).then((c) => c.totals.reduce((a, b) => a + b, 0));
    const articles = await total("articles");
    const stories = await total("stories");
    expect(stories).toBeLessThan(articles);
    expect(await page.textContent("#coverage-summary")).toContain(`${articles} articles in all`);
    await page.selectOption("#unit", "stories");
    await page.waitForFunction(
      (n) => document.getElementById("coverage-summary")?.textContent?.includes(`${n} stories in all`),
      stories,
    );
    expect(new URL(page.url()).searchParams.get("unit")).toBe("stories");
    await page.goBack();
    await page.waitForFunction(
      (n) => document.getElementById("coverage-summary")?.textContent?.includes(`${n} articles in all`),
      articles,
    );
    expect(await page.inputValue("#unit")).toBe("articles");
    // The embed of the same link counts stories too, and says so.
    const asked: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/coverage")) asked.push(r.url());
    });
    await page.goto(`${server.url}/embed?${RANGE}&topics=r1-release&unit=stories`);
    await page.waitForSelector("#embed-figure[data-state=ready]");
    expect(await page.textContent("#embed-title")).toMatch(/^Stories per day/);
    expect(asked.some((url) => new URL(url).searchParams.get("unit") === "stories")).toBe(true);
    expect(errors).toEqual([]);
  });

  it("says when the view has no story, and when the stories could not be loaded, with a retry", async () => {
    page = await browser.newPage({ timezoneId: "Europe/Berlin", locale: "en-GB" });
    errors = watchErrors(page);
    // A range before the sample: the chart is empty, and so is the list.
    await page.goto(`${server.url}/?range=custom&from=2024-01-01&to=2024-01-31&tz=Europe/Berlin`);
    await page.waitForSelector("#coverage-figure[data-state=empty]", { state: "attached" });
    await page.waitForSelector("#story-list[data-state=empty]", { state: "attached" });
    expect(await page.textContent("#stories-status")).toContain("No story in this range");
    await page.close();
    page = await browser.newPage({ timezoneId: "Europe/Berlin", locale: "en-GB" });
    errors = watchErrors(page);
    let fail = true;
    await page.route(/\/api\/stories\?/, (route) =>
      fail
        ? route.fulfill({
            status: 503,
            contentType: "application/json",
            body: JSON.stringify({ error: { code: "unavailable", message: "the store is busy" } }),
          })
        : route.continue(),
    );
    await page.goto(`${server.url}/?${RANGE}&topics=r1-release`);
    await page.waitForSelector("#story-list[data-state=error]", { state: "attached" });
    expect(await page.textContent("#stories-status")).toContain(
      "Could not load the stories. the store is busy",
    );
    fail = false;
    await page.click("#stories-status button.retry");
    await page.waitForSelector("#story-list[data-state=ready]", { state: "attached" });
  });
});

const PAYLOAD = `<img src=x onerror="window.__xss=1">`;

describe("stories with hostile feed text", () => {
  let server: DashboardServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ browser, close: closeBrowser } = await launchChromium());
    server = await startDashboardServer(inject("dashboardDir"));
    const db = server.t.db;
    await createTopic(db, { slug: "nvidia", name: `Nvidia ${PAYLOAD}`, color: "#0072B2", query: "nvidia" });
    const title = `${PAYLOAD} Nvidia <script>window.__xss=2</script> shares slide`;
    const summary = `<svg onload="window.__xss=3">Nvidia</svg> lost a record share of its market value on Monday.`;
    // The same text from two outlets: one story of two copies, its headline and outlets all markup.
    for (const [i, country] of ["US", "NG"].entries()) {
      const feed = await makeFeed(db, { name: `Evil Outlet ${i} ${PAYLOAD}`, country });
      await storeFeedArticles(db, {
        feedId: feed.id,
        articles: [
          makeArticle({
            title,
            summary,
            url: i === 0 ? "javascript:window.__xss=5" : `https://news.example/evil-${i}`,
            publishedAt: Date.parse(`2025-01-27T1${i}:00:00Z`),
          }),
        ],
        state: {},
        now: Date.now(),
        tagger: new TopicTagger(),
      });
    }
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });
  afterEach(async () => {
    await page?.close();
  });

  it("renders a hostile headline and outlet as text in the list, the terms and the story page", async () => {
    page = await browser.newPage({ timezoneId: "UTC", locale: "en-GB" });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/?range=custom&from=2025-01-27&to=2025-01-27`);
    await chartReady(page);
    await page.waitForSelector("#story-list[data-state=ready]");
    const title = `${PAYLOAD} Nvidia <script>window.__xss=2</script> shares slide`;
    expect(await page.textContent("#story-list .story-title")).toBe(title);
    expect(await page.textContent("#story-list .story-first")).toContain(`Evil Outlet 0 ${PAYLOAD}`);
    await page.waitForSelector("#top-story-list[data-state=ready]");
    expect(await page.textContent("#top-stories-title")).toBe(`Nvidia ${PAYLOAD}: stories most outlets ran`);
    await page.waitForSelector("#term-list[data-state]:not([data-state=loading])", { state: "attached" });
    await page.click("#story-list .story-title");
    await page.waitForSelector("#story-page[data-state=ready]");
    expect(await page.textContent("#story-title")).toBe(title);
    const copies = await page.$$eval("#story-page .story-copies tbody tr", (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)),
    );
    expect(copies.map((c) => [c[2], c[5]])).toEqual([
      [`Evil Outlet 0 ${PAYLOAD}`, title],
      [`Evil Outlet 1 ${PAYLOAD}`, title],
    ]);
    // A javascript: URL is no link; the https one is.
    expect(
      await page.$$eval("#story-page a.copy-title", (links) => links.map((a) => a.getAttribute("href"))),
    ).toEqual(["https://news.example/evil-1"]);
    expect(await page.getAttribute("#story-page .spread-place", "title")).toContain(`"${title}"`);
    expect(
      await page.$$eval("main img, main svg:not(.sparkline), main script", (nodes) => nodes.length),
    ).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
  });
});
