import { writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { feeds } from "../../db/schema";
import { createTestApp, type TestApp } from "../helpers/app";
import { runCliProcess } from "../helpers/cli";

const GOOD = 20_000;

/** Entries the API's feed schema refuses, with the field its reason must name. */
const BAD: Array<[attributes: string, field: string]> = [
  [`text="${"n".repeat(201)}" xmlUrl="https://bad.example.org/long-name.xml"`, "name"],
  [`text="JS" xmlUrl="https://bad.example.org/js.xml" htmlUrl="javascript:alert(1)"`, "siteUrl"],
  [`text="Lang" xmlUrl="https://bad.example.org/lang.xml" language="not a language"`, "lang"],
  [`text="Country" xmlUrl="https://bad.example.org/country.xml" country="Germany"`, "country"],
  [`text="File" xmlUrl="file:///etc/passwd"`, "url"],
  [`text="Loop" xmlUrl="http://127.0.0.1:8080/feed.xml"`, "url"],
  [`text="Twice" xmlUrl="https://feeds.example.org/0.xml"`, "url"],
  [`text="Bell\u0007" xmlUrl="https://bad.example.org/bell.xml"`, "name"],
];

function bigOpml(): string {
  const good = Array.from(
    { length: GOOD },
    (_, i) =>
      `<outline type="rss" text="Feed ${i} &amp; co" xmlUrl="https://feeds.example.org/${i}.xml" htmlUrl="https://example.org/${i}" language="en" country="de"/>`,
  );
  const bad = BAD.map(([attributes]) => `<outline type="rss" ${attributes}/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>big</title></head><body>\n<outline text="All">\n${[...good, ...bad].join("\n")}\n</outline></body></opml>\n`;
}

async function feedCount(s: TestApp): Promise<number> {
  return Number((await s.t.db.select({ n: sql<number>`count(*)` }).from(feeds))[0]!.n);
}

describe("importing a 20,000-feed OPML file", { timeout: 180_000 }, () => {
  let s: TestApp;
  let server: ServerType | undefined;
  beforeEach(async () => {
    s = await createTestApp();
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
    s.t.destroy();
  });

  it("POST /api/feeds/import stores every valid entry, reports each skipped one with its reason, and keeps the server answering", async () => {
    server = serve({ fetch: s.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server!.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    let importing = true;
    let answeredDuringImport = 0;
    const probe = (async () => {
      while (importing) {
        const res = await fetch(`${base}/api/health`, { headers: { authorization: s.admin.authorization! } });
        await res.arrayBuffer();
        if (importing) answeredDuringImport++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const res = await fetch(`${base}/api/feeds/import`, {
      method: "POST",
      headers: { authorization: s.admin.authorization!, "content-type": "text/x-opml" },
      body: bigOpml(),
    });
    importing = false;
    await probe;

    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ found: GOOD + BAD.length, added: GOOD, alreadyTracked: 0 });
    expect(body.skipped).toHaveLength(BAD.length);
    BAD.forEach(([, field], i) => {
      expect(body.skipped[i].reason, body.skipped[i].url).toMatch(new RegExp(`^${field}: `));
    });
    expect(await feedCount(s)).toBe(GOOD);
    // Storing in chunks leaves the event loop free between them, so other requests are answered while the
    // import runs (one INSERT of everything held the loop for 13 s, and no probe got through). How long a
    // request may wait is a speed figure, for the benchmarks, not for a test.
    expect(answeredDuringImport).toBeGreaterThan(1);

    // Importing it again adds nothing and changes nothing.
    const again = await fetch(`${base}/api/feeds/import`, {
      method: "POST",
      headers: { authorization: s.admin.authorization!, "content-type": "text/x-opml" },
      body: bigOpml(),
    });
    expect(await again.json()).toMatchObject({ added: 0, alreadyTracked: GOOD });
    expect(await feedCount(s)).toBe(GOOD);
  });

  it("`feeds import` stores the same list and prints each skipped entry with its reason", async () => {
    const file = join(s.t.dir, "big.opml");
    writeFileSync(file, bigOpml());
    const result = await runCliProcess(["feeds", "import", file], { DATABASE_URL: `file:${s.t.path}` });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `found ${GOOD + BAD.length} feeds: added ${GOOD}, 0 already tracked, ${BAD.length} skipped`,
    );
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(BAD.length);
    expect(lines[1]).toMatch(/^skipped https:\/\/bad\.example\.org\/js\.xml: siteUrl: an http\(s\) URL$/);
    expect(await feedCount(s)).toBe(GOOD);
  });
});
