import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { planBuckets } from "../../core/time/time-buckets";
import { recordPassHealth } from "../../db/queries/timeline";
import { chartReady, useDashboard } from "./harness";

interface CoverageJson {
  from: string;
  to: string;
  tz: string;
  interval: "day" | "week";
  buckets: string[];
  totals: number[];
  series: Array<{
    key: string;
    label: string;
    counts: number[];
    spikes: Array<{ bucket: string; index: number; count: number; baseline: number; threshold: number }>;
  }>;
}

describe("the dashboard over the sample coverage", () => {
  const dashboard = useDashboard({ sample: true });
  let page: Page;
  let errors: string[];

  async function open(path = "/", options: { width?: number; timezoneId?: string } = {}) {
    ({ page, errors } = await dashboard.newPage({
      viewport: { width: options.width ?? 1280, height: 800 },
      timezoneId: options.timezoneId ?? "Europe/Berlin",
      locale: "en-GB",
    }));
    await page.goto(`${dashboard.server.url}${path}`);
    await chartReady(page);
    // The controls are filled once the topic list arrives, after the first chart (main.ts start()); on a phone
    // they are folded away, so present is enough.
    await page.waitForSelector("#topic-toggles input", { state: "attached" });
  }

  /** The API's answer for exactly what the page asked (the CSV link carries the page's query). */
  async function apiCoverage(): Promise<CoverageJson> {
    const csvHref = await page.getAttribute("#export-csv", "href");
    const res = await fetch(`${dashboard.server.url}${csvHref!.replace("format=csv", "format=json")}`);
    return (await res.json()) as CoverageJson;
  }

  /** The data table as numbers: per bucket row, each series' count, then the total. */
  async function tableNumbers(): Promise<{ buckets: string[]; counts: number[][]; totals: number[] }> {
    if (!(await page.$eval("#table-details", (d) => (d as HTMLDetailsElement).open))) {
      await page.click("#table-details > summary");
      await page.waitForSelector("#table-wrap tbody tr");
    }
    return page.$$eval("#table-wrap tbody tr", (rows) => ({
      buckets: rows.map((r) => r.getAttribute("data-bucket") ?? ""),
      counts: rows.map((r) => [...r.querySelectorAll("button.cell")].map((b) => Number(b.textContent))),
      totals: rows.map((r) => Number(r.querySelector("td[data-total]")?.textContent)),
    }));
  }

  it("draws every topic with the API's numbers, in the browser's time zone", async () => {
    await open();
    expect(await page.inputValue("#tz")).toBe("Europe/Berlin");
    const api = await apiCoverage();
    expect(api.tz).toBe("Europe/Berlin");
    expect(api.from).toBe("2025-01-01");
    expect(api.series.map((s) => s.key)).toContain("r1-release");
    const table = await tableNumbers();
    expect(table.buckets).toEqual(api.buckets);
    expect(table.totals).toEqual(api.totals);
    expect(table.counts).toEqual(api.buckets.map((_, b) => api.series.map((s) => s.counts[b])));
    expect(api.totals.reduce((a, b) => a + b, 0)).toBeGreaterThan(800);
    expect(errors).toEqual([]);
  });

  it("sends the chart's own request first, with no probe for where the data lies, and the topic list after its data", async () => {
    ({ page, errors } = await dashboard.newPage({
      viewport: { width: 1280, height: 800 },
      timezoneId: "UTC",
      locale: "en-GB",
    }));
    const log: string[] = [];
    page.on("request", (r) => log.push(`sent ${new URL(r.url()).pathname}${new URL(r.url()).search}`));
    page.on("requestfinished", (r) =>
      log.push(`done ${new URL(r.url()).pathname}${new URL(r.url()).search}`),
    );
    await page.goto(`${dashboard.server.url}/`);
    await chartReady(page);
    await page.waitForSelector("#topic-toggles input");
    const firstChartData = log.findIndex(
      (e) => e.startsWith("done /api/coverage") && e.includes("compare=previous"),
    );
    const topics = log.findIndex((e) => e.startsWith("sent /api/topics"));
    expect(firstChartData).toBeGreaterThanOrEqual(0);
    expect(topics).toBeGreaterThan(firstChartData);
    // "All" spans the data the page carries: the first request is the chart's own, over the sample's months,
    // with no probe for where the coverage lies before it.
    expect(log.find((e) => e.startsWith("sent /api/"))).toMatch(
      /^sent \/api\/coverage\?from=2025-01-01&to=2025-03-31&interval=day&.*compare=previous/,
    );
    // (The terms panel's language split asks by month, after the chart: that is not a probe.)
    const probes = log.filter(
      (e) => e.startsWith("sent /api/coverage") && e.includes("interval=month") && !e.includes("by="),
    );
    expect(probes).toEqual([]);
    // It left while the page's modules were being evaluated, not after them (a continuation after an await runs
    // only once every module, the chart library included, has been).
    const order = await page.evaluate(() => ({
      request: performance
        .getEntriesByType("resource")
        .find((r) => r.name.includes("/api/coverage?") && r.name.includes("compare=previous"))?.startTime,
      pageCode: performance.getEntriesByName("tidemark:page-code")[0]?.startTime,
    }));
    expect(order.request).toBeLessThan(order.pageCode!);
    expect(errors).toEqual([]);
  });

  it("puts control changes in the URL and the data, and back and forward restore them", async () => {
    await open();
    await page.selectOption("#interval", "week");
    await page.waitForURL(/interval=week/);
    await chartReady(page);
    const weekly = await apiCoverage();
    expect(weekly.interval).toBe("week");
    expect((await tableNumbers()).totals).toEqual(weekly.totals);

    await page.click("label.topic-toggle:has(input[value=ascend-chips])");
    await page.waitForURL(/topics=/);
    await chartReady(page);
    const fewer = await apiCoverage();
    expect(fewer.series.map((s) => s.key)).not.toContain("ascend-chips");
    expect(fewer.series.length).toBe(weekly.series.length - 1);

    await page.selectOption("#metric", "share");
    await page.waitForURL(/metric=share/);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("metric"));
    await chartReady(page);
    expect(await page.inputValue("#metric")).toBe("counts");
    expect(await page.isChecked("input[value=ascend-chips]")).toBe(false);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("topics"));
    await chartReady(page);
    expect(await page.isChecked("input[value=ascend-chips]")).toBe(true);
    expect(await page.inputValue("#interval")).toBe("week");

    await page.goForward();
    await page.waitForURL(/topics=/);
    await chartReady(page);
    expect((await apiCoverage()).series.length).toBe(fewer.series.length);
    expect(errors).toEqual([]);
  });

  it("opens a shared link with its range, zone and interval", async () => {
    await open(
      "/?range=custom&from=2025-01-20&to=2025-01-31&tz=Asia%2FTokyo&interval=day&topics=nvidia-valuation",
    );
    const api = await apiCoverage();
    expect(api).toMatchObject({ from: "2025-01-20", to: "2025-01-31", tz: "Asia/Tokyo" });
    expect(api.series.map((s) => s.key)).toEqual(["nvidia-valuation"]);
    expect(await page.inputValue("#range")).toBe("custom");
    expect((await tableNumbers()).counts.map((row) => row[0])).toEqual(api.series[0]!.counts);
    expect(errors).toEqual([]);
  });

  it("lists exactly the articles behind a bucket, from the table and from the keyboard on the chart", async () => {
    await open("/?range=custom&from=2025-01-20&to=2025-02-10&topics=r1-release,nvidia-valuation");
    const api = await apiCoverage();
    const table = await tableNumbers();
    const bucket = api.series[1]!.counts.findIndex((n) => n > 0 && n <= 25);
    const expected = api.series[1]!.counts[bucket]!;
    await page.click(`#table-wrap tbody tr:nth-child(${bucket + 1}) td:nth-of-type(2) button`);
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll("#article-list > li").length === n &&
        /article/.test(document.querySelector("#articles-status")?.textContent ?? ""),
      expected,
    );
    expect(table.counts[bucket]![1]).toBe(expected);
    // Every listed article carries the topic and falls inside the bucket's day in Berlin.
    const { edges } = planBuckets({ from: api.from, to: api.to, interval: "day", tz: api.tz });
    const listed = await page.$$eval("#article-list > li", (items) =>
      items.map((li) => ({
        time: li.querySelector("time")?.getAttribute("datetime") ?? "",
        chips: [...li.querySelectorAll(".chip")].map((c) => c.textContent),
      })),
    );
    for (const item of listed) {
      expect(Date.parse(item.time)).toBeGreaterThanOrEqual(edges[bucket]!);
      expect(Date.parse(item.time)).toBeLessThan(edges[bucket + 1]!);
      expect(item.chips).toContain(api.series[1]!.label);
    }
    expect(
      await page.$$eval("#article-list a.article-title", (links) =>
        links.every(
          (a) =>
            a.getAttribute("target") === "_blank" &&
            a.getAttribute("rel") === "noopener noreferrer" &&
            /^https?:/.test(a.getAttribute("href") ?? ""),
        ),
      ),
    ).toBe(true);

    // Keyboard: focus the chart, step to the 8th bucket (27 Jan), Enter lists the first series there.
    await page.focus("#coverage-chart");
    for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    const r1 = api.series[0]!.counts[7]!;
    await page.waitForFunction(
      (label) => (document.querySelector("#articles-context")?.textContent ?? "").includes(label),
      "27 Jan 2025",
    );
    await page.waitForFunction(
      (n) => document.querySelectorAll("#article-list > li").length === Math.min(n, 25),
      r1,
    );
    expect(errors).toEqual([]);
  });

  it("highlights matched terms and searches the full text", async () => {
    await open("/?range=custom&from=2025-01-27&to=2025-01-27&topics=nvidia-valuation");
    await page.waitForSelector("#article-list > li");
    expect(await page.$$eval("#article-list mark", (marks) => marks.length)).toBeGreaterThan(0);
    await page.fill("#q", "Nvidia");
    await page.click("#search button[type=submit]");
    await page.waitForFunction(() =>
      /Search/.test(document.querySelector("#articles-context")?.textContent ?? ""),
    );
    await page.waitForFunction(
      () => !/Loading/.test(document.querySelector("#articles-status")?.textContent ?? ""),
    );
    const titles = await page.$$eval("#article-list > li", (items) =>
      items.map((li) => li.textContent ?? ""),
    );
    expect(titles.length).toBeGreaterThan(0);
    for (const text of titles) expect(text.toLowerCase()).toContain("nvidia");
    expect(errors).toEqual([]);
  });

  it("marks the seeded story events in the range, in the list under the chart and in the data table", async () => {
    await open("/?range=custom&from=2025-01-15&to=2025-02-05");
    await page.waitForSelector("#timeline-notes li.event");
    const listed = await page.$$eval("#timeline-notes li.event", (items) =>
      items.map((li) => li.textContent),
    );
    expect(listed).toEqual([
      expect.stringContaining("DeepSeek releases R1"),
      expect.stringContaining("Nvidia loses $589bn in a day"),
    ]);
    await tableNumbers();
    const notes = await page.$$eval("#table-wrap tbody tr", (rows) =>
      Object.fromEntries(
        rows
          .filter((r) => r.querySelector("td.note")?.textContent)
          .map((r) => [r.getAttribute("data-bucket"), r.querySelector("td.note")?.textContent]),
      ),
    );
    expect(notes).toEqual({
      "2025-01-20": "◆ DeepSeek releases R1",
      "2025-01-27": "◆ Nvidia loses $589bn in a day",
    });

    // A range without events lists none and has no note column.
    await open("/?range=custom&from=2025-02-10&to=2025-02-20");
    await tableNumbers();
    expect(await page.$$("#timeline-notes li")).toHaveLength(0);
    expect(await page.$$("#table-wrap td.note")).toHaveLength(0);
    expect(errors).toEqual([]);
  });

  it("marks the server's spikes, the ones the alerts would send, with the numbers behind each", async () => {
    const drawnMarks = async () => {
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>("#coverage-chart")?.dataset.spikes !== undefined,
      );
      const drawn = (await page.getAttribute("#coverage-chart", "data-spikes")) ?? "";
      return drawn.split(" ").filter(Boolean).sort();
    };
    const served = (api: CoverageJson) =>
      api.series.flatMap((s) => s.spikes.map((x) => `${s.key}@${x.bucket}`)).sort();

    await open("/?range=custom&from=2025-01-15&to=2025-02-15");
    let api = await apiCoverage();
    expect(served(api).length).toBeGreaterThan(0);
    expect(await drawnMarks()).toEqual(served(api));
    const listed = await page.$$eval("#timeline-notes li.spike", (items) =>
      items.map((li) => [li.getAttribute("data-series"), li.getAttribute("data-bucket"), li.textContent]),
    );
    expect(listed).toEqual(
      api.series.flatMap((s) =>
        s.spikes.map((x) => [
          s.key,
          x.bucket,
          expect.stringMatching(
            new RegExp(
              `^▲ ${s.label}, .*: ${x.count} articles against a baseline of ${x.baseline.toLocaleString("en-GB", { maximumFractionDigits: 1 })} \\(sd [\\d.]+\\); threshold ${x.threshold}$`,
            ),
          ),
        ]),
      ),
    );

    // Weekly, in another zone: the marks follow the server's answer for that view.
    await open("/?range=custom&from=2024-10-01&to=2025-03-31&interval=week&tz=America/New_York");
    api = await apiCoverage();
    expect(api.interval).toBe("week");
    expect(await drawnMarks()).toEqual(served(api));
    expect(errors).toEqual([]);
  });

  it("shades an ingest outage and explains it, so it never reads as a drop in coverage", async () => {
    const db = dashboard.server.t.db;
    const reason = "all 4 feeds failed (network 4)";
    // Whole passes failed from 06:00 UTC on 3 February until a pass got through at 06:00 UTC on the 4th.
    await recordPassHealth(db, { at: Date.parse("2025-02-03T06:00:00Z"), failedWhole: true, reason });
    await recordPassHealth(db, { at: Date.parse("2025-02-03T18:00:00Z"), failedWhole: true, reason });
    await recordPassHealth(db, { at: Date.parse("2025-02-04T06:00:00Z"), failedWhole: false, reason: "" });

    /** The chart draws on the next animation frame after its data arrives; shading is there from the first. */
    const nextFrames = () =>
      page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    /** Pixels of one canvas row that have the outage shade's colour over the light background. */
    const shadedPixels = () =>
      page.$eval("#coverage-chart", (canvas) => {
        const c = canvas as HTMLCanvasElement;
        const row = c.getContext("2d")!.getImageData(0, Math.round(c.height * 0.15), c.width, 1).data;
        let n = 0;
        for (let i = 0; i < row.length; i += 4)
          if (Math.abs(row[i]! - 235) <= 2 && row[i] === row[i + 1] && row[i] === row[i + 2]) n++;
        return n;
      });

    await open("/?range=custom&from=2025-01-25&to=2025-02-10&topics=r1-release");
    await page.waitForSelector("#timeline-notes li.outage");
    await nextFrames();
    const note = await page.textContent("#timeline-notes li.outage");
    expect(note).toContain("Ingestion down from 3 Feb 2025, 07:00 to 4 Feb 2025, 07:00");
    expect(note).toContain("2 failed passes");
    expect(note).toContain(reason);
    expect(note).toContain("not a drop in coverage");
    // Two day buckets of 17 across the chart: wide bands of shade.
    expect(await shadedPixels()).toBeGreaterThan(80);

    await tableNumbers();
    const rows = await page.$$eval("#table-wrap tbody tr[data-outage]", (trs) =>
      trs.map((tr) => [tr.getAttribute("data-bucket"), tr.querySelector("td.note")?.textContent ?? ""]),
    );
    expect(rows.map(([bucket]) => bucket)).toEqual(["2025-02-03", "2025-02-04"]);
    expect(rows[0]![1]).toContain(reason);
    expect(rows[1]![1]).toContain("count incomplete");

    // Outside the outage nothing is shaded or noted.
    await open("/?range=custom&from=2025-02-10&to=2025-02-20&topics=r1-release");
    await nextFrames();
    expect(await page.$$("#timeline-notes li.outage")).toHaveLength(0);
    expect(await shadedPixels()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("shows the breakdown by outlet, language and region, each with a table", async () => {
    await open("/?by=region");
    await page.waitForSelector("#breakdown-figure[data-state=ready]");
    const rows = await page.$$eval("#breakdown-table tbody tr", (trs) =>
      trs.map((tr) => tr.getAttribute("data-key")),
    );
    expect(rows).toEqual(expect.arrayContaining(["global-north", "global-south"]));
    await page.selectOption("#breakdown-by", "lang");
    await page.waitForURL(/by=lang/);
    await chartReady(page);
    await page.waitForFunction(() => document.querySelector("#breakdown-table tr[data-key=zh]") !== null);
    expect(errors).toEqual([]);
  });

  it("asks for the breakdown alone when only the breakdown changes, and for nothing it already has", async () => {
    await open("/?topics=r1-release");
    await page.waitForSelector("#breakdown-figure[data-state=ready]");
    await page.waitForSelector("#spread[data-state=ready], #spread[data-state=empty]");
    // The stories and terms are asked for once the view has held still (web/main.ts, SETTLE_MS), after the
    // spread on a slow machine: their requests must be done before this test counts its own.
    for (const list of ["#story-list", "#top-story-list", "#term-list"])
      await page.waitForSelector(`${list}[data-state=ready], ${list}[data-state=empty]`);
    const sent: string[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith("/api/")) sent.push(`${url.pathname}${url.search}`);
    });
    await page.selectOption("#breakdown-by", "lang");
    await page.waitForFunction(() => document.querySelector("#breakdown-table tr[data-key=zh]") !== null);
    await page.waitForSelector("#breakdown-figure[data-state=ready]");
    // One request, the breakdown's (toEqual, so a failure shows what else was asked).
    expect(sent).toEqual([expect.stringMatching(/^\/api\/coverage\?.*by=lang/)]);
    // Smoothing changes the main chart only: its request, not the breakdown's, the spread's or the list's.
    sent.length = 0;
    await page.selectOption("#smooth", "7");
    await page.waitForSelector('#export-csv[href*="smooth=7"]');
    await chartReady(page);
    await page.waitForSelector("#breakdown-figure[data-state=ready]");
    expect(sent.filter((u) => !u.startsWith("/api/events") && !u.startsWith("/api/outages"))).toEqual([
      expect.stringMatching(/^\/api\/coverage\?.*smooth=7.*compare=previous/),
    ]);
    expect(errors).toEqual([]);
  });

  it("drops the requests of a view the reader has already left", async () => {
    await open("/?topics=r1-release");
    await page.waitForSelector("#breakdown-figure[data-state=ready]");
    const aborted: string[] = [];
    page.on("requestfailed", (r) => {
      if (r.url().includes("/api/coverage")) aborted.push(r.failure()?.errorText ?? "");
    });
    // The next view's answers are held back at the wire until a newer view replaces it.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/api\/coverage\?.*interval=week/, async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    await page.selectOption("#interval", "week");
    await page.waitForURL(/interval=week/);
    await page.selectOption("#interval", "month");
    await page.waitForSelector('#export-csv[href*="interval=month"]');
    await chartReady(page);
    release();
    await page.waitForSelector("#breakdown-figure[data-state=ready]");
    expect(aborted.length).toBeGreaterThanOrEqual(1);
    expect(aborted.every((text) => text.includes("ABORTED"))).toBe(true);
    expect(
      await page.$eval("#coverage-chart", () => new URL(location.href).searchParams.get("interval")),
    ).toBe("month");
    expect(errors).toEqual([]);
  });

  it("fits a 390 px wide phone without sideways scrolling", async () => {
    await open("/", { width: 390 });
    await page.click("#table-details > summary");
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    expect(errors).toEqual([]);
  });
});
