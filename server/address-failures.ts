import { ADDRESS_THROTTLE, throttleWaitMs } from "../core/people/sign-in-throttle";

/**
 * Failed sign-ins per client address, in memory: a restart forgets them, which costs an attacker a restart they
 * cannot cause. A success does not clear an address's count (an attacker with one account of their own could
 * otherwise reset it between guesses); an hour without failures does.
 */
export interface AddressFailures {
  /** How long this address must wait before its next try; 0 when it may try now. */
  waitMs(address: string, now: number): number;
  fail(address: string, now: number): void;
}

const FORGET_AFTER_MS = ADDRESS_THROTTLE.maxWaitMs;
const MAX_ADDRESSES = 10_000;

export function createAddressFailures(): AddressFailures {
  const seen = new Map<string, { failures: number; lastAt: number }>();
  const current = (address: string, now: number) => {
    const entry = seen.get(address);
    if (entry && now - entry.lastAt > FORGET_AFTER_MS) {
      seen.delete(address);
      return undefined;
    }
    return entry;
  };
  return {
    waitMs(address, now) {
      const entry = current(address, now);
      if (!entry) return 0;
      return Math.max(0, entry.lastAt + throttleWaitMs(ADDRESS_THROTTLE, entry.failures) - now);
    },
    fail(address, now) {
      const failures = (current(address, now)?.failures ?? 0) + 1;
      seen.delete(address);
      seen.set(address, { failures, lastAt: now });
      // Map keeps insertion order: the first key is the address least recently failed.
      if (seen.size > MAX_ADDRESSES) seen.delete(seen.keys().next().value!);
    },
  };
}
