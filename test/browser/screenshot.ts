/**
 * Takes docs/dashboard.png: the dashboard over the bundled sample coverage at 1280x800.
 * Run: npx tsx test/browser/screenshot.ts [out.png]
 */
import { buildDashboard } from "./build-dashboard";
import { chartReady, launchChromium, startDashboardServer, watchErrors } from "./harness";

const out = process.argv[2] ?? "docs/dashboard.png";
const web = await buildDashboard();
const server = await startDashboardServer(web.dir, { sample: true });
const { browser, close } = await launchChromium();
try {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
    timezoneId: "UTC",
    locale: "en-GB",
  });
  const errors = watchErrors(page);
  await page.goto(`${server.url}/${process.argv[3] ?? ""}`);
  await chartReady(page);
  await page.waitForSelector("#article-list li");
  await page.waitForTimeout(600); // let Chart.js finish its entry animation
  await page.screenshot({ path: out });
  if (errors.length > 0) console.error(errors.join("\n"));
  console.log(`wrote ${out}`);
} finally {
  await close();
  await server.close();
  web.remove();
}
