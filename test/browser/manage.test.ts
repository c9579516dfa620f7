import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../core/people/password-hash";
import { getFeed } from "../../db/queries/feeds";
import { getTopic } from "../../db/queries/topics";
import { createUser } from "../../db/queries/users";
import { retagTopics } from "../../jobs/topics/retag";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss, storyItems } from "../helpers/feed-xml";
import { useDashboard } from "./harness";

// The Topics panel and the feeds' buttons, driven in real Chromium against the real API over the sample coverage.
describe("managing topics and feeds in the dashboard", { timeout: 120_000 }, () => {
  const dashboard = useDashboard({ sample: true, env: { TIDEMARK_ALLOW_PRIVATE_URLS: "1" } });
  let feeds: FeedServer;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    feeds = await startFeedServer({
      "/wire.xml": (_req, res) =>
        res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("Wire", storyItems("wire", 3))),
    });
    for (const [name, role] of [
      ["ada", "admin"],
      ["vera", "viewer"],
    ] as const) {
      await createUser(
        dashboard.server.t.db,
        { name, role, passwordHash: await hashPassword(`${name}'s long password`) },
        Date.now(),
      );
    }
  });
  afterAll(async () => {
    await feeds?.close();
  });
  afterEach(async () => {
    expect(errors).toEqual([]);
  });

  async function signIn(name: string) {
    ({ page, errors } = await dashboard.newPage({
      viewport: { width: 1280, height: 900 },
      timezoneId: "UTC",
      locale: "en-GB",
    }));
    await page.goto(`${dashboard.server.url}/signin?next=/`);
    await page.fill("#username", name);
    await page.fill("#password", `${name}'s long password`);
    await page.click("button[type=submit]");
    await page.waitForURL(`${dashboard.server.url}/`);
    await page.waitForSelector("#topics-body tr[data-topic=r1-release]");
  }

  const dryRunCount = async (query: string, slug?: string) => {
    const res = await fetch(`${dashboard.server.url}/api/topics/test`, {
      method: "POST",
      headers: dashboard.server.admin,
      body: JSON.stringify({ query, slug }),
    });
    return (await res.json()) as {
      matched: number;
      scanned: number;
      changes?: { added: number; removed: number };
    };
  };

  it("an admin types a query and sees the dry-run count, sees a parse error at its position, saves and follows the retag", async () => {
    await signIn("ada");
    await page.click("#new-topic");
    await page.fill("#topic-editor input[name=slug]", "nvidia-sell-off");
    await page.fill("#topic-editor input[name=name]", "Nvidia sell-off");
    await page.locator("#topic-query").pressSequentially("nvidia AND (sell-off OR plunge*)");
    const expected = await dryRunCount("nvidia AND (sell-off OR plunge*)");
    expect(expected.matched).toBeGreaterThan(0);
    await expect
      .poll(() => page.textContent("#topic-dry-run-count"))
      .toBe(
        `Would tag ${expected.matched} of ${expected.scanned.toLocaleString("en-GB")} stored articles (${((100 * expected.matched) / expected.scanned).toFixed(1)}%).`,
      );
    // The examples mark the matched terms.
    expect(await page.locator("#topic-dry-run mark").count()).toBeGreaterThan(0);

    // A query that does not parse: the error shows where, and the dry run is gone.
    await page.fill("#topic-query", "nvidia AND (sell-off OR");
    await page.waitForSelector("#topic-query-error:not([hidden])");
    const api = await fetch(`${dashboard.server.url}/api/topics/test`, {
      method: "POST",
      headers: dashboard.server.admin,
      body: JSON.stringify({ query: "nvidia AND (sell-off OR" }),
    });
    const error = (await api.json()).error;
    expect(await page.textContent("#topic-query-error .query-error-message")).toBe(
      error.message.replace(/^query: /, ""),
    );
    expect(await page.textContent("#topic-query-error")).toContain(`column ${error.details.position + 1}`);
    expect(await page.getAttribute("#topic-query", "aria-invalid")).toBe("true");
    expect(await page.locator("#topic-dry-run-count").count()).toBe(0);
    // Saving it is refused and stores nothing.
    await page.click("#topic-save");
    await expect.poll(() => page.textContent("#topic-status")).toContain("Not saved");
    expect(await getTopic(dashboard.server.t.db, "nvidia-sell-off")).toBeUndefined();

    await page.fill("#topic-query", "nvidia AND (sell-off OR plunge*)");
    await page.waitForSelector("#topic-query-error", { state: "hidden" });
    // The refused dry run and save answered 400, which the browser reports as failed loads.
    expect(errors.splice(0)).toEqual(Array(2).fill(expect.stringContaining("status of 400")));
    await page.click("#topic-save");
    await page.waitForSelector("#topics-body tr[data-topic=nvidia-sell-off]");
    expect(await getTopic(dashboard.server.t.db, "nvidia-sell-off")).toMatchObject({
      name: "Nvidia sell-off",
      query: "nvidia AND (sell-off OR plunge*)",
    });
    // The harness runs no scheduler: retag here, and the panel, polling the topic, sees it finish.
    await expect.poll(() => page.textContent("#topic-status")).toMatch(/Retag waiting|Retagging/);
    await retagTopics(dashboard.server.t.db);
    await expect
      .poll(() => page.textContent("#topic-status"), { timeout: 10_000 })
      .toContain(`Retag done: ${expected.matched} articles carry it.`);
  });

  it("editing a saved topic shows what the draft adds and removes, and its candidate misses", async () => {
    await signIn("ada");
    await page.click("#topics-body tr[data-topic=export-controls] .edit-topic");
    expect(await page.textContent("#topic-editor-title")).toContain("Edit");
    const query = "(export AND control*) OR sanction*";
    await page.fill("#topic-query", query);
    const expected = await dryRunCount(query, "export-controls");
    await expect
      .poll(() => page.textContent("#topic-dry-run-changes"))
      .toContain(`+${expected.changes!.added} added, −${expected.changes!.removed} removed`);
    await page.click("#topic-editor .misses-wrap summary");
    await page.waitForSelector("#topic-misses ul li, #topic-misses p");
  });

  it("a viewer sees the topics read-only and no feed buttons", async () => {
    const added = await fetch(`${dashboard.server.url}/api/feeds`, {
      method: "POST",
      headers: dashboard.server.admin,
      body: JSON.stringify({ url: "https://example.com/viewer.xml", name: "Viewer's Wire" }),
    });
    expect(added.status).toBe(201);
    await signIn("vera");
    expect(await page.isHidden("#new-topic")).toBe(true);
    expect(await page.locator("#topics-body .edit-topic").count()).toBe(0);
    expect(await page.textContent("#topics-note")).toContain("Sign in as an admin");
    await page.waitForSelector("#feeds-body tr[data-feed-id]");
    await expect.poll(() => page.locator("#feeds-body .edit-feed").count()).toBe(0);
    await page.waitForSelector("#feeds-body tr >> text=Viewer's Wire");
  });

  it("an admin edits a feed's name and folder, filters by folder, pauses, resumes, fetches now and deletes it", async () => {
    const res = await fetch(`${dashboard.server.url}/api/feeds`, {
      method: "POST",
      headers: dashboard.server.admin,
      body: JSON.stringify({ url: feeds.url("/wire.xml"), name: "Wire" }),
    });
    const { id } = (await res.json()) as { id: number };
    await signIn("ada");
    const row = `#feeds-body tr[data-feed-id="${id}"]`;
    await page.click(`${row} .edit-feed`);
    await page.fill(".feed-editor input[name=name]", "Local Wire");
    await page.fill(".feed-editor input[name=folder]", "Wires");
    await page.fill(".feed-editor input[name=lang]", "english");
    await page.click(".feed-editor button[type=submit]");
    // A bad value is refused with the API's words and the editor stays open.
    await expect.poll(() => page.textContent("#feed-action-status")).toContain("lang: a BCP 47 language tag");
    expect(errors.splice(0)).toEqual([expect.stringContaining("status of 400")]);
    await page.fill(".feed-editor input[name=lang]", "en");
    await page.click(".feed-editor button[type=submit]");
    await page.waitForSelector(`${row} th >> text=Local Wire`);
    expect(await page.textContent(`${row} .feed-folder`)).toBe("Wires");
    expect(await getFeed(dashboard.server.t.db, id)).toMatchObject({
      name: "Local Wire",
      folder: "Wires",
      lang: "en",
    });

    await page.selectOption("#feeds-folder", "Wires");
    await expect.poll(() => page.locator("#feeds-body tr").count()).toBe(1);
    expect(await page.textContent("#feeds-status")).toContain("1 feeds in Wires");

    await page.click(`${row} .pause-feed`);
    await page.waitForSelector(`${row} .resume-feed`);
    expect(await page.textContent(`${row} .health`)).toBe("paused");
    expect((await getFeed(dashboard.server.t.db, id))?.enabled).toBe(false);
    expect(await page.isDisabled(`${row} .fetch-feed`)).toBe(true);
    await page.click(`${row} .resume-feed`);
    await page.waitForSelector(`${row} .pause-feed`);

    await page.click(`${row} .fetch-feed`);
    await expect
      .poll(() => page.textContent("#feed-action-status"))
      .toBe("Fetched Local Wire: 3 new articles.");
    expect(feeds.requests.filter((r) => r.path === "/wire.xml")).toHaveLength(1);

    page.once("dialog", (dialog) => void dialog.dismiss());
    await page.click(`${row} .delete-feed`);
    expect(await getFeed(dashboard.server.t.db, id)).toBeDefined();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.click(`${row} .delete-feed`);
    await expect
      .poll(() => page.textContent("#feed-action-status"))
      .toBe("Deleted Local Wire and its articles.");
    await expect.poll(() => page.locator(row).count()).toBe(0);
    expect(await getFeed(dashboard.server.t.db, id)).toBeUndefined();
  });
});
