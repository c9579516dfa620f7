import { serve } from "@hono/node-server";
import { ConfigError, loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { configuredChannels } from "../jobs/alerts/channel-registry";
import { startDeliveryWorker } from "../jobs/alerts/delivery-worker";
import { digestJob, ingestJob, retagJob, spikeJob } from "../jobs/registry";
import { startScheduler } from "../jobs/scheduler";
import { seedFirstStart } from "../jobs/seed";
import { createApp } from "./app";

/** `npm start`: migrate, seed an empty database, serve HTTP, and run the ingest schedule, in one process. */
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

  const app = createApp({ db, config, log });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info({ url: `http://${config.host}:${info.port}/` }, "Tidemark is listening");
  });

  const scheduler = startScheduler(
    [
      ...(config.schedule
        ? [{ name: "ingest", schedule: config.schedule, run: () => ingestJob(jobContext, { scope: "due" }) }]
        : []),
      // Topics created or edited through the API are retagged in the background, in batches.
      { name: "retag", schedule: "*/5 * * * * *", run: () => retagJob(jobContext) },
      // Daily digests go out at each subscriber's own hour and zone, so the check runs every minute.
      { name: "digest", schedule: "* * * * *", run: () => digestJob(jobContext) },
      // Spikes are checked on the rollups every 5 minutes, which also catches ingests by other processes.
      { name: "spike", schedule: "*/5 * * * *", run: () => spikeJob(jobContext) },
    ],
    log,
  );
  if (!config.schedule) log.info("TIDEMARK_SCHEDULE=off: this process fetches no feeds on its own");
  // Alerts go out whatever the schedule: the worker polls the outbox, so events that another process's ingest
  // wrote are sent too.
  const delivery = startDeliveryWorker({
    db,
    log: log.child({ job: "deliver-alerts" }),
    publicUrl: config.publicUrl,
    channels: configuredChannels(config),
  });

  const shutdown = (signal: string) => {
    log.info({ signal }, "shutting down");
    scheduler.stop();
    const deliveriesDone = delivery.stop();
    server.close(async () => {
      await deliveriesDone;
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
