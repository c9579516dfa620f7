/**
 * Every request the dashboard makes, one typed function per endpoint. The rest of web/ never sees fetch, URLs
 * or status codes: it calls these and gets the server's shapes back, or an ApiRequestError to show.
 *
 * JSON goes through Hono's typed client built from the server's own route types, so a change to a route's
 * parameters or answer fails `tsc` here instead of failing in a browser. Only the event stream and the
 * download links (CSV, Atom) are plain URLs.
 */
import { type ClientResponse, hc, type InferRequestType, type InferResponseType } from "hono/client";
import type { Api } from "../server/app";
import { ApiRequestError } from "./api-error";
import { type SessionState, writeHeaders } from "./session";

export { ApiRequestError };

const client = hc<Api>(new URL("/api", location.origin).href, {
  headers: { accept: "application/json" },
});

/** A success answer's JSON body. Routes that can also answer a raw body (CSV) widen it with string/Response. */
type Json<T> = Exclude<T, string | Response>;

export type Coverage = Json<InferResponseType<typeof client.coverage.$get, 200>>;
export type CoverageSeries = Coverage["series"][number];
/** A bucket the server's spike rule marks, with the numbers behind the mark. */
export type Spike = CoverageSeries["spikes"][number];
export type Interval = Coverage["interval"];
export type CoverageBy = Coverage["by"];
export type Article = InferResponseType<typeof client.articles.$get, 200>["items"][number];
export type MatchedTerm = Article["topics"][number]["terms"][number];
export type Topic = InferResponseType<typeof client.topics.$get, 200>["items"][number];
export type Feed = InferResponseType<typeof client.feeds.$get, 200>["items"][number];
export type FeedChange = InferRequestType<(typeof client.feeds)[":id"]["$patch"]>["json"];
export type FeedFetch = InferResponseType<(typeof client.feeds)[":id"]["fetch"]["$post"], 200>;
export type NewTopic = InferRequestType<typeof client.topics.$post>["json"];
export type TopicChange = InferRequestType<(typeof client.topics)[":slug"]["$put"]>["json"];
export type DryRun = InferResponseType<typeof client.topics.test.$post, 200>;
export type DryRunExample = DryRun["examples"][number];
export type TopicMisses = InferResponseType<(typeof client.topics)[":slug"]["misses"]["$get"], 200>;
export type OpmlImport = InferResponseType<typeof client.feeds.import.$post, 200>;
export type StoryEvent = InferResponseType<typeof client.events.$get, 200>["items"][number];
export type Outage = InferResponseType<typeof client.outages.$get, 200>["items"][number];
export type TopicSpread = InferResponseType<(typeof client.topics)[":slug"]["spread"]["$get"], 200>;
export type SpreadGroup = TopicSpread["languages"][number];
export type Story = InferResponseType<typeof client.stories.$get, 200>["items"][number];
export type StoryWithCopies = InferResponseType<(typeof client.stories)[":id"]["$get"], 200>;
export type StoryCopy = StoryWithCopies["items"][number];
export type StorySpread = InferResponseType<(typeof client.stories)[":id"]["spread"]["$get"], 200>;
export type TopicTerms = InferResponseType<(typeof client.topics)[":slug"]["terms"]["$get"], 200>;
export type DistinctiveTerm = TopicTerms["items"][number];
export type NewSubscription = InferRequestType<typeof client.subscriptions.$post>["json"];
/** A webhook subscription with its signing secret, or an email one waiting for its address to confirm. */
export type SubscriptionCreated = InferResponseType<typeof client.subscriptions.$post, 201>;
export type ApiToken = InferResponseType<typeof client.tokens.$get, 200>["items"][number];
export type TokenScope = ApiToken["scope"];
export type NewApiToken = InferResponseType<typeof client.tokens.$post, 201>;

/** The event data of `GET /api/stream` (server-sent, so outside the typed client): an article, lighter. */
export type StreamArticle = Pick<Article, "id" | "title" | "url" | "lang" | "publishedAt" | "topics"> & {
  source: Pick<Article["source"], "id" | "name">;
};

/**
 * The filters that narrow every number of coverage, articles and spread; comma-separated values: feed ids, folder
 * names, language codes, ISO countries, north|south.
 */
