import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import { WorkerCalls } from "../../core/worker-calls";
import type { DatabaseOptions, Db } from "../../db/client";
import { type IngestJobSummary, ingestJob } from "../ingest-job";
import { TopicTagger } from "../topics/topic-tagger";
import { DocumentWorker } from "./document-worker-client";
import type { PassOptions } from "./ingest-pass";

/** Where the server's ingest passes run: `pass` is ingestJob (jobs/registry.ts) with its job_runs row. */
export interface IngestWork {
  pass(options: PassOptions): Promise<IngestJobSummary>;
  /** Ends the work; a pass in flight is abandoned as a killed process's would be (its feed's lease lapses). */
  stop(): Promise<void>;
}

export interface IngestWorkOptions {
  database: DatabaseOptions;
  allowPrivateUrls: boolean;
  /** pino level of the worker's own logger. */
  logLevel: string;
  /** The server's connection and logger, for a database a thread cannot share (`:memory:`). */
  db: Db;
  log: Logger;
}

/**
 * The server's ingest: in a worker thread with its own connection, so the store transactions (a 2,000-entry
 * feed holds its thread for ~0.1-0.2 s, and longer while it waits for another process's write lock) and every
 * other write of a pass run off the HTTP event loop. An in-memory database cannot be shared with a thread, so
 * its passes stay in-process, with a document worker and one topic matcher kept from pass to pass.
 */
export function startIngestWork(options: IngestWorkOptions): IngestWork {
  if (options.database.url.includes(":memory:")) return inProcessIngestWork(options);
  return new IngestWorkerClient(options);
}

function inProcessIngestWork({ db, log, allowPrivateUrls }: IngestWorkOptions): IngestWork {
  const documents = new DocumentWorker({ log });
  const context = {
    db,
    log,
    config: { allowPrivateUrls },
    documents,
    tagger: new TopicTagger(),
  };
  return { pass: (options) => ingestJob(context, options), stop: () => documents.stop() };
}

export interface IngestWorkerData {
  database: DatabaseOptions;
  allowPrivateUrls: boolean;
  logLevel: string;
}

/** What the worker is sent: a pass, or the word to end (`crash` ends it as an uncaught error would). */
export type IngestWorkerMessage =
  | { kind: "pass"; id: number; options: PassOptions }
  | { kind: "stop" }
  | { kind: "crash" };

interface IngestWorkError {
  name: string;
  message: string;
  stack?: string | undefined;
}

export type IngestWorkerResponse =
  | { id: number; ok: true; value: IngestJobSummary }
  | { id: number; ok: false; error: IngestWorkError };

/**
 * One long-lived worker thread (ingest-worker.ts), started by the first pass and kept for the next, so its
 * topic matcher and document worker are reused. A worker that dies rejects its pass and the next pass starts a
 * new one; what the dead pass left is what a killed process leaves (every feed's store is one transaction,
 * its leases lapse, its run is marked failed by the next).
 */
export class IngestWorkerClient implements IngestWork {
  readonly #calls: WorkerCalls<{ kind: "pass"; options: PassOptions }, IngestWorkError>;

  constructor(options: IngestWorkOptions) {
    const { database, allowPrivateUrls, logLevel, log } = options;
    this.#calls = new WorkerCalls({
      name: "the ingest worker",
      start: () =>
        new Worker(workerEntry(), {
          workerData: { database, allowPrivateUrls, logLevel } satisfies IngestWorkerData,
          name: "tidemark-ingest-worker",
        }),
      rebuild,
      died: (error) => log.error({ err: error }, "ingest worker died; the next pass starts a new one"),
    });
  }

  pass(options: PassOptions): Promise<IngestJobSummary> {
    return this.#calls.call({ kind: "pass", options }) as Promise<IngestJobSummary>;
  }

  stop(): Promise<void> {
    return this.#calls.stop({ kind: "stop" } satisfies IngestWorkerMessage, "the ingest worker is stopped");
  }

  /** Makes the worker fail as an uncaught error in it would, to test the way back; resolves once it is gone. */
  crash(): Promise<void> {
    return this.#calls.endWith({ kind: "crash" } satisfies IngestWorkerMessage);
  }
}

/** Compiled JavaScript starts ingest-worker.js; TypeScript sources (tsx, vitest) a bootstrap that registers tsx. */
function workerEntry(): URL {
  return import.meta.url.endsWith(".ts")
    ? new URL("./ingest-worker-bootstrap.mjs", import.meta.url)
    : new URL("./ingest-worker.js", import.meta.url);
}

function rebuild(described: IngestWorkError): Error {
  const error = new Error(described.message);
  error.name = described.name;
  error.stack = `${described.stack ?? `${described.name}: ${described.message}`}\n    (in the ingest worker thread)`;
  return error;
}
