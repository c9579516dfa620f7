import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "../../core/people/password-hash";
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, throttleWaitMs } from "../../core/people/sign-in-throttle";
import { createAddressFailures } from "../../server/address-failures";
import { safeNext } from "../../server/signin-page";

describe("people: passwords, throttles, redirects", () => {
  it("a stored hash keeps its own scrypt parameters, so it verifies after the defaults change", async () => {
    // Made with N=2^14 (not today's default), as an older install would have stored it.
    const old = "scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA$";
    const { scryptSync } = await import("node:crypto");
    const key = scryptSync("an old password", Buffer.from("c2FsdHNhbHRzYWx0c2FsdA", "base64url"), 32, {
      N: 16384,
    });
    const stored = `${old}${key.toString("base64url")}`;
    expect(await verifyPassword("an old password", stored)).toBe(true);
    expect(await verifyPassword("an old passwore", stored)).toBe(false);
    expect(await verifyPassword("anything", "plain-text-password")).toBe(false);
    expect(await verifyPassword("x", await hashPassword("y"))).toBe(false);
  });

  it("a new password needs 10 characters", () => {
    expect(passwordProblem("123456789")).toContain("at least 10");
    expect(passwordProblem("1234567890")).toBeNull();
  });

  it("waits double after the free failures, up to an hour", () => {
    expect([4, 5, 6, 7].map((n) => throttleWaitMs(ACCOUNT_THROTTLE, n))).toEqual([
      0, 60_000, 120_000, 240_000,
    ]);
    expect(throttleWaitMs(ACCOUNT_THROTTLE, 50)).toBe(3_600_000);
    expect(throttleWaitMs(ADDRESS_THROTTLE, 19)).toBe(0);
    expect(throttleWaitMs(ADDRESS_THROTTLE, 20)).toBe(60_000);
  });

  it("an address's failures are forgotten an hour after its last one", () => {
    const failures = createAddressFailures();
    for (let i = 0; i < 20; i++) failures.fail("203.0.113.9", 0);
    expect(failures.waitMs("203.0.113.9", 0)).toBe(60_000);
    expect(failures.waitMs("198.51.100.1", 0)).toBe(0);
    expect(failures.waitMs("203.0.113.9", 3_600_001)).toBe(0);
    failures.fail("203.0.113.9", 3_600_001);
    expect(failures.waitMs("203.0.113.9", 3_600_001)).toBe(0);
  });

  it("after sign-in, goes only to a path on this server", () => {
    expect(safeNext("/?range=30d")).toBe("/?range=30d");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      undefined,
    ]) {
      expect(safeNext(bad)).toBe("/");
    }
  });
});
