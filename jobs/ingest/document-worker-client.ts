import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import type { TopicSet } from "../topics/topic-tagger";
import { FeedError, type FeedErrorKind } from "./feed-error";
import type { PreparedDocument, PrepareInput } from "./prepare-entries";

/**
 * A document to read and prepare, or (`input` null) only topics to compile ahead of the documents. Its topics are
 * named by signature, and carried whole only when the thread has not compiled them yet: the concepts are tens of
 * kilobytes, and a pass sends one document per feed.
 */
export interface DocumentWorkerRequest {
  id: number;
  input: Omit<PrepareInput, "topics"> | null;
  topics: TopicSet | { signature: string } | undefined;
}

export type DocumentWorkerResponse =
  | { kind: "ready" }
  | { id: number; ok: true; value: PreparedDocument | null }
  | { id: number; ok: false; error: { kind: FeedErrorKind; message: string } };

export interface DocumentWorkerOptions {
  log: Logger;
  /**
   * Longest one request may take. Rss-parser reads ~25 MB/s, so a 10 MiB feed takes well under a second, and
   * tagging 2,000 entries a fraction of one; a document that takes this long is hostile or pathological, and
   * its feed is failed and backed off.
   */
  timeoutMs?: number;
  /** Heap of the worker: a document that needs more fails its feed, never the server (tests make it small). */
  maxHeapMb?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
// The pass reads one document at a time; a 10 MiB body's parse tree is ~10x its size.
const DEFAULT_MAX_HEAP_MB = 512;

/** A document to read, or (`document` null) topics to compile. */
interface Job {
  id: number;
  document: Omit<PrepareInput, "topics"> | null;
  topics: TopicSet | undefined;
  resolve(value: PreparedDocument | null): void;
  reject(error: Error): void;
}

/**
 * The ingest's document work in a worker thread (document-worker.ts): reading (parse and normalize) and
 * preparing (every entry's tags and story fingerprint, prepare-entries.ts). So a 10 MiB feed never stalls
 * the server's HTTP event loop, and a pass reads and prepares the next feed while this thread stores the one
 * before: on two cores the store's SQL and the parse-and-tag work overlap.
 *
 * Requests go one at a time, in order; the thread starts on the first and is kept for the next. A document
 * that throws fails its feed as it would in-process (the same FeedError); one that crashes the thread, runs out
 * of its heap or outlasts `timeoutMs` fails with a `parse` or `timeout` error, the thread is replaced, and the
 * next request goes on.
 */
export class DocumentWorker {
  readonly #options: Required<DocumentWorkerOptions>;
  #worker: Worker | undefined;
  #queue: Job[] = [];
  #current: { job: Job; timer: NodeJS.Timeout } | undefined;
  /** Topics sent to compile, by request id, not yet answered (they do not hold up the next document). */
  #compiles = new Map<number, Job>();
  #ready = false;
  /** The topics the current thread has compiled, by signature. */
  #threadSignature: string | undefined;
  #nextId = 1;
  #stopped = false;

  constructor(options: DocumentWorkerOptions) {
    this.#options = { timeoutMs: DEFAULT_TIMEOUT_MS, maxHeapMb: DEFAULT_MAX_HEAP_MB, ...options };
  }

  /** Reads a document and prepares its entries (the ingest pass's DocumentWork.read). */
  readonly read = (input: PrepareInput): Promise<PreparedDocument> => {
    const { topics, ...document } = input;
    return this.#enqueue(document, topics).then((value) => value!);
  };

  /**
   * Compiles the topics' matcher now, ahead of the first document that needs them (DocumentWork.compile); the
   * documents after name the topics by signature only.
   */
  readonly compile = async (topics: TopicSet): Promise<void> => {
    await this.#enqueue(null, topics);
  };

