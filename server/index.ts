import { serve } from "@hono/node-server";
import { ConfigError, loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { DatabaseUnreachableError } from "../db/reachability";
import { startIngestWork } from "../jobs/ingest/ingest-worker-client";
import { startJobs } from "../jobs/scheduler";
import { seedFirstStart } from "../jobs/seed/first-start";
import { startTopicWork } from "../jobs/topics/topic-worker-client";
import { createApp } from "./app";
import { startReads } from "./reads/read-pool";

/** `npm start`: migrate, seed an empty database, serve HTTP, and run the jobs, in one process. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? "info");
  const database = await openDatabase({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  await migrateDatabase(database);
  const { db } = database;
  // Retags and dry runs scan every stored article: a worker thread with its own connection runs them, so the
  // HTTP event loop only sends the request and awaits the answer.
  const topicWork = startTopicWork({
    database: { url: config.databaseUrl, authToken: config.databaseAuthToken },
    db,
    log,
  });
  // An ingest pass parses documents (up to 10 MiB: the better part of a second of CPU) and stores each feed in one
  // transaction (a 2,000-entry feed holds its thread for a tenth of a second or more): a worker thread with its
  // own connection (and a document worker of its own) runs the passes, so /api/health and the API keep answering.
  const ingestWork = startIngestWork({
    database: { url: config.databaseUrl, authToken: config.databaseAuthToken },
    allowPrivateUrls: config.allowPrivateUrls,
    logLevel: config.logLevel ?? "info",
    db,
    log,
  });
  const jobContext = { db, config, log, topicWork, ingestWork };
  await seedFirstStart(
    { db, allowPrivateUrls: config.allowPrivateUrls, log },
    { defaultFeeds: config.defaultFeeds, sampleData: config.sampleData },
  );

  // Coverage and article reads (rollup sums, searches) run in read worker threads with their own connections:
  // libSQL's file calls are synchronous, and on the event loop they would queue every request behind them.
  const reads = startReads({
    database: { url: config.databaseUrl, authToken: config.databaseAuthToken },
    db,
    log,
  });
  const app = createApp({
    db,
    config,
    log,
    reads,
    dryRun: (query, n, slug) => topicWork.dryRun(query, n, slug),
    // "Fetch now" fetches in the request, the pass `ingest --once --feed ID` runs: the person who pressed it sees
    // the outcome, and it works with TIDEMARK_SCHEDULE=off, where a feed marked due would wait for no one.
    fetchFeed: (feedId) => ingestWork.pass({ scope: { feedId } }),
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info({ url: `http://${config.host}:${info.port}/` }, "Tidemark is listening");
  });

  // Every job of the registry (jobs/registry.ts): the cron ones on their schedules, the delivery worker now.
  const jobs = startJobs(jobContext);
  if (!config.schedule) log.info("TIDEMARK_SCHEDULE=off: this process fetches no feeds on its own");

  const shutdown = (signal: string) => {
    log.info({ signal }, "shutting down");
    const jobsDone = jobs.stop();
    server.close(async () => {
      await jobsDone;
      await topicWork.stop();
      await ingestWork.stop();
      await reads.stop();
      database.close();
      process.exit(0);
    });
    // In-flight requests get a moment; a stuck one must not keep the process alive.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof DatabaseUnreachableError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
