/**
 * Navigation to first chart drawn, measured in Chromium: the dashboard marks `tidemark:first-chart` (a
 * performance mark, ms since navigation start) once its first coverage chart is on screen, and
 * `tidemark:breakdown` once the breakdown chart below it is. Each run waits for the breakdown before the next
 * navigation, so no run queues behind the previous page's breakdown query on the server.
 * Run: npx tsx test/browser/first-chart.ts                 (bundled sample in a fresh database)
 *      npx tsx test/browser/first-chart.ts path/to/file.db (an existing, migrated database, e.g. the 1M bench)
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import pino from "pino";
import { loadConfig } from "../../core/config";
import { openDatabase } from "../../db/client";
import { createApp } from "../../server/app";
import { buildDashboard } from "./build-dashboard";
import { chartReady, launchChromium, startDashboardServer } from "./harness";

const RUNS = 7;
const dbPath = process.argv[2];
const web = await buildDashboard();

async function existing(path: string) {
  const database = await openDatabase({ url: `file:${path}` });
  // webRoot reaches the dashboard routes createApp mounts, so this build is served, not dist/web.
  const deps = {
    db: database.db,
    config: loadConfig({ DATABASE_URL: `file:${path}` }),
    log: pino({ level: "silent" }),
    webRoot: web.dir,
  };
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      (server as unknown as { closeAllConnections: () => void }).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      database.close();
    },
  };
}

const server = dbPath ? await existing(dbPath) : await startDashboardServer(web.dir, { sample: true });
const { browser, close } = await launchChromium();
try {
  const times = { "first-chart": [] as number[], breakdown: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, timezoneId: "UTC" });
    await page.goto(`${server.url}/`);
    await chartReady(page);
    for (const name of ["first-chart", "breakdown"] as const) {
      const mark = `tidemark:${name}`;
      await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, {
        timeout: 60_000,
      });
      times[name].push(await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, mark));
    }
    await page.close();
  }
  for (const [name, runs] of Object.entries(times)) {
    const sorted = [...runs].sort((a, b) => a - b);
    console.log(
      `${name} (ms since navigation), ${RUNS} runs, first run cold: ${runs.map(Math.round).join(", ")}; ` +
        `median ${Math.round(sorted[Math.floor(RUNS / 2)]!)}`,
    );
  }
} finally {
  await close();
  await server.close();
  web.remove();
}
