import { and, asc, desc, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { ingestOutages, storyEvents, topics } from "../schema";

export interface StoryEventRow {
  id: number;
  at: number;
  label: string;
  url: string | null;
  topic: string | null;
}

/** Story events between two instants (inclusive), oldest first. */
export async function listStoryEvents(
  db: Executor,
  range: { from: number; to: number },
): Promise<StoryEventRow[]> {
  return db
    .select({
      id: storyEvents.id,
      at: storyEvents.at,
      label: storyEvents.label,
      url: storyEvents.url,
      topic: topics.slug,
    })
    .from(storyEvents)
    .leftJoin(topics, eq(topics.id, storyEvents.topicId))
    .where(and(gte(storyEvents.at, range.from), lte(storyEvents.at, range.to)))
    .orderBy(asc(storyEvents.at));
}

export async function addStoryEvent(
  db: Executor,
  event: { at: number; label: string; url?: string | null; topicSlug?: string | null },
): Promise<void> {
  const topicId = event.topicSlug
    ? ((await db.select({ id: topics.id }).from(topics).where(eq(topics.slug, event.topicSlug)).limit(1))[0]
        ?.id ?? null)
    : null;
  await db.insert(storyEvents).values({ at: event.at, label: event.label, url: event.url ?? null, topicId });
}

/** Outage stretches that overlap [from, to]; an open one runs to now. */
export async function listOutages(db: Executor, range: { from: number; to: number }) {
  return db
    .select()
    .from(ingestOutages)
    .where(
      and(
        lte(ingestOutages.startedAt, range.to),
        or(isNull(ingestOutages.endedAt), gte(ingestOutages.endedAt, range.from)),
      ),
    )
    .orderBy(asc(ingestOutages.startedAt));
}

/**
 * Records how an ingest pass went: a pass in which every feed failed (or that crashed) opens an outage or
 * extends the open one; any pass that reached a feed closes it.
 */
export async function recordPassHealth(
  db: Executor,
  pass: { at: number; failedWhole: boolean; reason: string },
): Promise<void> {
  const [open] = await db
    .select()
    .from(ingestOutages)
    .where(isNull(ingestOutages.endedAt))
    .orderBy(desc(ingestOutages.startedAt))
    .limit(1);
  if (pass.failedWhole) {
    if (open) {
      await db
        .update(ingestOutages)
        .set({ passes: sql`${ingestOutages.passes} + 1`, reason: pass.reason })
        .where(eq(ingestOutages.id, open.id));
    } else {
      await db.insert(ingestOutages).values({ startedAt: pass.at, reason: pass.reason });
    }
  } else if (open) {
    await db.update(ingestOutages).set({ endedAt: pass.at }).where(eq(ingestOutages.id, open.id));
  }
}
