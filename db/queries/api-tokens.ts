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

/** The scope of the token with this hash, marking it used; undefined when unknown (or revoked). */
export async function useApiToken(
  db: Executor,
  tokenHash: string,
  now: number,
): Promise<{ id: number; scope: TokenScope } | undefined> {
  const rows = await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(eq(apiTokens.tokenHash, tokenHash))
    .returning({ id: apiTokens.id, scope: apiTokens.scope });
  return rows[0];
}

export async function revokeApiToken(db: Executor, id: number): Promise<boolean> {
  const rows = await db.delete(apiTokens).where(eq(apiTokens.id, id)).returning({ id: apiTokens.id });
  return rows.length > 0;
}
