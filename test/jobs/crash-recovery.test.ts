import { type ChildProcess, spawn } from "node:child_process";
import type { ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeWebhookSubscription } from "../helpers/alerts";
import { runCliProcess } from "../helpers/cli";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss, type TestItem } from "../helpers/feed-xml";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FEEDS = 10;
const ITEMS = 3;
/** Feeds 4..9 answer only once the test lets them: the killed pass holds them in flight. */
const SLOW_FROM = 4;

/** Fresh entries (so they make instant alerts) that the topic "nvidia" of the subscription tags. */
function items(feed: number): TestItem[] {
  return Array.from({ length: ITEMS }, (_, i) => ({
    title: `Nvidia story ${i + 1} of outlet ${feed}`,
    link: `https://news.example.com/outlet-${feed}/${i + 1}`,
    pubDate: new Date(Date.now() - i * 60_000),
  }));
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, deadlineMs: number) {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The scene: `ingest --once --all` killed with SIGKILL while it holds slow feeds, then the next pass.
describe("a pass killed mid-way", { timeout: 240_000 }, () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  const servers: FeedServer[] = [];
  let child: ChildProcess | undefined;
  beforeEach(async () => {
    t = await createTestDatabase();
    env = { DATABASE_URL: `file:${t.path}`, TIDEMARK_ALLOW_PRIVATE_URLS: "1" };
  });
  afterEach(async () => {
    child?.kill("SIGKILL");
    await Promise.all(servers.splice(0).map((server) => server.close()));
    t.destroy();
  });

  const count = async (query: string) => Number((await t.client.execute(query)).rows[0]!.n);

  it("leaves nothing behind: the next pass stores every feed within two minutes, once, with every alert", async () => {
    let holding = true;
    const held: ServerResponse[] = [];
    // One server per feed: a process sends at most two requests to one host at once.
    for (let i = 0; i < FEEDS; i++) {
      const answer = (res: ServerResponse) => res.writeHead(200).end(rss(`Outlet ${i}`, items(i)));
      const server = await startFeedServer({
        "/feed.xml": (_req, res) => {
          if (i < SLOW_FROM || !holding) return answer(res);
          held.push(res);
        },
      });
      servers.push(server);
      await t.client.execute({ sql: "insert into feeds (url) values (?)", args: [server.url("/feed.xml")] });
    }
    const subscription = await makeWebhookSubscription(t.db, "https://hooks.example.com/in", {
      createdAt: Date.now() - 60_000,
    });

    child = spawn(process.execPath, ["--import", "tsx", "jobs/cli.ts", "ingest", "--once", "--all"], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "", ...env },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    // Killed while it holds every slow feed in flight, the fast ones stored.
    await waitFor(
      "the first pass to store the fast feeds and hold the slow ones",
      async () =>
        held.length === FEEDS - SLOW_FROM &&
        (await count("select count(distinct feed_id) as n from articles")) === SLOW_FROM,
      90_000,
    );
    child.kill("SIGKILL");
    await exited;
    holding = false;
    for (const res of held) res.destroy();

    // The next pass: every feed stored within two minutes (the killed process's leases lapse within one).
    const next = runCliProcess(["ingest", "--once", "--all"], env, 180_000);
    await waitFor(
      "every feed to be stored",
      async () => (await count("select count(distinct feed_id) as n from articles")) === FEEDS,
      120_000,
    );
    const finished = await next;

    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stdout).toMatch(
      new RegExp(`ingest: ${FEEDS - SLOW_FROM} feeds \\(${FEEDS - SLOW_FROM} stored`),
    );
    const perFeed = await t.client.execute(
      "select f.id, count(a.id) as n from feeds f left join articles a on a.feed_id = f.id group by f.id",
    );
    expect(perFeed.rows.map((row) => Number(row.n))).toEqual(Array(FEEDS).fill(ITEMS));
    expect(await count("select count(distinct url) as n from articles")).toBe(FEEDS * ITEMS);
    // One alert per article: none lost with the killed process, none written twice by the next.
    const alerts = await t.client.execute({
      sql: "select dedupe_key from alert_events where subscription_id = ? order by dedupe_key",
      args: [subscription.id],
    });
    const articleKeys = await t.client.execute("select 'article:' || id as k from articles order by k");
    // Past the hourly cap, instant alerts are kept as folded rows (same per-article key) plus one summary.
    const keys = alerts.rows.map((row) => String(row.dedupe_key));
    expect(keys.filter((k) => k.startsWith("article:"))).toEqual(articleKeys.rows.map((row) => row.k));
    expect(keys.filter((k) => !k.startsWith("article:")).length).toBeLessThanOrEqual(1);
  });
});
