import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addFeed } from "../../db/queries/feeds";
import { findJob, JOBS, type JobsContext } from "../../jobs/registry";
import { startJobs } from "../../jobs/scheduler";
import { runCli } from "../helpers/cli";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss, storyItems } from "../helpers/feed-xml";

let t: TestDatabase;
let server: FeedServer | undefined;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  t.destroy();
});

function context(schedule: string | null, log = pino({ level: "silent" })): JobsContext {
  return { db: t.db, config: { allowPrivateUrls: true, publicUrl: "http://127.0.0.1:3000", schedule }, log };
}

async function feedWithThreeStories(): Promise<string> {
  server = await startFeedServer({
    "/feed.xml": (_req, res) => res.writeHead(200).end(rss("Registry", storyItems("registry", 3))),
  });
  const url = server.url("/feed.xml");
  await addFeed(t.db, { url, lang: null });
  return url;
}

describe("the job registry", () => {
  it("names each job once", () => {
    const names = JOBS.map((job) => job.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(["ingest", "retag", "digest", "spike", "retention", "deliver-alerts"]);
  });

  it("is the list the server starts, without ingest when TIDEMARK_SCHEDULE is off", async () => {
    const running = startJobs(context("*/15 * * * *"));
    await running.stop();
    expect(running.jobs).toHaveLength(JOBS.length);
    for (const [i, job] of running.jobs.entries()) expect(job).toBe(JOBS[i]);

    const off = startJobs(context(null));
    await off.stop();
    expect(off.jobs).toEqual(JOBS.filter((job) => job.name !== "ingest"));
  });

  it("runs one job as a plain function that logs its counts", async () => {
    await feedWithThreeStories();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const counts = await findJob("ingest")!.run(context(null, pino({ level: "info" }, sink)));
    expect(counts).toMatchObject({ feeds: 1, stored: 1, articlesAdded: 3 });
    const finished = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === "job finished");
    expect(finished).toMatchObject({ job: "ingest", scope: "due", feeds: 1, articlesAdded: 3 });
  });
});

// Each CLI call is a real process (node + tsx): slow to start on a busy 2-core machine.
describe("npm run cli -- jobs", { timeout: 120_000 }, () => {
  const env = () => ({ DATABASE_URL: `file:${t.path}`, TIDEMARK_ALLOW_PRIVATE_URLS: "1" });

  it("lists the jobs, and calls an unknown name a usage error", async () => {
    const list = await runCli(["jobs", "list"], env());
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^JOB +SCHEDULE +DOES\n/);
    for (const job of JOBS) expect(list.stdout).toMatch(new RegExp(`^${job.name} `, "m"));
    expect(list.stdout).toContain("TIDEMARK_SCHEDULE (*/15 * * * *)");
    const unknown = await runCli(["jobs", "run", "frobnicate"], env());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown job 'frobnicate'");
    // One line naming the problem and one pointing at the help, not the whole usage.
    expect(unknown.stderr).toBe(
      "tidemark: jobs run: unknown job 'frobnicate' (jobs: " +
        `${JOBS.map((j) => j.name).join(", ")})\nsee 'npm run --silent cli -- jobs run --help'\n`,
    );
  });

  it("runs one job once and prints its counts", async () => {
    await feedWithThreeStories();
    const run = await runCli(["jobs", "run", "ingest"], env());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ingest: feeds 1, stored 1, .*articlesAdded 3/);
    const total = await t.client.execute("select count(*) as n from articles");
    expect(Number(total.rows[0]!.n)).toBe(3);
  });
});
