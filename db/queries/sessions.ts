import { and, eq, gt, lte } from "drizzle-orm";
import type { Executor } from "../client";
import { sessions, type UserRole, users } from "../schema";

export interface SessionUser {
  userId: number;
  name: string;
  role: UserRole;
  csrfToken: string;
  expiresAt: number;
}

export async function createSession(
  db: Executor,
  session: { idHash: string; userId: number; csrfToken: string; expiresAt: number },
  now: number,
): Promise<void> {
  await db.insert(sessions).values({ ...session, createdAt: now });
}

/** The live session with this id hash and its user; undefined when unknown or expired. */
export async function getLiveSession(
  db: Executor,
  idHash: string,
  now: number,
): Promise<SessionUser | undefined> {
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      role: users.role,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows[0];
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Drops expired sessions (called on each sign-in, so the table stays small without a job). */
export async function deleteExpiredSessions(db: Executor, now: number): Promise<void> {
  await db.delete(sessions).where(lte(sessions.expiresAt, now));
}

/** Signs a user out everywhere (a new password). */
export async function deleteUserSessions(db: Executor, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
