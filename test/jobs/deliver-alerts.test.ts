import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { alertEvents, subscriptions } from "../../db/schema";
import { type DeliveryContext, deliverDueAlerts } from "../../jobs/alerts/deliver";
import { RETRY_DELAYS_MS } from "../../jobs/alerts/retry-schedule";
import { makeAlertEvents, makeWebhookSubscription, webhookDeliveryContext } from "../helpers/alerts";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type Reply, startWebhookReceiver, type WebhookReceiver } from "../helpers/webhook-receiver";

const T0 = Date.UTC(2025, 0, 27, 12);

describe("the alert delivery worker", () => {
  let t: TestDatabase;
  let receiver: WebhookReceiver;
  let clock: number;
  let ctx: DeliveryContext;
  beforeEach(async () => {
    t = await createTestDatabase();
    clock = T0;
    ctx = webhookDeliveryContext(t.db, { now: () => clock, random: () => 0.5 });
  });
  afterEach(async () => {
    await receiver?.close();
    t.destroy();
  });
  const event = async (id: number) =>
    (await t.db.select().from(alertEvents).where(eq(alertEvents.id, id)))[0]!;

  it("retries on the Standard Webhooks schedule until the receiver acknowledges", async () => {
    receiver = await startWebhookReceiver((_, i) => ({ status: i < 3 ? 500 : 200 }));
    const [e] = await makeAlertEvents(t.db, await makeWebhookSubscription(t.db, "http://x"), 1, T0);
    await t.db.update(subscriptions).set({ url: receiver.url() });

    expect(await deliverDueAlerts(ctx)).toEqual({ delivered: 0, retrying: 1, failed: 0, cancelled: 0 });
    expect(await event(e!.id)).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatus: 500,
      lastError: "HTTP 500 Internal Server Error",
      nextAttemptAt: T0 + 5_000,
      leaseOwner: null,
    });
    clock = T0 + 4_999;
    await deliverDueAlerts(ctx);
    expect(receiver.received).toHaveLength(1);

    clock = T0 + 5_000;
    await deliverDueAlerts(ctx);
    expect(await event(e!.id)).toMatchObject({ attempts: 2, nextAttemptAt: clock + 5 * 60_000 });
    clock += 5 * 60_000;
    await deliverDueAlerts(ctx);
    expect(await event(e!.id)).toMatchObject({ attempts: 3, nextAttemptAt: clock + 30 * 60_000 });
    clock += 30 * 60_000;
    expect(await deliverDueAlerts(ctx)).toEqual({ delivered: 1, retrying: 0, failed: 0, cancelled: 0 });
    expect(await event(e!.id)).toMatchObject({
      status: "delivered",
      attempts: 4,
      deliveredAt: clock,
      lastStatus: 200,
      lastError: null,
    });
    expect(new Set(receiver.received.map((r) => r.id))).toEqual(new Set([`msg_${e!.id}`]));
  });

  it("marks an event failed after the tenth attempt, keeps it visible and sends it no more", async () => {
    receiver = await startWebhookReceiver(() => ({ status: 503 }));
    const [e] = await makeAlertEvents(t.db, await makeWebhookSubscription(t.db, "http://x"), 1, T0);
    await t.db.update(subscriptions).set({ url: receiver.url() });
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      await deliverDueAlerts(ctx);
      const row = await event(e!.id);
      expect(row.attempts).toBe(attempt);
      if (row.status === "pending") waits.push(row.nextAttemptAt - clock);
      clock = row.nextAttemptAt;
    }
    expect(waits).toEqual(RETRY_DELAYS_MS.slice(1));
    expect(await event(e!.id)).toMatchObject({ status: "failed", attempts: 10, lastStatus: 503 });
    clock += 365 * 24 * 3_600_000;
    await deliverDueAlerts(ctx);
    expect(receiver.received).toHaveLength(10);
    expect((await event(e!.id)).status).toBe("failed");
  });

  it("waits as long as a Retry-After asks when that is longer than the schedule", async () => {
    receiver = await startWebhookReceiver(() => ({ status: 429, headers: { "retry-after": "3600" } }));
    const [e] = await makeAlertEvents(t.db, await makeWebhookSubscription(t.db, "http://x"), 1, T0);
    await t.db.update(subscriptions).set({ url: receiver.url() });
    await deliverDueAlerts(ctx);
    expect(await event(e!.id)).toMatchObject({
      status: "pending",
      lastStatus: 429,
      nextAttemptAt: T0 + 3_600_000,
    });
  });

  it.each<[Reply, string]>([
    [{ status: 202 }, "delivered"],
    [{ status: 204 }, "delivered"],
    [{ status: 302, headers: { location: "https://elsewhere.example/" } }, "pending"],
    [{ status: 304 }, "pending"],
  ])("records %j as %s", async (reply, status) => {
    receiver = await startWebhookReceiver(() => reply);
    const [e] = await makeAlertEvents(t.db, await makeWebhookSubscription(t.db, "http://x"), 1, T0);
    await t.db.update(subscriptions).set({ url: receiver.url() });
    await deliverDueAlerts(ctx);
    expect(await event(e!.id)).toMatchObject({ status, lastStatus: (reply as { status: number }).status });
  });

  it("unsubscribes a receiver that answers 410 Gone and cancels its pending events", async () => {
    receiver = await startWebhookReceiver(() => ({ status: 410 }));
    const gone = await makeWebhookSubscription(t.db, receiver.url());
    const other = await makeWebhookSubscription(t.db, receiver.url("/other"));
    const goneEvents = await makeAlertEvents(t.db, gone, 3, T0);
    await makeAlertEvents(t.db, other, 1, T0 + 60_000);

    await deliverDueAlerts(ctx, { concurrency: 1 });
    expect(receiver.received).toHaveLength(1);
    const [sub] = await t.db.select().from(subscriptions).where(eq(subscriptions.id, gone.id));
    expect(sub).toMatchObject({ cancelledAt: T0, cancelReason: "HTTP 410 Gone: the receiver unsubscribed" });
    expect(await event(goneEvents[0]!.id)).toMatchObject({
      status: "cancelled",
      lastStatus: 410,
      attempts: 1,
    });
    for (const e of goneEvents.slice(1)) {
      expect(await event(e.id)).toMatchObject({ status: "cancelled", attempts: 0 });
    }
    const [otherSub] = await t.db.select().from(subscriptions).where(eq(subscriptions.id, other.id));
    expect(otherSub!.cancelledAt).toBeNull();
  });

  it("cancels, unsent, the pending events of a subscription cancelled after they were written", async () => {
    receiver = await startWebhookReceiver();
    const sub = await makeWebhookSubscription(t.db, receiver.url());
    const events = await makeAlertEvents(t.db, sub, 2, T0);
    await t.db.update(subscriptions).set({ cancelledAt: T0, cancelReason: "by the subscriber" });
    expect(await deliverDueAlerts(ctx)).toEqual({ delivered: 0, retrying: 0, failed: 0, cancelled: 2 });
    expect(receiver.received).toHaveLength(0);
    for (const e of events) expect((await event(e.id)).status).toBe("cancelled");
  });

  it("sends an unconfirmed subscription its confirmation and nothing else", async () => {
    receiver = await startWebhookReceiver();
    const sub = await makeWebhookSubscription(t.db, receiver.url(), { confirmedAt: null });
    const [article] = await makeAlertEvents(t.db, sub, 1, T0);
    const [confirm] = await t.db
      .insert(alertEvents)
      .values({
        subscriptionId: sub.id,
        type: "subscription.confirm",
        dedupeKey: "confirm",
        payload: {},
        nextAttemptAt: T0,
        createdAt: T0,
      })
      .returning();
    await deliverDueAlerts(ctx);
    expect(receiver.received.map((r) => r.id)).toEqual([`msg_${confirm!.id}`]);
    expect(JSON.parse(receiver.received[0]!.body).links.confirm).toMatch(/\/confirm\?token=/);
    expect(await event(article!.id)).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("leaves events for a channel this process has no sender for", async () => {
    const sub = await makeWebhookSubscription(t.db, "http://x", { channel: "email", email: "a@example.com" });
    const [e] = await makeAlertEvents(t.db, sub, 1, T0);
    expect(await deliverDueAlerts(ctx)).toEqual({ delivered: 0, retrying: 0, failed: 0, cancelled: 0 });
    expect(await event(e!.id)).toMatchObject({ status: "pending", attempts: 0 });
  });

  it.each([1, 2, 4])("sends at most %i events at once", async (concurrency) => {
    const total = 10;
    // Hold every request until `concurrency` are open (or the last ones came), then a moment longer, so that a
    // worker sending more at once is caught with them open.
    receiver = await startWebhookReceiver(() => {
      setImmediate(() => {
        if (receiver.inFlight() >= concurrency || receiver.received.length === total) {
          setTimeout(() => receiver.release(), 100);
        }
      });
      return "hold";
    });
    await makeAlertEvents(t.db, await makeWebhookSubscription(t.db, receiver.url()), total, T0);
    expect(await deliverDueAlerts(ctx, { concurrency })).toMatchObject({ delivered: total });
    expect(receiver.maxInFlight()).toBe(concurrency);
    expect(new Set(receiver.acknowledged).size).toBe(total);
  });

  it("acknowledges each event once across restarts: a second worker finds nothing to send", async () => {
    receiver = await startWebhookReceiver();
    const events = await makeAlertEvents(t.db, await makeWebhookSubscription(t.db, receiver.url()), 5, T0);
    await deliverDueAlerts(ctx, { owner: "first" });
    await deliverDueAlerts(webhookDeliveryContext(t.db, { now: () => clock }), { owner: "second" });
    expect(receiver.acknowledged.sort()).toEqual(events.map((e) => `msg_${e.id}`).sort());
  });
});
