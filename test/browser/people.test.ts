import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../core/people/password-hash";
import { createUser } from "../../db/queries/users";
import { useDashboard } from "./harness";

describe("signing in on /signin and making an API token in the dashboard", { timeout: 120_000 }, () => {
  // A private install: the dashboard itself needs a session.
  const dashboard = useDashboard({ env: { TIDEMARK_PUBLIC: "0" } });

  beforeAll(async () => {
    const passwordHash = await hashPassword("ada's long password");
    await createUser(dashboard.server.t.db, { name: "ada", role: "admin", passwordHash }, Date.now());
  });

  it("an admin signs in, makes a write token shown once, adds a feed with the session, and revokes the token", async () => {
    const { page, errors } = await dashboard.newPage({
      viewport: { width: 1280, height: 900 },
      timezoneId: "UTC",
      locale: "en-GB",
    });
    await page.goto(`${dashboard.server.url}/?range=30d`);
    expect(new URL(page.url()).pathname).toBe("/signin");

    await page.fill("#username", "ada");
    await page.fill("#password", "not the password");
    await page.click("button[type=submit]");
    await expect.poll(() => page.textContent("[role=alert]")).toContain("wrong user name or password");
    // The refused form answers 401 (what a script gets too), which the browser reports as a failed load.
    expect(errors.splice(0)).toEqual([expect.stringContaining("status of 401")]);
    await page.fill("#password", "ada's long password");
    await page.click("button[type=submit]");
    await page.waitForURL(`${dashboard.server.url}/?range=30d`);
    await page.waitForSelector("#account-status >> text=Signed in as ada (admin).");

    await page.fill("#make-token input[name=name]", "deploy script");
    await page.selectOption("#make-token select[name=scope]", "write");
    await page.click("#make-token button[type=submit]");
    const token = (await page.textContent("#new-token", { timeout: 10_000 }))!;
    expect(token).toMatch(/^tdm_/);
    await page.waitForSelector("#tokens-body tr >> text=deploy script");
    // The list never shows a token again.
    expect(await page.textContent("#tokens-body")).not.toContain(token);

    // The token works for a script, as a writer.
    const asScript = await fetch(`${dashboard.server.url}/api/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ at: "2025-01-20", label: "R1 released" }),
    });
    expect(asScript.status).toBe(201);

    // The session writes too, with no admin token typed: the page sends the session's CSRF token.
    await page.click("#admin-details summary");
    await page.fill("#add-feed input[name=url]", "https://example.com/feed.xml");
    await page.click("#add-feed button[type=submit]");
    await expect.poll(() => page.textContent("#admin-status")).toContain("Added");

    page.once("dialog", (dialog) => void dialog.accept());
    await page.click("#tokens-body tr:has-text('deploy script') button");
    await page.waitForSelector("#tokens-status >> text=Revoked");
    const revoked = await fetch(`${dashboard.server.url}/api/feeds`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(401);

    await page.click("#sign-out");
    await page.waitForURL(/\/signin$/);
    expect((await fetch(`${dashboard.server.url}/api/feeds`)).status).toBe(401);
    expect(errors).toEqual([]);
  });
});
