import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import { DomainError, type ErrorCode } from "../../core/errors";
import { QueryError } from "../../core/tagging/query-ast";
import { WorkerCalls } from "../../core/worker-calls";
import type { DatabaseOptions, Db } from "../../db/client";
import { type DryRunResult, dryRunQuery } from "./dry-run";
import { type RetagOptions, type RetagSummary, retagTopics } from "./retag";

/** The CPU-heavy topic work: retagging stored articles and dry runs of draft queries. */
export interface TopicWork {
  retag(options?: RetagOptions): Promise<RetagSummary>;
  /** Throws QueryError for a query that does not compile and not_found for an unknown slug, as dryRunQuery does. */
  dryRun(query: string, exampleCount?: number, slug?: string): Promise<DryRunResult>;
  stop(): Promise<void>;
}

/** The same work in the calling thread: the CLI, and a database only this thread can see (`:memory:`). */
export function inProcessTopicWork(db: Db): TopicWork {
  return {
    retag: (options) => retagTopics(db, options),
    dryRun: (query, exampleCount, slug) => dryRunQuery(db, query, exampleCount, slug),
    stop: async () => {},
  };
}

/**
 * The server's topic work: in a worker thread with its own connection to the database, so a retag of 100,000
 * articles or a dry run over them never holds up the HTTP event loop. An in-memory database cannot be shared
 * with a thread, so its work stays in-process.
 */
export function startTopicWork(options: { database: DatabaseOptions; db: Db; log: Logger }): TopicWork {
  if (options.database.url.includes(":memory:")) return inProcessTopicWork(options.db);
  return new TopicWorkerClient(options);
}

export interface TopicWorkerData {
  database: DatabaseOptions;
}

type TopicWorkCall =
  | { kind: "retag"; options: RetagOptions }
  | { kind: "dry-run"; query: string; exampleCount: number; slug: string | undefined };

export type TopicWorkRequest = TopicWorkCall & { id: number };

/** What the worker is sent: a request, or the word to end (`crash` ends it as an uncaught error would). */
export type TopicWorkerMessage = TopicWorkRequest | { kind: "stop" } | { kind: "crash" };

/** An error crossing the thread boundary as data; a DomainError keeps what the API answers with. */
export interface TopicWorkError {
  name: string;
  message: string;
  stack?: string | undefined;
  /** A libSQL error's code (SQLITE_BUSY ...). */
  code?: string;
  domain?: { code: ErrorCode; details: unknown; param: string | undefined };
}

export type TopicWorkResponse =
  | { id: number; ok: true; value: RetagSummary | DryRunResult }
  | { id: number; ok: false; error: TopicWorkError };

/**
 * One long-lived worker thread (jobs/topics/topic-worker.ts), started on the first call. Each call posts a
 * request and awaits its answer; an error thrown in the worker is rebuilt here as the same kind of error (a
 * QueryError stays a QueryError, so the API's 400 is unchanged). A worker that dies rejects the calls it had
 * and the next call starts a new one; its half-done retag batch was one transaction, so nothing is half
 * written, and the retag resumes from the topic's cursor.
 */
export class TopicWorkerClient implements TopicWork {
  readonly #calls: WorkerCalls<TopicWorkCall, TopicWorkError>;

  constructor(options: { database: DatabaseOptions; log: Logger }) {
    this.#calls = new WorkerCalls({
      name: "topic worker",
      start: () => {
        const worker = new Worker(workerEntry(), {
          workerData: { database: options.database } satisfies TopicWorkerData,
          name: "tidemark-topic-worker",
        });
        options.log.debug({ threadId: worker.threadId }, "topic worker started");
        return worker;
      },
      rebuild,
      died: (error) => options.log.error({ err: error }, "topic worker died; the next call starts a new one"),
    });
  }

  retag(options: RetagOptions = {}): Promise<RetagSummary> {
    return this.#calls.call({ kind: "retag", options }) as Promise<RetagSummary>;
  }

  dryRun(query: string, exampleCount = 10, slug?: string): Promise<DryRunResult> {
    return this.#calls.call({ kind: "dry-run", query, exampleCount, slug }) as Promise<DryRunResult>;
  }

  /**
   * Shutdown: the calls in flight reject and the worker ends between two turns of its loop (a retag batch in
   * flight is rolled back, and the retag resumes on the next start). Later calls reject.
   */
  stop(): Promise<void> {
    return this.#calls.stop({ kind: "stop" } satisfies TopicWorkerMessage, "topic worker is stopped");
  }

  /** Makes the worker fail as an uncaught error in it would, to test the way back; resolves once it is gone. */
  crash(): Promise<void> {
    return this.#calls.endWith({ kind: "crash" } satisfies TopicWorkerMessage);
  }
}

/**
 * The worker's entry beside this module: compiled JavaScript starts topic-worker.js; TypeScript sources (tsx,
 * vitest) start a small bootstrap that registers tsx in the thread first (see topic-worker-bootstrap.mjs).
 */
function workerEntry(): URL {
  return import.meta.url.endsWith(".ts")
    ? new URL("./topic-worker-bootstrap.mjs", import.meta.url)
    : new URL("./topic-worker.js", import.meta.url);
}

/** The worker's error as this thread's: a DomainError (QueryError included) with its code, details and param. */
function rebuild(described: TopicWorkError): Error {
  const { domain } = described;
  let error: Error;
  if (domain) {
    const position = (domain.details as { position?: unknown } | undefined)?.position;
    error =
      described.name === "QueryError" && typeof position === "number"
        ? new QueryError("", position)
        : new DomainError(domain.code, "", { details: domain.details, param: domain.param });
  } else {
    error = new Error();
    if (described.code !== undefined) Object.assign(error, { code: described.code });
  }
  error.message = described.message;
  error.name = described.name;
  error.stack = `${described.stack ?? `${described.name}: ${described.message}`}\n    (in the topic worker thread)`;
  return error;
}
