import { eq } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { alertEvents, jobRuns } from "../../db/schema";
import { writeSpikeAlerts } from "../../jobs/alerts/spike";
import { spikeJob } from "../../jobs/registry";
import { storeAt, subscribe } from "../helpers/alert-data";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

type SpikePayload = { topOutlets: unknown; topTerms: unknown; examples: Array<Record<string, unknown>> };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.UTC(2025, 0, 27, 20, 10);

describe("spike alerts", () => {
  let t: TestDatabase;
  let topicId: number;
  beforeEach(async () => {
    t = await createTestDatabase();
    topicId = (await createTopic(t.db, { slug: "nvidia", name: "Nvidia", color: "#000000", query: "nvidia" }))
      .id;
  });
  afterEach(() => t.destroy());

  /** Two articles on each of the 14 days before the window: mean 2, sd 0. */
  const baseline = () =>
    storeAt(
      t.db,
      Array.from({ length: 14 }, (_, d) => [
        now - (d + 1) * DAY - HOUR,
        now - (d + 1) * DAY - 2 * HOUR,
      ]).flat(),
      "Nvidia earlier",
    );
  const events = () => t.db.select().from(alertEvents).where(eq(alertEvents.type, "topic.spike"));

  it("writes one explained event per spike subscription when the last 24 hours clear the bar", async () => {
    const a = await subscribe(t.db, topicId);
    const b = await subscribe(t.db, topicId, { channel: "email", url: null, email: "r@example.org" });
    await subscribe(t.db, topicId, { cancelledAt: 1 });
    await subscribe(t.db, topicId, { confirmedAt: null });
    await subscribe(t.db, topicId, { mode: "instant" });
    await baseline();
    await storeAt(
      t.db,
      Array.from({ length: 8 }, (_, i) => now - i * HOUR),
      "Nvidia plunge",
      "Reuters",
    );
    await storeAt(
      t.db,
      Array.from({ length: 4 }, (_, i) => now - i * HOUR - 1000),
      "Nvidia DeepSeek shock",
      "CNBC",
    );

    expect(await writeSpikeAlerts(t.db, now)).toEqual({ topics: 1, spikes: 1, events: 2 });
    const rows = await events();
    expect(rows.map((r) => r.subscriptionId).sort()).toEqual([a.id, b.id].sort());
    const payload = rows[0]!.payload as SpikePayload;
    expect(rows[0]).toMatchObject({
      type: "topic.spike",
      dedupeKey: "spike:nvidia:2025-01-27",
      status: "pending",
    });
    expect(payload).toMatchObject({
      topic: { slug: "nvidia", name: "Nvidia" },
      count: 12,
      baseline: { days: 14, mean: 2, sd: 0, threshold: 10, k: 3, minCount: 10 },
      window: { from: "2025-01-26T21:00:00.000Z", to: "2025-01-27T21:00:00.000Z" },
    });
    expect(payload.topOutlets).toEqual([
      { id: expect.any(Number), name: "Reuters", count: 8 },
      { id: expect.any(Number), name: "CNBC", count: 4 },
    ]);
    expect(payload.topTerms).toEqual([{ term: "nvidia", count: 12 }]);
    expect(payload.examples).toHaveLength(5);
    expect(payload.examples[0]).toMatchObject({ title: "Nvidia plunge 0", source: { name: "Reuters" } });
  });

  it("alerts at most once a day: not again within 24 hours, even past UTC midnight, but again on a later spike", async () => {
    await subscribe(t.db, topicId);
    await baseline();
    await storeAt(
      t.db,
      Array.from({ length: 12 }, (_, i) => now - i * HOUR),
    );
    expect((await writeSpikeAlerts(t.db, now)).events).toBe(1);
    expect((await writeSpikeAlerts(t.db, now + HOUR)).events).toBe(0);
    await storeAt(
      t.db,
      Array.from({ length: 20 }, (_, i) => now + 4 * HOUR + i * 60_000),
      "Nvidia more",
    );
    expect((await writeSpikeAlerts(t.db, now + 5 * HOUR)).events).toBe(0); // 2025-01-28 01:10, 5 h later
    await storeAt(
      t.db,
      Array.from({ length: 60 }, (_, i) => now + 25 * HOUR + i * 60_000),
      "Nvidia again",
    );
    expect(await writeSpikeAlerts(t.db, now + 26 * HOUR)).toMatchObject({ spikes: 1, events: 1 });
    expect((await events()).map((e) => e.dedupeKey)).toEqual([
      "spike:nvidia:2025-01-27",
      "spike:nvidia:2025-01-28",
    ]);
  });

  it("stays quiet below the minimum count and within the topic's usual swings", async () => {
    await subscribe(t.db, topicId);
    await storeAt(
      t.db,
      Array.from({ length: 9 }, (_, i) => now - i * HOUR),
    );
    expect(await writeSpikeAlerts(t.db, now)).toEqual({ topics: 1, spikes: 0, events: 0 });
    // Busy days before: 0 and 30 in turn (mean 15, sd 15, bar 60); 9 + 40 = 49 today is ordinary.
    const busy = Array.from({ length: 7 }, (_, d) =>
      Array.from({ length: 30 }, (_, i) => now - (2 * d + 1) * DAY - HOUR - i * 60_000),
    ).flat();
    await storeAt(t.db, busy, "Nvidia busy");
    await storeAt(
      t.db,
      Array.from({ length: 40 }, (_, i) => now - 2 * HOUR - i * 60_000),
      "Nvidia today",
    );
    expect((await writeSpikeAlerts(t.db, now)).spikes).toBe(0);
    expect(await events()).toEqual([]);
  });

  it("spikeJob records a run only when some topic has spike subscriptions", async () => {
    const ctx = {
      db: t.db,
      config: { allowPrivateUrls: false },
      log: pino({ level: "silent" }),
      now: () => now,
    };
    expect(await spikeJob(ctx)).toEqual({ topics: 0, spikes: 0, events: 0 });
    expect(await t.db.select().from(jobRuns)).toEqual([]);
    await subscribe(t.db, topicId);
    await baseline();
    await storeAt(
      t.db,
      Array.from({ length: 12 }, (_, i) => now - i * HOUR),
    );
    expect(await spikeJob(ctx)).toEqual({ topics: 1, spikes: 1, events: 1 });
    expect((await t.db.select().from(jobRuns)).map((r) => [r.job, r.status])).toEqual([["spike", "ok"]]);
  });
});