export interface ScopeFilters {
  feed?: string;
  folder?: string;
  lang?: string;
  country?: string;
  region?: string;
}

export interface CoverageQuery extends ScopeFilters {
  topics: readonly string[];
  from: string;
  to: string;
  interval: Interval;
  tz: string;
  by?: CoverageBy;
  smooth?: number;
  top?: number;
  /** `group` (breakdowns only): shares of each group's own articles, with `groupTotals`. */
  share?: "all" | "group";
  /** Adds `previous`, the same series over the period just before. */
  compare?: "previous";
  /** `stories`: each story counts once per bucket, however many outlets ran it. */
  unit?: "articles" | "stories";
}

export interface ArticleQuery extends ScopeFilters {
  topic?: string;
  /** Comma-separated slugs: articles of any of these topics (not with `topic`). */
  topics?: string;
  q?: string;
  /** ISO 8601 time with offset, or a UTC date; both bounds inclusive. */
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/** An instant range, ISO 8601 times (or UTC dates), both inclusive. */
export interface TimeRange {
  from: string;
  to: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface NewFeed {
  url: string;
  name?: string;
  lang?: string;
  country?: string;
  folder?: string;
}

/**
 * How to fetch: `signal` aborts; `fresh` revalidates with the server instead of taking the browser's cached
 * answer (GETs may be reused for 15 s), for a refresh that follows a known change: a write, a live article.
 */
export interface Fetching {
  signal?: AbortSignal;
  fresh?: boolean;
}

function init({ signal, fresh }: Fetching): { init: RequestInit } {
  return { init: fresh ? { signal, cache: "no-cache" } : { signal } };
}

/**
 * The JSON of the answer's success statuses, as the route declares it. A route that declares none would make
 * this `never`, which fits any return type; the message type makes that a compile error instead.
 */
type SuccessJson<R> = R extends ClientResponse<infer T, 200 | 201, "json"> ? Json<T> : never;
type Success<R> = [SuccessJson<R>] extends [never]
  ? "the route declares no JSON success answer"
  : SuccessJson<R>;

/** Sends one typed request; a success answer's JSON comes back, anything else throws ApiRequestError. */
async function read<R extends ClientResponse<unknown, number>>(send: () => Promise<R>): Promise<Success<R>> {
  let res: R;
  try {
    res = await send();
  } catch (error) {
    throw new ApiRequestError(0, "network", `the server did not answer (${(error as Error).message})`);
  }
  if (res.ok) return (await res.json()) as Success<R>;
  let code = "http_error";
  let message = `${res.status} ${res.statusText}`;
  let fields: string[] = [];
  let details: unknown;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
    details = body.error?.details;
    fields = detailPaths(details);
  } catch {
    // Not the API's error shape (a proxy's page, say): keep the status line.
  }
  throw new ApiRequestError(res.status, code, message, fields, details);
}

/** The `path` of each `{path, message}` in an error's details (validation failures list them). */
function detailPaths(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) =>
    d && typeof d === "object" && typeof (d as { path?: unknown }).path === "string"
      ? [(d as { path: string }).path]
      : [],
  );
}

/** Leaves out empty values, so the URL stays short and the server applies its defaults. */
function present<T extends object>(params: T): T {
  return Object.fromEntries(
    Object.entries(params).filter(([, value]) => value !== undefined && value !== ""),
  ) as T;
}

function coverageParams(q: CoverageQuery) {
  return present({
    topics: q.topics.join(","),
    from: q.from,
    to: q.to,
    interval: q.interval,
    tz: q.tz,
    by: q.by,
    smooth: q.smooth && q.smooth > 1 ? q.smooth : undefined,
    top: q.top,
    share: q.share === "group" ? q.share : undefined,
    compare: q.compare,
    unit: q.unit === "stories" ? q.unit : undefined,
    feed: q.feed,
    folder: q.folder,
    lang: q.lang,
    country: q.country,
    region: q.region,
  });
}

export function getCoverage(q: CoverageQuery, fetching: Fetching = {}): Promise<Coverage> {
  return read(() => client.coverage.$get({ query: coverageParams(q) }, init(fetching)));
}

