import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { topics } from "./topics";

/** Dated happenings drawn on the time axis (R1's release, the Nvidia sell-off): data, not code. */
export const storyEvents = sqliteTable(
  "story_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** When it happened, epoch ms UTC. */
    at: integer("at").notNull(),
    label: text("label").notNull(),
    /** The topic it belongs to, or null for the whole story. */
    topicId: integer("topic_id").references(() => topics.id, { onDelete: "cascade" }),
    url: text("url"),
  },
  (t) => [index("story_events_at_idx").on(t.at)],
);

/**
 * Stretches when ingestion failed as a whole (every feed a pass tried failed, or the pass itself crashed),
 * so the dashboard can shade them and an outage never reads as a drop in coverage. Open while `endedAt` is null.
 */
export const ingestOutages = sqliteTable(
  "ingest_outages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    startedAt: integer("started_at").notNull(),
    endedAt: integer("ended_at"),
    reason: text("reason").notNull(),
    /** Passes that failed during the stretch. */
    passes: integer("passes").notNull().default(1),
  },
  (t) => [index("ingest_outages_time_idx").on(t.startedAt)],
);
