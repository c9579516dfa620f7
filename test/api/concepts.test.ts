import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { retagTopics } from "../../jobs/topics/retag";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { runCli } from "../helpers/cli";
import { makeArticle, makeFeed } from "../helpers/factories";

describe("/api/concepts", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
  });
  afterEach(() => s.t.destroy());

  const send = (method: string, path: string, body?: unknown, headers = s.admin) =>
    s.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const put = (name: string, terms: string, description?: string) =>
    send("PUT", `/api/concepts/${name}`, { terms, ...(description === undefined ? {} : { description }) });

  it("PUT creates (201) then replaces (200) a concept, bumping its version only when the terms change", async () => {
    const created = await put("gulf", "Qatar OR Bahrain OR Riyadh", "The Gulf states");
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      name: "gulf",
      description: "The Gulf states",
      terms: "Qatar OR Bahrain OR Riyadh",
      termCount: 3,
      version: 1,
      seeded: false,
      topics: [],
      retagged: [],
    });
    const described = await put("gulf", "Qatar OR Bahrain OR Riyadh", "Gulf states");
    expect(described.status).toBe(200);
    expect(await described.json()).toMatchObject({ version: 1, description: "Gulf states" });
    const grown = await put("gulf", "Qatar OR Bahrain OR Riyadh OR Kuwait");
    expect(await grown.json()).toMatchObject({ version: 2, termCount: 4, description: "Gulf states" });
  });

  it("GET lists every concept with its term count, version and the topics that use it", async () => {
    await put("gulf", "Qatar OR Bahrain");
    await put("chips", 'chip OR semiconductor* OR "AI accelerator"');
    const topic = await send("POST", "/api/topics", {
      slug: "gulf-chips",
      name: "Gulf chips",
      query: "@gulf AND @chips",
    });
    expect(topic.status).toBe(201);
    const body = await (await s.app.request("/api/concepts")).json();
    expect(body.nextCursor).toBeNull();
    expect(
      body.items.map((c: { name: string; termCount: number; topics: string[] }) => [
        c.name,
        c.termCount,
        c.topics,
      ]),
    ).toEqual([
      ["chips", 3, ["gulf-chips"]],
      ["gulf", 2, ["gulf-chips"]],
    ]);
  });

  it("refuses terms that do not parse or use another concept: 400 naming the position, nothing saved", async () => {
    const bad = await put("gulf", "Qatar OR (Bahrain");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: {
        code: "invalid_query",
        message: 'terms: unclosed "(" at position 9',
        details: { position: 9 },
      },
    });
    const nested = await put("gulf", "Qatar OR @china");
    expect((await nested.json()).error.message).toBe(
      'terms: a concept cannot use another concept ("@china") at position 9',
    );
    expect((await put("Bad_Name", "x")).status).toBe(400);
    expect((await (await s.app.request("/api/concepts")).json()).items).toEqual([]);
  });

  it("a topic query naming an unknown concept is a 400 naming its position", async () => {
    const res = await send("POST", "/api/topics", { slug: "x", name: "X", query: "deepseek AND @nowhere" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: "invalid_query",
      message: 'query: unknown concept "@nowhere" at position 13',
      details: { position: 13 },
    });
    await put("nowhere", "somewhere");
    expect(
      (await send("POST", "/api/topics", { slug: "x", name: "X", query: "deepseek AND @nowhere" })).status,
    ).toBe(201);
    const edit = await send("PUT", "/api/topics/x", { name: "X", query: "@elsewhere" });
    expect(edit.status).toBe(400);
  });

  it("DELETE answers 409 naming the topics while one uses the concept, then 204, then 404", async () => {
    await put("gulf", "Qatar OR Bahrain");
    await send("POST", "/api/topics", { slug: "gulf-ai", name: "Gulf AI", query: "@gulf AND ai" });
    const busy = await send("DELETE", "/api/concepts/gulf");
    expect(busy.status).toBe(409);
    expect((await busy.json()).error).toMatchObject({
      code: "conflict",
      message: "the concept @gulf is used by the topics gulf-ai",
      details: { concept: "gulf", topics: ["gulf-ai"] },
    });
    expect((await send("DELETE", "/api/topics/gulf-ai")).status).toBe(204);
    expect((await send("DELETE", "/api/concepts/gulf")).status).toBe(204);
    expect((await send("DELETE", "/api/concepts/gulf")).status).toBe(404);
  });

  it("writes need the admin token (401), and answer 403 while none is configured", async () => {
    expect(
      (await send("PUT", "/api/concepts/gulf", { terms: "Qatar" }, { "content-type": "application/json" }))
        .status,
    ).toBe(401);
    expect((await send("DELETE", "/api/concepts/gulf", undefined, {})).status).toBe(401);
    const open = await createTestApp({ TIDEMARK_ADMIN_TOKEN: "" });
    try {
      const res = await open.app.request("/api/concepts/gulf", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ terms: "Qatar" }),
      });
      expect(res.status).toBe(403);
      expect((await open.app.request("/api/concepts")).status).toBe(200);
    } finally {
      open.t.destroy();
    }
  });

  it("editing a concept retags the topics that use it: a word added to @x tags the articles it names", async () => {
    await put("x", "Luanda");
    await send("POST", "/api/topics", { slug: "x-chips", name: "X chips", query: "@x AND chips" });
    await send("POST", "/api/topics", { slug: "other", name: "Other", query: "chips" });
    const feed = await makeFeed(s.t.db);
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: [
        makeArticle({ title: "Chips reach Luanda", summary: "" }),
        makeArticle({ title: "Chips reach Jakarta", summary: "" }),
      ],
      state: {},
      now: Date.now(),
      tagger: new TopicTagger(),
    });
    await retagTopics(s.t.db);
    const tagged = async () => {
      const res = await s.app.request("/api/articles?topic=x-chips");
      return (await res.json()).items.map(
        (a: { title: string; topics: Array<{ slug: string; terms: unknown }> }) => [
          a.title,
          a.topics.find((t) => t.slug === "x-chips")?.terms,
        ],
      );
    };
    expect((await tagged()).map((row: unknown[]) => row[0])).toEqual(["Chips reach Luanda"]);
    const before = (await getTopic(s.t.db, "x-chips"))!;
    const other = (await getTopic(s.t.db, "other"))!;

    const res = await put("x", "Luanda OR Jakarta");
    expect((await res.json()).retagged).toEqual(["x-chips"]);
    const marked = (await getTopic(s.t.db, "x-chips"))!;
    expect(marked.version).toBe(before.version + 1);
    expect(marked.taggedVersion).toBeLessThan(marked.version);
    expect(marked.retagCursor).toBe(0);
    // A topic that does not use the concept is left alone.
    expect((await getTopic(s.t.db, "other"))!.version).toBe(other.version);
    const list = await (await s.app.request("/api/topics")).json();
    expect(list.items.find((t: { slug: string }) => t.slug === "x-chips").retag.state).toBe("pending");

    await retagTopics(s.t.db);
    const after = await tagged();
    expect(after.map((row: unknown[]) => row[0]).sort()).toEqual([
      "Chips reach Jakarta",
      "Chips reach Luanda",
    ]);
    expect(after.find((row: unknown[]) => row[0] === "Chips reach Jakarta")[1]).toEqual([
      { term: "chips", field: "title", start: 0, end: 5 },
      { term: "@x: Jakarta", field: "title", start: 12, end: 19 },
    ]);
  });

  it("the CLI dry run resolves @names against the stored concepts and points at an unknown one", async () => {
    await put("x", "Luanda");
    const feed = await makeFeed(s.t.db);
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: [makeArticle({ title: "Chips reach Luanda", summary: "" })],
      state: {},
      now: Date.now(),
    });
    const env = { DATABASE_URL: `file:${s.t.path}` };
    const ok = await runCli(["topics", "test", "@x AND chips"], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("would tag 1 of 1");
    expect(ok.stdout).toContain("[Chips] reach [Luanda]");
    const bad = await runCli(["topics", "test", "chips AND @y"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown concept "@y" at position 10');
  });
});
