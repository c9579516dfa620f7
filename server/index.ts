import { serve } from "@hono/node-server";
import { ConfigError, loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { startJobs } from "../jobs/scheduler";
import { seedFirstStart } from "../jobs/seed/first-start";
import { dryRunQuery } from "../jobs/topics/dry-run";
import { createApp } from "./app";

/** `npm start`: migrate, seed an empty database, serve HTTP, and run the jobs, in one process. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? "info");
  const database = await openDatabase({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  await migrateDatabase(database);
  const { db } = database;
  const jobContext = { db, config, log };
  await seedFirstStart(
    { db, allowPrivateUrls: config.allowPrivateUrls, log },
    { defaultFeeds: config.defaultFeeds, sampleData: config.sampleData },
  );

  const app = createApp({ db, config, log, dryRun: (query, n) => dryRunQuery(db, query, n) });
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
  console.error(error);
  process.exit(1);
});
