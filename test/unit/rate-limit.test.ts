import { describe, expect, it } from "vitest";
import { budgetFor, clientKey } from "../../server/rate-limit-middleware";
import { createTokenBuckets } from "../../server/token-buckets";

describe("token buckets", () => {
  it("allow a full budget at once, then one request per refill interval", () => {
    let now = 0;
    const buckets = createTokenBuckets({ limit: 3, windowMs: 3_000 }, { now: () => now });
    expect([1, 2, 3].map(() => buckets.take("a").ok)).toEqual([true, true, true]);
    expect(buckets.take("a")).toEqual({ ok: false, retryAfterMs: 1_000 });
    now = 400;
    expect(buckets.take("a")).toEqual({ ok: false, retryAfterMs: 600 });
    now = 1_000;
    expect(buckets.take("a").ok).toBe(true);
    expect(buckets.take("a").ok).toBe(false);
  });

  it("keep one bucket per key", () => {
    const buckets = createTokenBuckets({ limit: 1, windowMs: 60_000 }, { now: () => 0 });
    expect(buckets.take("a").ok).toBe(true);
    expect(buckets.take("b").ok).toBe(true);
    expect(buckets.take("a").ok).toBe(false);
  });

  it("forget buckets that have refilled completely", () => {
    let now = 0;
    const buckets = createTokenBuckets({ limit: 2, windowMs: 1_000 }, { now: () => now });
    for (const key of ["a", "b", "c"]) buckets.take(key);
    expect(buckets.size).toBe(3);
    now = 10_000;
    buckets.take("d");
    expect(buckets.size).toBe(1);
  });

  it("never hold more than maxKeys buckets, dropping the least recently used", () => {
    const buckets = createTokenBuckets({ limit: 1, windowMs: 60_000 }, { now: () => 0, maxKeys: 2 });
    buckets.take("a");
    buckets.take("b");
    buckets.take("a");
    buckets.take("c");
    expect(buckets.size).toBe(2);
    // "b" was the least recently used, so it was forgotten and starts full; "a" is still spent.
    expect(buckets.take("b").ok).toBe(true);
    expect(buckets.take("c").ok).toBe(false);
  });
});

describe("client keys", () => {
  it.each([
    [undefined, "local"],
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::9", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
  ])("%s counts as %s", (address, key) => {
    expect(clientKey(address)).toBe(key);
  });
});

describe("budgets", () => {
  it.each([
    ["GET", "/api/coverage", "read"],
    ["HEAD", "/api/articles", "read"],
    ["OPTIONS", "/api/feeds", "read"],
    ["POST", "/api/subscriptions", "subscribe"],
    ["POST", "/api/subscriptions/", "subscribe"],
    ["DELETE", "/api/subscriptions/4", "write"],
    ["POST", "/api/feeds", "write"],
  ])("%s %s spends the %s budget", (method, path, budget) => {
    expect(budgetFor(method, path)).toBe(budget);
  });
});
