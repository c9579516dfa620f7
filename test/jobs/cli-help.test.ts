import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCommands } from "../../jobs/cli/commands";
import { createTestApp, type TestApp } from "../helpers/app";
import { runCli, runCliProcess } from "../helpers/cli";

const HINT = (path: string) => `see 'npm run --silent cli -- ${path} --help'\n`;

describe("the CLI's help, errors, shapes and exit codes", { timeout: 120_000 }, () => {
  let s: TestApp;
  let env: Record<string, string>;
  beforeEach(async () => {
    s = await createTestApp();
    env = { DATABASE_URL: `file:${s.t.path}`, TIDEMARK_ALLOW_PRIVATE_URLS: "1" };
  });
  afterEach(() => s.t.destroy());

  it("prints the usage of every command and subcommand on stdout with exit 0, without opening the database", async () => {
    // A database that cannot be opened: help must not need one.
    const nowhere = { DATABASE_URL: "file:/nonexistent-dir/never/tidemark.db" };
    const commands = await loadCommands();
    for (const command of commands) {
      const subs = [undefined, ...new Set(command.forms.map((f) => f.sub))];
      for (const sub of subs) {
        const words = sub ? [command.name, sub] : [command.name];
        for (const argv of [
          [...words, "--help"],
          ["help", ...words],
          [...words, "-h"],
        ]) {
          const res = await runCli(argv, nowhere);
          expect([argv, res.code, res.stderr]).toEqual([argv, 0, ""]);
          expect(res.stdout).toMatch(/^usage:\n/);
          for (const form of command.forms.filter((f) => !sub || f.sub === sub)) {
            expect(res.stdout).toContain([command.name, form.sub, form.args].filter(Boolean).join(" "));
            expect(res.stdout).toContain(form.summary);
          }
        }
      }
    }
    const all = await runCli(["--help"], nowhere);
    expect(all.code).toBe(0);
    for (const command of commands) expect(all.stdout).toContain(`  ${command.name} `);
    expect(all.stdout).toContain("3 nothing to do");
    // No command at all is a usage mistake: the same text, on stderr, exit 2.
    const none = await runCli([], nowhere);
    expect(none).toMatchObject({ code: 2, stdout: "", stderr: `${all.stdout}` });
  });

  it("answers --help on a subcommand as a real process: its usage on stdout, exit 0", async () => {
    const res = await runCliProcess(["feeds", "add", "--help"], env);
    expect(res).toMatchObject({ code: 0, stderr: "" });
    expect(res.stdout).toContain("feeds add URL [--name N] [--lang L] [--country CC]");
    expect(res.stdout).toContain("--lang L");
    expect(res.stdout).not.toContain("feeds list");
  });

  it("refuses the values POST /api/feeds refuses, in one line naming the option, and stores nothing", async () => {
    const cases = [
      { option: "--lang", value: "english", field: "lang" },
      { option: "--country", value: "GBR", field: "country" },
      { option: "--name", value: " ", field: "name" },
    ];
    for (const { option, value, field } of cases) {
      const res = await runCli(["feeds", "add", "https://example.com/feed.xml", option, value], env);
      const api = await s.app.request("/api/feeds", {
        method: "POST",
        headers: s.admin,
        body: JSON.stringify({ url: "https://example.com/feed.xml", [field]: value }),
      });
      expect(api.status).toBe(400);
      const { error } = (await api.json()) as { error: { message: string } };
      const reason = /^tidemark: feeds add: --\w+: (.+)\n/.exec(res.stderr)?.[1];
      expect([option, res.code, res.stdout]).toEqual([option, 2, ""]);
      expect(res.stderr).toBe(`tidemark: feeds add: ${option}: ${reason}\n${HINT("feeds add")}`);
      expect(error.message).toContain(reason);
    }
    const url = await runCli(["feeds", "add", "ftp://example.com/x"], env);
    expect(url.code).toBe(2);
    expect(url.stderr).toMatch(/^tidemark: feeds add: URL: .*only http and https.*\n/);
    const unknown = await runCli(["feeds", "add", "https://example.com/feed.xml", "--frob"], env);
    expect(unknown.stderr).toBe(`tidemark: feeds add: Unknown option '--frob'\n${HINT("feeds add")}`);
    expect((await getJson("/api/feeds")).items).toEqual([]);
  });

  it("names an unknown command in one line with a hint, not the whole usage, as a real process", async () => {
    const res = await runCliProcess(["frobnicate"], env);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^tidemark: unknown command 'frobnicate' \(commands: feeds, ingest, .*\)\n/);
    expect(res.stderr).toContain("see 'npm run --silent cli -- --help'");
    expect(res.stderr.split("\n")).toHaveLength(3);
    const sub = await runCli(["feeds", "frob"], env);
    expect(sub.stderr).toBe(
      `tidemark: feeds: unknown subcommand 'frob' (add, list, edit, pause, resume, remove, import, export)\n${HINT("feeds")}`,
    );
  });

  it("ingest --feed with an unknown id fails with 'no feed N', as a real process", async () => {
    const res = await runCliProcess(["ingest", "--once", "--feed", "9999"], env);
    expect(res).toMatchObject({ code: 1, stdout: "", stderr: "tidemark: ingest: no feed 9999\n" });
    const sample = await runCli(["sample", "load"], env);
    expect(sample.code, sample.stderr).toBe(0);
    const sampleFeed = (await runCliJson(["feeds", "list", "--json"]))[0] as { id: number };
    const refused = await runCli(["ingest", "--once", "--feed", String(sampleFeed.id)], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`feed ${sampleFeed.id} holds bundled sample data`);
  });

  it("prints feeds list --json and topics list --json as GET /api/feeds and GET /api/topics list their items", async () => {
    expect((await runCli(["sample", "load"], env)).code).toBe(0);
    const added = await runCli(["feeds", "add", "https://example.com/a.xml", "--lang", "pt-BR"], env);
    expect(added.code, added.stderr).toBe(0);
    const feeds = await getJson("/api/feeds");
    expect(feeds.items.length).toBeGreaterThan(20);
    expect(await runCliJson(["feeds", "list", "--json"])).toEqual(feeds.items);
    await addTopic("deepseek-r1", "deepseek AND r1");
    const topics = await getJson("/api/topics");
    expect(topics.items).toHaveLength(1);
    expect(await runCliJson(["topics", "list", "--json"])).toEqual(topics.items);
  });

  it("puts a header row over tabular output", async () => {
    await runCli(["feeds", "add", "https://example.com/a.xml", "--name", "A", "--lang", "en"], env);
    const feeds = (await runCli(["feeds", "list"], env)).stdout.split("\n");
    expect(feeds[0]).toMatch(/^ID +LANG +CC +FOLDER +ARTICLES +NAME +URL +HEALTH$/);
    expect(feeds[1]).toMatch(/^ {1}1 +en +-- +-- +0 +A +https:\/\/example\.com\/a\.xml +not fetched yet$/);
    await addTopic("chips", "chip*");
    const topics = (await runCli(["topics", "list"], env)).stdout.split("\n");
    expect(topics[0]).toMatch(/^SLUG +ARTICLES +COLOUR +RETAG +NAME$/);
    expect(topics[1]).toMatch(/^chips +0 +#[0-9A-F]{6} +(done|0\/0) +Topic chips$/);
  });

  it("exits 3 when there was nothing to do, 0 when something was done", async () => {
    const codes = async (...argv: string[]) => (await runCli(argv, env)).code;
    expect(await codes("ingest", "--once")).toBe(3);
    expect(await codes("sample", "remove")).toBe(3);
    expect(await codes("sample", "load")).toBe(0);
    expect(await codes("sample", "load")).toBe(3);
    expect(await codes("sample", "remove")).toBe(0);
    expect(await codes("topics", "retag")).toBe(3);
    const opml = join(s.t.dir, "list.opml");
    writeFileSync(
      opml,
      '<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="A" xmlUrl="https://example.com/a.xml"/></body></opml>',
    );
    expect(await codes("feeds", "import", opml)).toBe(0);
    expect(await codes("feeds", "import", opml)).toBe(3);
  });

  async function getJson(path: string): Promise<{ items: unknown[] }> {
    return (await s.app.request(path)).json();
  }

  async function addTopic(slug: string, query: string) {
    const res = await s.app.request("/api/topics", {
      method: "POST",
      headers: s.admin,
      body: JSON.stringify({ slug, name: `Topic ${slug}`, query }),
    });
    expect(res.status).toBe(201);
  }

  async function runCliJson(argv: string[]): Promise<unknown[]> {
    const res = await runCli(argv, env);
    expect(res.code, res.stderr).toBe(0);
    return JSON.parse(res.stdout);
  }
});
