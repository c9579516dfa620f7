import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Client } from "@libsql/client";
import { sql } from "drizzle-orm";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
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
  // A file needs the local client only; the remote ones bring a WebSocket stack (`jobs list`: 0.37 -> 0.34 s).
  const { createClient } = await (isFile ? import("@libsql/client/sqlite3") : import("@libsql/client"));
  const { drizzle } = await (isFile ? import("drizzle-orm/libsql/sqlite3") : import("drizzle-orm/libsql"));
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

/**
 * The write-ahead log is copied back into the database file (a checkpoint) once it holds this many pages, 40 MB,
 * instead of SQLite's 1,000. A feed's store dirties pages all over the story and full-text indexes, and with
 * checkpoints ten times as often the same pages were copied again and again: a pass over 100 feeds of 200
 * entries took 5% less (5.84 -> 5.54 s, median of 3, a pass run in-process as the ingest bench's CLI-path pass
 * is; no change at 2,000 entries a feed). The log then takes up to ~40 MB of disk beside the database.
 */
const STORE_CHECKPOINT_PAGES = 10_000;
/**
 * The page cache of a connection that stores, in KiB: 16 MiB instead of SQLite's 2 MiB, so the pages of the
 * indexes the next feed's store reads and writes are more often still in memory. The same pass took 4% less
 * again (5.51 -> 5.27 s; with 64 MiB, 5.20 s). The cache fills only as pages are read, and stays with the
 * connection: a server's ingest thread holds up to 16 MiB more per pooled connection.
 */
const STORE_CACHE_KIB = 16_384;

/**
 * The settings of a connection that stores feeds, made in the store's own transaction: they are the
 * connection's, and the pool hands a store any of its connections (libSQL's client opens them itself, with no
 * hook for settings). Only on a local file: a remote libSQL server keeps its own.
 */
export async function useStoreSettings(db: Db, tx: Tx): Promise<void> {
  if (db.$client.protocol !== "file") return;
  await tx.run(sql.raw(`PRAGMA wal_autocheckpoint = ${STORE_CHECKPOINT_PAGES}`));
  await tx.run(sql.raw(`PRAGMA cache_size = -${STORE_CACHE_KIB}`));
}
