import type { Executor } from "../../db/client";
import { type ArticlesQuery, answerArticles } from "./articles-answer";
import { answerCoverage, type CoverageAnswer, type CoverageQuery } from "./coverage-answer";
import { answerSpread, type SpreadQuery } from "./spread-answer";
import { answerStories, type StoriesQuery } from "./stories-answer";
import { answerTerms, type TermsQuery } from "./terms-answer";

export type ArticlesAnswer = Awaited<ReturnType<typeof answerArticles>>;
export type SpreadAnswer = Awaited<ReturnType<typeof answerSpread>>;
export type TermsAnswer = Awaited<ReturnType<typeof answerTerms>>;
export type StoriesAnswer = Awaited<ReturnType<typeof answerStories>>;

/**
 * The read queries that can take milliseconds of SQLite at a million articles: coverage (rollup sums, spikes),
 * article lists (search), a topic's spread (every tagged article of the period) and its distinctive terms (the
 * texts of up to 20,000 articles a side), and the stories of a selection. libSQL's file calls are synchronous on the calling thread, so the server hands
 * them to read workers (read-pool.ts); tests and a `:memory:` database answer them in-process. `signal` is the
 * request's: aborted (the client went away) before its read starts, the read is dropped unrun.
 */
export interface Reads {
  coverage(query: CoverageQuery, signal?: AbortSignal): Promise<CoverageAnswer>;
  articles(query: ArticlesQuery, signal?: AbortSignal): Promise<ArticlesAnswer>;
  spread(query: SpreadQuery, signal?: AbortSignal): Promise<SpreadAnswer>;
  terms(query: TermsQuery, signal?: AbortSignal): Promise<TermsAnswer>;
  stories(query: StoriesQuery, signal?: AbortSignal): Promise<StoriesAnswer>;
  stop(): Promise<void>;
}

export function inProcessReads(db: Executor, now: () => number = Date.now): Reads {
  return {
    coverage: (query) => answerCoverage(db, query, now()),
    articles: (query) => answerArticles(db, query),
    spread: (query) => answerSpread(db, query, now()),
    terms: (query) => answerTerms(db, query, now()),
    stories: (query) => answerStories(db, query),
    stop: async () => {},
  };
}

/** A read as data: what a read worker is sent. */
export type ReadCall =
  | { kind: "coverage"; query: CoverageQuery }
  | { kind: "articles"; query: ArticlesQuery }
  | { kind: "spread"; query: SpreadQuery }
  | { kind: "terms"; query: TermsQuery }
  | { kind: "stories"; query: StoriesQuery };

/** Runs one read call against `db`: the worker's dispatch, and the in-process one's. */
export function runRead(db: Executor, call: ReadCall, now: number): Promise<unknown> {
  switch (call.kind) {
    case "coverage":
      return answerCoverage(db, call.query, now);
    case "articles":
      return answerArticles(db, call.query);
    case "spread":
      return answerSpread(db, call.query, now);
    case "terms":
      return answerTerms(db, call.query, now);
    case "stories":
      return answerStories(db, call.query);
  }
}
