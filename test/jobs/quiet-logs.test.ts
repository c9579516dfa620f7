import { createServer } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FeedError } from "../../jobs/ingest/feed-error";
import { logFeedFailure } from "../../jobs/ingest/feed-failure-log";
import { runCliProcess } from "../helpers/cli";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";

/** A port on 127.0.0.1 that nothing listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("feed failures in the logs", { timeout: 120_000 }, () => {
  let t: TestDatabase;
  let server: FeedServer;
  let env: Record<string, string>;
  let urls: string[];
  beforeEach(async () => {
    t = await createTestDatabase();
    env = { DATABASE_URL: `file:${t.path}`, TIDEMARK_ALLOW_PRIVATE_URLS: "1" };
    server = await startFeedServer({
      "/page.html": (_req, res) =>
        res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Home</title><p>hi"),
    });
    const refused = await closedPort();
    const plainHttp = new URL(server.url("/")).port;
    // What an offline machine meets: names that do not resolve, refused connections, a TLS handshake with
    // something that does not speak TLS, a 404, a page that is not a feed.
    urls = [
      "https://feeds.outlet-one.invalid/rss.xml",
      "https://www.outlet-two.invalid/technology/rss",
      "http://outlet-three.invalid/feed",
      `http://127.0.0.1:${refused}/feed.xml`,
      `https://127.0.0.1:${plainHttp}/tls.xml`,
      server.url("/missing.xml"),
      server.url("/page.html"),
    ];
    for (const url of urls)
      await t.client.execute({ sql: "insert into feeds (url) values (?)", args: [url] });
  });
  afterEach(async () => {
    await server.close();
    t.destroy();
  });

  const lines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

  it("ingest --once offline prints its one-line summary and nothing else", async () => {
    const res = await runCliProcess(["ingest", "--once"], env);

    expect(lines(res.stderr)).toEqual([]);
    expect(lines(res.stdout)).toHaveLength(1);
    expect(res.stdout).toMatch(/^ingest: 7 feeds \(0 stored, 0 not modified, 7 failed: .*dns 3/);
    expect(res.code).toBe(1);
  });

  it("logs each expected failure as one line with the feed, the kind and the message, without a stack", async () => {
    const res = await runCliProcess(["ingest", "--once"], { ...env, LOG_LEVEL: "info" });

    const failures = lines(res.stderr)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === "feed failed");
    expect(failures.map((entry) => entry.url).sort()).toEqual([...urls].sort());
    for (const entry of failures) {
      expect(entry).toMatchObject({ level: 30, feedId: expect.any(Number), kind: expect.any(String) });
      expect(entry.error).toEqual(expect.any(String));
      expect(entry).not.toHaveProperty("err");
    }
    const kindOf = (url: string) => failures.find((entry) => entry.url === url)?.kind;
    expect(urls.map(kindOf)).toEqual(["dns", "dns", "dns", "network", "network", "http", "not-a-feed"]);
    expect(failures.find((entry) => entry.kind === "http")).toMatchObject({ status: 404 });
    expect(res.stderr).not.toMatch(/"stack"|\n\s+at /);
  });

  it("logs a bug (an unexpected error) with its stack, at error level", () => {
    let written = "";
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written += chunk;
        done();
      },
    });
    const cause = new TypeError("Cannot read properties of undefined (reading 'title')");
    logFeedFailure(
      pino({ level: "warn" }, sink),
      { id: 7, url: "https://example.com/feed.xml" },
      new FeedError("internal", `unexpected error: ${cause.message}`, { cause }),
    );

    const entry = JSON.parse(written) as { level: number; feedId: number; err: { stack: string } };
    expect(entry).toMatchObject({ level: 50, feedId: 7, kind: "internal" });
    expect(entry.err.stack).toMatch(/TypeError: Cannot read properties/);
  });
});