/** A link that downloads the same series as CSV (the server names the file). */
export function coverageCsvUrl(q: CoverageQuery): string {
  const url = client.coverage.$url({ query: { ...coverageParams(q), format: "csv" } });
  return `${url.pathname}${url.search}`;
}

export function getArticles(q: ArticleQuery, signal?: AbortSignal): Promise<Page<Article>> {
  return read(() => client.articles.$get({ query: present(q) }, { init: { signal } }));
}

export async function getTopics(fetching: Fetching = {}): Promise<Topic[]> {
  return (await read(() => client.topics.$get({ query: {} }, init(fetching)))).items;
}

export async function getFeeds(fetching: Fetching = {}): Promise<Feed[]> {
  return (await read(() => client.feeds.$get({ query: {} }, init(fetching)))).items;
}

/** Story events (a release, a sell-off) inside a range, oldest first, to mark on the time axis. */
export async function getEvents(range: TimeRange, fetching: Fetching = {}): Promise<StoryEvent[]> {
  return (await read(() => client.events.$get({ query: range }, init(fetching)))).items;
}

/** Stretches when whole ingest passes failed that overlap a range; an open one has `end: null`. */
export async function getOutages(range: TimeRange, fetching: Fetching = {}): Promise<Outage[]> {
  return (await read(() => client.outages.$get({ query: range }, init(fetching)))).items;
}

export interface SpreadQuery extends ScopeFilters {
  from: string;
  to: string;
  tz: string;
}

/** When a topic's coverage first reached each language, country and region (each list by first arrival). */
export function getSpread(slug: string, q: SpreadQuery, fetching: Fetching = {}): Promise<TopicSpread> {
  return read(() =>
    client.topics[":slug"].spread.$get({ param: { slug }, query: present(q) }, init(fetching)),
  );
}

export interface StoryQuery extends ScopeFilters {
  /** Stories with an article of any of these topics; empty: any article. */
  topics: readonly string[];
  /** Instants or UTC dates, both inclusive. */
  from: string;
  to: string;
  sort: "newest" | "size";
  limit: number;
}

/** The stories of a selection, newest or largest first. */
export async function getStories(q: StoryQuery, fetching: Fetching = {}): Promise<Story[]> {
  const { topics, limit, ...rest } = q;
  const query = present({ ...rest, topics: topics.join(","), limit: String(limit) });
  return (await read(() => client.stories.$get({ query }, init(fetching)))).items;
}

/** One story with its copies in the order they appeared. */
export function getStory(id: number, fetching: Fetching = {}): Promise<StoryWithCopies> {
  return read(() => client.stories[":id"].$get({ param: { id: String(id) }, query: {} }, init(fetching)));
}

/** When a story first reached each language, country and region, in the zone's days. */
export function getStorySpread(id: number, tz: string, fetching: Fetching = {}): Promise<StorySpread> {
  return read(() =>
    client.stories[":id"].spread.$get({ param: { id: String(id) }, query: { tz } }, init(fetching)),
  );
}

export interface TermsQuery extends ScopeFilters {
  /** Instants or UTC dates, both inclusive. */
  from: string;
  to: string;
  limit: number;
}

/** A topic's most distinctive words and phrases in a period (weighted log-odds against the rest of the filters'). */
export function getTerms(slug: string, q: TermsQuery, fetching: Fetching = {}): Promise<TopicTerms> {
  // Named one by one: a caller's object may carry more (a span's bucket edges), which the API would refuse.
  const { from, to, feed, folder, lang, country, region } = q;
  const query = present({ from, to, feed, folder, lang, country, region, limit: String(q.limit) });
  return read(() => client.topics[":slug"].terms.$get({ param: { slug }, query }, init(fetching)));
}

/** `adminToken`: the token typed on the page; without one the signed-in session writes (see writeHeaders). */
export function addFeed(feed: NewFeed, adminToken?: string): Promise<Feed> {
  return read(() => client.feeds.$post({ json: feed }, { headers: writeHeaders(adminToken) }));
}

/** Changes a feed's name, language, country or folder (null clears one), or pauses and resumes it. */
export function updateFeed(id: number, change: FeedChange, adminToken?: string): Promise<Feed> {
  return read(() =>
    client.feeds[":id"].$patch(
      { param: { id: String(id) }, json: change },
      { headers: writeHeaders(adminToken) },
    ),
  );
}

