import { DomainError } from "../core/errors";
import { hashPassword, verifyPassword } from "../core/people/password-hash";
import { ACCOUNT_THROTTLE, throttleWaitMs } from "../core/people/sign-in-throttle";
import type { Db } from "../db/client";
import { createSession, deleteExpiredSessions, deleteSession } from "../db/queries/sessions";
import { clearFailedSignIns, getUserByName, recordFailedSignIn } from "../db/queries/users";
import type { UserRole } from "../db/schema";
import type { AddressFailures } from "./address-failures";
import { newSecret, SESSION_LIFETIME_MS, sha256 } from "./session-cookie";

export interface SignInDeps {
  db: Db;
  addressFailures: AddressFailures;
  now: () => number;
}

export interface SignedIn {
  sessionId: string;
  csrfToken: string;
  expiresAt: number;
  user: { name: string; role: UserRole };
}

/** A password nobody has: an unknown name is checked against it, so it takes as long as a known one. */
let decoy: Promise<string> | undefined;

/**
 * Checks a name and password and opens a session. Refused while the account or the client's address waits out
 * its lock (429, without looking at the password, so a lock cannot be probed for the right one); a wrong name
 * and a wrong password get the same 401.
 */
export async function signIn(
  deps: SignInDeps,
  credentials: { username: string; password: string; address: string },
  /** The id hash of the session the browser had, ended by this sign-in (one browser, one session). */
  replacing?: string,
): Promise<SignedIn> {
  const now = deps.now();
  const addressWait = deps.addressFailures.waitMs(credentials.address, now);
  if (addressWait > 0) throw locked("too many failed sign-ins from your address", addressWait);
  const user = await getUserByName(deps.db, credentials.username);
  if (user?.lockedUntil && user.lockedUntil > now) {
    throw locked("this account is locked after repeated failed sign-ins", user.lockedUntil - now);
  }
  decoy ??= hashPassword(newSecret());
  const ok = await verifyPassword(credentials.password, user?.passwordHash ?? (await decoy));
  if (!user || !ok) {
    deps.addressFailures.fail(credentials.address, now);
    if (user) await recordFailedSignIn(deps.db, user.id, (n) => throttleWaitMs(ACCOUNT_THROTTLE, n), now);
    throw new DomainError("unauthorized", "wrong user name or password");
  }
  await clearFailedSignIns(deps.db, user.id);
  await deleteExpiredSessions(deps.db, now);
  if (replacing) await deleteSession(deps.db, replacing);
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const expiresAt = now + SESSION_LIFETIME_MS;
  await createSession(deps.db, { idHash: sha256(sessionId), userId: user.id, csrfToken, expiresAt }, now);
  return { sessionId, csrfToken, expiresAt, user: { name: user.name, role: user.role } };
}

function locked(what: string, waitMs: number): DomainError {
  const seconds = Math.ceil(waitMs / 1000);
  return new DomainError("rate_limited", `${what}: retry in ${seconds} s`, {
    details: { retryAfter: seconds },
  });
}
