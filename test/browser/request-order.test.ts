import { describe, expect, it } from "vitest";
import { chartReady, useDashboard } from "./harness";

/**
 * The order of a new view's requests (web/main.ts): on a large store one read worker may be all that is free
 * (the other on a slow read), so the main chart's coverage must not queue behind its breakdown's.
 */
describe("a new view's requests", () => {
  const dashboard = useDashboard({ sample: true });

  it("asks for the chart's coverage before the breakdown's when a control changes both", async () => {
    const { page, errors } = await dashboard.newPage({
      viewport: { width: 1280, height: 800 },
      timezoneId: "UTC",
    });
    await page.goto(`${dashboard.server.url}/`);
    await chartReady(page);
    await page.waitForSelector("#breakdown-figure[data-state=ready]");
    const coverage: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      // The breakdown is by outlet; the terms panel's by=lang request is its own (asked once the view settles).
      if (url.pathname !== "/api/coverage" || url.searchParams.get("by") === "lang") return;
      coverage.push(url.searchParams.has("by") ? "breakdown" : "chart");
    });
    await page.fill("#tz", "Asia/Tokyo");
    await page.dispatchEvent("#tz", "change");
    await page.waitForURL(/tz=Asia%2FTokyo/);
    await chartReady(page);
    await page.waitForSelector("#breakdown-figure[data-state=ready]");
    expect(coverage.slice(0, 2)).toEqual(["chart", "breakdown"]);
    expect(errors).toEqual([]);
  });
});
