import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { alertEvents } from "../../db/schema";
import { makeAlertEvents, makeWebhookSubscription } from "../helpers/alerts";
import { createTestApp, type TestApp } from "../helpers/app";

describe("GET /metrics reports alert deliveries", () => {
  let ctx: TestApp;
  beforeEach(async () => {
    ctx = await createTestApp();
  });
  afterEach(() => ctx.t.destroy());

  const scrape = async () => {
    const res = await ctx.app.request("/metrics");
    expect(res.status).toBe(200);
    return res.text();
  };

  it("counts outbox events by type and status, the attempts spent, and the due backlog", async () => {
    const sub = await makeWebhookSubscription(ctx.t.db, "https://hooks.example/x");
    const [a, b] = await makeAlertEvents(ctx.t.db, sub, 3, 1_000);
    await ctx.t.db.insert(alertEvents).values({
      subscriptionId: sub.id,
      type: "topic.spike",
      dedupeKey: "spike:2025-01-27",
      payload: {},
      status: "failed",
      attempts: 10,
      nextAttemptAt: 0,
    });
    await ctx.t.client.execute({
      sql: "update alert_events set status = 'delivered', attempts = 2 where id = ?",
      args: [a!.id],
    });
    await ctx.t.client.execute({ sql: "update alert_events set attempts = 1 where id = ?", args: [b!.id] });
    const text = await scrape();
    expect(text).toContain('tidemark_alert_events{type="article.tagged",status="delivered"} 1');
    expect(text).toContain('tidemark_alert_events{type="article.tagged",status="pending"} 2');
    expect(text).toContain('tidemark_alert_events{type="article.tagged",status="failed"} 0');
    expect(text).toContain('tidemark_alert_events{type="topic.spike",status="failed"} 1');
    expect(text).toContain('tidemark_alert_delivery_attempts_total{type="article.tagged"} 3');
    expect(text).toContain('tidemark_alert_delivery_attempts_total{type="topic.spike"} 10');
    expect(text).toContain("tidemark_alert_events_due 2");
    expect(text).toMatch(/^tidemark_alert_oldest_due_age_seconds \d+(\.\d+)?$/m);
    expect(text).toContain("# TYPE tidemark_alert_delivery_attempts_total counter");
  });

  it("reports an empty outbox as no backlog", async () => {
    const text = await scrape();
    expect(text).toContain("tidemark_alert_events_due 0");
    expect(text).toContain("tidemark_alert_oldest_due_age_seconds 0");
  });
});
