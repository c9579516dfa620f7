import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const USER_ROLES = ["admin", "viewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const TOKEN_SCOPES = ["read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * People who sign in. The password is kept as a self-describing scrypt string (core/password-hash.ts), so its
 * cost can rise later without a migration. The failure count and lock window slow guessing per account.
 */
export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  role: text("role", { enum: USER_ROLES }).notNull(),
  passwordHash: text("password_hash").notNull(),
  failedSignIns: integer("failed_sign_ins").notNull().default(0),
  lockedUntil: integer("locked_until"),
  createdAt: integer("created_at").notNull(),
});

/**
 * A signed-in browser. Only the SHA-256 of the cookie's random id is stored, so a copy of the database opens no
 * session; the CSRF token is bound to the session and sent back by the dashboard in a header.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** Bearer tokens for scripts, made by an admin; shown once, stored as a SHA-256 of the token. */
export const apiTokens = sqliteTable("api_tokens", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  scope: text("scope", { enum: TOKEN_SCOPES }).notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  /** The admin who made it (removing them revokes it); null when made with TIDEMARK_ADMIN_TOKEN. */
  createdBy: integer("created_by").references(() => users.id, { onDelete: "cascade" }),
  createdAt: integer("created_at").notNull(),
  lastUsedAt: integer("last_used_at"),
});

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
