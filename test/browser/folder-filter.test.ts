import { beforeAll, describe, expect, it } from "vitest";
import { updateFeed } from "../../db/queries/feeds";
import { chartReady, useDashboard } from "./harness";

/**
 * Issue 13: a link with `folder=Africa` narrows every number of the dashboard to the feeds filed under Africa,
 * as the API's folder filter does: the summary's total is the API's, and every count it asks for carries it.
 */
describe("a dashboard link with a folder", () => {
  const dashboard = useDashboard({ sample: true });
  beforeAll(async () => {
    const feeds = (await (await fetch(`${dashboard.server.url}/api/feeds`)).json()) as {
      items: Array<{ id: number }>;
    };
    // Two of the sample outlets, so the folder holds some of the coverage but not all of it.
    for (const feed of feeds.items.slice(0, 2))
      await updateFeed(dashboard.server.t.db, feed.id, { folder: "Africa" });
  });

  const total = async (query: string) => {
    const res = await fetch(
      `${dashboard.server.url}/api/coverage?from=2025-01-15&to=2025-02-15&tz=Europe/Berlin&${query}`,
    );
    const body = (await res.json()) as { totals: number[] };
    return body.totals.reduce((sum, n) => sum + n, 0);
  };

  it("shows the folder's total and sends the folder with every count", async () => {
    const { page, errors } = await dashboard.newPage({ timezoneId: "Europe/Berlin", locale: "en-GB" });
    const asked: string[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (/^\/api\/(coverage|articles|topics\/[^/]+\/spread)$/.test(url.pathname)) asked.push(url.search);
    });
    await page.goto(
      `${dashboard.server.url}/?range=custom&from=2025-01-15&to=2025-02-15&topics=r1-release&folder=Africa`,
    );
    await chartReady(page);
    const inFolder = await total("topics=r1-release&folder=Africa");
    expect(inFolder).toBeGreaterThan(0);
    expect(inFolder).toBeLessThan(await total("topics=r1-release"));
    const summary = await page.textContent("#coverage-summary");
    expect(summary).toContain(", only folder Africa:");
    expect(summary).toContain(` ${inFolder.toLocaleString("en-GB")} articles in all`);
    await page.waitForSelector("#article-list > li");
    expect(asked.some((q) => q.includes("interval="))).toBe(true);
    for (const q of asked) expect(new URLSearchParams(q).get("folder"), q).toBe("Africa");
    expect(errors).toEqual([]);
  });
});
