import { createHash, timingSafeEqual } from "node:crypto";

/** Digests compare in constant time whatever the lengths, as in auth.ts. */
const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether a token given by a caller is the subscription's own. */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function isAdminBearer(given: string, adminToken: string | undefined): boolean {
  return adminToken !== undefined && tokenMatches(given, adminToken);
}
