import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import type { SubscriptionWithTopic } from "../../db/queries/subscriptions";
import type { AlertEvent } from "../../db/schema";
import { buildAlertMessage } from "../../jobs/alerts/alert-message";
import type { Delivery } from "../../jobs/alerts/channel";
import { createWebhookChannel } from "../../jobs/alerts/channels/webhook";
import { PUBLIC_URL, SECRET } from "../helpers/alerts";
import { type Reply, startWebhookReceiver, type WebhookReceiver } from "../helpers/webhook-receiver";

const event: AlertEvent = {
  id: 42,
  subscriptionId: 7,
  type: "article.tagged",
  dedupeKey: "article:1",
  payload: {
    topic: { slug: "nvidia", name: "Nvidia" },
    article: { id: 1, title: "Nvidia loses $589bn", url: "https://news.example/1" },
  },
  status: "pending",
  attempts: 1,
  nextAttemptAt: 0,
  lastStatus: null,
  lastError: null,
  deliveredAt: null,
  leaseOwner: "w",
  leaseUntil: 1,
  createdAt: Date.UTC(2025, 0, 27, 12),
};

function delivery(url: string): Delivery {
  const subscription: SubscriptionWithTopic = {
    id: 7,
    topicId: 1,
    channel: "webhook",
    mode: "instant",
    url,
    email: null,
    secret: SECRET,
    token: "t0k/en",
    digestHour: 8,
    tz: "UTC",
    lastDigestOn: null,
    createdAt: 0,
    confirmedAt: 0,
    cancelledAt: null,
    cancelReason: null,
    topicSlug: "nvidia",
    topicName: "Nvidia",
  };
  return { event, subscription, message: buildAlertMessage(event, subscription, PUBLIC_URL) };
}

describe("the webhook channel", () => {
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });
  const answering = async (reply: Reply) => {
    receiver = await startWebhookReceiver(() => reply);
    return receiver;
  };
  const channel = createWebhookChannel({ allowPrivateUrls: true });

  it("POSTs a JSON body that the Standard Webhooks reference verifies, with a stable id", async () => {
    const r = await answering({ status: 200 });
    expect(await channel.deliver(delivery(r.url()))).toEqual({ ok: true, status: 200 });
    await channel.deliver(delivery(r.url()));
    const [first, second] = r.received;
    expect(first!.headers["content-type"]).toBe("application/json");
    expect(first!.id).toBe("msg_42");
    expect(second!.id).toBe(first!.id);
    expect(first!.timestamp).toMatch(/^\d{10}$/);
    const body = new Webhook(SECRET).verify(first!.body, {
      "webhook-id": first!.id,
      "webhook-timestamp": first!.timestamp,
      "webhook-signature": first!.signature,
    });
    expect(body).toMatchObject({
      type: "article.tagged",
      id: "msg_42",
      topic: { slug: "nvidia", name: "Nvidia" },
      article: { title: "Nvidia loses $589bn" },
      createdAt: "2025-01-27T12:00:00.000Z",
      links: {
        dashboard: `${PUBLIC_URL}/?topics=nvidia`,
        unsubscribe: `${PUBLIC_URL}/api/subscriptions/7/unsubscribe?token=t0k%2Fen`,
      },
    });
  });

  it.each([200, 201, 202, 204, 299])("counts HTTP %i as delivered", async (status) => {
    const r = await answering({ status });
    expect(await channel.deliver(delivery(r.url()))).toEqual({ ok: true, status });
  });

  it.each([301, 302, 307, 308])("does not count or follow a %i redirect", async (status) => {
    const target = await startWebhookReceiver();
    try {
      const r = await answering({ status, headers: { location: target.url() } });
      const result = await channel.deliver(delivery(r.url()));
      expect(result).toMatchObject({ ok: false, status });
      expect(result.ok === false && result.error).toMatch(/redirects are not followed/);
      expect(target.received).toHaveLength(0);
    } finally {
      await target.close();
    }
  });

  it("reports 410 Gone as the receiver unsubscribing", async () => {
    const r = await answering({ status: 410 });
    expect(await channel.deliver(delivery(r.url()))).toMatchObject({ ok: false, status: 410, gone: true });
  });

  it.each([429, 503])("passes on the Retry-After of a %i", async (status) => {
    const r = await answering({ status, headers: { "retry-after": "120" } });
    expect(await channel.deliver(delivery(r.url()))).toMatchObject({
      ok: false,
      status,
      retryAfterMs: 120_000,
    });
  });

  it("reports a server error as a plain failure", async () => {
    const r = await answering({ status: 500 });
    expect(await channel.deliver(delivery(r.url()))).toEqual({
      ok: false,
      status: 500,
      error: "HTTP 500 Internal Server Error",
    });
  });

  it("gives up on a receiver that does not answer within the timeout", async () => {
    const r = await answering("hold");
    const quick = createWebhookChannel({ allowPrivateUrls: true, timeoutMs: 300 });
    expect(await quick.deliver(delivery(r.url()))).toEqual({ ok: false, error: "no response within 300 ms" });
  });

  it("reports a receiver that refuses connections", async () => {
    const r = await answering({ status: 200 });
    const url = r.url();
    await r.close();
    receiver = undefined;
    const result = await channel.deliver(delivery(url));
    expect(result.ok === false && result.error).toMatch(/ECONNREFUSED/);
  });
});

describe("webhook targets inside the network (SSRF)", () => {
  let receiver: WebhookReceiver;
  afterEach(() => receiver.close());
  const strict = createWebhookChannel({ allowPrivateUrls: false });

  it.each([
    ["http://127.0.0.1:PORT/hook", /loopback address 127\.0\.0\.1/],
    ["http://0x7f.1:PORT/hook", /loopback address 127\.0\.0\.1/],
    ["http://[::1]:PORT/hook", /loopback address ::1/],
    ["http://[::ffff:127.0.0.1]:PORT/hook", /loopback address ::ffff:7f00:1/],
    ["http://169.254.169.254/latest/meta-data/", /cloud metadata address/],
    ["http://10.1.2.3/hook", /private address/],
    ["http://localhost:PORT/hook", /localhost resolves to a loopback address/],
  ])("are refused before connecting: %s", async (template, reason) => {
    receiver = await startWebhookReceiver();
    const port = new URL(receiver.url()).port;
    const result = await strict.deliver(delivery(template.replace("PORT", port)));
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.error).toMatch(reason);
    expect(receiver.received).toHaveLength(0);
  });

  it.each(["http://127.0.0.1:PORT/hook", "http://0x7f.1:PORT/hook", "http://localhost:PORT/hook"])(
    "are delivered to when private URLs are allowed: %s",
    async (template) => {
      receiver = await startWebhookReceiver();
      const port = new URL(receiver.url()).port;
      const allowing = createWebhookChannel({ allowPrivateUrls: true });
      expect(await allowing.deliver(delivery(template.replace("PORT", port)))).toEqual({
        ok: true,
        status: 204,
      });
      expect(receiver.received).toHaveLength(1);
    },
  );

  it("refuses schemes other than http and https", async () => {
    receiver = await startWebhookReceiver();
    const result = await strict.deliver(delivery("file:///etc/passwd"));
    expect(result.ok === false && result.error).toMatch(/only http: and https:/);
  });
});
