import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import { DomainError, type ErrorCode } from "../../core/errors";
import type { DatabaseOptions, Executor } from "../../db/client";
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

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker | undefined;
  pending: Map<number, Pending>;
}

/**
 * Calls go to the worker with the fewest calls in flight. A worker that dies rejects the calls it had and is
 * started again by the next call; a read changes nothing, so nothing needs undoing.
 */
export class ReadPool implements Reads {
  readonly #slots: Slot[];
  #nextId = 1;
  #stopped = false;

  constructor(
    readonly database: DatabaseOptions,
    readonly log: Logger,
    threads: number,
  ) {
    this.#slots = Array.from({ length: threads }, () => ({ worker: undefined, pending: new Map() }));
    // Started now rather than on the first request, so the first reader does not wait for a thread to boot;
    // an idle pool does not keep the process alive (see #call).
    for (const slot of this.#slots) this.#start(slot);
  }

  coverage(query: Extract<ReadCall, { kind: "coverage" }>["query"]) {
    return this.#call({ kind: "coverage", query }) as ReturnType<Reads["coverage"]>;
  }

  articles(query: Extract<ReadCall, { kind: "articles" }>["query"]) {
    return this.#call({ kind: "articles", query }) as Promise<ArticlesAnswer>;
  }

  spread(query: Extract<ReadCall, { kind: "spread" }>["query"]) {
    return this.#call({ kind: "spread", query }) as Promise<SpreadAnswer>;
  }

  terms(query: Extract<ReadCall, { kind: "terms" }>["query"]) {
    return this.#call({ kind: "terms", query }) as Promise<TermsAnswer>;
  }

  stories(query: Extract<ReadCall, { kind: "stories" }>["query"]) {
    return this.#call({ kind: "stories", query }) as Promise<StoriesAnswer>;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all(
      this.#slots.map(async (slot) => {
        const worker = slot.worker;
        if (!worker) return;
        const exited = new Promise((resolve) => worker.once("exit", resolve));
        worker.postMessage({ kind: "stop" } satisfies ReadWorkerMessage);
        this.#lost(slot, worker, new Error("read workers are stopped"));
        await exited;
      }),
    );
  }

  #call(call: ReadCall): Promise<unknown> {
    if (this.#stopped) return Promise.reject(new Error("read workers are stopped"));
    let slot = this.#slots[0]!;
    for (const other of this.#slots) if (other.pending.size < slot.pending.size) slot = other;
    const worker = slot.worker ?? this.#start(slot);
    const id = this.#nextId++;
    return new Promise<unknown>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...call, id } satisfies ReadWorkerMessage);
    });
  }

  #start(slot: Slot): Worker {
    const worker = new Worker(workerEntry(), {
      workerData: { database: this.database } satisfies ReadWorkerData,
      name: "tidemark-read-worker",
      // A read holds at most a page of articles or one answer's rollup cells: a small young generation keeps each
      // thread's resident memory down (the server's whole RSS is a target: issue 10), at the cost of more
      // (cheap) scavenges.
      resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 },
    });
    worker.unref();
    worker.on("message", (response: ReadResponse) => {
      const pending = slot.pending.get(response.id);
      if (!pending) return;
      slot.pending.delete(response.id);
      if (slot.pending.size === 0) worker.unref();
      if (response.ok) pending.resolve(response.value);
      else pending.reject(rebuild(response.error));
    });
    worker.on("error", (error) => this.#lost(slot, worker, error));
    worker.on("exit", (code) => this.#lost(slot, worker, new Error(`read worker exited with code ${code}`)));
    slot.worker = worker;
    return worker;
  }

  #lost(slot: Slot, worker: Worker, error: Error): void {
    if (slot.worker !== worker) return;
    slot.worker = undefined;
    if (!this.#stopped) this.log.error({ err: error }, "read worker died; the next read starts a new one");
    const pending = [...slot.pending.values()];
    slot.pending.clear();
    for (const call of pending) call.reject(error);
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
