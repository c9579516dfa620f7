import { describe, expect, it } from "vitest";
import { FeedError } from "../../jobs/ingest/feed-error";
import { stateAfterFailure, stateAfterNotModified, stateAfterSuccess } from "../../jobs/ingest/feed-state";

const healthy = { name: null, siteUrl: null, intervalMs: null, errorCount: 0, failingSince: null };
const now = Date.UTC(2025, 0, 27, 12);

describe("feed state", () => {
  it("clears the error and learns name, site and interval after a successful fetch", () => {
    const failing = { ...healthy, errorCount: 3, failingSince: now - 86_400_000 };
    const state = stateAfterSuccess(failing, {
      now,
      status: 200,
      etag: '"v2"',
      lastModified: null,
      permanentUrl: null,
      title: "Example News",
      siteUrl: "https://example.com/",
      entryTimes: [now - 3_600_000 * 4, now - 3_600_000 * 2, now],
    });
    expect(state).toMatchObject({
      name: "Example News",
      siteUrl: "https://example.com/",
      etag: '"v2"',
      lastStatus: 200,
      lastError: null,
      errorCount: 0,
      failingSince: null,
      intervalMs: 3_600_000,
      nextFetchAt: now + 3_600_000,
    });
    expect(state.url).toBeUndefined();
  });

  it("keeps the user's name for a feed and applies a permanent redirect", () => {
    const state = stateAfterSuccess(
      { ...healthy, name: "My name" },
      {
        now,
        status: 200,
        etag: null,
        lastModified: null,
        permanentUrl: "https://new.example.com/feed",
        title: "Their title",
        entryTimes: [],
      },
    );
    expect(state.name).toBeUndefined();
    expect(state.url).toBe("https://new.example.com/feed");
  });

  it("keeps the learnt interval on 304 Not Modified", () => {
    const state = stateAfterNotModified({ ...healthy, intervalMs: 7_200_000 }, { now, permanentUrl: null });
    expect(state).toMatchObject({ lastStatus: 304, nextFetchAt: now + 7_200_000, errorCount: 0 });
  });

  it("counts failures, keeps when the trouble started and backs off", () => {
    const first = stateAfterFailure(
      healthy,
      new FeedError("http", "HTTP 500 Internal Server Error", { status: 500 }),
      now,
      () => 0.5,
    );
    expect(first).toMatchObject({
      lastStatus: 500,
      lastError: "HTTP 500 Internal Server Error",
      errorCount: 1,
      failingSince: now,
    });
    expect(first.nextFetchAt).toBe(now + 15 * 60_000);
    const second = stateAfterFailure(
      { ...healthy, errorCount: 1, failingSince: now - 1000 },
      new FeedError("timeout", "timed out"),
      now,
      () => 0.5,
    );
    expect(second).toMatchObject({ errorCount: 2, failingSince: now - 1000, lastStatus: null });
    expect(second.nextFetchAt).toBe(now + 30 * 60_000);
    expect(second.enabled).toBeUndefined();
  });

  it("stops polling a feed that answered 410 Gone", () => {
    const state = stateAfterFailure(healthy, new FeedError("gone", "HTTP 410 Gone", { status: 410 }), now);
    expect(state.enabled).toBe(false);
    expect(state.lastError).toContain("polling stopped");
  });
});
