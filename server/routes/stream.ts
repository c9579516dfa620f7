import { randomUUID } from "node:crypto";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { missedArticles } from "../../db/queries/stream";
import { getTopic } from "../../db/queries/topics";
import { errorResponses, PUBLIC } from "../api-shapes";
import type { AppDeps } from "../app";
import { badRequest, errorBody } from "../errors";
import { clientKeyOf } from "../rate-limit-middleware";
import { ArticleHub } from "../stream/article-hub";
import { databaseArticleSource, withTopics } from "../stream/article-source";
import { DEFAULT_STREAM_CAPS, type StreamCaps, StreamConnections } from "../stream/connection-limits";
import { runStreamSession } from "../stream/stream-session";

export interface StreamOptions {
  /** The shared poller; by default one per call, i.e. one per app. */
  hub?: ArticleHub;
  pollIntervalMs?: number;
  heartbeatMs?: number;
  /** Open connections per client and in total (DEFAULT_STREAM_CAPS). */
  caps?: StreamCaps;
}

/** At most this many missed articles are replayed on reconnect: the newest ones. */
export const MISSED_LIMIT = 500;
const RETRY_MS = 3_000;
const MAX_QUEUED = 2_000;

const LastEventId = z
  .string()
  .regex(/^\d{1,15}$/, "must be the id of an article event")
  .transform(Number);

const Query = z
  .object({
    topic: z
      .string()
      .max(64)
      .optional()
      .openapi({ param: { name: "topic", in: "query" }, description: "only this topic's articles" }),
    lastEventId: LastEventId.optional().openapi({
      param: { name: "lastEventId", in: "query" },
      description: "resume after this article id (the Last-Event-ID header does the same)",
      type: "string",
    }),
  })
  .strict();

const route = createRoute({
  method: "get",
  path: "/stream",
  operationId: "streamArticles",
  tags: ["articles"],
  security: PUBLIC,
  summary: "Server-sent events of newly tagged articles",
  description:
    "Each `article` event has the article id as `id` and `{id, title, url, source {id, name}, lang, publishedAt, " +
    `topics [{slug, terms}]}\` as data. A reconnect with Last-Event-ID gets the missed articles first (the newest ` +
    `${MISSED_LIMIT}). A \`: ping\` comment comes every 15 s. Sample articles and articles without topics are not sent.`,
  request: { query: Query },
  responses: {
    200: { description: "An endless event stream", content: { "text/event-stream": { schema: z.string() } } },
    ...errorResponses(400, 429),
  },
});

export function streamRoutes({ db, log, config }: AppDeps, options: StreamOptions = {}) {
  const hub =
    options.hub ??
    new ArticleHub(databaseArticleSource(db), {
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
      onError: (err) => log.warn({ err }, "stream poll failed"),
    });
  // Behind a proxy every client has the proxy's address: TIDEMARK_RATE_LIMIT=off, which says the proxy limits
  // clients, lifts the per-client cap as it lifts the per-client rates. The total stays.
  const caps =
    options.caps ??
    (config.readRateLimit === null
      ? { ...DEFAULT_STREAM_CAPS, perClient: DEFAULT_STREAM_CAPS.total }
      : DEFAULT_STREAM_CAPS);
  const connections = new StreamConnections(caps);
  return new OpenAPIHono().openapi(route, async (c) => {
    const query = c.req.valid("query");
    const header = c.req.header("last-event-id");
    const fromHeader = header === undefined ? undefined : LastEventId.safeParse(header.trim());
    if (fromHeader && !fromHeader.success)
      throw badRequest("Last-Event-ID: must be the id of an article event");
    const lastEventId = fromHeader?.data ?? query.lastEventId;
    const topic = query.topic === undefined ? undefined : await getTopic(db, query.topic);
    if (query.topic !== undefined && !topic) throw badRequest(`topic: no topic '${query.topic}'`);

    const admission = connections.admit(clientKeyOf(c));
    if (!admission.ok) {
      const message =
        admission.reason === "client"
          ? "too many open streams from this client: close one (each browser tab holds one)"
          : "the server holds as many live streams as it can: retry later";
      return c.json(errorBody(c, "rate_limited", message, { reason: admission.reason }), 429, {
        "Retry-After": "30",
        "Cache-Control": "no-store",
      });
    }

    c.header("X-Accel-Buffering", "no");
    // hono/etag hashes whole bodies, which for an endless stream would never answer. The app's middleware
    // skips this path; a validator of our own also makes any such step stand aside. Unique: nothing matches it.
    c.header("ETag", `W/"stream-${randomUUID()}"`);
    const session = {
      hub,
      topic: topic?.slug,
      lastEventId,
      missed: async (afterId: number, upToId: number) =>
        withTopics(
          db,
          await missedArticles(db, { afterId, upToId, topicId: topic?.id, limit: MISSED_LIMIT }),
        ),
      heartbeatMs: options.heartbeatMs ?? 15_000,
      retryMs: RETRY_MS,
      maxQueued: MAX_QUEUED,
    };
    return streamSSE(c, async (stream) => {
      // Caught here rather than by streamSSE, which would send the error's message to the client.
      await runStreamSession(stream, session)
        .catch((err: unknown) => log.error({ err }, "stream failed"))
        .finally(admission.release);
    });
  });
}
