import type { Executor } from "../../db/client";
import { type ArticlesQuery, answerArticles } from "./articles-answer";
import { answerCoverage, type CoverageAnswer, type CoverageQuery } from "./coverage-answer";
import { answerSpread, type SpreadQuery } from "./spread-answer";

export type ArticlesAnswer = Awaited<ReturnType<typeof answerArticles>>;
export type SpreadAnswer = Awaited<ReturnType<typeof answerSpread>>;

/**
 * The read queries that can take milliseconds of SQLite at a million articles: coverage (rollup sums, spikes),
 * article lists (search) and a topic's spread (every tagged article of the period). libSQL's file calls are synchronous on the calling thread, so the server hands
 * them to read workers (read-pool.ts); tests and a `:memory:` database answer them in-process.
 */
export interface Reads {
  coverage(query: CoverageQuery): Promise<CoverageAnswer>;
  articles(query: ArticlesQuery): Promise<ArticlesAnswer>;
  spread(query: SpreadQuery): Promise<SpreadAnswer>;
  stop(): Promise<void>;
}

export function inProcessReads(db: Executor, now: () => number = Date.now): Reads {
  return {
    coverage: (query) => answerCoverage(db, query, now()),
    articles: (query) => answerArticles(db, query),
    spread: (query) => answerSpread(db, query, now()),
    stop: async () => {},
  };
}

/** A read as data: what a read worker is sent. */
export type ReadCall =
  | { kind: "coverage"; query: CoverageQuery }
  | { kind: "articles"; query: ArticlesQuery }
  | { kind: "spread"; query: SpreadQuery };

/** Runs one read call against `db`: the worker's dispatch, and the in-process one's. */
export function runRead(db: Executor, call: ReadCall, now: number): Promise<unknown> {
  switch (call.kind) {
    case "coverage":
      return answerCoverage(db, call.query, now);
    case "articles":
      return answerArticles(db, call.query);
    case "spread":
      return answerSpread(db, call.query, now);
  }
}
