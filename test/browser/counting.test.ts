import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chartReady, useDashboard } from "./harness";

interface Series {
  key: string;
  label: string;
  counts: number[];
  groupTotals?: number[];
}
interface CoverageJson {
  buckets: string[];
  series: Series[];
  previous?: { from: string; to: string; series: Series[] };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** The dashboard's group denominator and its change against the previous period, over the sample coverage. */
describe("the dashboard's shares of each group and the previous period", () => {
  const dashboard = useDashboard({ sample: true });
  let page: Page;
  let errors: string[];

  async function open(path: string) {
    ({ page, errors } = await dashboard.newPage({
      viewport: { width: 1280, height: 900 },
      timezoneId: "UTC",
      locale: "en-GB",
    }));
    await page.goto(`${dashboard.server.url}${path}`);
    await chartReady(page);
  }

  const api = async (query: string): Promise<CoverageJson> =>
    (await fetch(`${dashboard.server.url}/api/coverage?${query}`)).json() as Promise<CoverageJson>;

  it("offers each outlet's share of its own coverage, with the API's numbers, and keeps it in the URL", async () => {
    await open("/?range=custom&from=2025-01-20&to=2025-02-09&topics=export-controls");
    await page.waitForSelector("#breakdown-figure[data-state=ready]");
    expect(await page.textContent("#breakdown-share-group")).toBe("Share of each outlet’s coverage");
    await page.selectOption("#breakdown-share", "group");
    await page.waitForURL(/share=group/);
    // The table sits in a closed <details>: attached, not visible.
    await page.waitForSelector("#breakdown-table th:has-text('Share of its coverage')", {
      state: "attached",
    });
    const rows = await page.$$eval("#breakdown-table tbody tr", (trs) =>
      trs.map((tr) => ({
        key: tr.getAttribute("data-key")!,
        count: Number(tr.querySelector("td[data-count]")?.getAttribute("data-count")),
        groupTotal: Number(tr.querySelector("td[data-group-total]")?.getAttribute("data-group-total")),
        share: Number(tr.querySelector("td[data-share]")?.getAttribute("data-share")),
      })),
    );
    const answer = await api(
      "topics=export-controls&from=2025-01-20&to=2025-02-09&tz=UTC&by=feed&top=8&share=group",
    );
    const expected = answer.series.map((s) => {
      const groupTotal = sum(s.groupTotals!);
      return {
        key: s.key,
        count: sum(s.counts),
        groupTotal,
        share: groupTotal === 0 ? 0 : sum(s.counts) / groupTotal,
      };
    });
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.key))).toEqual(new Set(expected.map((r) => r.key)));
    for (const row of rows) {
      const want = expected.find((e) => e.key === row.key)!;
      expect(row.count).toBe(want.count);
      expect(row.groupTotal).toBe(want.groupTotal);
      expect(row.share).toBeCloseTo(want.share, 9);
    }
    // Ordered by share, the largest first; "Other" last.
    const named = rows.filter((r) => r.key !== "other").map((r) => r.share);
    expect(named).toEqual([...named].sort((a, b) => b - a));
    // The choice names the group the breakdown is by, and survives a reload.
    await page.selectOption("#breakdown-by", "lang");
    await page.waitForURL(/by=lang/);
    expect(await page.textContent("#breakdown-share-group")).toBe("Share of each language’s coverage");
    await page.reload();
    await chartReady(page);
    expect(await page.inputValue("#breakdown-share")).toBe("group");
    expect(errors).toEqual([]);
  });

  it("draws each outlet's total from monthly buckets, equal to the chart's days, in a zone off UTC", async () => {
    ({ page, errors } = await dashboard.newPage({
      viewport: { width: 1280, height: 900 },
      timezoneId: "Asia/Tokyo",
      locale: "en-GB",
    }));
    const asked: URL[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/api/coverage" && url.searchParams.get("by") === "feed") asked.push(url);
    });
    const view = "range=custom&from=2025-01-20&to=2025-02-09&topics=export-controls,r1-release";
    await page.goto(`${dashboard.server.url}/?${view}&tz=Asia/Tokyo`);
    await chartReady(page);
    await page.waitForSelector("#breakdown-figure[data-state=ready]");
    const rows = await page.$$eval("#breakdown-table tbody tr", (trs) =>
      trs.map((tr) => ({
        key: tr.getAttribute("data-key")!,
        count: Number(tr.querySelector("td[data-count]")?.getAttribute("data-count")),
      })),
    );
    expect(asked.map((url) => url.searchParams.get("interval"))).toEqual(["month"]);
    const days = await api(
      "topics=export-controls,r1-release&from=2025-01-20&to=2025-02-09&tz=Asia/Tokyo&interval=day&by=feed&top=8",
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(rows).toEqual(
      expect.arrayContaining(days.series.map((series) => ({ key: series.key, count: sum(series.counts) }))),
    );
    expect(rows.length).toBe(days.series.length);
    expect(errors).toEqual([]);
  });

  it("asks about every topic, not every article, for the share view of all topics", async () => {
    await open("/?range=custom&from=2025-01-20&to=2025-02-09&share=group");
    await page.waitForSelector("#breakdown-table th:has-text('Share of its coverage')", {
      state: "attached",
    });
    const shares = await page.$$eval("#breakdown-table td[data-share]", (tds) =>
      tds.map((td) => Number(td.getAttribute("data-share"))),
    );
    expect(shares.length).toBeGreaterThan(1);
    expect(shares.every((x) => x > 0 && x < 1)).toBe(true);
    expect(errors).toEqual([]);
  });

  it("shows each topic's change against the previous period under the chart", async () => {
    await open("/?range=custom&from=2025-02-01&to=2025-02-28");
    await page.waitForSelector("#period-change li");
    const shown = await page.$$eval("#period-change li", (lis) =>
      lis.map((li) => ({
        key: li.getAttribute("data-key")!,
        change: li.getAttribute("data-change")!,
        text: li.textContent!,
      })),
    );
    const answer = await api("from=2025-02-01&to=2025-02-28&tz=UTC&compare=previous");
    expect(answer.previous).toMatchObject({ from: "2025-01-04", to: "2025-01-31" });
    expect(shown.map((s) => s.key)).toEqual(answer.series.map((s) => s.key));
    let compared = 0;
    for (const s of answer.series) {
      const now = sum(s.counts);
      const before = sum(answer.previous!.series.find((p) => p.key === s.key)!.counts);
      const line = shown.find((x) => x.key === s.key)!;
      expect(line.text).toContain(s.label);
      if (before === 0) {
        expect(line.change).toBe("");
        continue;
      }
      compared++;
      const change = (now - before) / before;
      expect(Number(line.change)).toBeCloseTo(change, 9);
      const percent = Math.round(Math.abs(change) * 100);
      if (Math.abs(change) >= 0.1) {
        expect(line.text).toContain(`${change > 0 ? "+" : "-"}${percent}% vs previous 28 days`);
      }
    }
    expect(compared).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
