import type { Db } from "../../db/client";
import { type IngestRunRow, ingestRunsAfter } from "../../db/queries/metrics";

export interface IngestTotals {
  passes: { ok: number; failed: number };
  feeds: { stored: number; notModified: number; failed: number };
  articlesAdded: number;
  articlesUpdated: number;
  /** "error:<kind>" counts of the summaries, by kind. */
  failuresByKind: Map<string, number>;
  durationMsSum: number;
}

/** A run still "running" after this long belongs to a process that died; it no longer holds the watermark. */
const ABANDONED_AFTER_MS = 6 * 60 * 60_000;

export function emptyTotals(): IngestTotals {
  return {
    passes: { ok: 0, failed: 0 },
    feeds: { stored: 0, notModified: 0, failed: 0 },
    articlesAdded: 0,
    articlesUpdated: 0,
    failuresByKind: new Map(),
    durationMsSum: 0,
  };
}

/** Adds one finished run to the totals. */
export function addRun(totals: IngestTotals, run: IngestRunRow): void {
  const s = run.summary ?? {};
  const n = (key: string) => (typeof s[key] === "number" && Number.isFinite(s[key]) ? s[key] : 0);
  totals.passes[run.status === "failed" ? "failed" : "ok"]++;
  totals.feeds.stored += n("stored");
  totals.feeds.notModified += n("notModified");
  totals.feeds.failed += n("failed");
  totals.articlesAdded += n("articlesAdded");
  totals.articlesUpdated += n("articlesUpdated");
  totals.durationMsSum += s.durationMs ?? (run.finishedAt ?? run.startedAt) - run.startedAt;
  for (const key of Object.keys(s)) {
    if (key.startsWith("error:")) {
      const kind = key.slice("error:".length);
      totals.failuresByKind.set(kind, (totals.failuresByKind.get(kind) ?? 0) + n(key));
    }
  }
}

/**
 * Ingest counters over every finished run in job_runs, read incrementally. Finished rows never change, so each
 * is summed once; the watermark advances over every row up to the oldest run still going, and rows finished
 * past that are remembered by id until the watermark passes them. Scrapes are serialized so none counts twice.
 */
export class IngestTotalsReader {
  readonly #db: Db;
  readonly #now: () => number;
  readonly #totals = emptyTotals();
  #watermark = 0;
  readonly #countedAbove = new Set<number>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  read(): Promise<IngestTotals> {
    const next = this.#queue.then(() => this.#catchUp());
    this.#queue = next.catch(() => {});
    return next;
  }

  async #catchUp(): Promise<IngestTotals> {
    const rows = await ingestRunsAfter(this.#db, this.#watermark);
    let holding = false;
    for (const row of rows) {
      const finished = row.status !== "running";
      if (finished && !this.#countedAbove.has(row.id)) {
        addRun(this.#totals, row);
        this.#countedAbove.add(row.id);
      }
      if (!finished && this.#now() - row.startedAt < ABANDONED_AFTER_MS) holding = true;
      if (!holding) this.#watermark = row.id;
    }
    for (const id of this.#countedAbove) if (id <= this.#watermark) this.#countedAbove.delete(id);
    return structuredClone(this.#totals);
  }
}
