import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/app";
import { chartReady, useDashboard } from "./harness";

/** A topic name with markup in it: it must reach every export and the embed as text. */
const MARKUP_NAME = `R1 <img src=x onerror="window.__xss=1"> <b>release</b>`;

interface FeedSplit {
  series: Array<{ key: string; counts: number[] }>;
}

/** The <text> contents of an SVG document, entities decoded. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&"),
  );
}

/** Width and height from a PNG's IHDR chunk (bytes 16-23), after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("sharing the chart: PNG and SVG exports and the embed", { timeout: 120_000 }, () => {
  const dashboard = useDashboard({ sample: true });
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const topics = (await (await fetch(`${dashboard.server.url}/api/topics`)).json()) as {
      items: Array<{ slug: string; query: string; color: string; description: string }>;
    };
    const r1 = topics.items.find((t) => t.slug === "r1-release")!;
    const res = await fetch(`${dashboard.server.url}/api/topics/r1-release`, {
      method: "PUT",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({
        name: MARKUP_NAME,
        query: r1.query,
        color: r1.color,
        description: r1.description,
      }),
    });
    expect(res.status).toBe(200);
  });

  async function open(path: string, options: { colorScheme?: "light" | "dark" } = {}) {
    ({ page, errors } = await dashboard.newPage({
      viewport: { width: 1100, height: 800 },
      timezoneId: "Europe/Berlin",
      locale: "en-GB",
      colorScheme: options.colorScheme ?? "light",
    }));
    await page.goto(`${dashboard.server.url}${path}`);
  }

  async function download(button: string): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
    return readFile((await file.path())!);
  }

  const VIEW =
    "/?topics=r1-release,nvidia-valuation&range=custom&from=2025-01-01&to=2025-03-31&interval=week";

  it("exports an SVG with title, range, zone, legend, source line and the view's URL, all as text", async () => {
    await open(VIEW);
    await chartReady(page);
    const svg = (await download("#export-svg")).toString("utf8");
    expect(svg).toMatch(/^<\?xml[^>]*\?>\n<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const texts = svgTexts(svg);
    const split = (await (
      await fetch(
        `${dashboard.server.url}/api/coverage?topics=r1-release,nvidia-valuation&from=2025-01-01&to=2025-03-31&interval=week&tz=Europe/Berlin&by=feed&top=50`,
      )
    ).json()) as FeedSplit;
    const articles = split.series.reduce((a, s) => a + s.counts.reduce((x, y) => x + y, 0), 0);
    const outlets = split.series.filter((s) => s.key !== "other" && s.counts.some((n) => n > 0)).length;
    expect(articles).toBeGreaterThan(100);
    // The title wraps to the picture's width; the document's <title> holds it whole.
    const title = `Articles per week: ${MARKUP_NAME} and Nvidia valuation`;
    expect(texts.join(" ")).toContain(title);
    expect(svgTexts(svg.replace(/<title>([^<]*)<\/title>/, "<text>$1</text>"))[0]).toBe(title);
    expect(texts).toContain("1 Jan 2025 – 31 Mar 2025 · Europe/Berlin");
    expect(texts).toContain(MARKUP_NAME);
    expect(texts).toContain("Nvidia valuation");
    expect(texts).toContain(`Source: Tidemark, ${articles} articles from ${outlets} outlets`);
    // The URL pins the zone, so the link shows what the picture shows wherever it is opened.
    const url = texts.slice(texts.findIndex((t) => t.startsWith(dashboard.server.url))).join("");
    expect(url).toContain(`${dashboard.server.url}/?topics=r1-release,nvidia-valuation&range=custom`);
    expect(url).toContain("tz=Europe%2FBerlin");
    // Axis labels are the chart's own; the markup in the topic's name stayed text.
    expect(texts).toContain("13 Jan 2025");
    expect(texts).toContain("Nvidia loses $589bn in a day");
    expect(svg).not.toMatch(/<(img|b|script|foreignObject)\b/i);
    expect(svg).toContain("&lt;img src=x");
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it("exports a PNG of the same captioned figure at twice its size", async () => {
    await open(VIEW);
    await chartReady(page);
    const chart = await page.$eval("#coverage-chart", (c) => ({
      width: c.clientWidth,
      height: c.clientHeight,
    }));
    const png = pngSize(await download("#export-png"));
    expect(png.width).toBe(2 * chart.width);
    // Title, range and legend above the chart, source and URL below: well over the bare chart's height.
    expect(png.height).toBeGreaterThan(2 * chart.height + 2 * 100);
    expect(errors).toEqual([]);
  });

  it("embeds the chart alone: caption, legend, source and link, no controls, only reads", async () => {
    const requests: Array<{ method: string; path: string }> = [];
    ({ page, errors } = await dashboard.newPage({
      viewport: { width: 640, height: 400 },
      timezoneId: "UTC",
      locale: "en-GB",
    }));
    page.on("request", (r) => requests.push({ method: r.method(), path: new URL(r.url()).pathname }));
    const res = await page.goto(
      `${dashboard.server.url}/embed?topics=nvidia-valuation&interval=week&metric=share`,
    );
    expect(res!.status()).toBe(200);
    await page.waitForSelector("#embed-figure[data-state=ready]");
    await page.waitForFunction(() =>
      /outlets?$/.test(document.querySelector("#embed-source")?.textContent ?? ""),
    );
    expect(await page.textContent("#embed-title")).toBe("Share of all coverage per week: Nvidia valuation");
    expect(await page.$$eval("#embed-legend li", (items) => items.map((li) => li.textContent))).toEqual([
      "Nvidia valuation",
    ]);
    expect(await page.textContent("#embed-range")).toBe("1 Jan 2025 – 31 Mar 2025 · UTC");
    const link = await page.getAttribute("#embed-link", "href");
    expect(link).toBe(`${dashboard.server.url}/?topics=nvidia-valuation&interval=week&tz=UTC&metric=share`);
    expect(await page.$$eval("input, select, button, textarea, form", (nodes) => nodes.length)).toBe(0);
    // The dashboard's tooltip words: the arrow keys name the bucket in full, with its total.
    const box = (await page.$("#embed-chart"))!;
    await box.focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.$eval("#embed-chart", (c) => c.getAttribute("role"))).toBe("img");
    expect(await page.textContent("#embed-readout")).toMatch(
      /^Mon, 30 Dec 2024 – Sun, 5 Jan 2025\. All articles this week: \d+\. Nvidia valuation: \d+/,
    );
    // Its own small bundle: the chart is SVG, drawn without Chart.js.
    expect(await page.$$("canvas")).toEqual([]);
    // Reads only, and nothing that holds a connection or writes: no stream, no POST.
    expect(requests.filter((r) => r.method !== "GET")).toEqual([]);
    const api = requests.filter((r) => r.path.startsWith("/api/")).map((r) => r.path);
    expect(api.length).toBeGreaterThan(0);
    expect(
      api.every((p) => ["/api/coverage", "/api/topics", "/api/events", "/api/outages"].includes(p)),
    ).toBe(true);
    expect(errors).toEqual([]);
  });

  it("draws the embed's chart as SVG: one path per series through the API's numbers, the tooltip's words", async () => {
    ({ page, errors } = await dashboard.newPage({
      viewport: { width: 700, height: 420 },
      timezoneId: "UTC",
      locale: "en-GB",
    }));
    const query =
      "topics=r1-release,nvidia-valuation&range=custom&from=2025-01-01&to=2025-03-31&interval=week";
    await page.goto(`${dashboard.server.url}/embed?${query}`);
    await page.waitForSelector("#embed-figure[data-state=ready]");
    const api = (await (
      await fetch(
        `${dashboard.server.url}/api/coverage?topics=r1-release,nvidia-valuation&from=2025-01-01&to=2025-03-31&interval=week&tz=UTC`,
      )
    ).json()) as { buckets: string[]; totals: number[]; series: Array<{ key: string; counts: number[] }> };
    const lines = await page.$$eval("#embed-chart path.embed-line", (paths) =>
      paths.map((p) => ({ key: p.dataset.key, values: p.dataset.values, d: p.getAttribute("d") ?? "" })),
    );
    expect(lines.map((l) => l.key)).toEqual(["r1-release", "nvidia-valuation"]);
    lines.forEach((line, i) => {
      expect(line.values).toBe(api.series[i]!.counts.join(" "));
      // Thirteen weeks: sparse, so straight segments, one per bucket after the first.
      expect(line.d.match(/[ML]/g)).toHaveLength(api.buckets.length);
    });
    // Each line in its topic's colour, the legend's swatch the same.
    const strokes = await page.$$eval("#embed-chart path.embed-line", (paths) =>
      paths.map((p) => p.getAttribute("stroke")),
    );
    const swatches = await page.$$eval(".embed-swatch", (items) =>
      items.map((s) => getComputedStyle(s).backgroundColor),
    );
    expect(new Set(strokes).size).toBe(2);
    expect(swatches).toHaveLength(2);
    // Readable count ticks from 0 and the weeks' labels along the bottom.
    const texts = await page.$$eval("#embed-chart text", (nodes) => nodes.map((n) => n.textContent));
    expect(texts).toContain("0");
    expect(texts).toContain("13 Jan 2025");
    expect(texts).toContain("Nvidia loses $589bn in a day");
    // The pointer over the fifth week shows its numbers, as the dashboard's tooltip says them.
    const x = await page.$$eval("#embed-chart circle", (dots) => Number(dots[4]!.getAttribute("cx")));
    const chartBox = (await (await page.$("#embed-chart"))!.boundingBox())!;
    await page.mouse.move(chartBox.x + x, chartBox.y + chartBox.height / 2);
    const tip = await page.textContent("#embed-tip");
    const total = api.totals[4]!;
    const r1 = api.series[0]!.counts[4]!;
    expect(tip).toContain("Mon, 27 Jan 2025 – Sun, 2 Feb 2025");
    expect(tip).toContain(`All articles this week: ${total}`);
    expect(tip).toContain(`${MARKUP_NAME}: ${r1} (`);
    expect(await page.isVisible("#embed-tip")).toBe(true);
    expect(await page.$$("#embed-chart img, #embed-chart b")).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("serves the embed under a CSP that lets any site frame it, while / still refuses framing", async () => {
    const embed = await fetch(`${dashboard.server.url}/embed`);
    const csp = embed.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors *");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(embed.headers.get("x-frame-options")).toBeNull();
    const html = await embed.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    const root = await fetch(`${dashboard.server.url}/`);
    expect(root.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(root.headers.get("x-frame-options")).toBe("SAMEORIGIN");

    // Another origin (another port) puts both in iframes: the embed draws, the dashboard is refused.
    const host: Server = createServer((_req, reply) => {
      reply.setHeader("content-type", "text/html; charset=utf-8");
      reply.end(
        `<!doctype html><iframe id="embed" width="600" height="380" src="${dashboard.server.url}/embed?topics=r1-release"></iframe>` +
          `<iframe id="dash" width="600" height="380" src="${dashboard.server.url}/"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    try {
      ({ page } = await dashboard.newPage({ viewport: { width: 1300, height: 500 } }));
      const blocked: string[] = [];
      page.on("console", (m) => blocked.push(m.text()));
      await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
      const embedFrame = await (await page.$("#embed"))!.contentFrame();
      await embedFrame!.waitForSelector("#embed-figure[data-state=ready]");
      expect(await embedFrame!.textContent("#embed-legend")).toContain("R1");
      const dashFrame = await (await page.$("#dash"))!.contentFrame();
      await page.waitForTimeout(300);
      expect(await dashFrame!.$("#controls")).toBeNull();
      expect(blocked.join("\n")).toMatch(/frame-ancestors|refused to (display|frame)/i);
    } finally {
      await new Promise<void>((resolve) => host.close(() => resolve()));
    }
  });

  it("opens the default view with a note naming what a malformed link held, in / and /embed", async () => {
    await open("/embed?range=99d&utm_source=newsletter&tz=Mars%2FOlympus&interval=week");
    await page.waitForSelector("#embed-figure[data-state=ready]");
    const note = await page.textContent("#link-note");
    expect(note).toContain("range=99d");
    expect(note).toContain("utm_source=newsletter (not a setting)");
    expect(note).toContain("tz=Mars/Olympus (not a time zone)");
    expect(await page.textContent("#embed-range")).toContain("Europe/Berlin");
    expect(await page.textContent("#embed-title")).toContain("per week");
    await page.close();

    // A topic deleted since the link was made: the embed draws the rest and says so, as / does.
    await open("/embed?topics=no-such-topic,nvidia-valuation");
    await page.waitForSelector("#embed-figure[data-state=ready]");
    expect(await page.textContent("#link-note")).toContain("topics=no-such-topic (no such topic)");
    expect(await page.textContent("#embed-title")).toBe("Articles per day: Nvidia valuation");
    await page.close();

    await open("/?smooth=5&topics=no-such-topic,nvidia-valuation&bogus=1");
    await chartReady(page);
    await page.waitForSelector("#link-note");
    const main = await page.textContent("#link-note");
    expect(main).toContain("smooth=5 (not one of 0, 3, 7, 14, 28)");
    expect(main).toContain("bogus=1 (not a setting)");
    expect(main).toContain("topics=no-such-topic (no such topic)");
    await page.waitForURL((url) => url.search === "?topics=nvidia-valuation");
    expect(errors.filter((e) => !e.includes("400"))).toEqual([]);
  });
});

describe("the embed of a private install (TIDEMARK_PUBLIC=0)", { timeout: 60_000 }, () => {
  const dashboard = useDashboard({ sample: true, env: { TIDEMARK_PUBLIC: "0" } });

  it("shows no coverage to a visitor without a session: the page sends them to sign in", async () => {
    const res = await fetch(`${dashboard.server.url}/embed?topics=r1-release`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(
      `/signin?next=${encodeURIComponent("/embed?topics=r1-release")}`,
    );
    expect((await fetch(`${dashboard.server.url}/api/coverage?from=2025-01-01&to=2025-01-31`)).status).toBe(
      401,
    );
    const { page } = await dashboard.newPage();
    await page.goto(`${dashboard.server.url}/embed?topics=r1-release`);
    expect(new URL(page.url()).pathname).toBe("/signin");
    expect(await page.$("#embed-chart")).toBeNull();
  });
});
