import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { type CoverageQuestion, randomQuestion, seededRandom } from "../helpers/coverage-questions";
import { makeArticle, makeFeed } from "../helpers/factories";
import { bucketLabel, wallClock } from "../helpers/wall-clock";

/**
 * /api/coverage?unit=stories counted again by hand. A seeded random store of stories, each run by one to four
 * outlets (copies of one text, up to two days apart), in several languages and countries, one outlet deleted
 * after ingest, is asked random questions. The count by hand: a story counts once in a bucket (and series) when
 * at least one of its matching articles falls in it; in a breakdown, once in each group that ran it there.
 * Buckets come from Intl's reading of each article's wall clock: no SQL and none of core/time.
 */

interface Stored {
  story: number;
  feed: number;
  country: string | null;
  lang: string | null;
  topics: Set<string>;
  at: number;
}
type Question = CoverageQuestion;
interface SeriesBody {
  key: string;
  counts: number[];
  groupTotals?: number[];
}

const TOPICS = ["alpha", "beta", "gamma"];
const COUNTRIES = ["DE", "US", "JP", "IN", "BR", null];
const NORTH = new Set(["DE", "US", "JP"]);
const LANGS = ["en", "de", "pt", null];
const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"];
const FIRST = Date.UTC(2025, 0, 10);
const LAST = Date.UTC(2025, 2, 25);

