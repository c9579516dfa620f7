import { STATUS_CODES } from "node:http";
import { Agent, type Dispatcher, request } from "undici";
import { type AddressPolicy, addressPolicy, ipLiteral } from "../../../core/urls/address-policy";
import { signWebhook } from "../../../core/webhook-signature";
import { transportError } from "../../ingest/fetch-feed";
import { guardedLookup } from "../../ingest/guarded-lookup";
import { parseRetryAfter } from "../../ingest/retry-after";
import type { AlertChannel, Delivery, DeliveryResult } from "../channel";

export interface WebhookChannelOptions {
  /** TIDEMARK_ALLOW_PRIVATE_URLS */
  allowPrivateUrls: boolean;
  /** A narrower policy than `allowPrivateUrls` gives (tests). */
  policy?: AddressPolicy;
  /** Whole exchange: connect, send, response headers. Default 15 s. */
  timeoutMs?: number;
  /** The clock that stamps webhook-timestamp. */
  now?: () => number;
  userAgent?: string;
}

export const WEBHOOK_TIMEOUT_MS = 15_000;
const USER_AGENT = "Tidemark/0.1 (+https://github.com/tidemark/tidemark; webhooks)";

/**
 * POSTs the alert as JSON, signed per Standard Webhooks. One try: the delivery worker owns retries. Redirects
 * are not followed (a 3xx is a failure), so the receiver is always the address that was checked.
 */
export function createWebhookChannel(options: WebhookChannelOptions): AlertChannel {
  const policy = options.policy ?? addressPolicy(options.allowPrivateUrls);
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return {
    name: "webhook",
    async deliver({ subscription, message }: Delivery): Promise<DeliveryResult> {
      const { url, secret } = subscription;
      if (!url || !secret) return { ok: false, error: "webhook subscription without a url or secret" };
      const target = checkedUrl(url, policy);
      if (typeof target === "string") return { ok: false, error: target };
      const body = JSON.stringify(message);
      const timestamp = Math.floor(now() / 1000);
      const headers = {
        "content-type": "application/json",
        "user-agent": options.userAgent ?? USER_AGENT,
        "webhook-id": message.id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(secret, { id: message.id, timestamp, body }),
      };
      return post(target, headers, body, { policy, timeoutMs, nowMs: now() });
    },
  };
}

async function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  limits: { policy: AddressPolicy; timeoutMs: number; nowMs: number },
): Promise<DeliveryResult> {
  // An agent per delivery binds the connect-time address guard and takes its sockets with it when done.
  const agent = new Agent({
    connect: { timeout: limits.timeoutMs, lookup: guardedLookup(limits.policy) },
    headersTimeout: limits.timeoutMs,
  });
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  let response: Dispatcher.ResponseData | undefined;
  try {
    response = await request(url.href, {
      dispatcher: agent,
      method: "POST",
      headers,
      body,
      signal: deadline,
    });
    return outcome(response, limits.nowMs);
  } catch (error) {
    if (deadline.aborted) return { ok: false, error: `no response within ${limits.timeoutMs} ms` };
    // The delivery log is the admin's: it gets the detail (the address a name resolved to) too.
    const failure = transportError(error, url);
    return { ok: false, error: failure.detail ?? failure.message };
  } finally {
    if (response) {
      response.body.on("error", () => {});
      response.body.destroy();
    }
    await agent.destroy();
  }
}

/** Any 2xx is delivered; the rest is a failure, 410 ends the subscription, 429/503 may say when to retry. */
function outcome(response: Dispatcher.ResponseData, nowMs: number): DeliveryResult {
  const status = response.statusCode;
  if (status >= 200 && status <= 299) return { ok: true, status };
  const text = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ""}`;
  if (status === 410) return { ok: false, status, gone: true, error: `${text}: the receiver unsubscribed` };
  if (status >= 300 && status <= 399) {
    return { ok: false, status, error: `${text}: redirects are not followed, update the webhook URL` };
  }
  if (status === 429 || status === 503) {
    const retryAfter = response.headers["retry-after"];
    const retryAfterMs = parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, nowMs);
    return retryAfterMs === undefined
      ? { ok: false, status, error: text }
      : {
          ok: false,
          status,
          error: `${text} (retry after ${Math.ceil(retryAfterMs / 1000)} s)`,
          retryAfterMs,
        };
  }
  return { ok: false, status, error: text };
}

/** The URL to POST to, or why not: only http(s), and IP literals are checked here (lookup hooks skip them). */
function checkedUrl(text: string, policy: AddressPolicy): URL | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `not a URL: ${text}`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return `only http: and https: webhooks, not ${url.protocol}`;
  const ip = ipLiteral(url.hostname);
  const reason = ip === null ? null : policy.refusal(ip);
  return reason === null ? url : `refusing ${url.origin}: ${reason} address ${ip}`;
}
