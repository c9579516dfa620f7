/**
 * How long sign-in stays shut after consecutive failures, for an account or a client address. The first few
 * failures cost nothing (typos); past them each failure doubles the wait, up to a ceiling, so guessing one
 * account gets a few dozen tries a day while its owner, after a pause, still gets in.
 */
export interface ThrottleRule {
  /** Failures allowed before any wait. */
  free: number;
  /** The wait after the first failure past the free ones. */
  firstWaitMs: number;
  maxWaitMs: number;
}

/** Per account: 5 free tries, then 1 min, 2, 4 ... up to 1 h. */
export const ACCOUNT_THROTTLE: ThrottleRule = { free: 5, firstWaitMs: 60_000, maxWaitMs: 3_600_000 };
/** Per address: 20 free tries (several people behind one NAT), then 1 min, doubling up to 1 h. */
export const ADDRESS_THROTTLE: ThrottleRule = { free: 20, firstWaitMs: 60_000, maxWaitMs: 3_600_000 };

/** The wait after `failures` consecutive failures; 0 while they are free. */
export function throttleWaitMs(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxWaitMs, rule.firstWaitMs * 2 ** Math.min(30, failures - rule.free));
}
