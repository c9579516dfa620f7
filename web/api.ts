/**
 * Every request the dashboard makes, one typed function per endpoint. The rest of web/ never sees fetch, URLs
 * or status codes: it calls these and gets the server's shapes back, or an ApiRequestError to show.
 */

export type Interval = "hour" | "day" | "week" | "month";
export type CoverageBy = "topic" | "feed" | "lang" | "country" | "region";

export interface CoverageQuery {
  topics: readonly string[];
  from: string;
  to: string;
  interval: Interval;
  tz: string;
  by?: CoverageBy;
  smooth?: number;
  top?: number;
}

export interface CoverageSeries {
  key: string;
  label: string;
  color?: string;
  counts: number[];
  shares: number[];
  smoothedCounts?: number[];
  smoothedShares?: number[];
}

export interface Coverage {
  interval: Interval;
  tz: string;
  from: string;
  to: string;
  by: CoverageBy;
  buckets: string[];
  totals: number[];
  smooth?: number;
  smoothedTotals?: number[];
  series: CoverageSeries[];
}

export interface MatchedTerm {
  term: string;
  field: "title" | "summary";
  start: number;
  end: number;
}

export interface Article {
  id: number;
  url: string | null;
  title: string;
  summary: string;
  author: string | null;
  source: { id: number; name: string | null; country: string | null };
  lang: string | null;
  publishedAt: string;
  firstSeenAt: string;
  topics: Array<{ slug: string; terms: MatchedTerm[] }>;
}

export interface ArticleQuery {
  topic?: string;
  q?: string;
  feed?: number;
  lang?: string;
  country?: string;
  /** ISO 8601 time with offset, or a UTC date; both bounds inclusive. */
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Topic {
  slug: string;
  name: string;
  description: string;
  color: string;
  query: string;
  articleCount: number;
}

export interface Feed {
  id: number;
  url: string;
  name: string | null;
  siteUrl: string | null;
  lang: string | null;
  country: string | null;
  enabled: boolean;
  sample: boolean;
  lastFetchedAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  errorCount: number;
  failingSince: string | null;
  nextFetchAt: string | null;
  articleCount: number;
}

export interface NewFeed {
  url: string;
  name?: string;
  lang?: string;
  country?: string;
}

export interface OpmlImport {
  found: number;
  added: number;
  rejected: string[];
}

/** The event data of `GET /api/stream`. */
export interface StreamArticle {
  id: number;
  title: string;
  url: string | null;
  source: { id: number; name: string | null };
  lang: string | null;
  publishedAt: string;
  topics: Array<{ slug: string; terms: MatchedTerm[] }>;
}

/** An answer in the API's error shape, or a network failure (status 0). */
export class ApiRequestError extends Error {
  override name = "ApiRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Params = Record<string, string | number | undefined>;

function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch (error) {
    throw new ApiRequestError(0, "network", `the server did not answer (${(error as Error).message})`);
  }
  if (res.ok) return (await res.json()) as T;
  let code = "http_error";
  let message = `${res.status} ${res.statusText}`;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    // Not the API's error shape (a proxy's page, say): keep the status line.
  }
  throw new ApiRequestError(res.status, code, message);
}

function coverageParams(q: CoverageQuery): Params {
  return {
    topics: q.topics.join(","),
    from: q.from,
    to: q.to,
    interval: q.interval,
    tz: q.tz,
    by: q.by,
    smooth: q.smooth && q.smooth > 1 ? q.smooth : undefined,
    top: q.top,
  };
}

export function getCoverage(q: CoverageQuery, signal?: AbortSignal): Promise<Coverage> {
  return request(`/api/coverage${query(coverageParams(q))}`, { signal });
}

/** A link that downloads the same series as CSV (the server names the file). */
export function coverageCsvUrl(q: CoverageQuery): string {
  return `/api/coverage${query({ ...coverageParams(q), format: "csv" })}`;
}

export function getArticles(q: ArticleQuery, signal?: AbortSignal): Promise<Page<Article>> {
  return request(`/api/articles${query({ ...q })}`, { signal });
}

export async function getTopics(): Promise<Topic[]> {
  return (await request<Page<Topic>>("/api/topics")).items;
}

export async function getFeeds(): Promise<Feed[]> {
  return (await request<Page<Feed>>("/api/feeds")).items;
}

export function addFeed(feed: NewFeed, adminToken: string): Promise<Feed> {
  return request("/api/feeds", {
    method: "POST",
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    body: JSON.stringify(feed),
  });
}

export function importOpml(opml: string, adminToken: string): Promise<OpmlImport> {
  return request("/api/feeds/import", {
    method: "POST",
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "text/x-opml" },
    body: opml,
  });
}

export function topicAtomUrl(slug: string): string {
  return `/api/topics/${encodeURIComponent(slug)}/feed.atom`;
}

/**
 * Newly tagged articles as they are stored. EventSource reconnects on its own and sends Last-Event-ID, so the
 * server replays what was missed. Returns the function that closes the stream.
 */
export function streamArticles(
  onArticle: (article: StreamArticle) => void,
  onState: (state: "open" | "reconnecting") => void,
): () => void {
  const source = new EventSource("/api/stream");
  source.addEventListener("article", (event) => {
    try {
      onArticle(JSON.parse((event as MessageEvent<string>).data) as StreamArticle);
    } catch {
      // A malformed event is dropped; the next one is independent of it.
    }
  });
  source.addEventListener("open", () => onState("open"));
  source.addEventListener("error", () => onState("reconnecting"));
  return () => source.close();
}
