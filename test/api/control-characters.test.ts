import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";

describe("control characters in API text", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
  });
  afterEach(() => s.t.destroy());

  const send = (method: string, path: string, body?: unknown) =>
    s.app.request(path, {
      method,
      headers: s.admin,
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function refused(res: Response, field: string) {
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("invalid_request");
    expect(error.message).toMatch(
      new RegExp(`^${field.replace(".", "\\.")}: must not contain control characters`),
    );
  }

  it.each([
    ["POST", "/api/feeds", { url: "https://example.org/feed.xml", name: "Tech\u0000News" }, "name"],
    ["POST", "/api/feeds", { url: "https://example.org/feed\u0000.xml" }, "url"],
    ["POST", "/api/topics", { slug: "x", name: "A\u001b[31mred", query: "deepseek" }, "name"],
    ["POST", "/api/topics", { slug: "x", name: "X", query: "deep\u0007seek" }, "query"],
    ["PUT", "/api/concepts/gulf", { description: "Gulf\u0085", terms: "Qatar" }, "description"],
    ["POST", "/api/events", { at: "2025-01-01", label: "Launch\u0000" }, "label"],
    ["POST", "/api/topics/test", { query: "a\u007fb" }, "query"],
    ["POST", "/api/subscriptions", { topic: "r1\u0000", channel: "email", email: "a@example.org" }, "topic"],
  ])("%s %s refuses a control character with a 400 naming the field", async (method, path, body, field) => {
    await refused(await send(method, path, body), field);
  });

  it("names the field of a control character in a query parameter or a nested value", async () => {
    await refused(await s.app.request("/api/articles?q=deep%00seek"), "q");
    await refused(
      await send("POST", "/api/feeds", { url: "https://example.org/", extra: ["ok", "\u0001"] }),
      "extra.1",
    );
  });

  it("stores nothing from a refused request, and keeps tabs and newlines, which are text", async () => {
    await refused(
      await send("POST", "/api/feeds", { url: "https://example.org/a.xml", name: "A\u0000" }),
      "name",
    );
    expect((await (await s.app.request("/api/feeds")).json()).items).toEqual([]);
    const ok = await send("POST", "/api/topics/test", { query: "deepseek\n\tOR r1" });
    expect(ok.status).toBe(200);
  });
});
