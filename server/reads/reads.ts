import type { Executor } from "../../db/client";
import { type ArticlesQuery, answerArticles } from "./articles-answer";
import { answerCoverage, type CoverageAnswer, type CoverageQuery } from "./coverage-answer";

export type ArticlesAnswer = Awaited<ReturnType<typeof answerArticles>>;

/**
 * The read queries that can take milliseconds of SQLite at a million articles: coverage (rollup sums, spikes)
 * and article lists (search). libSQL's file calls are synchronous on the calling thread, so the server hands
 * them to read workers (read-pool.ts); tests and a `:memory:` database answer them in-process.
 */
export interface Reads {
  coverage(query: CoverageQuery): Promise<CoverageAnswer>;
  articles(query: ArticlesQuery): Promise<ArticlesAnswer>;
  stop(): Promise<void>;
}

export function inProcessReads(db: Executor, now: () => number = Date.now): Reads {
  return {
    coverage: (query) => answerCoverage(db, query, now()),
    articles: (query) => answerArticles(db, query),
    stop: async () => {},
  };
}

/** A read as data: what a read worker is sent. */
export type ReadCall =
  | { kind: "coverage"; query: CoverageQuery }
  | { kind: "articles"; query: ArticlesQuery };

/** Runs one read call against `db`: the worker's dispatch, and the in-process one's. */
export function runRead(db: Executor, call: ReadCall, now: number): Promise<unknown> {
  return call.kind === "coverage" ? answerCoverage(db, call.query, now) : answerArticles(db, call.query);
}
