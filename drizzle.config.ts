import { defineConfig } from "drizzle-kit";

// Only used by `npm run db:generate` (drizzle-kit) to write SQL migrations from db/schema; the app applies
// them itself at start (db/migrate.ts).
export default defineConfig({
  dialect: "turso",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: {
    url: process.env.DATABASE_URL ?? "file:data/tidemark.db",
    authToken: process.env.DATABASE_AUTH_TOKEN,
  },
});
