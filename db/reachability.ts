import type { Client } from "@libsql/client";

/** The database server could not be reached: said once, at start, with the host and the reason. */
export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

/**
 * Asks a remote libSQL server one trivial question before anything else does. Without it, the first thing to
 * fail is the migrator's CREATE TABLE, and the user reads `Failed query: CREATE TABLE … __drizzle_migrations`
 * instead of which host did not answer and why.
 */
export async function assertReachable(client: Client, url: string): Promise<void> {
  try {
    await client.execute("SELECT 1");
  } catch (error) {
    throw new DatabaseUnreachableError(
      `cannot reach the database server at ${hostOf(url)} (DATABASE_URL=${withoutSecrets(url)}): ${reason(error)}`,
    );
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** The URL as it may be printed: no password, no query string (libSQL URLs can carry `authToken=`). */
function withoutSecrets(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = parsed.password ? "***" : "";
    parsed.search = "";
    return parsed.href;
  } catch {
    return "(not a URL)";
  }
}

/** The innermost cause that says something: fetch's "fetch failed" wraps the socket's ECONNREFUSED. */
function reason(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    messages.push(
      typeof code === "string" && !current.message.includes(code)
        ? `${code}: ${current.message}`
        : current.message,
    );
    current = current.cause;
  }
  if (messages.length === 0) return String(error);
  const specific = messages.at(-1)!;
  return messages.length > 1 && messages[0] !== specific ? `${specific} (${messages[0]})` : specific;
}
