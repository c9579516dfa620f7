import { desc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { apiTokens, type TokenScope, users } from "../schema";

export interface ApiTokenSummary {
  id: number;
  name: string;
  scope: TokenScope;
  createdBy: string | null;
  createdAt: number;
  lastUsedAt: number | null;
}

const summary = {
  id: apiTokens.id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  createdBy: users.name,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

export async function createApiToken(
  db: Executor,
  token: { name: string; scope: TokenScope; tokenHash: string; createdBy: number | null },
  now: number,
): Promise<number> {
  const rows = await db
    .insert(apiTokens)
    .values({ ...token, createdAt: now })
    .returning({ id: apiTokens.id });
  return rows[0]!.id;
}

export function listApiTokens(db: Executor): Promise<ApiTokenSummary[]> {
  return db
    .select(summary)
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.id));
}

export async function getApiToken(db: Executor, id: number): Promise<ApiTokenSummary | undefined> {
  const rows = await db
    .select(summary)
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.id, id));
  return rows[0];
}

/** How stale `lastUsedAt` may get: it says which tokens are in use, not when each request came. */
const LAST_USED_GRANULARITY_MS = 5 * 60_000;

/**
 * The scope of the token with this hash, marking it used; undefined when unknown (or revoked). A read, and a
 * write only when the mark is older than LAST_USED_GRANULARITY_MS: a write per request would make every
 * token-carrying read wait for SQLite's write lock behind an ingest transaction.
 */
export async function useApiToken(
  db: Executor,
  tokenHash: string,
  now: number,
): Promise<{ id: number; scope: TokenScope } | undefined> {
  const [token] = await db
    .select({ id: apiTokens.id, scope: apiTokens.scope, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, tokenHash));
  if (!token) return undefined;
  if (token.lastUsedAt === null || now - token.lastUsedAt >= LAST_USED_GRANULARITY_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, token.id));
  }
  return { id: token.id, scope: token.scope };
}

export async function revokeApiToken(db: Executor, id: number): Promise<boolean> {
  const rows = await db.delete(apiTokens).where(eq(apiTokens.id, id)).returning({ id: apiTokens.id });
  return rows.length > 0;
}
