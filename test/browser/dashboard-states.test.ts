import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { recordPassHealth } from "../../db/queries/timeline";
import { chartReady, useDashboard } from "./harness";

interface CoverageJson {
  from: string;
  to: string;
  buckets: string[];
  totals: number[];
  series: Array<{ key: string; label: string; counts: number[]; spikes: Array<{ bucket: string }> }>;
  previous?: { series: Array<{ key: string; counts: number[] }> };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe("the dashboard's states, overview and article list over the sample coverage", () => {
  const dashboard = useDashboard({ sample: true });
  let page: Page;
  let errors: string[];

  async function newPage(options: { width?: number; height?: number } = {}) {
    ({ page, errors } = await dashboard.newPage({
      viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
      timezoneId: "Europe/Berlin",
      locale: "en-GB",
    }));
  }

  async function open(path: string, options: { width?: number; height?: number } = {}) {
    await newPage(options);
    await page.goto(`${dashboard.server.url}${path}`);
    await chartReady(page);
  }

  async function api<T>(path: string): Promise<T> {
    return (await (await fetch(`${dashboard.server.url}${path}`)).json()) as T;
  }

  /** The API's answer for what the page asked (the CSV link carries the page's query). */
  async function pageCoverage(): Promise<CoverageJson> {
    const href = await page.getAttribute("#export-csv", "href");
    return api<CoverageJson>(href!.replace("format=csv", "format=json"));
  }

  /** Pixels of the canvas in the first topic's colour (#0072B2): its line, when one is drawn. */
  const bluePixels = () =>
    page.$eval("#coverage-chart", (canvas) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (
          Math.abs(data[i]! - 0) < 20 &&
          Math.abs(data[i + 1]! - 114) < 20 &&
          Math.abs(data[i + 2]! - 178) < 20
        )
          n++;
      return n;
    });

  // Settled is a final line ("25 articles so far.", "No articles match.", "Could not load …"): before the list's
  // first request the line is empty, which a test on a loaded machine would otherwise take for settled.
  const articlesSettled = () =>
    page.waitForFunction(() => {
      const line = document.querySelector("#articles-status")?.textContent ?? "";
      return line.trim() !== "" && !/Loading/.test(line);
    });

  it("says it is loading while the coverage is on its way", async () => {
    await newPage();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The real server answers; the browser only holds the answer back until the test has looked.
    await page.route(/\/api\/coverage\?/, async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${dashboard.server.url}/?range=custom&from=2025-01-20&to=2025-01-31`);
    await page.waitForSelector(
      "#coverage-figure[data-state=loading] .figure-state:has-text('Loading coverage')",
      {
        state: "visible",
      },
    );
    release();
    await chartReady(page);
    expect(await page.isVisible("#coverage-figure .figure-state")).toBe(false);
    expect(errors).toEqual([]);
  });

  it("says a range without articles is empty, where the coverage is, and shows it on request", async () => {
    await open("/?range=custom&from=2025-01-20&to=2025-01-31").catch(() => undefined);
    await page.selectOption("#range", "7d");
    await page.waitForSelector("#coverage-figure[data-state=empty] button.show-extent");
    const text = await page.textContent("#coverage-figure .figure-state");
    expect(text).toContain("No articles in this range for the selected topics.");
    // The sample's first and last articles, in the page's zone.
    const all = await api<CoverageJson>("/api/coverage?from=2024-01-01&to=2025-12-31&tz=Europe/Berlin");
    const days = all.buckets.filter((_, i) => all.series.some((s) => s.counts[i]! > 0));
    const day = (d: string) =>
      new Intl.DateTimeFormat("en-GB", {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      }).format(Date.parse(d));
    expect(text).toContain(`Coverage exists from ${day(days[0]!)} to ${day(days[days.length - 1]!)}.`);
    await page.click("button.show-extent");
    await page.waitForURL(new RegExp(`range=custom&from=${days[0]}&to=${days[days.length - 1]}`));
    await chartReady(page);
    expect(await page.inputValue("#range")).toBe("custom");
    const shown = await pageCoverage();
    expect(sum(shown.series.flatMap((s) => s.counts))).toBeGreaterThan(800);
    expect(errors).toEqual([]);
  });

  it("clears the chart after a failed request and draws it again on retry", async () => {
    await open("/?range=custom&from=2025-01-20&to=2025-02-10");
    await page.waitForTimeout(400); // the entry animation
    expect(await bluePixels()).toBeGreaterThan(50);
    // The next coverage request fails as a dropped connection would.
    let fail = true;
    await page.route(/\/api\/coverage\?/, (route: Route) =>
      fail ? route.abort("connectionreset") : route.continue(),
    );
    await page.selectOption("#interval", "week");
    await page.waitForSelector("#coverage-figure[data-state=error] button.retry");
    expect(await page.textContent("#coverage-figure .figure-state")).toContain("Could not load coverage.");
    expect(await bluePixels()).toBe(0);
    expect(await page.$$("#overview-cards li")).toHaveLength(0);
    fail = false;
    await page.click("#coverage-figure button.retry");
    await chartReady(page);
    await page.waitForTimeout(400);
    expect(await bluePixels()).toBeGreaterThan(50);
    expect((await pageCoverage()).buckets.length).toBeGreaterThan(0);
    expect(await page.$$("#overview-cards li")).not.toHaveLength(0);
    // The dropped request is the only error the page reports.
    expect(errors.every((e) => /Failed to load resource|ERR_CONNECTION_RESET/.test(e))).toBe(true);
  });

  it("marks the buckets an ingest outage touched as partial data", async () => {
    const reason = "all 4 feeds failed (network 4)";
    await recordPassHealth(dashboard.server.t.db, {
      at: Date.parse("2025-02-03T06:00:00Z"),
      failedWhole: true,
      reason,
    });
    await recordPassHealth(dashboard.server.t.db, {
      at: Date.parse("2025-02-03T18:00:00Z"),
      failedWhole: true,
      reason,
    });
    await recordPassHealth(dashboard.server.t.db, {
      at: Date.parse("2025-02-04T06:00:00Z"),
      failedWhole: false,
      reason: "",
    });
    await open("/?range=custom&from=2025-01-25&to=2025-02-10&topics=r1-release");
    await page.waitForSelector("#partial-note", { state: "visible" });
    expect(await page.textContent("#partial-note")).toBe(
      "Partial data: ingestion was down in 2 of 17 days of this range (shaded, lines dashed); their counts are incomplete.",
    );
    expect(await page.getAttribute("#coverage-figure", "data-partial")).toBe("");
    // Outside the outage the counts are whole.
    await page.close();
    await open("/?range=custom&from=2025-02-10&to=2025-02-20&topics=r1-release");
    expect(await page.isVisible("#partial-note")).toBe(false);
    expect(await page.getAttribute("#coverage-figure", "data-partial")).toBeNull();
    expect(errors).toEqual([]);
  });

  it("lists the articles of the view's topics and range, and follows a change of range", async () => {
    await open("/?range=custom&from=2025-01-27&to=2025-01-27&topics=nvidia-valuation");
    await articlesSettled();
    expect(await page.textContent("#articles-context")).toBe(
      "Newest articles on Nvidia valuation, 27 Jan 2025 – 27 Jan 2025 (Europe/Berlin)",
    );
    const items = await page.$$eval("#article-list > li", (lis) =>
      lis.map((li) => ({
        time: li.querySelector("time")?.getAttribute("datetime") ?? "",
        chips: [...li.querySelectorAll(".chip")].map((c) => c.textContent),
      })),
    );
    const expected = await api<{ total: number }>(
      "/api/articles?topics=nvidia-valuation&from=2025-01-26T23:00:00Z&to=2025-01-27T22:59:59.999Z&total=1&limit=1",
    );
    expect(items.length).toBe(Math.min(25, expected.total));
    for (const item of items) {
      expect(item.chips).toContain("Nvidia valuation");
      expect(Date.parse(item.time)).toBeGreaterThanOrEqual(Date.parse("2025-01-26T23:00:00Z"));
      expect(Date.parse(item.time)).toBeLessThan(Date.parse("2025-01-27T23:00:00Z"));
    }
    // The last 7 days hold none of the sample: the caption says so and no "More articles" shows.
    await page.selectOption("#range", "7d");
    await page.waitForFunction(
      () =>
        /Newest articles on Nvidia valuation, .* \(Europe\/Berlin\)/.test(
          document.querySelector("#articles-context")?.textContent ?? "",
        ) && !(document.querySelector("#articles-context")?.textContent ?? "").includes("2025"),
    );
    await articlesSettled();
    expect(await page.textContent("#articles-status")).toBe("No articles match.");
    expect(await page.$$("#article-list > li")).toHaveLength(0);
    expect(await page.isVisible("#articles-more")).toBe(false);
    expect(errors).toEqual([]);
  });

  it("searches within the selected topics, explains its syntax, and can search every article", async () => {
    await open("/?topics=ascend-chips");
    await articlesSettled();
    expect(await page.getAttribute("#q", "aria-describedby")).toBe("search-help");
    expect(await page.textContent("#search-help")).toContain("leaves out");
    await page.fill("#q", "Nvidia");
    await page.click("#search button[type=submit]");
    await page.waitForFunction(() =>
      (document.querySelector("#articles-context")?.textContent ?? "").startsWith(
        "Search “Nvidia” in articles on Huawei Ascend chips",
      ),
    );
    await articlesSettled();
    const within = await page.$$eval("#article-list > li", (lis) =>
      lis.map((li) => [...li.querySelectorAll(".chip")].map((c) => c.textContent)),
    );
    expect(within.length).toBeGreaterThan(0);
    for (const chips of within) expect(chips).toContain("Huawei Ascend chips");

    await page.check("#search-everywhere");
    await page.waitForFunction(() =>
      (document.querySelector("#articles-context")?.textContent ?? "").startsWith(
        "Search “Nvidia” in every article",
      ),
    );
    await articlesSettled();
    const everywhere = await page.$$eval("#article-list > li", (lis) =>
      lis.map((li) => [...li.querySelectorAll(".chip")].map((c) => c.textContent)),
    );
    expect(everywhere.some((chips) => !chips.includes("Huawei Ascend chips"))).toBe(true);
    expect(errors).toEqual([]);
  });

  it("opens with one overview card per topic: its count, change, sparkline and latest spike", async () => {
    await open(
      "/?range=custom&from=2025-01-15&to=2025-02-15&topics=r1-release,nvidia-valuation,ascend-chips",
    );
    const answer = await pageCoverage();
    const cards = await page.$$eval("#overview-cards > li", (lis) =>
      lis.map((li) => ({
        key: li.getAttribute("data-key"),
        count: Number(li.getAttribute("data-count")),
        change: li.getAttribute("data-change"),
        spike: li.querySelector(".overview-spike")?.textContent ?? "",
        path: li.querySelector("svg.sparkline path")?.getAttribute("d") ?? "",
      })),
    );
    expect(cards.map((c) => c.key)).toEqual(["r1-release", "nvidia-valuation", "ascend-chips"]);
    for (const card of cards) {
      const series = answer.series.find((s) => s.key === card.key)!;
      expect(card.count).toBe(sum(series.counts));
      const before = sum(answer.previous!.series.find((s) => s.key === card.key)!.counts);
      if (before > 0) expect(Number(card.change)).toBeCloseTo((card.count - before) / before, 9);
      expect(card.path.match(/[ML]/g)).toHaveLength(answer.buckets.length);
      const latest = series.spikes[series.spikes.length - 1];
      if (latest) expect(card.spike).toMatch(/^▲ Latest spike: .*2025: \d+ articles$/);
      else expect(card.spike).toBe("No spike in this range");
    }
    expect(cards.some((c) => c.spike.startsWith("▲"))).toBe(true);
    // The cards come before the chart.
    const [cardsTop, chartTop] = await Promise.all([
      page.$eval("#overview", (e) => e.getBoundingClientRect().top),
      page.$eval("#coverage-chart", (e) => e.getBoundingClientRect().top),
    ]);
    expect(cardsTop).toBeLessThan(chartTop);
    expect(errors).toEqual([]);
  });

  it("gives the full date and the bucket's total in the tooltip, read out as the arrow keys move", async () => {
    await open("/?range=custom&from=2025-01-20&to=2025-02-10&topics=r1-release,nvidia-valuation");
    const answer = await pageCoverage();
    await page.focus("#coverage-chart");
    for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowRight");
    const readout = (await page.textContent("#chart-readout")) ?? "";
    const total = answer.totals[7]!;
    expect(readout).toContain("Mon, 27 Jan 2025");
    expect(readout).toContain(`All articles this day: ${total}`);
    for (const s of answer.series) {
      const count = s.counts[7]!;
      const share = `${new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 }).format(count / total)} of ${total}`;
      expect(readout).toContain(`${s.label}: ${count} (${share})`);
    }
    expect(readout).toContain("◆ Nvidia loses $589bn in a day");

    await page.close();
    await open("/?range=custom&from=2025-01-20&to=2025-02-10&interval=week");
    await page.focus("#coverage-chart");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await page.textContent("#chart-readout")).toMatch(
      /^Mon, 27 Jan 2025 – Sun, 2 Feb 2025\. All articles this week: \d+/,
    );
    expect(errors).toEqual([]);
  });

  it("keeps event labels at the chart's edges inside the canvas", async () => {
    // R1's release falls on the first bucket and the Nvidia sell-off on the last: both lines sit at an edge.
    await open("/?range=custom&from=2025-01-20&to=2025-01-27", { width: 700 });
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("#coverage-chart")?.dataset.eventLabels,
    );
    const { labels, width } = await page.$eval("#coverage-chart", (c) => ({
      labels: ((c as HTMLElement).dataset.eventLabels ?? "").split(" ").map((p) => p.split(":").map(Number)),
      width: (c as HTMLCanvasElement).clientWidth,
    }));
    expect(labels).toHaveLength(2);
    for (const [left, right] of labels) {
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(width);
    }
    expect(errors).toEqual([]);
  });

  it("draws breakdown bars in no topic's colour, with “Other” as a line apart", async () => {
    await open("/?range=custom&from=2025-01-15&to=2025-02-15");
    await page.waitForSelector("#breakdown-figure[data-state=ready]");
    await page.waitForTimeout(400); // the bars' animation
    const href = (await page.getAttribute("#export-csv", "href"))!.replace("format=csv", "format=json");
    const split = await api<CoverageJson>(`${href}&by=feed&top=8`.replace("&compare=previous", ""));
    const other = split.series.find((s) => s.key === "other")!;
    expect(await page.textContent(".breakdown-other")).toMatch(
      new RegExp(`^Other outlets, together: ${sum(other.counts)} articles \\(`),
    );
    // The table keeps every row, "Other" included.
    expect(await page.$$("#breakdown-table tr[data-key=other]")).toHaveLength(1);
    const colours = await page.$eval("#breakdown-chart", (canvas) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      const near = (i: number, [r, g, b]: number[]) =>
        Math.abs(data[i]! - r!) < 12 && Math.abs(data[i + 1]! - g!) < 12 && Math.abs(data[i + 2]! - b!) < 12;
      const topics = [
        [0, 114, 178],
        [230, 159, 0],
        [0, 158, 115],
        [204, 121, 167],
        [213, 94, 0],
      ];
      let topic = 0;
      let slate = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (topics.some((t) => near(i, t))) topic++;
        if (near(i, [0x5f, 0x6b, 0x7a])) slate++;
      }
      return { topic, slate };
    });
    expect(colours.topic).toBe(0);
    expect(colours.slate).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
  });

  it("puts the cards and the chart in a phone's first screen, the settings behind one button", async () => {
    await open("/", { width: 390, height: 844 });
    await page.waitForSelector("#overview-cards > li");
    expect(await page.isVisible("#controls")).toBe(false);
    expect(await page.isVisible("#controls-toggle")).toBe(true);
    const chartTop = await page.$eval(
      "#coverage-chart",
      (e) => e.getBoundingClientRect().top + window.scrollY,
    );
    expect(chartTop).toBeLessThan(844);
    const cardsTop = await page.$eval(
      "#overview-cards",
      (e) => e.getBoundingClientRect().top + window.scrollY,
    );
    expect(cardsTop).toBeLessThan(chartTop);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);

    await page.click("#controls-toggle");
    expect(await page.getAttribute("#controls-toggle", "aria-expanded")).toBe("true");
    expect(await page.isVisible("#range")).toBe(true);
    await page.selectOption("#interval", "week");
    await page.waitForURL(/interval=week/);
    await chartReady(page);
    expect(errors).toEqual([]);
  });
});
