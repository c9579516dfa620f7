import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Concepts: named, shared term lists (`@global-south`, `@chips`) that topic queries use as `@name`. `query` is
 * the terms as query text. Changing it bumps `version`, and the topics that use the concept are marked for a
 * retag in the same transaction; the ingest's tagger recompiles when any concept's version changes.
 */
export const concepts = sqliteTable("concepts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  query: text("query").notNull(),
  /** How many terms the text holds, kept with it so the list endpoint need not parse every concept. */
  termCount: integer("term_count").notNull().default(0),
  version: integer("version").notNull().default(1),
  /** Added by the first-start seed (a bundled concept), not by a user. */
  seeded: integer("seeded", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at").notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  updatedAt: integer("updated_at").notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
});

export type Concept = typeof concepts.$inferSelect;
