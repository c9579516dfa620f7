import { UNKNOWN } from "../coverage/coverage-scope";
import { EVIDENCE_ARTICLE_CAP, type Miss, type MissTerm } from "./topic-evidence";

/**
 * The answers of GET /api/topics/:slug/terms and /misses as plain data, shaped once for the API and the CLI's
 * `topics misses --json`, which print the same thing.
 */

export interface EvidenceRead {
  from: number;
  toExclusive: number;
  topic: readonly unknown[];
  rest: readonly unknown[];
  topicCapped: boolean;
  restCapped: boolean;
}

/**
 * What the statistics were computed on: the topic, the period, the languages (as the `lang` filter names them,
 * comma-separated; null for every language) and the articles read.
 */
export function evidenceScope(slug: string, langs: readonly string[] | null, read: EvidenceRead) {
  return {
    topic: slug,
    from: new Date(read.from).toISOString(),
    to: new Date(read.toExclusive - 1).toISOString(),
    lang: langs === null ? null : langs.map((l) => l || UNKNOWN).join(","),
    articles: {
      topic: read.topic.length,
      rest: read.rest.length,
      cap: EVIDENCE_ARTICLE_CAP,
      topicCapped: read.topicCapped,
      restCapped: read.restCapped,
    },
    nextCursor: null,
  };
}

export interface MissArticleFields {
  id: number;
  url: string | null;
  title: string;
  lang: string | null;
  publishedAt: number;
  feedId: number;
  feedName: string | null;
  isSample: boolean;
}

export interface MissItem {
  id: number;
  url: string | null;
  title: string;
  source: { id: number; name: string | null };
  lang: string | null;
  publishedAt: string;
  score: number;
  terms: MissTerm[];
  /** Bundled sample data: invented, its link leads nowhere. */
  sample: boolean;
}

/** Each miss with its article's list fields, in rank order; a miss whose article is gone is left out. */
export function missItems(
  misses: ReadonlyArray<Miss<{ id: number }>>,
  rows: readonly MissArticleFields[],
): MissItem[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return misses.flatMap(({ article, score, terms }) => {
    const row = byId.get(article.id);
    if (!row) return [];
    return [
      {
        id: row.id,
        url: row.url,
        title: row.title,
        source: { id: row.feedId, name: row.feedName },
        lang: row.lang,
        publishedAt: new Date(row.publishedAt).toISOString(),
        score,
        terms,
        sample: row.isSample,
      },
    ];
  });
}
