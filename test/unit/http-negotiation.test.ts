import { describe, expect, it } from "vitest";
import { cachePolicy } from "../../server/cache-control";
import { chooseEncoding } from "../../server/compression";

describe("chooseEncoding", () => {
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["identity", undefined],
    ["gzip", "gzip"],
    ["gzip, deflate, br", "br"],
    ["br;q=0.5, gzip", "gzip"],
    ["br;q=0, gzip;q=0", undefined],
    ["*", "br"],
    ["*;q=0.1, gzip;q=0.5", "gzip"],
    ["GZIP;Q=1", "gzip"],
  ])("Accept-Encoding %j picks %s", (header, encoding) => {
    expect(chooseEncoding(header)).toBe(encoding);
  });
});

describe("cachePolicy", () => {
  it.each([
    ["GET", "/api/coverage", 200, false, "public, max-age=15"],
    ["GET", "/api/feeds/export", 200, false, "public, max-age=15"],
    ["GET", "/api/topics/r1-release/feed.atom", 200, false, "public, max-age=60"],
    ["GET", "/api/openapi.json", 200, false, "public, max-age=300"],
    ["GET", "/api/stream", 200, false, "no-store"],
    ["GET", "/api/health", 200, false, "no-store"],
    ["GET", "/metrics", 200, false, "no-store"],
    ["GET", "/api/articles", 400, false, "no-store"],
    ["GET", "/api/articles", 200, true, "private, max-age=15"],
    ["POST", "/api/feeds", 201, true, "no-store"],
    ["DELETE", "/api/topics/x", 204, true, "no-store"],
    ["GET", "/", 200, false, undefined],
  ] as const)("%s %s answered %d (authorized: %s) gets %s", (method, path, status, authorized, policy) => {
    expect(cachePolicy(method, path, status, authorized)).toBe(policy);
  });
});
