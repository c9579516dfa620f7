import { type ChildProcess, execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { alertEvents, subscriptions } from "../../db/schema";
import { deliverDueAlerts } from "../../jobs/alerts/deliver";
import { type DeliveryWorker, startDeliveryWorker } from "../../jobs/alerts/delivery-worker";
import { deliverAlertsJob } from "../../jobs/registry";
import { makeAlertEvents, makeWebhookSubscription, SECRET, webhookDeliveryContext } from "../helpers/alerts";
import { runCli, runCliProcess } from "../helpers/cli";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss } from "../helpers/feed-xml";
import { startWebhookReceiver, type WebhookReceiver } from "../helpers/webhook-receiver";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WORKER = ["--import", "tsx", "test/helpers/delivery-worker.ts"];

function runWorkerOnce(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...WORKER, path, "once"], { cwd: ROOT, timeout: 60_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
}

describe("alert delivery across processes", () => {
  let t: TestDatabase;
  let receiver: WebhookReceiver;
  let child: ChildProcess | undefined;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    child = undefined;
    await receiver?.close();
    t.destroy();
  });
  const event = async (id: number) =>
    (await t.db.select().from(alertEvents).where(eq(alertEvents.id, id)))[0]!;

  it("loses nothing when a worker is killed with SIGKILL mid-delivery, and re-sends with the same id", async () => {
    // The first request is held open: the worker is killed while it waits for the answer.
    receiver = await startWebhookReceiver((_, i) => (i === 0 ? "hold" : { status: 200 }));
    const [e] = await makeAlertEvents(t.db, await makeWebhookSubscription(t.db, receiver.url()), 1, 0);
    child = spawn(process.execPath, [...WORKER, t.path, "loop", "1000"], { cwd: ROOT, stdio: "ignore" });
    await receiver.waitFor(1);
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    const leased = await event(e!.id);
    expect(leased).toMatchObject({ status: "pending", attempts: 1 });
    expect(leased.leaseOwner).not.toBeNull();
    // While the dead worker's lease holds, nobody else sends it; once it has lapsed, the next worker does.
    const ctx = (at: number) => webhookDeliveryContext(t.db, { now: () => at });
    expect(await deliverDueAlerts(ctx(leased.leaseUntil! - 1))).toMatchObject({ delivered: 0 });
    expect(await deliverDueAlerts(ctx(leased.leaseUntil! + 1))).toMatchObject({ delivered: 1 });
    expect(await event(e!.id)).toMatchObject({ status: "delivered", attempts: 2 });
    expect(receiver.received.map((r) => r.id)).toEqual([`msg_${e!.id}`, `msg_${e!.id}`]);
    expect(receiver.acknowledged).toEqual([`msg_${e!.id}`]);

    // A restart afterwards sends nothing again.
    expect(await deliverDueAlerts(ctx(Date.now() + 3_600_000))).toMatchObject({ delivered: 0 });
    expect(receiver.received).toHaveLength(2);
  });

  it("acknowledges each event exactly once when two worker processes run at the same time, and after", async () => {
    receiver = await startWebhookReceiver();
    const first = await makeWebhookSubscription(t.db, receiver.url());
    const second = await makeWebhookSubscription(t.db, receiver.url("/second"));
    const events = [
      ...(await makeAlertEvents(t.db, first, 15, 0)),
      ...(await makeAlertEvents(t.db, second, 15, 0)),
    ];
    const summaries = await Promise.all([runWorkerOnce(t.path), runWorkerOnce(t.path)]);
    const delivered = summaries.map((s) => JSON.parse(s).delivered as number);
    expect(delivered[0]! + delivered[1]!).toBe(30);
    await runWorkerOnce(t.path);
    expect(receiver.received).toHaveLength(30);
    expect(receiver.acknowledged.sort()).toEqual(events.map((e) => `msg_${e.id}`).sort());
  });

  it("the job records a run when it sent something, and none when nothing was due", async () => {
    receiver = await startWebhookReceiver();
    await makeAlertEvents(t.db, await makeWebhookSubscription(t.db, receiver.url()), 2, 0);
    const ctx = {
      db: t.db,
      config: { allowPrivateUrls: true, publicUrl: "https://tidemark.example" },
      log: pino({ level: "silent" }),
    };
    expect(await deliverAlertsJob(ctx)).toEqual({ delivered: 2, retrying: 0, failed: 0, cancelled: 0 });
    expect(await deliverAlertsJob(ctx)).toEqual({ delivered: 0, retrying: 0, failed: 0, cancelled: 0 });
    const runs = await t.client.execute("select job, status, summary from job_runs");
    expect(runs.rows.map((r) => [r.job, r.status])).toEqual([["deliver-alerts", "ok"]]);
  });
});

describe("the server's delivery worker", () => {
  let t: TestDatabase;
  let receiver: WebhookReceiver;
  let feeds: FeedServer;
  let worker: DeliveryWorker | undefined;
  afterEach(async () => {
    await worker?.stop();
    await receiver.close();
    await feeds.close();
    t.destroy();
  });

  it("sends the alerts that a CLI ingest in another process wrote", async () => {
    t = await createTestDatabase();
    receiver = await startWebhookReceiver();
    const published = new Date();
    feeds = await startFeedServer({
      "/feed.xml": (_, res) =>
        res
          .writeHead(200, { "content-type": "application/rss+xml" })
          .end(
            rss("Wire", [
              { title: "Nvidia loses $589bn in a day", link: "https://news.example/nv", pubDate: published },
            ]),
          ),
    });
    const topic = await createTopic(t.db, {
      slug: "nvidia",
      name: "Nvidia",
      color: "#76b900",
      query: "nvidia",
    });
    await t.db.insert(subscriptions).values({
      topicId: topic.id,
      channel: "webhook",
      mode: "instant",
      url: receiver.url(),
      secret: SECRET,
      token: "tok",
      createdAt: Date.now() - 60_000,
      confirmedAt: Date.now() - 60_000,
    });
    worker = startDeliveryWorker(webhookDeliveryContext(t.db), { pollMs: 200 });

    const env = { DATABASE_URL: `file:${t.path}`, TIDEMARK_ALLOW_PRIVATE_URLS: "1" };
    expect((await runCli(["feeds", "add", feeds.url("/feed.xml")], env)).code).toBe(0);
    const ingest = await runCliProcess(["ingest", "--once", "--all"], env);
    expect(ingest.code).toBe(0);
    await receiver.waitFor(1);
    const body = JSON.parse(receiver.received[0]!.body);
    expect(body).toMatchObject({
      type: "article.tagged",
      topic: { slug: "nvidia", name: "Nvidia" },
      article: { title: "Nvidia loses $589bn in a day", url: "https://news.example/nv" },
    });
    await worker.stop();
    worker = undefined;
    const [row] = await t.db.select().from(alertEvents);
    expect(row).toMatchObject({ status: "delivered", attempts: 1 });
  });
});
