import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { apiTokens, sessions, type User, type UserRole, users } from "../schema";

/** What may be shown of a user: never the hash or the lock counters. */
export interface UserSummary {
  id: number;
  name: string;
  role: UserRole;
  createdAt: number;
}

const summary = { id: users.id, name: users.name, role: users.role, createdAt: users.createdAt };

/** Adds a user; null when the name is taken. */
export async function createUser(
  db: Executor,
  user: { name: string; role: UserRole; passwordHash: string },
  now: number,
): Promise<UserSummary | null> {
  const rows = await db
    .insert(users)
    .values({ ...user, createdAt: now })
    .onConflictDoNothing()
    .returning(summary);
  return rows[0] ?? null;
}

export function listUsers(db: Executor): Promise<UserSummary[]> {
  return db.select(summary).from(users).orderBy(asc(users.name));
}

export async function getUserByName(db: Executor, name: string): Promise<User | undefined> {
  const rows = await db.select().from(users).where(eq(users.name, name)).limit(1);
  return rows[0];
}

/**
 * Removes a user with their sessions and API tokens, in one transaction. Deleted by hand rather than left to the
 * schema's ON DELETE CASCADE: a connection without PRAGMA foreign_keys would leave their tokens working.
 */
export async function removeUser(db: Executor, name: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const user = (await tx.select({ id: users.id }).from(users).where(eq(users.name, name)))[0];
    if (!user) return false;
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await tx.delete(apiTokens).where(eq(apiTokens.createdBy, user.id));
    await tx.delete(users).where(eq(users.id, user.id));
    return true;
  });
}

/** Sets a new password and clears the lock; false when there is no such user. */
export async function setUserPassword(db: Executor, name: string, passwordHash: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ passwordHash, failedSignIns: 0, lockedUntil: null })
    .where(eq(users.name, name))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Counts one more failed sign-in and sets the lock it earns; returns the new count. */
export async function recordFailedSignIn(
  db: Executor,
  userId: number,
  lockFor: (failures: number) => number,
  now: number,
): Promise<number> {
  const rows = await db
    .update(users)
    .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
    .where(eq(users.id, userId))
    .returning({ failures: users.failedSignIns });
  const failures = rows[0]?.failures ?? 0;
  const waitMs = lockFor(failures);
  await db
    .update(users)
    .set({ lockedUntil: waitMs > 0 ? now + waitMs : null })
    .where(eq(users.id, userId));
  return failures;
}

export async function clearFailedSignIns(db: Executor, userId: number): Promise<void> {
  await db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, userId));
}
