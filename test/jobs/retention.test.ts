import { sql } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findJob } from "../../jobs/registry";
import { retentionJob } from "../../jobs/retention";
import { loadSample } from "../../jobs/sample/load-sample";
import { createDefaultTopics } from "../../jobs/seed/first-start";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { rollupsVersusTruth } from "../helpers/rollups";

const DAY = 86_400_000;
const log = pino({ level: "silent" });

describe("TIDEMARK_RETENTION_DAYS", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
    await createDefaultTopics(t.db);
    await loadSample({ db: t.db, allowPrivateUrls: false, log });
    // As if each sample article had been stored when it was published.
    await t.db.run(sql`update articles set first_seen_at = published_at`);
  });
  afterEach(() => t.destroy());

  const count = async (query: string) => Number((await t.client.execute(query)).rows[0]![0]);
  const dailyFrom = async (day: number) =>
    (
      await t.client.execute(
        `select topic_id, day, count from coverage_daily where day >= ${day} order by 1, 2`,
      )
    ).rows;

  it("deletes the articles past the window with their tags and counts, and leaves the rest as they were", async () => {
    const now = Date.UTC(2025, 2, 31);
    const cutoff = now - 30 * DAY;
    const keptBefore = await dailyFrom(Math.floor(cutoff / DAY) + 1);
    const old = await count(`select count(*) from articles where published_at < ${cutoff}`);
    const young = await count(`select count(*) from articles where published_at >= ${cutoff}`);
    expect(old).toBeGreaterThan(100);
    expect(young).toBeGreaterThan(10);

    const result = await retentionJob({ db: t.db, log, now: () => now }, 30);

    expect(result.deleted).toBe(old);
    expect(await count("select count(*) from articles")).toBe(young);
    expect(await count(`select count(*) from article_topics where published_at < ${cutoff}`)).toBe(0);
    expect(await count("select count(*) from articles_fts")).toBe(young);
    // The counts equal the articles that are left (what `coverage rebuild` would write), no empty cells kept...
    const r = await rollupsVersusTruth(t);
    expect(r.hourly).toEqual(r.truthHourly);
    expect(r.hourlyFeed).toEqual(r.truthHourlyFeed);
    expect(r.detail).toEqual(r.truthDetail);
    expect(r.daily).toEqual(r.truthDaily);
    expect(r.dailyDetail).toEqual(r.truthDailyDetail);
    expect(r.monthlyDetail).toEqual(r.truthMonthlyDetail);
    expect(r.sets).toEqual(r.truthSets);
    expect(await count("select count(*) from coverage_daily where count = 0")).toBe(0);
    // ...and every whole day inside the window counts what it counted before.
    expect(await dailyFrom(Math.floor(cutoff / DAY) + 1)).toEqual(keptBefore);
    expect(await count(`select count(*) from coverage_daily where day < ${Math.floor(cutoff / DAY)}`)).toBe(
      0,
    );
  });

  it("keeps an old article stored recently, so a feed that still carries it does not store it again and again", async () => {
    const now = Date.UTC(2025, 2, 31);
    await t.db.run(sql`update articles set first_seen_at = ${now - DAY}`);
    const before = await count("select count(*) from articles");
    expect((await retentionJob({ db: t.db, log, now: () => now }, 30)).deleted).toBe(0);
    expect(await count("select count(*) from articles")).toBe(before);
  });

  it("is a registered job that deletes nothing while the setting is off", async () => {
    const job = findJob("retention")!;
    expect(job.schedule).toEqual({ kind: "cron", cron: "41 * * * *" });
    const before = await count("select count(*) from articles");
    const counts = await job.run({
      db: t.db,
      log,
      config: {
        allowPrivateUrls: false,
        publicUrl: "http://127.0.0.1:3000",
        schedule: null,
        retentionDays: null,
      },
    });
    expect(counts).toEqual({ deleted: 0 });
    expect(await count("select count(*) from articles")).toBe(before);
  });
});
