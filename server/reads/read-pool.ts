import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import { DomainError, type ErrorCode } from "../../core/errors";
import { LaneQueue } from "../../core/lane-queue";
import { WorkerCalls, type WorkerCallsOptions } from "../../core/worker-calls";
import type { DatabaseOptions, Executor } from "../../db/client";
import { readLane } from "./read-lanes";
import {
  type ArticlesAnswer,
  inProcessReads,
  type ReadCall,
  type Reads,
  type SpreadAnswer,
  type StoriesAnswer,
  type TermsAnswer,
} from "./reads";

export interface ReadWorkerData {
  database: DatabaseOptions;
}

export type ReadRequest = ReadCall & { id: number };
export type ReadWorkerMessage = ReadRequest | { kind: "stop" };

/** An error crossing the thread boundary as data; a DomainError keeps its code, so the API's 4xx is unchanged. */
export interface ReadError {
  name: string;
  message: string;
  stack?: string | undefined;
  domain?: { code: ErrorCode; details: unknown; param: string | undefined };
}

export type ReadResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ReadError };

/**
 * The server's reads: `threads` worker threads, each with its own connection to the database file, answer
 * coverage and article queries whole (SQL, series, spikes), so the HTTP event loop only routes, validates and
 * writes the answer. A database only this thread can see (`:memory:`) is read in-process.
 */
export function startReads(options: {
  database: DatabaseOptions;
  db: Executor;
  log: Logger;
  threads?: number;
}): Reads {
  if (options.database.url.includes(":memory:")) return inProcessReads(options.db);
  return new ReadPool(options.database, options.log, options.threads ?? defaultThreads());
}

/**
 * One thread per core: SQLite work is CPU-bound and the HTTP thread needs little, so the cores are shared by
 * the workers and the event loop rather than queued behind one. At least 2, so a slow read (a year-long
 * breakdown, a frequent search) never holds up every other read.
 */
const defaultThreads = () => Math.max(2, Math.min(4, availableParallelism()));

/**
 * Each worker answers one read at a time; reads wait in the pool's lanes (core/lane-queue.ts) until one is
 * free: quick ones first, and slow ones (a spread, terms, stories, coverage in stories) never on every worker,
 * so a dashboard's chart is not queued behind the panels of a page the reader already left. A read whose
 * request is aborted (the client went away) before it starts is dropped and never runs; one already running
 * finishes (a libSQL call cannot be interrupted) and its answer is thrown away. A worker that dies rejects
 * its read and is started again by the next; a read changes nothing, so nothing needs undoing.
 */
export class ReadPool implements Reads {
  readonly #workers: WorkerCalls<ReadCall, ReadError>[];
  readonly #lanes: LaneQueue<WaitingRead>;
  #dropped = 0;

  constructor(
    readonly database: DatabaseOptions,
    readonly log: Logger,
    threads: number,
  ) {
    this.#workers = Array.from({ length: threads }, () => new WorkerCalls(this.#workerOptions()));
    this.#lanes = new LaneQueue(threads);
    // Started now rather than on the first request, so the first reader does not wait for a thread to boot;
    // an idle pool does not keep the process alive.
    for (const worker of this.#workers) worker.start();
  }

  /** Reads dropped unstarted because their request was aborted. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Reads waiting for a worker. */
  get waiting(): number {
    return this.#lanes.waiting;
  }

  coverage(query: Extract<ReadCall, { kind: "coverage" }>["query"], signal?: AbortSignal) {
    return this.#call({ kind: "coverage", query }, signal) as ReturnType<Reads["coverage"]>;
  }

  articles(query: Extract<ReadCall, { kind: "articles" }>["query"], signal?: AbortSignal) {
    return this.#call({ kind: "articles", query }, signal) as Promise<ArticlesAnswer>;
  }

  spread(query: Extract<ReadCall, { kind: "spread" }>["query"], signal?: AbortSignal) {
    return this.#call({ kind: "spread", query }, signal) as Promise<SpreadAnswer>;
  }

  terms(query: Extract<ReadCall, { kind: "terms" }>["query"], signal?: AbortSignal) {
    return this.#call({ kind: "terms", query }, signal) as Promise<TermsAnswer>;
  }

  stories(query: Extract<ReadCall, { kind: "stories" }>["query"], signal?: AbortSignal) {
    return this.#call({ kind: "stories", query }, signal) as Promise<StoriesAnswer>;
  }

  async stop(): Promise<void> {
    const stop = { kind: "stop" } satisfies ReadWorkerMessage;
    await Promise.all(this.#workers.map((worker) => worker.stop(stop, "read workers are stopped")));
  }

  #call(call: ReadCall, signal: AbortSignal | undefined): Promise<unknown> {
    if (signal?.aborted) {
      this.#dropped++;
      return Promise.reject(clientGone());
    }
    return new Promise<unknown>((resolve, reject) => {
      const waiting: WaitingRead = { call, resolve, reject };
      if (signal) {
        const abort = () => {
          if (!this.#lanes.drop(waiting)) return;
          this.#dropped++;
          reject(clientGone());
        };
        signal.addEventListener("abort", abort, { once: true });
        waiting.forget = () => signal.removeEventListener("abort", abort);
      }
      this.#lanes.add(waiting, readLane(call));
      this.#startWaiting();
    });
  }

  /** Starts waiting reads on idle workers, as many as the lanes allow. */
  #startWaiting(): void {
    for (let next = this.#lanes.start(); next; next = this.#lanes.start()) {
      const { job, lane } = next;
      job.forget?.();
      // The lanes never start more reads than there are workers, so one is idle.
      const worker = this.#workers.find((w) => w.inFlight === 0)!;
      // A worker that cannot even be started (a throw, not a rejection) must still give its lane back.
      new Promise<unknown>((resolve) => resolve(worker.call(job.call)))
        .then(job.resolve, job.reject)
        .finally(() => {
          this.#lanes.done(lane);
          this.#startWaiting();
        });
    }
  }

  #workerOptions(): WorkerCallsOptions<ReadError> {
    return {
      name: "read worker",
      start: () =>
        new Worker(workerEntry(), {
          workerData: { database: this.database } satisfies ReadWorkerData,
          name: "tidemark-read-worker",
          // A read holds at most a page of articles or one answer's rollup cells: a small young generation keeps
          // each thread's resident memory down (the server's whole RSS is a target: issue 10), at the cost of
          // more (cheap) scavenges.
          resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 },
        }),
      rebuild,
      died: (error) => this.log.error({ err: error }, "read worker died; the next read starts a new one"),
    };
  }
}

/** Compiled JavaScript starts read-worker.js; TypeScript sources (tsx, vitest) a bootstrap that registers tsx. */
function workerEntry(): URL {
  return import.meta.url.endsWith(".ts")
    ? new URL("./read-worker-bootstrap.mjs", import.meta.url)
    : new URL("./read-worker.js", import.meta.url);
}

function rebuild(described: ReadError): Error {
  const { domain } = described;
  const error = domain
    ? new DomainError(domain.code, described.message, { details: domain.details, param: domain.param })
    : new Error(described.message);
  error.name = described.name;
  error.stack = `${described.stack ?? `${described.name}: ${described.message}`}\n    (in a read worker thread)`;
  return error;
}

interface WaitingRead {
  call: ReadCall;
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Stops listening for its request's abort, once it has started. */
  forget?: () => void;
}

/** Nobody reads the answer; 499 (nginx's "client closed request") keeps it out of the error log. */
const clientGone = () =>
  new HTTPException(499 as ContentfulStatusCode, {
    message: "the client closed the request before its read began",
  });