/** Fetches a feed now; answers once the fetch is done, with what happened and the feed's new health. */
export function fetchFeedNow(id: number, adminToken?: string): Promise<FeedFetch> {
  return read(() =>
    client.feeds[":id"].fetch.$post({ param: { id: String(id) } }, { headers: writeHeaders(adminToken) }),
  );
}

export async function deleteFeed(id: number, adminToken?: string): Promise<void> {
  const res = await client.feeds[":id"].$delete(
    { param: { id: String(id) } },
    { headers: writeHeaders(adminToken) },
  );
  if (!res.ok) await read(async () => res);
}

/** One topic, fresh: its retag progress moves while a retag runs. */
export function getTopic(slug: string): Promise<Topic> {
  return read(() =>
    client.topics[":slug"].$get({ param: { slug }, query: {} }, { init: { cache: "no-store" } }),
  );
}

export function createTopic(topic: NewTopic, adminToken?: string): Promise<Topic> {
  return read(() => client.topics.$post({ json: topic }, { headers: writeHeaders(adminToken) }));
}

export function updateTopic(slug: string, topic: TopicChange, adminToken?: string): Promise<Topic> {
  return read(() =>
    client.topics[":slug"].$put({ param: { slug }, json: topic }, { headers: writeHeaders(adminToken) }),
  );
}

export async function deleteTopic(slug: string, adminToken?: string): Promise<void> {
  const res = await client.topics[":slug"].$delete(
    { param: { slug } },
    { headers: writeHeaders(adminToken) },
  );
  if (!res.ok) await read(async () => res);
}

/** A dry run of a draft query; with `slug`, also what it would add to and remove from that topic's tags. */
export function testTopicQuery(
  draft: { query: string; slug?: string; examples?: number },
  adminToken?: string,
): Promise<DryRun> {
  return read(() => client.topics.test.$post({ json: draft }, { headers: writeHeaders(adminToken) }));
}

/** Untagged articles most like a topic's tagged ones: candidates its query misses. */
export function getTopicMisses(slug: string, limit = 5): Promise<TopicMisses> {
  return read(() => client.topics[":slug"].misses.$get({ param: { slug }, query: { limit: String(limit) } }));
}

export function importOpml(opml: string, adminToken?: string): Promise<OpmlImport> {
  // The route takes the OPML document itself as the body, which the client has no typed slot for.
  return read(() =>
    client.feeds.import.$post(
      {},
      {
        headers: { ...writeHeaders(adminToken), "content-type": "text/x-opml" },
        init: { body: opml },
      },
    ),
  );
}

/**
 * Subscribes to a topic's alerts. Email is public (the address gets a confirmation link first); a webhook needs
 * the admin token and answers with its signing secret, which the server never shows again.
 */
export function subscribe(request: NewSubscription, adminToken?: string): Promise<SubscriptionCreated> {
  return read(() => client.subscriptions.$post({ json: request }, { headers: writeHeaders(adminToken) }));
}

/** Who is signed in (user null: nobody), with the session's CSRF token. */
export async function getSession(): Promise<SessionState> {
  const { user, csrfToken } = await read(() => client.session.$get({}, { init: { cache: "no-store" } }));
  return { user, csrfToken };
}

export async function signOut(): Promise<void> {
  const res = await client.session.$delete({}, { headers: writeHeaders() });
  if (!res.ok) throw new ApiRequestError(res.status, "http_error", `sign-out failed (${res.status})`);
}

export async function getApiTokens(): Promise<ApiToken[]> {
  return (await read(() => client.tokens.$get({}, { headers: writeHeaders(), init: { cache: "no-store" } })))
    .items;
}

/** A new API token; the answer is the only time its secret is shown. */
export function createApiToken(name: string, scope: TokenScope): Promise<NewApiToken> {
  return read(() => client.tokens.$post({ json: { name, scope } }, { headers: writeHeaders() }));
}

export async function revokeApiToken(id: number): Promise<void> {
  const res = await client.tokens[":id"].$delete({ param: { id: String(id) } }, { headers: writeHeaders() });
  if (!res.ok) throw new ApiRequestError(res.status, "http_error", `revoking failed (${res.status})`);
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
