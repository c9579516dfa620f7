import { sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Small durable facts about this installation, such as when the first-start seeding ran. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
