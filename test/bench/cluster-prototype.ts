import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { serve } from "@hono/node-server";
import pino from "pino";
import { loadConfig } from "../../core/config";
import { openDatabase } from "../../db/client";
import { createApp } from "../../server/app";

/**
 * The alternative to read worker threads that issue 10 asked to measure: one server process per core, all
 * listening on one port (node:cluster) and sharing the database file in WAL mode, each answering its reads on
 * its own event loop. A prototype for api.bench.ts only: no jobs, no seeding, no shutdown handling.
 */
if (cluster.isPrimary) {
  for (let i = 0; i < availableParallelism(); i++) cluster.fork();
} else {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl });
  const app = createApp({ db: database.db, config, log: pino({ level: "silent" }) });
  serve({ fetch: app.fetch, port: config.port, hostname: config.host });
}
