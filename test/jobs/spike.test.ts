import { eq } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Spike } from "../../core/spike-rule";
import type { SpikePayload } from "../../db/alert-payloads";
import { getSubscription } from "../../db/queries/subscriptions";
import { createTopic } from "../../db/queries/topics";
import { alertEvents, jobRuns } from "../../db/schema";
import { buildAlertMessage } from "../../jobs/alerts/alert-message";
import { writeSpikeAlerts } from "../../jobs/alerts/spike";
import { spikeJob } from "../../jobs/registry";
import { storeAt, subscribe } from "../helpers/alert-data";
import { createTestApp, type TestApp } from "../helpers/app";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 21:10 in Berlin on Monday 27 January 2025. */
const now = Date.UTC(2025, 0, 27, 20, 10);
const BERLIN = "Europe/Berlin";

interface Coverage {
  buckets: string[];
  series: Array<{ counts: number[]; spikes: Spike[] }>;
}

describe("spike alerts", () => {
  let s: TestApp;
  let topicId: number;
  beforeEach(async () => {
    s = await createTestApp();
    topicId = (
      await createTopic(s.t.db, { slug: "nvidia", name: "Nvidia", color: "#000000", query: "nvidia" })
    ).id;
  });
  afterEach(() => s.t.destroy());

  /** Two articles at noon UTC on each of the 40 days before today: mean 2, sd 0, so the bar is 9. */
  const baseline = () =>
    storeAt(
      s.t.db,
      Array.from({ length: 40 }, (_, d) => [
        now - (d + 1) * DAY - 8 * HOUR,
        now - (d + 1) * DAY - 7 * HOUR,
      ]).flat(),
      "Nvidia earlier",
    );
  /** `n` articles on the morning of `day` days from today (0: today). */
  const onDay = (n: number, day = 0, title = "Nvidia today", outlet = "Wire") =>
    storeAt(
      s.t.db,
      Array.from({ length: n }, (_, i) => now + day * DAY - 10 * HOUR + i * 60_000),
      title,
      outlet,
    );
  const events = async () =>
    (await s.t.db.select().from(alertEvents).where(eq(alertEvents.type, "topic.spike"))).map((e) => ({
      ...e,
      payload: e.payload as unknown as SpikePayload,
    }));
  /** The chart's answer for the view an alert links to (or any daily view in a zone). */
  async function chart(view: { from: string; to: string; tz: string }): Promise<Coverage> {
    const res = await s.app.request(
      `/api/coverage?topics=nvidia&interval=day&from=${view.from}&to=${view.to}&tz=${encodeURIComponent(view.tz)}`,
    );
    return (await res.json()) as Coverage;
  }
  const marks = async (view: { from: string; to: string; tz: string }) =>
    (await chart(view)).series[0]!.spikes.map((x) => x.bucket);

  it("alerts on a day the chart marks, with the chart's numbers, and not on a day it does not mark", async () => {
    await subscribe(s.t.db, topicId, { tz: BERLIN });
    await baseline();
    await onDay(8);
    const today = { from: "2025-01-27", to: "2025-01-27", tz: BERLIN };
    // Eight articles today: the chart marks nothing, and nothing alerts.
    expect(await marks(today)).toEqual([]);
    expect(await writeSpikeAlerts(s.t.db, now)).toEqual({ topics: 1, spikes: 0, events: 0 });

    // One more is the bar (9): the chart marks today, and the alert says so with the same numbers.
    await onDay(1, 0, "Nvidia plunge", "Reuters");
    expect(await marks(today)).toEqual(["2025-01-27"]);
    expect(await writeSpikeAlerts(s.t.db, now)).toEqual({ topics: 1, spikes: 1, events: 1 });
    const [event] = await events();
    const payload = event!.payload;
    expect(event).toMatchObject({ dedupeKey: "spike:nvidia:2025-01-27", status: "pending" });
    expect(payload.view).toEqual({ interval: "day", tz: BERLIN, from: "2024-12-28", to: "2025-01-27" });
    const shown = await chart(payload.view);
    const spike = shown.series[0]!.spikes.at(-1)!;
    expect(spike).toMatchObject({ bucket: "2025-01-27", index: shown.buckets.length - 1, count: 9 });
    expect(payload).toMatchObject({
      topic: { slug: "nvidia", name: "Nvidia" },
      date: spike.bucket,
      tz: BERLIN,
      count: spike.count,
      window: { from: "2025-01-26T23:00:00.000Z", to: "2025-01-27T23:00:00.000Z" },
      baseline: {
        from: "2024-12-28",
        to: "2025-01-24",
        days: spike.baselineBuckets,
        daily: shown.series[0]!.counts.slice(0, 28),
        guard: 2,
        mean: spike.baseline,
        sd: spike.sd,
        threshold: spike.threshold,
        pValue: spike.pValue,
      },
    });
    expect(payload.baseline).toMatchObject({ mean: 2, sd: 0, threshold: 9 });
    expect(payload.topOutlets).toEqual([
      { id: expect.any(Number), name: "Wire", count: 8 },
      { id: expect.any(Number), name: "Reuters", count: 1 },
    ]);
    expect(payload.examples).toHaveLength(5);
    expect(payload.examples[0]).toMatchObject({ title: "Nvidia today 7", source: { name: "Wire" } });

    // The message's dashboard link opens exactly that view.
    const message = buildAlertMessage(
      { ...event!, payload: event!.payload as unknown as Record<string, unknown> },
      (await getSubscription(s.t.db, event!.subscriptionId))!,
      "https://tidemark.example",
    );
    const link = new URL(message.links.dashboard);
    expect(Object.fromEntries(link.searchParams)).toEqual({
      topics: "nvidia",
      range: "custom",
      from: "2024-12-28",
      to: "2025-01-27",
      interval: "day",
      tz: BERLIN,
    });
  });

  it("judges the subscriber's days: a burst late in a UTC day is the next day in Berlin", async () => {
    await subscribe(s.t.db, topicId, { tz: BERLIN });
    await subscribe(s.t.db, topicId, { tz: "UTC" });
    await baseline();
    // 23:30Z on the 26th: Monday 00:30 in Berlin, Sunday night in UTC.
    await storeAt(
      s.t.db,
      Array.from({ length: 12 }, (_, i) => now - 20 * HOUR - 40 * 60_000 + i * 60_000),
    );
    expect(await marks({ from: "2025-01-26", to: "2025-01-27", tz: BERLIN })).toEqual(["2025-01-27"]);
    expect(await marks({ from: "2025-01-26", to: "2025-01-27", tz: "UTC" })).toEqual(["2025-01-26"]);
    expect(await writeSpikeAlerts(s.t.db, now)).toEqual({ topics: 1, spikes: 2, events: 2 });
    expect((await events()).map((e) => [e.payload.tz, e.payload.date, e.payload.count]).sort()).toEqual([
      [BERLIN, "2025-01-27", 12],
      ["UTC", "2025-01-26", 14],
    ]);
  });

  it("alerts once per marked day, across runs and restarts, and judges yesterday again for late articles", async () => {
    await subscribe(s.t.db, topicId, { tz: "UTC" });
    await baseline();
    await onDay(12);
    expect((await writeSpikeAlerts(s.t.db, now)).events).toBe(1);
    expect((await writeSpikeAlerts(s.t.db, now + HOUR)).events).toBe(0);
    // Past midnight: yesterday is judged again, still marked, not written again.
    expect(await writeSpikeAlerts(s.t.db, now + 5 * HOUR)).toEqual({ topics: 1, spikes: 1, events: 0 });
    // A second marked day alerts on its own, as the chart marks it on its own.
    await onDay(30, 1, "Nvidia again");
    expect(await writeSpikeAlerts(s.t.db, now + DAY)).toMatchObject({ spikes: 2, events: 1 });
    expect(await marks({ from: "2025-01-27", to: "2025-01-28", tz: "UTC" })).toEqual([
      "2025-01-27",
      "2025-01-28",
    ]);
    // Articles of the 29th that arrive after its end still make the 29th alert, the next morning.
    await onDay(20, 2, "Nvidia late");
    expect(await writeSpikeAlerts(s.t.db, now + 2 * DAY + 5 * HOUR)).toMatchObject({ events: 1 });
    expect((await events()).map((e) => e.dedupeKey)).toEqual([
      "spike:nvidia:2025-01-27",
      "spike:nvidia:2025-01-28",
      "spike:nvidia:2025-01-29",
    ]);
  });

  it("stays quiet on a new store's first days: thirty articles are no spike against the empty weeks before", async () => {
    await subscribe(s.t.db, topicId, { tz: "UTC" });
    await onDay(30);
    expect(await marks({ from: "2025-01-27", to: "2025-01-27", tz: "UTC" })).toEqual([]);
    expect(await writeSpikeAlerts(s.t.db, now)).toEqual({ topics: 1, spikes: 0, events: 0 });
    // Ten days on, the baseline is the eight stored days before the guard, and the payload lists just those.
    await storeAt(
      s.t.db,
      Array.from({ length: 9 }, (_, d) => now + (d + 1) * DAY - 10 * HOUR),
      "Nvidia calm",
    );
    // 30 among seven 1s makes a wide baseline (mean 4.6, sd 10.3): the bar is 94.
    await onDay(94, 10, "Nvidia burst");
    expect(await writeSpikeAlerts(s.t.db, now + 10 * DAY)).toMatchObject({ spikes: 1, events: 1 });
    const [event] = await events();
    expect(event!.payload.date).toBe("2025-02-06");
    expect(event!.payload.baseline).toMatchObject({
      from: "2025-01-27",
      to: "2025-02-03",
      days: 8,
      daily: [30, 1, 1, 1, 1, 1, 1, 1],
      mean: 4.63,
      threshold: 94,
    });
  });

  it("stays quiet below the minimum count and for subscriptions made after the day", async () => {
    await subscribe(s.t.db, topicId, { tz: "UTC" });
    // Weeks of other news and no Nvidia: then 4 articles are below the minimum of 5, and 5 are a spike.
    await storeAt(
      s.t.db,
      Array.from({ length: 40 }, (_, d) => now - (d + 1) * DAY),
      "Weather",
    );
    const today = { from: "2025-01-27", to: "2025-01-27", tz: "UTC" };
    await onDay(4);
    expect(await marks(today)).toEqual([]);
    expect(await writeSpikeAlerts(s.t.db, now)).toEqual({ topics: 1, spikes: 0, events: 0 });
    await onDay(1);
    expect(await marks(today)).toEqual(["2025-01-27"]);
    await subscribe(s.t.db, topicId, { tz: "UTC", createdAt: now + DAY });
    expect(await writeSpikeAlerts(s.t.db, now + DAY + HOUR)).toMatchObject({ spikes: 1, events: 1 });
    expect((await events()).map((e) => e.subscriptionId)).toHaveLength(1);
  });

  it("spikeJob records a run only when some topic has spike subscriptions", async () => {
    const ctx = {
      db: s.t.db,
      config: { allowPrivateUrls: false },
      log: pino({ level: "silent" }),
      now: () => now,
    };
    expect(await spikeJob(ctx)).toEqual({ topics: 0, spikes: 0, events: 0 });
    expect(await s.t.db.select().from(jobRuns)).toEqual([]);
    await subscribe(s.t.db, topicId);
    await baseline();
    await onDay(12);
    expect(await spikeJob(ctx)).toEqual({ topics: 1, spikes: 1, events: 1 });
    expect((await s.t.db.select().from(jobRuns)).map((r) => [r.job, r.status])).toEqual([["spike", "ok"]]);
  });
});
