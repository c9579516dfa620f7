import pino from "pino";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { configuredChannels } from "../../jobs/alerts/channel-registry";
import { deliverDueAlerts } from "../../jobs/alerts/deliver";
import { ADMIN_TOKEN } from "../helpers/app";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";
import { type DashboardServer, startDashboardServer, useBrowser } from "./harness";

const PAYLOAD = `<img src=x onerror="window.__xss=1">`;

describe("the Subscribe panel against the real alerts API", () => {
  let server: DashboardServer;
  let bare: DashboardServer;
  let sink: SmtpSink;
  // Two servers, one with the SMTP sink's URL: the fixture gives the browser and the pages.
  const chromium = useBrowser();
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    sink = await startSmtpSink();
    // The dashboard the global setup built once for the run (test/setup/dashboard-build.ts).
    const webDir = inject("dashboardDir");
    server = await startDashboardServer(webDir, { env: { SMTP_URL: sink.url } });
    // The same dashboard on a server with no SMTP_URL, as a fresh install runs.
    bare = await startDashboardServer(webDir);
    for (const s of [server, bare]) {
      await createTopic(s.t.db, { slug: "nvidia", name: "Nvidia", color: "#0072B2", query: "nvidia" });
      await createTopic(s.t.db, {
        slug: "hostile",
        name: `Chips ${PAYLOAD}`,
        color: "#D55E00",
        query: "chips",
      });
    }
  });
  afterAll(async () => {
    await server?.close();
    await bare?.close();
    await sink?.close();
  });

  async function open(on: DashboardServer, width = 1280) {
    ({ page, errors } = await chromium.newPage({
      viewport: { width, height: 900 },
      timezoneId: "Europe/Berlin",
      locale: "en-GB",
    }));
    await page.goto(on.url);
    await page.waitForSelector("#topic-subscriptions li[data-topic=nvidia]");
  }

  /** Opens the topic's alert form and returns a selector scoped to it. */
  async function alertForm(slug: string): Promise<(inner: string) => string> {
    await page.click(`li[data-topic=${slug}] summary`);
    return (inner) => `li[data-topic=${slug}] form.alert-form ${inner}`;
  }

  async function statusOf(slug: string, pattern: RegExp): Promise<string> {
    const selector = `li[data-topic=${slug}] .alert-status`;
    await page.waitForFunction(
      ([s, source]) =>
        new RegExp(source as string).test(document.querySelector(s as string)?.textContent ?? ""),
      [selector, pattern.source],
    );
    return (await page.textContent(selector)) ?? "";
  }

  it("subscribes an email address as a daily digest and the confirmation mail arrives", async () => {
    await open(server);
    expect(await page.getAttribute("li[data-topic=nvidia] a[type='application/atom+xml']", "href")).toBe(
      "/api/topics/nvidia/feed.atom",
    );
    const form = await alertForm("nvidia");
    await page.getByRole("radio", { name: "Daily digest" }).first().check();
    await page.selectOption(form("select[name=digestHour]"), "7");
    expect(await page.textContent(form(".field:not([hidden]) .muted"))).toBe("Europe/Berlin");
    await page.getByLabel("Email address").first().fill("reader@example.org");
    await page.click(form("button[type=submit]"));
    const status = await statusOf("nvidia", /Check your mail/);
    expect(status).toContain("reader@example.org");
    expect(status).toContain("07:00 Europe/Berlin");

    const channels = configuredChannels(server.config);
    const summary = await deliverDueAlerts({
      db: server.t.db,
      log: pino({ level: "silent" }),
      publicUrl: server.config.publicUrl,
      channels,
    });
    expect(summary.delivered).toBe(1);
    await sink.waitFor(1);
    const mail = sink.mails[0]!;
    expect(mail.to).toEqual(["reader@example.org"]);
    expect(mail.subject).toBe("Confirm your Tidemark alerts for Nvidia");
    const link = /\/api\/subscriptions\/\d+\/confirm\?token=[\w%-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    // The link's page posts back to it: that confirms a digest at the hour and zone the form chose.
    const confirmed = await fetch(`${server.url}${link}`, {
      method: "POST",
      headers: { accept: "application/json" },
    });
    expect(confirmed.status).toBe(200);
    const list = await fetch(`${server.url}/api/subscriptions`, { headers: server.admin });
    const { items } = (await list.json()) as { items: Array<Record<string, unknown>> };
    expect(items[0]).toMatchObject({ mode: "digest", digestHour: 7, tz: "Europe/Berlin", status: "active" });
    for (const channel of channels.values()) if ("close" in channel) (channel.close as () => void)();
    expect(errors).toEqual([]);
  });

  it("chosen by keyboard, a webhook asks for the admin token, then shows its secret once", async () => {
    await open(server);
    const form = await alertForm("nvidia");
    await page.focus(form("input[name=channel][value=email]"));
    await page.keyboard.press("ArrowRight");
    expect(await page.isChecked(form("input[name=channel][value=webhook]"))).toBe(true);
    expect(await page.isVisible(form("input[name=email]"))).toBe(false);
    await page.getByLabel("Webhook URL (admin token)").first().fill("https://hooks.example.org/tidemark");
    await page.keyboard.press("Enter");
    await statusOf("nvidia", /admin token/);
    // The page takes the user to the token field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("admin-token");
    await page.keyboard.type(ADMIN_TOKEN);
    await page.click(form("button[type=submit]"));
    const status = await statusOf("nvidia", /Webhook subscription \d+ is active/);
    expect(status).toContain("https://hooks.example.org/tidemark");
    const secret = await page.textContent(form(".alert-secret code[data-secret]"));
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    expect(await page.textContent(form(".alert-secret"))).toContain("shown only once");
    expect(errors).toEqual([]);
  });

  it("shows the API's message naming the field for an address it refuses, and marks the field", async () => {
    await open(server);
    const form = await alertForm("nvidia");
    // The browser's own check lets a dotless domain through; the API does not.
    await page.fill(form("input[name=email]"), "reader@localhost");
    await page.click(form("button[type=submit]"));
    const status = await statusOf("nvidia", /Not accepted/);
    expect(status).toMatch(/email: /);
    expect(await page.getAttribute(form("input[name=email]"), "aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("email");

    await page.click("#admin-details > summary");
    await page.fill("#admin-token", ADMIN_TOKEN);
    await page.check(form("input[name=channel][value=webhook]"));
    await page.fill(form("input[name=url]"), "http://127.0.0.1:9/hook");
    await page.click(form("button[type=submit]"));
    expect(await statusOf("nvidia", /Not accepted: url: /)).toBeTruthy();
    expect(await page.getAttribute(form("input[name=url]"), "aria-invalid")).toBe("true");
    // A 400 is the browser's only console error: it logs failed requests itself.
    expect(errors.filter((e) => !e.includes("400"))).toEqual([]);
  });

  it("says email is not configured when the server has no SMTP_URL", async () => {
    await open(bare);
    const form = await alertForm("nvidia");
    await page.fill(form("input[name=email]"), "reader@example.org");
    await page.click(form("button[type=submit]"));
    expect(await statusOf("nvidia", /cannot send email/)).toContain("SMTP_URL");
    expect(errors.filter((e) => !e.includes("503"))).toEqual([]);
  });

  it("keeps a hostile topic name as text and fits a 390 px wide phone", async () => {
    await open(server, 390);
    const item = "li[data-topic=hostile]";
    expect(await page.textContent(`${item} .topic-name`)).toBe(`Chips ${PAYLOAD}`);
    await page.click(`${item} summary`);
    expect(await page.textContent(`${item} summary`)).toBe(`Alerts for Chips ${PAYLOAD}`);
    expect(await page.getAttribute(`${item} form`, "aria-label")).toBe(`Alerts for Chips ${PAYLOAD}`);
    expect(await page.$$eval("#subscribe img, #subscribe script", (nodes) => nodes.length)).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
