import type { Page } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/app";
import { chartReady, type DashboardServer, startDashboardServer, useBrowser } from "./harness";

describe("what the dashboard says about the store", () => {
  // Each test starts a server over a store of its own; the fixture gives the browser and the pages.
  const chromium = useBrowser();
  let server: DashboardServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function open(s: DashboardServer): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await chromium.newPage({
      viewport: { width: 1280, height: 800 },
      locale: "en-GB",
    });
    await page.goto(s.url);
    return { page, errors };
  }

  it("marks the sample coverage with a banner that says it is illustrative and how to remove it", async () => {
    server = await startDashboardServer(inject("dashboardDir"), { sample: true });
    const { page, errors } = await open(server);
    await chartReady(page);
    const banner = page.locator("#sample-banner");
    await banner.waitFor({ state: "visible" });
    const text = await banner.textContent();
    expect(text).toContain("Illustrative sample data");
    expect(text).toContain("invented");
    expect(text).toContain("npm run cli -- sample remove");
    expect(await page.locator("#next-steps").count()).toBe(0);
    // Each listed article says so too.
    await page.locator("#article-list li.article").first().waitFor();
    const listed = await page.locator("#article-list li.article").count();
    expect(await page.locator("#article-list li.article .sample-tag").count()).toBe(listed);
    expect(await page.locator("#coverage").isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it("greets an empty install with the next steps instead of blank charts, and steps aside once a feed is added", async () => {
    server = await startDashboardServer(inject("dashboardDir"));
    const { page, errors } = await open(server);
    const steps = page.locator("#next-steps");
    await steps.waitFor({ state: "visible" });
    const text = await steps.textContent();
    expect(text).toContain("Add feeds");
    expect(text).toContain("npm run cli -- feeds add URL");
    expect(text).toContain("Import an OPML file");
    expect(text).toContain("Make a topic");
    for (const chart of ["#coverage", "#breakdown"])
      expect(await page.locator(chart).isVisible()).toBe(false);
    expect(await page.locator("#sample-banner").count()).toBe(0);
    // The step links open the form that adds feeds.
    await page.locator("#next-steps a", { hasText: "Add feeds" }).click();
    expect(await page.locator("#admin-details").getAttribute("open")).toBe("");

    // Adding a feed there turns the welcome into the dashboard, without a reload.
    await page.fill("#admin-token", ADMIN_TOKEN);
    await page.fill('#add-feed input[name="url"]', "https://example.org/feed.xml");
    await page.click('#add-feed button[type="submit"]');
    await page.waitForSelector("body[data-store=own]");
    expect(await page.locator("#store-notice").isVisible()).toBe(false);
    expect(await page.locator("#coverage").isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
