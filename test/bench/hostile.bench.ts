import { execFile } from "node:child_process";
import type { ServerResponse } from "node:http";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { createGzip } from "node:zlib";
import { addFeed } from "../../db/queries/feeds";
import { createTestDatabase } from "../helpers/db";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss, storyItems } from "../helpers/feed-xml";
import { printRows, type Row } from "./report";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** An endless stream of zeros, gzipped: a few MB on the wire, unbounded after decompression. */
function gzipBomb(res: ServerResponse) {
  res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
  const zeros = Buffer.alloc(1 << 20);
  const source = new PassThrough();
  const gzip = createGzip({ level: 9 });
  source.pipe(gzip).pipe(res);
  const pump = () => {
    while (source.write(zeros)) {
      if (res.destroyed) return;
    }
    if (!res.destroyed) source.once("drain", pump);
  };
  res.on("close", () => source.destroy());
  pump();
}

/** Just under the 10 MiB cap of valid RSS: the most a feed can make the parser hold. */
function hugeFeed(): string {
  const item = storyItems("huge", 1)[0]!;
  const filler = "DeepSeek R1 coverage ".repeat(20);
  const build = (n: number) =>
    rss(
      "Huge",
      Array.from({ length: n }, (_, i) => ({
        ...item,
        title: `${item.title} #${i}`,
        link: `https://news.example.com/huge/${i}`,
        description: filler,
      })),
    );
  const cap = 10 * 1024 * 1024;
  let n = Math.floor((1000 * cap) / build(1000).length);
  let text = build(n);
  while (Buffer.byteLength(text) > cap) {
    n = Math.floor(n * 0.98);
    text = build(n);
  }
  return text;
}

const deep = `<?xml version="1.0"?><rss version="2.0"><channel>${"<x>".repeat(100_000)}</channel></rss>`;
const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from(
  { length: 9 },
  (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`,
).join("")}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;

export async function benchHostile(concurrency = 6): Promise<Row[]> {
  const huge = hugeFeed();
  const server: FeedServer = await startFeedServer({
    "/bomb.xml": (_req, res) => gzipBomb(res),
    "/huge.xml": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(huge),
    "/huge2.xml": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(huge),
    "/deep.xml": (_req, res) => res.writeHead(200).end(deep),
    "/laughs.xml": (_req, res) => res.writeHead(200).end(laughs),
    "/html.xml": (_req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<html><body>x</body></html>"),
    "/good.xml": (_req, res) => res.writeHead(200).end(rss("Good", storyItems("good", 50))),
  });
  const t = await createTestDatabase();
  for (const path of [
    "/bomb.xml",
    "/huge.xml",
    "/huge2.xml",
    "/deep.xml",
    "/laughs.xml",
    "/html.xml",
    "/good.xml",
  ]) {
    await addFeed(t.db, { url: server.url(path) });
  }
  const out = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ["--import", "tsx", "test/bench/hostile-child.ts", `file:${t.path}`, String(concurrency)],
      { cwd: ROOT, timeout: 300_000, maxBuffer: 1 << 20 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    ),
  );
  await server.close();
  t.destroy();
  const result = JSON.parse(out.trim().split("\n").pop()!) as {
    maxRssBytes: number;
    summary: { feeds: number; stored: number; failed: number; articlesAdded: number };
    errors: Record<string, string>;
  };
  console.error("hostile feeds:", result.errors);
  const s = result.summary;
  return [
    {
      bench: "hostile",
      metric: "peak RSS of one pass over hostile feeds",
      value: result.maxRssBytes / 2 ** 20,
      unit: "MiB",
      note: `gzip bomb, 2 x ${(huge.length / 2 ** 20).toFixed(1)} MiB feeds, 100k-deep, billion laughs, HTML, good; ${s.stored} stored, ${s.failed} failed, ${s.articlesAdded} articles; target <= 256`,
    },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printRows(await benchHostile(Number(process.argv[2] ?? 6)));
}
