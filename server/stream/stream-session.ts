import type { SSEStreamingApi } from "hono/streaming";
import type { ArticleHub, StreamArticle } from "./article-hub";

export interface SessionOptions {
  hub: ArticleHub;
  /** Only articles tagged with this topic. */
  topic?: string | undefined;
  /** The client's Last-Event-ID: articles after it are sent first. */
  lastEventId?: number | undefined;
  /** Reads what a reconnecting client missed, up to the hub's cursor. */
  missed: (afterId: number, upToId: number) => Promise<StreamArticle[]>;
  heartbeatMs: number;
  /** The reconnection delay suggested to EventSource clients. */
  retryMs: number;
  /** Events waiting for a slow client; past this it is dropped, to reconnect and catch up with Last-Event-ID. */
  maxQueued: number;
}

type Item = { kind: "article"; article: StreamArticle } | { kind: "ping" };

/**
 * One client's stream: subscribe to the shared hub, send what the client missed, then every new article in id
 * order, with a comment line as heartbeat. One loop does all writes, so events never interleave. Returns when
 * the client goes away (or falls too far behind); the subscription and the heartbeat timer go with it.
 */
export async function runStreamSession(stream: SSEStreamingApi, options: SessionOptions): Promise<void> {
  const queue: Item[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const finish = () => {
    done = true;
    wake?.();
  };
  const push = (item: Item) => {
    queue.push(item);
    if (queue.length > options.maxQueued) finish();
    wake?.();
  };
  const wanted = (article: StreamArticle) =>
    options.topic === undefined || article.topics.some((t) => t.slug === options.topic);

  stream.onAbort(finish);
  const subscription = await options.hub.subscribe((articles) => {
    for (const article of articles) if (wanted(article)) push({ kind: "article", article });
  });
  const heartbeat = setInterval(() => push({ kind: "ping" }), options.heartbeatMs);
  try {
    // The first bytes of the body: a client that sees them knows the subscription is live.
    await stream.write(`retry: ${options.retryMs}\n\n`);
    let sentUpTo = options.lastEventId ?? subscription.cursor;
    if (options.lastEventId !== undefined && options.lastEventId < subscription.cursor) {
      for (const article of await options.missed(options.lastEventId, subscription.cursor)) {
        if (done) break;
        await writeArticle(stream, article);
      }
      sentUpTo = subscription.cursor;
    }
    while (!done) {
      const item = queue.shift();
      if (!item) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      } else if (item.kind === "ping") {
        await stream.write(": ping\n\n");
      } else if (item.article.id > sentUpTo) {
        // A batch polled while this client subscribed may repeat what the catch-up already sent.
        sentUpTo = item.article.id;
        await writeArticle(stream, item.article);
      }
    }
  } finally {
    clearInterval(heartbeat);
    subscription.unsubscribe();
  }
}

function writeArticle(stream: SSEStreamingApi, article: StreamArticle): Promise<void> {
  return stream.writeSSE({ id: String(article.id), event: "article", data: JSON.stringify(article) });
}
