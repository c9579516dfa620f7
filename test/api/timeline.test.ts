import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addFeed } from "../../db/queries/feeds";
import { ingestJob } from "../../jobs/registry";
import { seedFirstStart } from "../../jobs/seed/first-start";
import { createTestApp, type TestApp } from "../helpers/app";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss, storyItems } from "../helpers/feed-xml";

describe("story events and ingest outages", () => {
  let s: TestApp;
  let server: FeedServer | undefined;
  const log = pino({ level: "silent" });
  beforeEach(async () => {
    s = await createTestApp();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    s.t.destroy();
  });

  const get = async (path: string) => (await s.app.request(path)).json();

  it("seeds the story's events on first start and lists them by range", async () => {
    await seedFirstStart(
      { db: s.t.db, allowPrivateUrls: false, log },
      { defaultFeeds: false, sampleData: false },
    );
    expect((await get("/api/events")).items).toEqual([
      {
        id: 1,
        at: "2025-01-20T00:00:00.000Z",
        label: "DeepSeek releases R1",
        url: null,
        topic: "r1-release",
      },
      {
        id: 2,
        at: "2025-01-27T00:00:00.000Z",
        label: "Nvidia loses $589bn in a day",
        url: null,
        topic: "nvidia-valuation",
      },
    ]);
    expect((await get("/api/events?from=2025-01-21&to=2025-01-31")).items).toHaveLength(1);
    const bad = await s.app.request("/api/events?from=soon");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^from:/);
  });

  it("adds an event with the admin token only", async () => {
    const body = JSON.stringify({ at: "2025-02-26T21:00:00Z", label: "Nvidia earnings" });
    expect(
      (
        await s.app.request("/api/events", {
          method: "POST",
          body,
          headers: { "content-type": "application/json" },
        })
      ).status,
    ).toBe(401);
    expect((await s.app.request("/api/events", { method: "POST", body, headers: s.admin })).status).toBe(201);
    expect((await get("/api/events")).items.map((e: { label: string }) => e.label)).toEqual([
      "Nvidia earnings",
    ]);
  });

  it("POST /api/events takes http(s) URLs and strict ISO dates only, naming the field", async () => {
    const post = (body: object) =>
      s.app.request("/api/events", { method: "POST", body: JSON.stringify(body), headers: s.admin });
    const refused = async (body: object, field: string) => {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(new RegExp(`^${field}: `));
    };
    const at = "2025-02-26T21:00:00Z";
    await refused({ at, label: "x", url: "javascript:alert(1)" }, "url");
    await refused({ at, label: "x", url: "data:text/html,<script>alert(1)</script>" }, "url");
    await refused({ at, label: "x", url: "file:///etc/passwd" }, "url");
    await refused({ at: "1", label: "x" }, "at");
    await refused({ at: "2025-02-30", label: "x" }, "at");
    await refused({ at: "Feb 26 2025", label: "x" }, "at");
    await refused({ at: "2025-02-26T21:00:00", label: "x" }, "at");
    expect((await get("/api/events")).items).toEqual([]);

    expect((await post({ at: "2025-02-26", label: "day", url: "https://example.org/a" })).status).toBe(201);
    expect((await post({ at: "2025-02-26T22:00:00+01:00", label: "time" })).status).toBe(201);
    expect((await get("/api/events")).items).toMatchObject([
      { at: "2025-02-26T00:00:00.000Z", label: "day", url: "https://example.org/a" },
      { at: "2025-02-26T21:00:00.000Z", label: "time", url: null },
    ]);
  });

  it("GET /api/events and /api/outages refuse a day that is not on the calendar", async () => {
    for (const path of ["/api/events?from=2025-02-30", "/api/outages?to=2025-04-31", "/api/events?from=1"]) {
      const res = await s.app.request(path);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/^(from|to): not a calendar date/);
    }
  });

  it("opens an outage when every feed of a pass fails and closes it when a pass gets through", async () => {
    let up = false;
    server = await startFeedServer({
      "/feed.xml": (_req, res) =>
        up ? res.writeHead(200).end(rss("Back", storyItems("back", 1))) : res.writeHead(503).end(),
    });
    await addFeed(s.t.db, { url: server.url("/feed.xml") });
    const ctx = { db: s.t.db, config: { allowPrivateUrls: true }, log };
    let clock = Date.UTC(2025, 0, 1, 10);
    const now = () => clock;
    await ingestJob({ ...ctx, now }, { scope: "all" });
    clock += 3_600_000;
    await ingestJob({ ...ctx, now }, { scope: "all" });
    const open = (await get("/api/outages")).items;
    expect(open).toEqual([
      {
        start: "2025-01-01T10:00:00.000Z",
        end: null,
        reason: "all 1 feeds failed (rate-limited 1)",
        passes: 2,
      },
    ]);
    up = true;
    clock += 3_600_000;
    await ingestJob({ ...ctx, now }, { scope: "all" });
    expect((await get("/api/outages")).items[0].end).toBe("2025-01-01T12:00:00.000Z");
    expect((await get("/api/outages?from=2025-01-02")).items).toEqual([]);
  });
});