  #enqueue(document: Job["document"], topics: TopicSet | undefined): Promise<PreparedDocument | null> {
    if (this.#stopped) return Promise.reject(new FeedError("internal", "the document worker is stopped"));
    return new Promise<PreparedDocument | null>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, document, topics, resolve, reject });
      this.#next();
    });
  }

  /** Ends the thread; requests waiting or in flight fail. */
  async stop(): Promise<void> {
    this.#stopped = true;
    const stopped = new FeedError("internal", "the document worker is stopped");
    for (const job of this.#queue.splice(0)) job.reject(stopped);
    await this.#replace(stopped);
  }

  #next(): void {
    if (this.#current || this.#stopped) return;
    if (this.#queue.length === 0) {
      this.#worker?.unref(); // an idle worker must not keep the process alive
      return;
    }
    const worker = this.#worker ?? this.#start();
    worker.ref();
    if (!this.#ready) return; // sent once the thread says it is ready
    const job = this.#queue.shift()!;
    // The body is copied, not transferred: it may be a view on a buffer the caller still holds.
    const { topics } = job;
    const known = topics !== undefined && topics.signature === this.#threadSignature;
    worker.postMessage({
      id: job.id,
      input: job.document,
      topics: known ? { signature: topics.signature } : topics,
    } satisfies DocumentWorkerRequest);
    if (topics) this.#threadSignature = topics.signature;
    if (job.document === null) {
      // The thread answers in order, so the document after a compile is sent now, to wait in the thread's own
      // queue, rather than once the compile's answer has reached this thread, which may then be busy.
      this.#compiles.set(job.id, job);
      this.#next();
      return;
    }
    const timer = setTimeout(() => {
      const seconds = this.#options.timeoutMs / 1000;
      void this.#replace(new FeedError("timeout", `reading the document took longer than ${seconds} s`));
    }, this.#options.timeoutMs);
    this.#current = { job, timer };
  }

  #start(): Worker {
    const early = adoptEarlyThread(this.#options.maxHeapMb);
    const worker = early?.worker ?? spawnThread(this.#options.maxHeapMb);
    worker.unref();
    worker.on("message", (response: DocumentWorkerResponse) => {
      if (this.#worker !== worker) return;
      if ("kind" in response) {
        this.#ready = true;
        this.#next();
        return;
      }
      const compile = this.#compiles.get(response.id);
      if (compile) {
        this.#compiles.delete(response.id);
        if (response.ok) compile.resolve(null);
        else compile.reject(new FeedError(response.error.kind, response.error.message));
        return;
      }
      const current = this.#current;
      if (!current || current.job.id !== response.id) return;
      this.#finish(
        current,
        response.ok ? undefined : new FeedError(response.error.kind, response.error.message),
      );
      if (response.ok) current.job.resolve(response.value);
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const message =
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `the parser ran out of memory (${this.#options.maxHeapMb} MiB)`
          : `the parser crashed: ${error.message}`;
      this.#lost(worker, new FeedError("parse", message, { cause: error }));
    });
    worker.on("exit", (code) =>
      this.#lost(worker, new FeedError("parse", `the parser exited with code ${code}`)),
    );
    this.#worker = worker;
    this.#ready = early?.ready ?? false;
    this.#threadSignature = undefined;
    return worker;
  }

  /** Settles the request in flight (rejecting it with `error`, if given) and sends the next one. */
  #finish(current: { job: Job; timer: NodeJS.Timeout }, error?: Error): void {
    clearTimeout(current.timer);
    this.#current = undefined;
    if (error) current.job.reject(error);
    queueMicrotask(() => this.#next());
  }

  /** The thread is gone (crash, out of memory, exit): the request in flight fails, the next gets a new thread. */
  #lost(worker: Worker, error: FeedError): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    if (!this.#stopped)
      this.#options.log.warn({ err: error }, "document worker lost; the next request starts a new one");
    for (const job of this.#compiles.values()) job.reject(error);
    this.#compiles.clear();
    if (this.#current) this.#finish(this.#current, error);
  }

  /** Ends the thread (nothing in it needs a clean end: it holds no database) and fails its request. */
  async #replace(error: FeedError): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    this.#lost(worker, error);
    await worker.terminate();
  }
}

function spawnThread(maxHeapMb: number): Worker {
  return new Worker(workerEntry(), {
    name: "tidemark-document-worker",
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
  });
}

/**
 * A thread started before the process has loaded the rest of its code (startDocumentWorkerEarly), waiting for
 * the first DocumentWorker to take it over.
 */
let early: { worker: Worker; ready: boolean; lost: boolean; onMessage: () => void } | undefined;

/**
 * Starts a document worker's thread now, for the first DocumentWorker of this process to take over. The CLI's
 * `ingest` calls it first thing: the thread's start-up (loading the parser, the tagger and their data) then runs
 * on the other core while this one loads the database client and the rest, instead of after them, in the time
 * the first document waits for it.
 */
export function startDocumentWorkerEarly(): void {
  if (early) return;
  const worker = spawnThread(DEFAULT_MAX_HEAP_MB);
  worker.unref();
  const started = {
    worker,
    ready: false,
    lost: false,
    onMessage: () => {
      started.ready = true; // the only message before a request is "ready"
    },
  };
  worker.once("message", started.onMessage);
  // Until it is taken over, a thread that fails is only dropped: the DocumentWorker then starts its own.
  worker.on("error", () => {
    started.lost = true;
  });
  worker.on("exit", () => {
    started.lost = true;
  });
  early = started;
}

/** Ends an early thread no DocumentWorker took over (the command failed before its pass). */
export async function stopEarlyDocumentWorker(): Promise<void> {
  const left = early;
  early = undefined;
  await left?.worker.terminate();
}

/** Whether an early thread waits to be taken over, and whether it has loaded (tests wait on it). */
export function earlyThreadState(): "none" | "starting" | "ready" {
  if (!early) return "none";
  return early.ready ? "ready" : "starting";
}

function adoptEarlyThread(maxHeapMb: number): { worker: Worker; ready: boolean } | undefined {
  const taken = early;
  early = undefined;
  if (!taken) return undefined;
  if (taken.lost || maxHeapMb !== DEFAULT_MAX_HEAP_MB) {
    void taken.worker.terminate();
    return undefined;
  }
  taken.worker.off("message", taken.onMessage);
  taken.worker.removeAllListeners("error");
  taken.worker.removeAllListeners("exit");
  return { worker: taken.worker, ready: taken.ready };
}

/** Compiled JavaScript starts document-worker.js; TypeScript sources (tsx, vitest) a bootstrap that registers tsx. */
function workerEntry(): URL {
  return import.meta.url.endsWith(".ts")
    ? new URL("./document-worker-bootstrap.mjs", import.meta.url)
    : new URL("./document-worker.js", import.meta.url);
}
