import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDefaultTopics } from "../../jobs/seed/first-start";
import { retagTopics } from "../../jobs/topics/retag";
import { runCli, runCliProcess } from "../helpers/cli";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss, storyItems } from "../helpers/feed-xml";

// Most calls run the CLI's entry in this process; the ones where the process is the point (the real binary's exit
// code, two processes side by side) start node + tsx: slow to start on a busy 2-core machine.
describe("the CLI", { timeout: 120_000 }, () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let server: FeedServer | undefined;
  beforeEach(async () => {
    t = await createTestDatabase();
    env = { DATABASE_URL: `file:${t.path}`, TIDEMARK_ALLOW_PRIVATE_URLS: "1" };
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    t.destroy();
  });

  it("adds, lists and removes feeds", async () => {
    const added = await runCli(
      [
        "feeds",
        "add",
        "https://example.com/feed.xml",
        "--name",
        "Example",
        "--lang",
        "en",
        "--country",
        "gb",
      ],
      env,
    );
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toMatch(/added feed 1/);
    const dup = await runCli(["feeds", "add", "https://example.com/feed.xml"], env);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain("already exists");
    const list = JSON.parse((await runCli(["feeds", "list", "--json"], env)).stdout);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ url: "https://example.com/feed.xml", name: "Example", country: "GB" });
    // Ids are decimal digits: Number() would read these as feed 1 (or 100, 16).
    for (const id of ["1e0", "0x1", "01", " 1", "1.0"]) {
      const refused = await runCli(["feeds", "remove", id], env);
      expect([id, refused.code]).toEqual([id, 2]);
      expect(refused.stderr).toContain("feeds remove: ID must be a positive integer");
    }
    expect((await runCli(["feeds", "remove", "1"], env)).code).toBe(0);
    expect(JSON.parse((await runCli(["feeds", "list", "--json"], env)).stdout)).toEqual([]);
  });

  it("imports and exports OPML", async () => {
    const file = join(t.dir, "in.opml");
    writeFileSync(
      file,
      `<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="Tech">
        <outline text="Heise" xmlUrl="https://www.heise.de/rss/heise-atom.xml" language="de" country="DE"/>
        <outline text="Rest of World" xmlUrl="https://restofworld.org/feed/latest"/>
      </outline></body></opml>`,
    );
    const imported = await runCli(["feeds", "import", file], env);
    expect(imported.stdout).toContain("found 2 feeds: added 2, 0 already tracked, 0 skipped");
    const exported = await runCli(["feeds", "export"], env);
    expect(exported.stdout).toContain('xmlUrl="https://www.heise.de/rss/heise-atom.xml"');
    expect(exported.stdout).toContain('language="de"');
  });

  it("dry-runs a draft topic query over the stored articles, and shows where a bad one breaks", async () => {
    expect((await runCli(["sample", "load"], env)).code).toBe(0);
    const dry = await runCli(["topics", "test", "nvidia AND (sell-off OR plung* OR 暴跌)"], env);
    expect(dry.code, dry.stderr).toBe(0);
    const [, matched, scanned] = /would tag (\d+) of (\d+) stored articles/.exec(dry.stdout) ?? [];
    expect(Number(matched)).toBeGreaterThan(0);
    expect(Number(scanned)).toBeGreaterThan(600);
    expect(dry.stdout).toMatch(/\[nvidia\]/i);
    const bad = await runCli(["topics", "test", "nvidia AND (r1"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("position");
    expect(bad.stderr).toContain("^");
  });

  it("topics test --slug shows what a draft adds to and removes from a topic's saved tags", async () => {
    expect((await runCli(["sample", "load"], env)).code).toBe(0);
    await createDefaultTopics(t.db);
    await retagTopics(t.db);
    const dry = await runCli(["topics", "test", "--slug", "nvidia-valuation", "deepseek NOT nvidia*"], env);
    expect(dry.code, dry.stderr).toBe(0);
    const [, added, removed] =
      /against nvidia-valuation: \+(\d+) articles, -(\d+) articles/.exec(dry.stdout) ?? [];
    expect(Number(added)).toBeGreaterThan(0);
    expect(Number(removed)).toBeGreaterThan(0);
    expect(dry.stdout).toMatch(/^\+ \d{4}-\d{2}-\d{2} {2}.*\[deepseek\]/im);
    expect(dry.stdout).toMatch(/^- \d{4}-\d{2}-\d{2} {2}/m);
    const unknown = await runCli(["topics", "test", "--slug", "nope", "nvidia"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no topic 'nope'");
  });

  it("applies migrations on demand", async () => {
    const res = await runCli(["db", "migrate"], env);
    expect(res).toMatchObject({ code: 0, stdout: "database is up to date\n" });
  });

  it("two ingest processes on one database never fetch the same feed in a pass", async () => {
    // The passes must overlap for the test to mean anything, however slowly the two processes start on a busy
    // machine. One process has at most 2 requests in flight to one host, so the first answers are held until a
    // third request arrives: by then both processes are in their pass.
    const held: Array<() => void> = [];
    let released = false;
    const release = () => {
      released = true;
      for (const answer of held.splice(0)) answer();
    };
    const safety = setTimeout(release, 20_000);
    const routes: Record<string, (req: unknown, res: import("node:http").ServerResponse) => void> = {};
    for (let i = 0; i < 16; i++) {
      routes[`/f${i}.xml`] = (_req, res) => {
        const answer = () => res.writeHead(200).end(rss(`F${i}`, storyItems(`cli${i}`, 3)));
        if (released) return answer();
        held.push(answer);
        if (held.length >= 3) release();
      };
    }
    server = await startFeedServer(routes);
    for (let i = 0; i < 16; i++) await runCliAdd(server.url(`/f${i}.xml`));
    const [a, b] = await Promise.all([
      runCliProcess(["ingest", "--once", "--all"], env),
      runCliProcess(["ingest", "--once", "--all"], env),
    ]);
    clearTimeout(safety);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const paths = server.requests.map((r) => r.path);
    expect(paths).toHaveLength(16);
    expect(new Set(paths).size).toBe(16);
    const fed = (out: string) => Number(/ingest: (\d+) feeds/.exec(out)?.[1]);
    expect(fed(a.stdout) + fed(b.stdout)).toBe(16);
    const total = await t.client.execute("select count(*) as n from articles");
    expect(Number(total.rows[0]!.n)).toBe(48);
  });

  async function runCliAdd(url: string) {
    await t.client.execute({ sql: "insert into feeds (url) values (?)", args: [url] });
  }
});
