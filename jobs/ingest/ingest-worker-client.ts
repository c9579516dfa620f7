import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import type { DatabaseOptions, Db } from "../../db/client";
import { type IngestJobSummary, ingestJob } from "../ingest-job";
import { TopicTagger } from "../topics/topic-tagger";
import type { PassOptions } from "./ingest-pass";
import { ParseWorker } from "./parse-worker-client";

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
 * its passes stay in-process, with a parse worker and one topic matcher kept from pass to pass.
 */
export function startIngestWork(options: IngestWorkOptions): IngestWork {
  if (options.database.url.includes(":memory:")) return inProcessIngestWork(options);
  return new IngestWorkerClient(options);
}

function inProcessIngestWork({ db, log, allowPrivateUrls }: IngestWorkOptions): IngestWork {
  const parsing = new ParseWorker({ log });
  const context = {
    db,
    log,
    config: { allowPrivateUrls },
    readDocument: parsing.read,
    tagger: new TopicTagger(),
  };
  return { pass: (options) => ingestJob(context, options), stop: () => parsing.stop() };
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

export type IngestWorkerResponse =
  | { id: number; ok: true; value: IngestJobSummary }
  | { id: number; ok: false; error: { name: string; message: string; stack?: string | undefined } };

interface Pending {
  resolve(value: IngestJobSummary): void;
  reject(error: Error): void;
}

/**
 * One long-lived worker thread (ingest-worker.ts), started by the first pass and kept for the next, so its
 * topic matcher and parse worker are reused. A worker that dies rejects its pass and the next pass starts a
 * new one; what the dead pass left is what a killed process leaves (every feed's store is one transaction,
 * its leases lapse, its run is marked failed by the next).
 */
export class IngestWorkerClient implements IngestWork {
  readonly #options: IngestWorkOptions;
  #worker: Worker | undefined;
  #pending = new Map<number, Pending>();
  #nextId = 1;
  #stopped = false;

  constructor(options: IngestWorkOptions) {
    this.#options = options;
  }

  pass(options: PassOptions): Promise<IngestJobSummary> {
    if (this.#stopped) return Promise.reject(new Error("the ingest worker is stopped"));
    const worker = this.#worker ?? this.#start();
    const id = this.#nextId++;
    return new Promise<IngestJobSummary>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      // An idle worker must not keep the process alive; one with a pass must.
      worker.ref();
      worker.postMessage({ kind: "pass", id, options } satisfies IngestWorkerMessage);
    });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#end({ kind: "stop" }, new Error("the ingest worker is stopped"));
  }

  /** Makes the worker fail as an uncaught error in it would, to test the way back; resolves once it is gone. */
  async crash(): Promise<void> {
    await this.#end({ kind: "crash" });
  }

  async #end(message: IngestWorkerMessage, error?: Error): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    // Not events.once: it rejects on the worker's "error" event, which is how a crash ends.
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.postMessage(message);
    if (error) this.#lost(worker, error);
    await exited;
  }

  #start(): Worker {
    const { database, allowPrivateUrls, logLevel } = this.#options;
    const worker = new Worker(workerEntry(), {
      workerData: { database, allowPrivateUrls, logLevel } satisfies IngestWorkerData,
      name: "tidemark-ingest-worker",
    });
    worker.unref();
    worker.on("message", (response: IngestWorkerResponse) => {
      const pending = this.#pending.get(response.id);
      if (!pending) return;
      this.#pending.delete(response.id);
      if (this.#pending.size === 0) worker.unref();
      if (response.ok) pending.resolve(response.value);
      else pending.reject(rebuild(response.error));
    });
    worker.on("error", (error) => this.#lost(worker, error));
    worker.on("exit", (code) => this.#lost(worker, new Error(`the ingest worker exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }

  /** The worker is gone: its pass rejects, the next pass starts a new one. */
  #lost(worker: Worker, error: Error): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    if (!this.#stopped)
      this.#options.log.error({ err: error }, "ingest worker died; the next pass starts a new one");
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const call of pending) call.reject(error);
  }
}

/** Compiled JavaScript starts ingest-worker.js; TypeScript sources (tsx, vitest) a bootstrap that registers tsx. */
function workerEntry(): URL {
  return import.meta.url.endsWith(".ts")
    ? new URL("./ingest-worker-bootstrap.mjs", import.meta.url)
    : new URL("./ingest-worker.js", import.meta.url);
}

function rebuild(described: { name: string; message: string; stack?: string | undefined }): Error {
  const error = new Error(described.message);
  error.name = described.name;
  error.stack = `${described.stack ?? `${described.name}: ${described.message}`}\n    (in the ingest worker thread)`;
  return error;
}
