import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import pino from "pino";
import { type Browser, type ConsoleMessage, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { type Config, loadConfig } from "../../core/config";
import { ingestJob } from "../../jobs/registry";
import { seedFirstStart } from "../../jobs/seed/first-start";
import { dryRunQuery } from "../../jobs/topics/dry-run";
import { createApp } from "../../server/app";
import { ADMIN_TOKEN, type TestApp } from "../helpers/app";
import { createTestDatabase } from "../helpers/db";

export const CHROMIUM = "/usr/bin/chromium";

export interface DashboardServer extends TestApp {
  url: string;
  config: Config;
  close: () => Promise<void>;
}

/**
 * The real app (API + dashboard) on 127.0.0.1 over a fresh migrated database, optionally with the bundled
 * sample coverage loaded through the real pipeline. The app serves the build in `webRoot`: createApp mounts the
 * dashboard itself, and a second mount after it would never be reached (a stale dist/web would be tested).
 */
export async function startDashboardServer(
  webRoot: string,
  options: { sample?: boolean; env?: Record<string, string> } = {},
): Promise<DashboardServer> {
  const t = await createTestDatabase();
  const config = loadConfig({
    ...options.env,
    DATABASE_URL: `file:${t.path}`,
    TIDEMARK_ADMIN_TOKEN: ADMIN_TOKEN,
  });
  const log = pino({ level: "silent" });
  const deps = {
    db: t.db,
    config,
    log,
    webRoot,
    dryRun: (query: string, n: number, slug?: string) => dryRunQuery(t.db, query, n, slug),
    fetchFeed: (feedId: number) => ingestJob({ db: t.db, config, log }, { scope: { feedId } }),
  };
  const test: TestApp = {
    app: createApp(deps),
    t,
    admin: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
  };
  if (options.sample) {
    // What `npm start` does on an empty database: the default topics, then the sample tagged as it loads.
    await seedFirstStart(
      { db: test.t.db, allowPrivateUrls: false, log: pino({ level: "silent" }) },
      { defaultFeeds: false, sampleData: true },
    );
  }
  const server = serve({ fetch: test.app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    ...test,
    url: `http://127.0.0.1:${port}`,
    config,
    close: async () => {
      // Open event streams would hold close() forever.
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      test.t.destroy();
    },
  };
}

/** Debian's chromium, headless, with nothing that reaches for the network on its own. */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}. Install it with: ` +
        "sudo apt-get install -y --no-install-recommends chromium (Debian/Ubuntu), then run npm test again.",
    );
  }
  // Playwright gives every launch a fresh, empty profile folder of its own (it refuses --user-data-dir here).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

type PageOptions = Parameters<Browser["newPage"]>[0];

export interface BrowserFixture {
  /** Chromium, launched once before the describe block's tests and closed after them. */
  readonly browser: Browser;
  /** A new page with what it reports as going wrong collected (watchErrors); closed after the test. */
  newPage(options?: PageOptions): Promise<{ page: Page; errors: string[] }>;
}

export interface DashboardFixture extends BrowserFixture {
  /** The app over the dashboard the global setup built (test/setup/dashboard-build.ts), one per block. */
  readonly server: DashboardServer;
}

/** Chromium for the tests of the describe block it is called in, a page per test. */
export function useBrowser(): BrowserFixture {
  let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });
  const fixture: BrowserFixture = {
    get browser() {
      if (!chromium)
        throw new Error("Chromium is launched in beforeAll: use the fixture inside a test or hook");
      return chromium.browser;
    },
    async newPage(options) {
      const page = await fixture.browser.newPage(options);
      pages.push(page);
      return { page, errors: watchErrors(page) };
    },
  };
  return fixture;
}

/**
 * Chromium and the dashboard's server for the describe block it is called in: both started before its tests
 * (and before the block's own beforeAll, which may fill the server's database) and stopped after them, a page
 * per test.
 */
export function useDashboard(
  options: { sample?: boolean; env?: Record<string, string> } = {},
): DashboardFixture {
  const chromium = useBrowser();
  let server: DashboardServer | undefined;
  beforeAll(async () => {
    server = await startDashboardServer(inject("dashboardDir"), options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get browser() {
      return chromium.browser;
    },
    newPage: chromium.newPage,
    get server() {
      if (!server) throw new Error("The server starts in beforeAll: use the fixture inside a test or hook");
      return server;
    },
  };
}

/** Collects everything the page reports as going wrong: console errors, uncaught exceptions, CSP violations. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  return errors;
}

/** Waits until the coverage chart has drawn its current data. */
export async function chartReady(page: Page): Promise<void> {
  await page.waitForSelector("#coverage-figure[data-state=ready]");
}
