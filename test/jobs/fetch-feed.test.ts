import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { type AddressInfo, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { brotliCompressSync, createGzip, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { publicAddressesOnly } from "../../core/urls/address-policy";
import { FeedError } from "../../jobs/ingest/feed-error";
import {
  DEFAULT_USER_AGENT,
  FEED_ACCEPT,
  type FetchFeedRequest,
  fetchFeed,
  transportError,
} from "../../jobs/ingest/fetch-feed";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Tide</title></channel></rss>';
const ETAG = '"v1"';
const LAST_MODIFIED = "Mon, 27 Jan 2025 08:00:00 GMT";

let server: FeedServer;

function redirect(status: number, location: string) {
  return (_req: unknown, res: ServerResponse) => {
    res.writeHead(status, { location }).end();
  };
}

function feed(body: Buffer | string, headers: Record<string, string> = {}) {
  return (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", ...headers }).end(body);
  };
}

/** A response that never ends: a byte every 20 ms until the client goes away. */
function trickle(_req: unknown, res: ServerResponse) {
  res.writeHead(200, { "content-type": "application/rss+xml" });
  const timer = setInterval(() => res.write(" "), 20);
  res.on("close", () => clearInterval(timer));
}

beforeAll(async () => {
  server = await startFeedServer({
    "/feed.xml": (req, res) => {
      if (req.headers["if-none-match"] === ETAG) return void res.writeHead(304, { etag: ETAG }).end();
      feed(RSS, { etag: ETAG, "last-modified": LAST_MODIFIED })(req, res);
    },
    "/gzip.xml": feed(gzipSync(RSS), { "content-encoding": "gzip" }),
    "/deflate.xml": feed(deflateSync(RSS), { "content-encoding": "deflate" }),
    "/raw-deflate.xml": feed(deflateRawSync(RSS), { "content-encoding": "deflate" }),
    "/br.xml": feed(brotliCompressSync(RSS), { "content-encoding": "br" }),
    "/corrupt.xml": feed("this is not gzip", { "content-encoding": "gzip" }),
    "/zstd.xml": feed("whatever", { "content-encoding": "zstd" }),
    "/thousand.xml": feed("x".repeat(1000)),
    "/huge-declared.xml": (_req, res) => {
      // Promises 20 MiB and then sends nothing: only an early refusal avoids waiting for the deadline.
      res.writeHead(200, { "content-length": String(20 * 1024 * 1024) });
      res.flushHeaders();
    },
    "/trickle.xml": trickle,
    "/silent.xml": () => {},
    "/reset.xml": (req) => {
      req.socket.destroy();
    },
    "/moved.xml": redirect(301, "/moved-again.xml"),
    "/moved-again.xml": redirect(308, "/feed.xml"),
    "/temporary.xml": redirect(302, "/moved.xml"),
    "/moved-then-temporary.xml": redirect(301, "/temporary-to-feed.xml"),
    "/temporary-to-feed.xml": redirect(307, "feed.xml"),
    "/loop-a.xml": redirect(302, "/loop-b.xml"),
    "/loop-b.xml": redirect(302, "/loop-a.xml"),
    "/no-location.xml": (_req, res) => void res.writeHead(302).end(),
    "/to-file.xml": redirect(302, "file:///etc/passwd"),
    "/to-metadata.xml": redirect(302, "http://169.254.169.254/latest/meta-data/"),
    "/to-private.xml": redirect(301, "http://10.0.0.1/feed.xml"),
    "/to-ipv6-loopback.xml": redirect(302, "http://[::1]/feed.xml"),
    "/busy.xml": (_req, res) => void res.writeHead(429, { "retry-after": "120" }).end(),
    "/maintenance.xml": (_req, res) =>
      void res.writeHead(503, { "retry-after": "Mon, 27 Jan 2025 12:05:00 GMT" }).end(),
    "/garbled-retry.xml": (_req, res) => void res.writeHead(503, { "retry-after": "soon-ish" }).end(),
    "/gone.xml": (_req, res) => void res.writeHead(410).end(),
    "/broken.xml": (_req, res) => void res.writeHead(500).end("oops"),
  });
  server.route("/chain-1.xml", redirect(302, server.url("/chain-2.xml")));
  server.route("/chain-2.xml", redirect(302, server.url("/chain-3.xml")));
  server.route("/chain-3.xml", redirect(302, server.url("/feed.xml")));
});

afterAll(() => server.close());

function fetchLocal(path: string, extra: Partial<FetchFeedRequest> = {}) {
  return fetchFeed({ url: server.url(path), allowPrivate: true, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

/** A TCP listener that accepts connections and never says a word. */
async function silentTcpServer(): Promise<{ server: Server; port: number }> {
  const silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  return { server: silent, port: (silent.address() as AddressInfo).port };
}

describe("fetchFeed against a real server", () => {
  it("returns the body with its status, type, validators and final URL", async () => {
    const result = await fetchLocal("/feed.xml");
    expect(result).toMatchObject({
      kind: "ok",
      status: 200,
      contentType: "application/rss+xml; charset=utf-8",
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      finalUrl: server.url("/feed.xml"),
      permanentUrl: null,
    });
    expect(result.kind === "ok" && result.body.toString()).toBe(RSS);
  });

  it("sends its User-Agent, Accept and Accept-Encoding headers", async () => {
    await fetchLocal("/feed.xml?headers");
    const seen = server.requests.find((request) => request.path === "/feed.xml?headers");
    expect(seen?.headers["user-agent"]).toBe(DEFAULT_USER_AGENT);
    expect(seen?.headers["accept-encoding"]).toBe("gzip, deflate, br");
    expect(seen?.headers.accept).toBe(FEED_ACCEPT);
    await fetchLocal("/feed.xml?custom-agent", { userAgent: "Custom/1" });
    const custom = server.requests.find((request) => request.path === "/feed.xml?custom-agent");
    expect(custom?.headers["user-agent"]).toBe("Custom/1");
  });

  it("sends If-None-Match and If-Modified-Since and reports a 304 as not-modified", async () => {
    const result = await fetchLocal("/feed.xml?conditional", { etag: ETAG, lastModified: LAST_MODIFIED });
    expect(result).toEqual({
      kind: "not-modified",
      status: 304,
      finalUrl: server.url("/feed.xml?conditional"),
      permanentUrl: null,
    });
    const seen = server.requests.find((request) => request.path === "/feed.xml?conditional");
    expect(seen?.headers["if-none-match"]).toBe(ETAG);
    expect(seen?.headers["if-modified-since"]).toBe(LAST_MODIFIED);
  });

  it("sends no conditional headers when it has no validators", async () => {
    await fetchLocal("/feed.xml?unconditional", { etag: null, lastModified: null });
    const seen = server.requests.find((request) => request.path === "/feed.xml?unconditional");
    expect(seen?.headers).not.toHaveProperty("if-none-match");
    expect(seen?.headers).not.toHaveProperty("if-modified-since");
  });
});

describe("decompression and the body cap", () => {
  it.each(["/gzip.xml", "/deflate.xml", "/raw-deflate.xml", "/br.xml"])("decodes %s", async (path) => {
    const result = await fetchLocal(path);
    expect(result.kind === "ok" && result.body.toString()).toBe(RSS);
  });

  it("stops an endless gzip bomb at the cap and closes the connection", async () => {
    let served: Promise<unknown> = Promise.resolve();
    server.route("/bomb.xml", (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
      const megabyte = Buffer.alloc(1024 * 1024);
      const zeros = Readable.from(
        (function* () {
          for (;;) yield megabyte;
        })(),
      );
      served = pipeline(zeros, createGzip({ level: 9 }), res).catch(() => "client hung up");
    });
    const error = await failure(fetchLocal("/bomb.xml"));
    expect(error.kind).toBe("too-large");
    expect(error.message).toContain("10485760-byte cap after gzip decoding");
    await expect(served).resolves.toBe("client hung up");
    await server.idle();
  });

  it("accepts a body of exactly maxBytes and refuses one byte more", async () => {
    const exact = await fetchLocal("/thousand.xml", { maxBytes: 1000 });
    expect(exact.kind === "ok" && exact.body.length).toBe(1000);
    const error = await failure(fetchLocal("/thousand.xml", { maxBytes: 999 }));
    expect(error.kind).toBe("too-large");
  });

  it("refuses a Content-Length over the cap without waiting for the body", async () => {
    const error = await failure(fetchLocal("/huge-declared.xml", { timeoutMs: 20_000 }));
    expect(error.kind).toBe("too-large");
    expect(error.message).toContain("Content-Length 20971520");
  });

  it("reports a body that does not decompress as a network error", async () => {
    const error = await failure(fetchLocal("/corrupt.xml"));
    expect(error.kind).toBe("network");
    expect(error.message).toContain("could not decode the gzip body");
  });

  it("refuses a Content-Encoding it did not ask for", async () => {
    const error = await failure(fetchLocal("/zstd.xml"));
    expect(error.kind).toBe("http");
    expect(error.message).toContain("unsupported Content-Encoding: zstd");
  });
});

describe("deadlines", () => {
  it("gives up on a server that trickles bytes forever", async () => {
    const error = await failure(fetchLocal("/trickle.xml", { timeoutMs: 300 }));
    expect(error.kind).toBe("timeout");
    await server.idle();
  });

  it("gives up on a server that never answers", async () => {
    const error = await failure(fetchLocal("/silent.xml", { timeoutMs: 300 }));
    expect(error.kind).toBe("timeout");
    await server.idle();
  });

  it("gives up on a connection that never completes its TLS handshake", async () => {
    const silent = await silentTcpServer();
    try {
      const error = await failure(
        fetchFeed({ url: `https://127.0.0.1:${silent.port}/`, allowPrivate: true, connectTimeoutMs: 200 }),
      );
      expect(error.kind).toBe("timeout");
      expect(error.message).toContain("Connect Timeout");
    } finally {
      silent.server.close();
    }
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    const controller = new AbortController();
    const pending = fetchLocal("/trickle.xml", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("shutting down")), 50);
    await expect(pending).rejects.toThrow("shutting down");
    await server.idle();
  });

  it("leaves no timer or socket behind, so a process that fetched can exit on its own", async () => {
    // A leaked deadline timer (10 minutes here) or socket would keep the child alive past the test timeout.
    const script = join(mkdtempSync(join(tmpdir(), "tidemark-fetch-")), "fetch-and-exit.mts");
    const fetcher = new URL("../../jobs/ingest/fetch-feed.ts", import.meta.url).href;
    const helper = new URL("../helpers/feed-server.ts", import.meta.url).href;
    writeFileSync(
      script,
      `import { fetchFeed } from ${JSON.stringify(fetcher)};
       import { startFeedServer } from ${JSON.stringify(helper)};
       const server = await startFeedServer({
         "/ok": (_req, res) => res.end("<rss/>"),
         "/big": (_req, res) => res.end("x".repeat(1000)),
         "/hang": () => {},
         "/gone": (_req, res) => res.writeHead(410).end(),
       });
       const long = { allowPrivate: true, timeoutMs: 600_000 };
       const kinds = [];
       for (const req of [
         { url: server.url("/ok"), ...long },
         { url: server.url("/big"), ...long, maxBytes: 10 },
         { url: server.url("/gone"), ...long },
         { url: server.url("/hang"), allowPrivate: true, timeoutMs: 100 },
         { url: server.url("/ok"), allowPrivate: false, timeoutMs: 600_000 },
       ]) kinds.push(await fetchFeed(req).then((r) => r.kind, (e) => e.kind));
       await server.close();
       console.log(kinds.join(","));`,
    );
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    onTestFinished(() => {
      child.kill();
      rmSync(dirname(script), { recursive: true, force: true });
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    const [code] = (await once(child, "exit")) as [number | null];
    expect(output.trim()).toBe("ok,too-large,gone,timeout,blocked-address");
    expect(code).toBe(0);
  });
});

describe("redirects", () => {
  it("follows relative and absolute Locations and reports the final URL", async () => {
    const result = await fetchLocal("/chain-1.xml");
    expect(result).toMatchObject({ kind: "ok", finalUrl: server.url("/feed.xml"), permanentUrl: null });
  });

  it("reports the last URL reached through permanent redirects only", async () => {
    expect(await fetchLocal("/moved.xml")).toMatchObject({ permanentUrl: server.url("/feed.xml") });
    expect(await fetchLocal("/moved-then-temporary.xml")).toMatchObject({
      finalUrl: server.url("/feed.xml"),
      permanentUrl: server.url("/temporary-to-feed.xml"),
    });
    expect(await fetchLocal("/temporary.xml")).toMatchObject({ permanentUrl: null });
  });

  it("keeps the permanent URL on a not-modified answer", async () => {
    const result = await fetchLocal("/moved.xml", { etag: ETAG });
    expect(result).toEqual({
      kind: "not-modified",
      status: 304,
      finalUrl: server.url("/feed.xml"),
      permanentUrl: server.url("/feed.xml"),
    });
  });

  it("stops after maxRedirects", async () => {
    expect((await fetchLocal("/chain-1.xml", { maxRedirects: 3 })).kind).toBe("ok");
    const error = await failure(fetchLocal("/chain-1.xml", { maxRedirects: 2 }));
    expect(error.kind).toBe("redirect");
    expect(error.message).toContain("more than 2 redirects");
  });

  it("refuses a redirect loop and a redirect without Location", async () => {
    expect((await failure(fetchLocal("/loop-a.xml"))).message).toContain("redirect loop");
    const missing = await failure(fetchLocal("/no-location.xml"));
    expect(missing.kind).toBe("redirect");
    expect(missing.status).toBe(302);
  });

  it("refuses a redirect to a scheme other than http and https", async () => {
    const error = await failure(fetchLocal("/to-file.xml"));
    expect(error.kind).toBe("bad-url");
    expect(error.message).toContain("file:");
  });
});

describe("address policy", () => {
  it.each(["not a url", "ftp://example.com/feed.xml", "file:///etc/passwd", "javascript:alert(1)"])(
    "refuses %s as a bad URL",
    async (url) => {
      expect((await failure(fetchFeed({ url, allowPrivate: true }))).kind).toBe("bad-url");
    },
  );

  it.each([
    "http://127.0.0.1/",
    "http://0x7f.1/",
    "http://2130706433/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00:ec2::254]/",
    "http://10.0.0.1/",
    "http://0.0.0.0/",
  ])("refuses the IP literal %s before connecting", async (url) => {
    const error = await failure(fetchFeed({ url, allowPrivate: false }));
    expect(error.kind).toBe("blocked-address");
  });

  it("refuses the local test server by address unless private URLs are allowed", async () => {
    const count = server.requests.length;
    const error = await failure(fetchFeed({ url: server.url("/feed.xml"), allowPrivate: false }));
    expect(error.kind).toBe("blocked-address");
    expect(error.message).toContain("loopback address 127.0.0.1");
    expect(server.requests.length).toBe(count);
  });

  it("refuses a name that resolves to loopback, at connect time", async () => {
    const count = server.requests.length;
    const url = server.url("/feed.xml").replace("127.0.0.1", "localhost");
    const error = await failure(fetchFeed({ url, allowPrivate: false }));
    expect(error.kind).toBe("blocked-address");
    // The address itself is for the logs only: the message is public on the feed.
    expect(error.message).toMatch(/^localhost resolves to an address inside the network, which is refused/);
    expect(error.message).not.toContain("127.0.0.1");
    expect(error.detail).toBe("localhost resolves to a loopback address 127.0.0.1");
    expect(server.requests.length).toBe(count);
    expect((await fetchFeed({ url, allowPrivate: true })).kind).toBe("ok");
  });

  it.each([
    ["/to-metadata.xml", "cloud metadata address 169.254.169.254"],
    ["/to-private.xml", "private address 10.0.0.1"],
    ["/to-ipv6-loopback.xml", "loopback address ::1"],
  ])("refuses a redirect from an allowed server to a refused address (%s)", async (path, reason) => {
    const policy = publicAddressesOnly(["127.0.0.1"]);
    const error = await failure(fetchFeed({ url: server.url(path), allowPrivate: false }, { policy }));
    expect(error.kind).toBe("blocked-address");
    expect(error.message).toContain(reason);
  });
});

describe("HTTP errors", () => {
  it("maps 429 with delta-seconds to rate-limited with the wait", async () => {
    const error = await failure(fetchLocal("/busy.xml"));
    expect(error).toMatchObject({ kind: "rate-limited", status: 429, retryAfterMs: 120_000 });
    expect(error.message).toBe("HTTP 429 Too Many Requests (retry after 120 s)");
  });

  it("maps 503 with an HTTP-date to rate-limited, measured on the given clock", async () => {
    const now = () => Date.UTC(2025, 0, 27, 12, 0, 0);
    const error = await failure(
      fetchFeed({ url: server.url("/maintenance.xml"), allowPrivate: true }, { now }),
    );
    expect(error).toMatchObject({ kind: "rate-limited", status: 503, retryAfterMs: 300_000 });
  });

  it("ignores a Retry-After it cannot read", async () => {
    const error = await failure(fetchLocal("/garbled-retry.xml"));
    expect(error).toMatchObject({ kind: "rate-limited", status: 503, retryAfterMs: undefined });
  });

  it("maps 410 to gone and other statuses to a readable http error", async () => {
    expect(await failure(fetchLocal("/gone.xml"))).toMatchObject({ kind: "gone", status: 410 });
    expect(await failure(fetchLocal("/nowhere.xml"))).toMatchObject({
      kind: "http",
      status: 404,
      message: "HTTP 404 Not Found",
    });
    expect(await failure(fetchLocal("/broken.xml"))).toMatchObject({
      kind: "http",
      status: 500,
      message: "HTTP 500 Internal Server Error",
    });
  });
});

describe("network failures", () => {
  it("reports a refused connection as a network error", async () => {
    const { server: closed, port } = await silentTcpServer();
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(fetchFeed({ url: `http://127.0.0.1:${port}/`, allowPrivate: true }));
    expect(error.kind).toBe("network");
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("reports a connection reset mid-request as a network error", async () => {
    expect((await failure(fetchLocal("/reset.xml"))).kind).toBe("network");
  });

  it("reports a TLS failure as a network error", async () => {
    const error = await failure(
      fetchFeed({ url: server.url("/feed.xml").replace("http:", "https:"), allowPrivate: true }),
    );
    expect(error.kind).toBe("network");
  });

  it("classifies resolver failures as dns", () => {
    // A real lookup failure would need a query to the outside resolver, so the classification is tested alone.
    const url = new URL("http://feeds.example.invalid/rss");
    for (const code of ["ENOTFOUND", "EAI_AGAIN"]) {
      const cause = Object.assign(new Error(`getaddrinfo ${code} feeds.example.invalid`), { code });
      expect(transportError(cause, url)).toMatchObject({
        kind: "dns",
        message: `cannot resolve feeds.example.invalid (${code})`,
      });
    }
    const both = new AggregateError(
      [Object.assign(new Error("refused"), { code: "ECONNREFUSED" })],
      "failed",
    );
    expect(transportError(both, url).kind).toBe("network");
    expect(transportError(new TypeError("a bug"), url).kind).toBe("internal");
  });
});
