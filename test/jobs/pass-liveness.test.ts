import { eq } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addFeed, getFeed } from "../../db/queries/feeds";
import { feeds, jobRuns } from "../../db/schema";
import { summaryLine } from "../../jobs/cli/ingest-command";
import { LEASE_MS, LEASE_RENEW_MS } from "../../jobs/ingest/feed-lease";
import { runIngestPass } from "../../jobs/ingest/ingest-pass";
import { ingestJob } from "../../jobs/registry";
import { RUN_STALE_MS } from "../../jobs/run-heartbeat";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss, storyItems } from "../helpers/feed-xml";

const log = pino({ level: "silent" });

// How a pass tells a live process from a dead one: heartbeats on job runs, leases on feeds. The killed-process
// scene itself, with real processes, is test/jobs/crash-recovery.test.ts.
describe("passes and the processes behind them", { timeout: 60_000 }, () => {
  let t: TestDatabase;
  let server: FeedServer;
  beforeEach(async () => {
    t = await createTestDatabase();
    server = await startFeedServer({
      "/a.xml": (_req, res) => res.writeHead(200).end(rss("A", storyItems("a", 2))),
    });
  });
  afterEach(async () => {
    await server.close();
    t.destroy();
  });

  const ctx = { config: { allowPrivateUrls: true }, log };
  const runningAllPass = (startedAt: number, heartbeatAt: number) =>
    t.db
      .insert(jobRuns)
      .values({ job: "ingest", scope: "all", status: "running", startedAt, heartbeatAt })
      .returning()
      .then((rows) => rows[0]!);

  it("an --all pass joins a run whose process beats, and skips what that run already did", async () => {
    const now = Date.now();
    await runningAllPass(now - 10 * 60_000, now - 5_000);
    const feed = await addFeed(t.db, { url: server.url("/a.xml") });
    await t.db
      .update(feeds)
      .set({ lastAttemptAt: now - 60_000 })
      .where(eq(feeds.id, feed.id));

    const summary = await ingestJob({ db: t.db, ...ctx }, { scope: "all" });

    expect(summary).toMatchObject({ feeds: 0, joinedPassStartedAt: now - 10 * 60_000 });
    expect(server.requests).toHaveLength(0);
  });

  it("an --all pass never joins a run whose heartbeat stopped, and marks that run failed", async () => {
    const now = Date.now();
    const dead = await runningAllPass(now - 10 * 60_000, now - RUN_STALE_MS - 1_000);
    const feed = await addFeed(t.db, { url: server.url("/a.xml") });
    // The dead pass had done this feed: it is still to do for a new pass.
    await t.db
      .update(feeds)
      .set({ lastAttemptAt: now - 5 * 60_000 })
      .where(eq(feeds.id, feed.id));

    const summary = await ingestJob({ db: t.db, ...ctx }, { scope: "all" });

    expect(summary).toMatchObject({ feeds: 1, stored: 1, joinedPassStartedAt: undefined });
    const [row] = await t.db.select().from(jobRuns).where(eq(jobRuns.id, dead.id));
    expect(row).toMatchObject({ status: "failed" });
    expect(row!.error).toMatch(/process stopped without finishing/);
  });

  it("a pass waits for a feed another process holds, and takes it when the lease lapses", async () => {
    const feed = await addFeed(t.db, { url: server.url("/a.xml") });
    await t.db
      .update(feeds)
      .set({ leaseOwner: "elsewhere:1:dead", leaseUntil: Date.now() + 1_500 })
      .where(eq(feeds.id, feed.id));

    const summary = await runIngestPass({ db: t.db, allowPrivateUrls: true, log }, { scope: "due" });

    expect(summary).toMatchObject({ feeds: 1, stored: 1, skipped: 0 });
    expect(await getFeed(t.db, feed.id)).toMatchObject({ articleCount: 2, leaseOwner: null });
  });

  it("a pass that gives up waiting for held feeds says how many it skipped", async () => {
    const feed = await addFeed(t.db, { url: server.url("/a.xml") });
    await t.db
      .update(feeds)
      .set({ leaseOwner: "elsewhere:1:alive", leaseUntil: Date.now() + 10 * 60_000 })
      .where(eq(feeds.id, feed.id));

    const summary = await runIngestPass(
      { db: t.db, allowPrivateUrls: true, log },
      { scope: "all", heldWaitMs: 1_500 },
    );

    expect(summary).toMatchObject({ feeds: 0, skipped: 1 });
    expect(server.requests).toHaveLength(0);
    expect(summaryLine({ ...summary, joinedPassStartedAt: undefined })).toMatch(
      /; 1 skipped: other processes still held them, not fetched$/,
    );
  });

  it("a worker renews its lease while a slow feed is fetched", { timeout: 90_000 }, async () => {
    let answer: (() => void) | undefined;
    server.route("/slow.xml", (_req, res) => {
      answer = () => res.writeHead(200).end(rss("Slow", storyItems("slow", 1)));
    });
    const feed = await addFeed(t.db, { url: server.url("/slow.xml") });
    const claimedBy = Date.now();

    const pass = runIngestPass(
      { db: t.db, allowPrivateUrls: true, log, fetchOptions: { timeoutMs: 60_000 } },
      { scope: "due" },
    );
    const until = async () => (await getFeed(t.db, feed.id))!.leaseUntil ?? 0;
    while (answer === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    const first = await until();
    expect(first).toBeLessThanOrEqual(Date.now() + LEASE_MS);
    // Renewed before it lapses (the fetch is still waiting), by at least one renewal period.
    while ((await until()) === first && Date.now() < first - 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await until()).toBeGreaterThanOrEqual(claimedBy + LEASE_RENEW_MS + LEASE_MS);
    answer();

    expect(await pass).toMatchObject({ feeds: 1, stored: 1 });
  });
});
