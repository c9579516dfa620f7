import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { type Client, createClient } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { assertReachable } from "./reachability";
import * as schema from "./schema";

/** The database as drizzle gives it, with the libSQL client under it (`$client.protocol` tells a local file). */
export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

export interface Database {
  db: Db;
  client: Client;
  url: string;
  close(): void;
}

export interface DatabaseOptions {
  url: string;
  authToken?: string | undefined;
}

/** How long a writer waits for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * The one place that opens the database. `url` is any libSQL URL: `file:` for the embedded default,
 * `libsql://`, `http(s)://` or `ws(s)://` for a sqld/Turso server shared by several machines.
 */
export async function openDatabase({ url, authToken }: DatabaseOptions): Promise<Database> {
  const isFile = url.startsWith("file:");
  if (isFile) ensureParentDir(url);
  // `timeout` is handed to every connection the client's pool opens, so the busy timeout reaches all of
  // them; a PRAGMA busy_timeout would only reach one (see MEASUREMENTS.md). libSQL opens connections with
  // foreign keys on.
  const client = createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS });
  if (isFile && !url.includes(":memory:")) {
    // WAL is a property of the file, not of a connection: readers (the server) and a writer (a CLI ingest)
    // then proceed side by side.
    await client.execute("PRAGMA journal_mode = WAL");
  } else if (!isFile) {
    await assertReachable(client, url);
  }
  const db = drizzle(client, { schema });
  return { db, client, url, close: () => client.close() };
}

function ensureParentDir(url: string): void {
  const path = url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length).split("?")[0]!;
  if (path === "" || path === ":memory:") return;
  mkdirSync(dirname(path), { recursive: true });
}

/** A transaction handle, accepted wherever a query may run inside or outside a transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;
