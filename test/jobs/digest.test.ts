import { eq } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activeSubscriptions } from "../../db/queries/subscriptions";
import { createTopic } from "../../db/queries/topics";
import { alertEvents, subscriptions } from "../../db/schema";
import { dueDigests, findDueDigests, writeDigests } from "../../jobs/alerts/digest";
import { digestJob } from "../../jobs/registry";
import { storeAt, subscribe } from "../helpers/alert-data";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

type DigestPayload = { counts: unknown; articles: Array<{ title: string }> };

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe("daily digests", () => {
  let t: TestDatabase;
  let topicId: number;
  beforeEach(async () => {
    t = await createTestDatabase();
    topicId = (await createTopic(t.db, { slug: "nvidia", name: "Nvidia", color: "#000000", query: "nvidia" }))
      .id;
  });
  afterEach(() => t.destroy());

  const digest = (overrides = {}) => subscribe(t.db, topicId, { mode: "digest", ...overrides });
  const run = async (now: number) => writeDigests(t.db, await findDueDigests(t.db, now), now);
  const digests = () => t.db.select().from(alertEvents).where(eq(alertEvents.type, "topic.digest"));

  it("goes out once a day at the subscriber's hour in its zone, with counts and the newest articles", async () => {
    const sub = await digest({ digestHour: 8, tz: "Asia/Tokyo" });
    const eight = Date.UTC(2025, 0, 27, 23); // 08:00 on 2025-01-28 in Tokyo
    await storeAt(t.db, [eight - 30 * HOUR, eight - 40 * HOUR], "Nvidia day before");
    await storeAt(t.db, [eight - HOUR, eight - 2 * HOUR, eight - 23 * HOUR], "Nvidia last day");
    await storeAt(t.db, [eight + 10 * MINUTE], "Nvidia after the hour");

    expect(await run(eight - MINUTE)).toEqual({ due: 0, written: 0 });
    expect(await run(eight + 20 * MINUTE)).toEqual({ due: 1, written: 1 });
    expect(await run(eight + 21 * MINUTE)).toEqual({ due: 0, written: 0 });
    const [event] = await digests();
    expect(event).toMatchObject({
      subscriptionId: sub.id,
      dedupeKey: "digest:2025-01-28",
      status: "pending",
    });
    const payload = event!.payload as DigestPayload;
    expect(payload).toMatchObject({
      topic: { slug: "nvidia", name: "Nvidia" },
      date: "2025-01-28",
      tz: "Asia/Tokyo",
      counts: { last24h: 3, previous24h: 2 },
      window: { from: "2025-01-26T23:00:00.000Z", to: "2025-01-27T23:00:00.000Z" },
    });
    expect(payload.articles.map((a) => a.title)).toEqual([
      "Nvidia last day 0",
      "Nvidia last day 1",
      "Nvidia last day 2",
    ]);
    const [row] = await t.db.select().from(subscriptions);
    expect(row!.lastDigestOn).toBe("2025-01-28");

    // The next local day, again once.
    expect(await run(eight + 24 * HOUR)).toEqual({ due: 1, written: 1 });
    expect((await digests()).map((e) => e.dedupeKey)).toEqual(["digest:2025-01-28", "digest:2025-01-29"]);
  });

  it("uses the zone's own day edges, half-hour offsets included", async () => {
    await digest({ digestHour: 8, tz: "Asia/Kolkata" });
    const eight = Date.UTC(2025, 0, 28, 2, 30); // 08:00 IST
    await storeAt(t.db, [eight - 10 * MINUTE, eight - 24 * HOUR + 5 * MINUTE], "Nvidia inside");
    await storeAt(t.db, [eight + 10 * MINUTE, eight - 24 * HOUR - 5 * MINUTE], "Nvidia edge");
    expect(await run(eight)).toEqual({ due: 1, written: 1 });
    const payload = (await digests())[0]!.payload as DigestPayload;
    expect(payload.counts).toEqual({ last24h: 2, previous24h: 1 });
  });

  it("is not due before the hour, after today's digest, for a subscription confirmed after the hour, or cancelled", async () => {
    const base = {
      topicId,
      topicSlug: "nvidia",
      topicName: "Nvidia",
      channel: "email" as const,
      mode: "digest" as const,
      url: null,
      email: "r@example.org",
      secret: null,
      token: "t",
      digestHour: 2,
      tz: "America/New_York",
      lastDigestOn: null,
      createdAt: 0,
      confirmedAt: 0,
      cancelledAt: null,
      cancelReason: null,
      id: 1,
    };
    // 2025-03-09: New York skips 02:00-03:00; a 02:00 digest goes out at the jump, 07:00 UTC.
    const jump = Date.UTC(2025, 2, 9, 7);
    expect(dueDigests([base], jump - 1000)).toEqual([]);
    expect(dueDigests([base], jump)).toEqual([{ subscription: base, date: "2025-03-09", at: jump }]);
    expect(dueDigests([{ ...base, lastDigestOn: "2025-03-09" }], jump)).toEqual([]);
    expect(dueDigests([{ ...base, confirmedAt: jump + 1 }], jump + HOUR)).toEqual([]);
    expect(dueDigests([{ ...base, confirmedAt: jump + 1 }], jump + 24 * HOUR)).toHaveLength(1);
    await digest({ cancelledAt: 1 });
    await digest({ confirmedAt: null });
    expect(await activeSubscriptions(t.db, "digest")).toEqual([]);
  });

  it("writes each digest once even when a second run works from the same, now stale, due list", async () => {
    await digest({ digestHour: 0, tz: "UTC" });
    const now = Date.UTC(2025, 0, 28, 0, 5);
    const due = await findDueDigests(t.db, now);
    expect(await writeDigests(t.db, due, now)).toEqual({ due: 1, written: 1 });
    expect(await writeDigests(t.db, due, now + MINUTE)).toEqual({ due: 1, written: 0 });
    expect(await digests()).toHaveLength(1);
  });

  it("digestJob writes what is due with an injectable clock", async () => {
    await digest({ digestHour: 9, tz: "Europe/Berlin" });
    const log = pino({ level: "silent" });
    const at = (now: number) => ({ db: t.db, config: { allowPrivateUrls: false }, log, now: () => now });
    expect(await digestJob(at(Date.UTC(2025, 6, 1, 6, 59)))).toEqual({ due: 0, written: 0 });
    expect(await digestJob(at(Date.UTC(2025, 6, 1, 7)))).toEqual({ due: 1, written: 1 }); // 09:00 CEST
  });
});
