import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { alertEvents, subscriptions } from "../../db/schema";
import { channelRegistry } from "../../jobs/alerts/channel-registry";
import { createEmailChannel } from "../../jobs/alerts/channels/email";
import { deliverDueAlerts } from "../../jobs/alerts/deliver";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

const PUBLIC_URL = "http://tidemark.test";
const HOUR = 3_600_000;

describe("email alerts against a real SMTP server", () => {
  let sink: SmtpSink;
  let api: TestApp;
  let channel: ReturnType<typeof createEmailChannel>;
  beforeEach(async () => {
    sink = await startSmtpSink();
    api = await createTestApp({ SMTP_URL: sink.url, TIDEMARK_PUBLIC_URL: PUBLIC_URL });
    channel = createEmailChannel({ smtpUrl: sink.url, mailFrom: "Tidemark <alerts@tidemark.test>" });
    await createTopic(api.t.db, { slug: "nvidia", name: "Nvidia", color: "#000000", query: "nvidia" });
  });
  afterEach(async () => {
    channel.close();
    await sink.close();
    api.t.destroy();
  });

  const deliver = () =>
    deliverDueAlerts({
      db: api.t.db,
      log: pino({ level: "silent" }),
      publicUrl: PUBLIC_URL,
      channels: channelRegistry([channel]),
    });
  const ingest = async (title: string, extra: Partial<ReturnType<typeof makeArticle>> = {}) => {
    const feed = await makeFeed(api.t.db, { name: "Wire <b>Service</b>" });
    const now = Date.now();
    await storeFeedArticles(api.t.db, {
      feedId: feed.id,
      articles: [makeArticle({ title, publishedAt: now - HOUR, ...extra })],
      state: {},
      now,
      tagger: new TopicTagger(),
    });
  };
  const linkIn = (text: string, kind: string) => {
    const match = new RegExp(`(${PUBLIC_URL}/api/subscriptions/\\d+/${kind}\\?token=[\\w%-]+)`).exec(text);
    expect(match, `a ${kind} link in:\n${text}`).not.toBeNull();
    const url = new URL(match![1]!);
    return url.pathname + url.search;
  };

  it("double opt-in: confirm mail only, then alerts, then nothing after the unsubscribe link", async () => {
    const res = await api.app.request("/api/subscriptions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ topic: "nvidia", channel: "email", email: "reader@example.org" }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Record<string, unknown>;
    expect(created).toEqual({ status: "pending-confirmation" });

    // Before confirming, a matching article sends nothing: only the confirmation goes out.
    await ingest("Nvidia shares slide before confirmation");
    expect(await deliver()).toMatchObject({ delivered: 1 });
    await sink.waitFor(1);
    const confirmMail = sink.mails[0]!;
    expect(confirmMail.to).toEqual(["reader@example.org"]);
    expect(confirmMail.subject).toBe("Confirm your Tidemark alerts for Nvidia");
    const confirmPath = linkIn(confirmMail.text, "confirm");
    expect(confirmMail.html).toContain(`href="${PUBLIC_URL}${confirmPath}"`);

    // Opening the link shows a button (a mail scanner's fetch confirms nothing); the button posts back.
    const confirmPage = await api.app.request(confirmPath);
    expect(confirmPage.status).toBe(200);
    expect(confirmPage.headers.get("content-type")).toContain("text/html");
    const action = /<form method="post" action="([^"]+)">/
      .exec(await confirmPage.text())?.[1]
      ?.replace(/&amp;/g, "&");
    expect(action).toBe(confirmPath);
    const confirmed = await api.app.request(action!, { method: "POST" });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("Subscription confirmed");

    await ingest('Nvidia <script>alert("x")</script> & <img src=x onerror=alert(1)>', {
      summary: "<b>bold</b> claims about Nvidia",
      url: "javascript:alert(1)",
    });
    expect(await deliver()).toMatchObject({ delivered: 1 });
    await sink.waitFor(2);
    const alert = sink.mails[1]!;
    expect(alert.subject).toBe(
      '[Tidemark] Nvidia: Nvidia <script>alert("x")</script> & <img src=x onerror=alert(1)>',
    );
    expect(alert.html).not.toMatch(/<script|<img|<b>|javascript:/i);
    expect(alert.html).toContain("Nvidia &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img");
    expect(alert.html).toContain("Wire &lt;b&gt;Service&lt;/b&gt;");
    expect(alert.text).toContain('Nvidia <script>alert("x")</script>');
    expect(alert.text).not.toContain("javascript:");
    const unsubscribePath = linkIn(alert.text, "unsubscribe");
    expect(alert.headers.get("list-unsubscribe")).toBe(`<${PUBLIC_URL}${unsubscribePath}>`);
    expect(alert.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(alert.headers.get("message-id")).toMatch(/^<tidemark-msg_\d+@tidemark\.test>$/);

    // The link shows a button (prefetchers only look); the button posts to the same URL.
    const page = await api.app.request(unsubscribePath);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<form method="post" action="${unsubscribePath.replace(/&/g, "&amp;")}"`);
    const stillActive = await api.t.db.select().from(subscriptions);
    expect(stillActive[0]!.cancelledAt).toBeNull();
    const done = await api.app.request(unsubscribePath, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(done.status).toBe(200);

    await ingest("Nvidia rebounds after the unsubscribe");
    await deliver();
    expect(sink.mails).toHaveLength(2);
    const events = await api.t.db.select().from(alertEvents);
    expect(events.map((e) => e.type)).toEqual(["subscription.confirm", "article.tagged"]);
  });

  it("an address the server refuses for good (5xx to RCPT TO) is gone; a 4xx is left to retry", async () => {
    const sub = {
      id: 1,
      topicId: 1,
      channel: "email" as const,
      mode: "instant" as const,
      url: null,
      secret: null,
      token: "t",
      digestHour: 8,
      tz: "UTC",
      lastDigestOn: null,
      createdAt: 0,
      confirmedAt: 0,
      cancelledAt: null,
      cancelReason: null,
    };
    const message = {
      type: "article.tagged" as const,
      id: "msg_1",
      topic: { slug: "nvidia", name: "Nvidia" },
      createdAt: new Date(0).toISOString(),
      links: {
        dashboard: `${PUBLIC_URL}/`,
        unsubscribe: `${PUBLIC_URL}/api/subscriptions/1/unsubscribe?token=t`,
      },
      article: { title: "Nvidia", url: "https://news.example/1" },
    };
    const event = { id: 1 } as Parameters<typeof channel.deliver>[0]["event"];
    sink.refuse.set("nobody@example.org", 550);
    sink.refuse.set("busy@example.org", 450);
    const gone = await channel.deliver({
      event,
      message,
      subscription: { ...sub, email: "nobody@example.org" },
    });
    expect(gone).toMatchObject({ ok: false, gone: true, status: 550 });
    const busy = await channel.deliver({
      event,
      message,
      subscription: { ...sub, email: "busy@example.org" },
    });
    expect(busy).toMatchObject({ ok: false, status: 450 });
    expect(busy).not.toHaveProperty("gone");
    const ok = await channel.deliver({ event, message, subscription: { ...sub, email: "fine@example.org" } });
    expect(ok).toEqual({ ok: true, status: 250 });
    expect(sink.mails).toHaveLength(1);
  });

  it("a mail server that cannot be reached is a failure to retry, not a gone address", async () => {
    const closed = createEmailChannel({
      smtpUrl: "smtp://127.0.0.1:1",
      mailFrom: "t@tidemark.test",
      timeoutMs: 2000,
    });
    const [sub] = await api.t.db
      .insert(subscriptions)
      .values({
        topicId: 1,
        channel: "email",
        mode: "instant",
        email: "a@example.org",
        token: "t",
        createdAt: 0,
      })
      .returning();
    const message = {
      type: "subscription.confirm" as const,
      id: "msg_9",
      topic: { slug: "nvidia", name: "Nvidia" },
      createdAt: new Date(0).toISOString(),
      links: { dashboard: PUBLIC_URL, unsubscribe: `${PUBLIC_URL}/u`, confirm: `${PUBLIC_URL}/c` },
    };
    const result = await closed.deliver({ event: { id: 9 } as never, subscription: sub!, message });
    closed.close();
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty("gone");
  });
});
