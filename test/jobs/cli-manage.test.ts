import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getFeed } from "../../db/queries/feeds";
import { getTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { createTestApp, type TestApp } from "../helpers/app";
import { runCli } from "../helpers/cli";
import { makeArticle, makeFeed } from "../helpers/factories";

// `topics add|edit|remove` and `feeds edit|pause|resume` against a real database file, checked against what the
// API answers for the same values (the app is built over the same file).
describe("the CLI's topic and feed writes", { timeout: 60_000 }, () => {
  let s: TestApp;
  let env: Record<string, string>;
  beforeEach(async () => {
    s = await createTestApp();
    env = { DATABASE_URL: `file:${s.t.path}` };
  });
  afterEach(() => s.t.destroy());

  it("topics add makes a topic with the API's shape under --json, then edit and remove it", async () => {
    const feed = await makeFeed(s.t.db);
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: [makeArticle()],
      state: {},
      now: Date.now(),
    });
    const added = await runCli(
      ["topics", "add", "mistral", "--name", "Mistral AI", "--query", "mistral AND (ai OR model*)", "--json"],
      env,
    );
    expect(added).toMatchObject({ code: 0, stderr: "" });
    const json = JSON.parse(added.stdout);
    const api = await (await s.app.request("/api/topics/mistral")).json();
    expect(json).toEqual({ ...api, articleCount: 0 });
    expect(json).toMatchObject({ slug: "mistral", color: "#0072B2", retag: { state: "pending" } });

    const edited = await runCli(
      ["topics", "edit", "mistral", "--color", "#112233", "--description", "French AI"],
      env,
    );
    expect(edited.code).toBe(0);
    expect(await getTopic(s.t.db, "mistral")).toMatchObject({
      color: "#112233",
      description: "French AI",
      version: 1,
    });
    const requeried = await runCli(["topics", "edit", "mistral", "--query", "mistral"], env);
    expect(requeried.stdout).toContain("topics retag");
    expect((await getTopic(s.t.db, "mistral"))?.version).toBe(2);
    const same = await runCli(["topics", "edit", "mistral", "--query", "mistral"], env);
    expect(same.code).toBe(3);

    expect((await runCli(["topics", "remove", "mistral"], env)).code).toBe(0);
    const gone = await runCli(["topics", "remove", "mistral"], env);
    expect(gone).toMatchObject({ code: 1, stderr: "tidemark: topics remove: no topic 'mistral'\n" });
  });

  it("topics add refuses what POST /api/topics refuses, in one line, exit 2, and stores nothing", async () => {
    const badSlug = await runCli(["topics", "add", "Bad Slug", "--name", "x", "--query", "x"], env);
    expect(badSlug.code).toBe(2);
    expect(badSlug.stderr.split("\n")[0]).toBe(
      "tidemark: topics add: SLUG: lower-case letters, digits and hyphens, such as r1-release",
    );
    const colour = await runCli(
      ["topics", "add", "ok", "--name", "x", "--query", "x", "--color", "red"],
      env,
    );
    expect(colour.stderr).toMatch(/^tidemark: topics add: --color: a hex colour such as #0072B2\n/);
    const noName = await runCli(["topics", "add", "ok", "--query", "x"], env);
    expect(noName.stderr).toMatch(/^tidemark: topics add: --name:/);
    const broken = await runCli(
      ["topics", "add", "ok", "--name", "x", "--query", "deepseek AND (r1 OR"],
      env,
    );
    expect(broken.code).toBe(2);
    const api = await (
      await s.app.request("/api/topics", {
        method: "POST",
        headers: s.admin,
        body: JSON.stringify({ slug: "ok", name: "x", query: "deepseek AND (r1 OR" }),
      })
    ).json();
    const [line, echoed, caret] = broken.stderr.split("\n");
    expect(line).toBe(`tidemark: topics add: --${api.error.message}`);
    expect(echoed).toBe("  deepseek AND (r1 OR");
    expect(caret!.indexOf("^") - 2).toBe(api.error.details.position);
    expect(await getTopic(s.t.db, "ok")).toBeUndefined();

    expect((await runCli(["topics", "add", "dup", "--name", "x", "--query", "x"], env)).code).toBe(0);
    const dup = await runCli(["topics", "add", "dup", "--name", "x", "--query", "x"], env);
    expect(dup).toMatchObject({
      code: 1,
      stderr: "tidemark: topics add: a topic with the slug 'dup' already exists\n",
    });
    expect((await runCli(["topics", "edit", "dup"], env)).code).toBe(2);
    expect((await runCli(["topics", "edit", "nope", "--name", "y"], env)).code).toBe(1);
  });

  it("feeds edit, pause and resume change the feed as PATCH does, with its rules", async () => {
    const feed = await makeFeed(s.t.db, { name: "Old", lang: "en" });
    const edited = await runCli(
      ["feeds", "edit", String(feed.id), "--name", "New", "--country", "de", "--folder", "Wires", "--json"],
      env,
    );
    expect(edited.code).toBe(0);
    const api = (await (await s.app.request("/api/feeds")).json()).items[0];
    expect(JSON.parse(edited.stdout)).toEqual(api);
    expect(api).toMatchObject({ name: "New", lang: "en", country: "DE", folder: "Wires" });

    const cleared = await runCli(["feeds", "edit", String(feed.id), "--folder", ""], env);
    expect(cleared.code).toBe(0);
    expect((await getFeed(s.t.db, feed.id))?.folder).toBeNull();
    expect((await runCli(["feeds", "edit", String(feed.id), "--name", "New"], env)).code).toBe(3);

    const bad = await runCli(["feeds", "edit", String(feed.id), "--lang", "english"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe(
      "tidemark: feeds edit: --lang: a BCP 47 language tag such as en or pt-BR",
    );
    expect((await getFeed(s.t.db, feed.id))?.lang).toBe("en");

    expect((await runCli(["feeds", "pause", String(feed.id)], env)).code).toBe(0);
    expect((await getFeed(s.t.db, feed.id))?.enabled).toBe(false);
    expect((await runCli(["feeds", "pause", String(feed.id)], env)).code).toBe(3);
    expect((await runCli(["feeds", "list"], env)).stdout).toContain("paused");
    expect((await runCli(["feeds", "resume", String(feed.id)], env)).code).toBe(0);
    expect((await getFeed(s.t.db, feed.id))?.enabled).toBe(true);
    const missing = await runCli(["feeds", "pause", "9999"], env);
    expect(missing).toMatchObject({ code: 1, stderr: "tidemark: feeds pause: no feed 9999\n" });
  });

  it("--help explains the new subcommands without opening the database", async () => {
    for (const words of [
      ["topics", "add"],
      ["topics", "edit"],
      ["topics", "remove"],
      ["feeds", "edit"],
      ["feeds", "pause"],
    ]) {
      const help = await runCli([...words, "--help"], { DATABASE_URL: "file:/nonexistent/dir/x.db" });
      expect([words.join(" "), help.code]).toEqual([words.join(" "), 0]);
      expect(help.stdout).toContain(`cli -- ${words.join(" ")}`);
    }
  });
});
