import pino from "pino";
import { loadConfig } from "../../core/config";
import { ingestJob } from "../../jobs/registry";
import { dryRunQuery } from "../../jobs/topics/dry-run";
import { createApp } from "../../server/app";
import { createTestDatabase, type TestDatabase } from "./db";

export const ADMIN_TOKEN = "test-admin-token-0123456789";

export interface TestApp {
  app: ReturnType<typeof createApp>;
  t: TestDatabase;
  /** Headers with the admin bearer token, plus JSON content type. */
  admin: Record<string, string>;
}

/** The real app over a fresh migrated database file, configured the way the environment would. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: `file:${t.path}`, TIDEMARK_ADMIN_TOKEN: ADMIN_TOKEN, ...env });
  // The dry run in this process: the server's topic worker is tested on its own (test/jobs/topic-worker.test.ts).
  const dryRun = (query: string, n: number, slug?: string) => dryRunQuery(t.db, query, n, slug);
  const log = pino({ level: "silent" });
  // "Fetch now" as server/index.ts wires it: a one-feed ingest pass, here with the parse in this thread.
  const fetchFeed = (feedId: number) => ingestJob({ db: t.db, config, log }, { scope: { feedId } });
  const app = createApp({ db: t.db, config, log, dryRun, fetchFeed });
  return {
    app,
    t,
    admin: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
  };
}
