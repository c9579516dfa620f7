import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";

describe("API basics", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
  });
  afterEach(() => s.t.destroy());

  it("answers unknown routes with a JSON 404 carrying the response's request id", async () => {
    const res = await s.app.request("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: {
        code: "not_found",
        message: "no route for GET /api/nothing-here",
        requestId: res.headers.get("x-request-id"),
      },
    });
  });

  it("GET /api/health reports the database, feeds and last ingest", async () => {
    const res = await s.app.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ok",
      db: "ok",
      lastIngestAt: null,
      feeds: { total: 0, failing: 0 },
    });
  });

  it("GET /api/health says the database is down with a 503, not a stack trace", async () => {
    s.t.close();
    const res = await s.app.request("/api/health");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "degraded", db: "error" });
  });

  it("a failing handler answers a JSON 500 without internals", async () => {
    s.t.close();
    const res = await s.app.request("/api/feeds");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: {
        code: "internal",
        message: "internal server error",
        requestId: res.headers.get("x-request-id"),
      },
    });
    expect(text).not.toMatch(/at |\.ts/);
  });

  it("serves an OpenAPI 3.1 document listing the routes", async () => {
    const doc = await (await s.app.request("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/health", "/api/feeds", "/api/feeds/{id}", "/api/articles"]),
    );
  });

  it("sends secure headers and an ETag, and answers 304 to a matching If-None-Match", async () => {
    const res = await s.app.request("/api/feeds");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const tag = res.headers.get("etag");
    expect(tag).toBeTruthy();
    const again = await s.app.request("/api/feeds", { headers: { "if-none-match": tag! } });
    expect(again.status).toBe(304);
  });

  it.each(["1e2", "0x10", "%205", "05", "-1", "1.0", "0", "99999999999999999"])(
    "answers 400 naming the id for the path id %s on every route that takes a numeric id",
    async (id) => {
      const routes: Array<[string, string]> = [
        ["DELETE", `/api/feeds/${id}`],
        ["DELETE", `/api/subscriptions/${id}`],
        ["GET", `/api/subscriptions/${id}/deliveries`],
        ["GET", `/api/subscriptions/${id}/confirm?token=t`],
        ["GET", `/api/subscriptions/${id}/unsubscribe?token=t`],
        ["POST", `/api/subscriptions/${id}/unsubscribe?token=t`],
      ];
      for (const [method, path] of routes) {
        const res = await s.app.request(path, {
          method,
          headers: { ...s.admin, accept: "application/json" },
        });
        expect([method, path, res.status]).toEqual([method, path, 400]);
        expect((await res.json()).error.message).toMatch(/^id: /);
      }
    },
  );

  it.each([
    "/api/coverage?from=2025-02-30&to=2025-03-31",
    "/api/coverage?from=2025-01-01&to=2025-02-29",
    "/api/articles?from=2025-02-30",
    "/api/articles?to=2025-01-01T24:00:00Z",
    "/api/events?from=2025-02-30",
    "/api/outages?to=2025-04-31",
    "/api/topics/r1-release/terms?from=2025-02-30",
    "/api/topics/r1-release/misses?to=2025-02-30",
    "/api/topics/r1-release/spread?to=2025-02-30",
  ])("answers 400 naming the bound for a day that is not on the calendar: %s", async (path) => {
    const res = await s.app.request(path);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^(from|to)\b/);
  });
});