describe("GET /api/coverage?unit=stories agrees with a count by hand", () => {
  const rnd = seededRandom(20250128);
  let stored: Stored[] = [];
  let s: TestApp;

  beforeAll(async () => {
    s = await createTestApp();
    for (const slug of TOPICS) await createTopic(s.t.db, { slug, name: slug, color: "#000000", query: slug });
    const tagger = new TopicTagger();
    const feeds: Array<{ id: number; country: string | null }> = [];
    for (let f = 0; f < 7; f++) {
      const country = COUNTRIES[f % COUNTRIES.length]!;
      feeds.push({ id: (await makeFeed(s.t.db, country ? { country } : {})).id, country });
    }
    const all: Array<Stored & { title: string; summary: string }> = [];
    for (let story = 0; story < 150; story++) {
      const topics = new Set(TOPICS.filter(() => rnd.next() < 0.35));
      const lang = rnd.pick(LANGS);
      const words = Array.from({ length: 12 }, () => `w${rnd.int(1e9)}`).join(" ");
      const title = `${[...topics].join(" ")} ${words.slice(0, 60)}`;
      const summary = `${words} ${Array.from({ length: 10 }, () => `v${rnd.int(1e9)}`).join(" ")}`;
      const start = FIRST + rnd.int((LAST - FIRST) / 60_000) * 60_000;
      const outlets = [...feeds].sort(() => rnd.next() - 0.5).slice(0, 1 + rnd.int(4));
      outlets.forEach((feed, copy) => {
        const at = copy === 0 ? start : start + rnd.int(2 * 24 * 60) * 60_000;
        all.push({ story, feed: feed.id, country: feed.country, lang, topics, at, title, summary });
      });
    }
    // Stored feed by feed, each feed's copies in time order, as passes would meet them.
    all.sort((a, b) => a.at - b.at);
    for (const feed of feeds) {
      const mine = all.filter((a) => a.feed === feed.id);
      await storeFeedArticles(s.t.db, {
        feedId: feed.id,
        articles: mine.map((a) =>
          makeArticle({ title: a.title, summary: a.summary, lang: a.lang, publishedAt: a.at }),
        ),
        state: {},
        now: Date.now(),
        tagger,
      });
    }
    // The last outlet goes again, with its articles: stories it alone ran go, the others shrink.
    const gone = feeds.at(-1)!.id;
    expect((await s.app.request(`/api/feeds/${gone}`, { method: "DELETE", headers: s.admin })).status).toBe(
      204,
    );
    stored = all.filter((a) => a.feed !== gone);
  });
  afterAll(() => s.t.destroy());

  it("finds exactly the stories the store was given", async () => {
    const rows = (await s.t.client.execute("select story_id, feed_id, published_at from articles")).rows;
    const found = new Map(rows.map((r) => [`${r[1]}|${r[2]}`, Number(r[0])]));
    const pairs = new Map<number, Set<number>>();
    for (const a of stored) {
      const id = found.get(`${a.feed}|${a.at}`)!;
      pairs.set(a.story, (pairs.get(a.story) ?? new Set()).add(id));
    }
    expect([...pairs.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(new Set([...pairs.values()].map((ids) => [...ids][0])).size).toBe(pairs.size);
  });

  const question = (): Question =>
    randomQuestion(rnd, {
      first: FIRST,
      last: LAST,
      startDays: { min: 0, count: 60 },
      spanDays: { hour: 3, day: 40, week: 60, month: 80 },
      groupShareChance: 0.4,
      zones: ZONES,
      topics: TOPICS,
      langs: LANGS,
      countries: COUNTRIES,
    });

  it("for 60 random questions: totals, series, group totals, each story once per bucket and group", async () => {
    for (let n = 0; n < 60; n++) {
      const q = question();
      const url = toUrl(q);
      const res = await s.app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("x-tidemark-counted-from")).toBe("stories");
      check(q, await res.json(), url);
    }
  });

  function check(
    q: Question,
    body: { buckets: string[]; totals: number[]; series: SeriesBody[] },
    url: string,
  ) {
    const inScope = stored.filter(
      (a) =>
        (!q.lang || q.lang.includes(a.lang ?? "unknown")) &&
        (!q.country || q.country.includes(a.country ?? "unknown")),
    );
    const index = new Map(body.buckets.map((label, i) => [label, i]));
    const placed = inScope.flatMap((a) => {
      const wall = wallClock(a.at, q.tz);
      if (q.interval !== "hour" && (wall.date < q.from || wall.date > q.to)) return [];
      const i = index.get(bucketLabel(wall, q.interval));
      return i === undefined ? [] : [{ a, i }];
    });
    const storiesOf = (keep: (a: Stored) => boolean) => {
      const sets = body.buckets.map(() => new Set<number>());
      for (const p of placed) if (keep(p.a)) sets[p.i]!.add(p.a.story);
      return sets.map((set) => set.size);
    };
    const totals = storiesOf(() => true);
    expect(body.totals, `${url}: totals`).toEqual(totals);
    if (q.by === "topic") {
      for (const x of body.series)
        expect(x.counts, `${url}: ${x.key}`).toEqual(storiesOf((a) => a.topics.has(x.key)));
      return;
    }
    const counted = (a: Stored) => !q.topics || q.topics.some((t) => a.topics.has(t));
    const visible = new Set(
      placed.filter(({ a }) => q.share === "group" || counted(a)).map(({ a }) => groupOf(q.by, a)),
    );
    expect(new Set(body.series.map((x) => x.key)), url).toEqual(visible);
    for (const x of body.series) {
      const inGroup = (a: Stored) => groupOf(q.by, a) === x.key;
      expect(x.counts, `${url}: ${x.key}`).toEqual(storiesOf((a) => inGroup(a) && counted(a)));
      if (q.share === "group")
        expect(x.groupTotals, `${url}: ${x.key} group totals`).toEqual(storiesOf(inGroup));
    }
  }
});

function groupOf(by: Question["by"], a: Stored): string {
  if (by === "feed") return String(a.feed);
  if (by === "lang") return a.lang ?? "unknown";
  if (by === "country") return a.country ?? "unknown";
  return a.country === null ? "unknown" : NORTH.has(a.country) ? "global-north" : "global-south";
}

function toUrl(q: Question): string {
  const p = new URLSearchParams({
    unit: "stories",
    by: q.by,
    share: q.share,
    tz: q.tz,
    interval: q.interval,
  });
  p.set("from", q.from);
  p.set("to", q.to);
  p.set("top", "50");
  if (q.topics) p.set("topics", q.topics.join(","));
  if (q.lang) p.set("lang", q.lang.join(","));
  if (q.country) p.set("country", q.country.join(","));
  return `/api/coverage?${p}`;
}
