import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeSampleFeeds } from "../../db/queries/feeds";
import { deleteExpiredArticles } from "../../db/queries/retention";
import { createTopic, updateTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { retagTopics } from "../../jobs/topics/retag";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { type CoverageQuestion, randomQuestion, seededRandom } from "../helpers/coverage-questions";
import { makeArticle, makeFeed } from "../helpers/factories";
import { bucketLabel, isoDate as iso, wallClock } from "../helpers/wall-clock";

/**
 * Every number of /api/coverage, counted again by hand. A seeded random store (outlets in several countries,
 * articles in several languages, some with no language, up to three topics each, one outlet deleted after
 * ingest) is asked random questions: topics, breakdowns, filters, share of all or of the group, compare=previous,
 * zones with DST changes and half- and three-quarter-hour offsets, every interval; then again after a topic's query
 * changes and its retag runs, a retention delete and `sample remove`. Each answer is checked against
 * a count over the articles this test keeps in memory, bucketed with Intl's own reading of each article's wall
 * clock: no SQL and none of core/time.
 */

interface Outlet {
  id: number;
  country: string | null;
}
interface Stored {
  feed: Outlet;
  sample?: boolean;
  lang: string | null;
  topics: Set<string>;
  at: number;
}
type Question = CoverageQuestion;
interface SeriesBody {
  key: string;
  counts: number[];
  shares: number[];
  groupTotals?: number[];
}
interface Answer {
  buckets: string[];
  totals: number[];
  series: SeriesBody[];
  previous?: { from: string; to: string; buckets: string[]; totals: number[]; series: SeriesBody[] };
}

const TOPICS = ["alpha", "beta", "gamma"];
const COUNTRIES = ["DE", "US", "JP", "IN", "BR", null];
const NORTH = new Set(["DE", "US", "JP"]);
const LANGS = ["en", "de", "ja", "pt", null];
// Berlin and New York change clocks in March; Adelaide is +10:30/+9:30 and changes on 6 April 2025; Kolkata is
// +5:30 and Kathmandu +5:45 all year.
const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "Australia/Adelaide",
  "Asia/Kolkata",
  "Asia/Kathmandu",
];
const FIRST = Date.UTC(2025, 0, 10);
const LAST = Date.UTC(2025, 3, 25);
const DAY = 86_400_000;

describe("GET /api/coverage agrees with a count by hand", () => {
  const rnd = seededRandom(20250127);
  const stored: Stored[] = [];
  const outlets: Outlet[] = [];
  let s: TestApp;

  beforeAll(async () => {
    s = await createTestApp();
    for (const slug of TOPICS) await createTopic(s.t.db, { slug, name: slug, color: "#000000", query: slug });
    const tagger = new TopicTagger();
    // Outlets 0-6 stay, 7 is deleted at once, 8 is the bundled sample's (removed by the second test).
    for (let f = 0; f < 9; f++) {
      const country = COUNTRIES[f % COUNTRIES.length]!;
      const sample = f === 8;
      const feed = await makeFeed(s.t.db, { ...(country ? { country } : {}), isSample: sample });
      const outlet = { id: feed.id, country };
      const articles = Array.from({ length: 40 + rnd.int(30) }, () => {
        const topics = new Set(TOPICS.filter(() => rnd.next() < 0.3));
        const lang = rnd.pick(LANGS);
        // Whole minutes, so some articles sit exactly on bucket edges.
        const at = FIRST + rnd.int((LAST - FIRST) / 60_000) * 60_000;
        if (f !== 7) stored.push({ feed: outlet, lang, topics, at, sample });
        return makeArticle({
          title: `${[...topics].join(" ")} news ${rnd.int(1e9)}`,
          summary: "",
          lang,
          publishedAt: at,
        });
      });
      await storeFeedArticles(s.t.db, { feedId: feed.id, articles, state: {}, now: Date.now(), tagger });
      if (f !== 7) outlets.push(outlet);
      // The last outlet goes again, with its articles, tags and rollup counts.
      else
        expect(
          (await s.app.request(`/api/feeds/${feed.id}`, { method: "DELETE", headers: s.admin })).status,
        ).toBe(204);
    }
  });
  afterAll(() => s.t.destroy());

  const question = (): Question =>
    randomQuestion(rnd, {
      first: FIRST,
      last: LAST,
      startDays: { min: 20, count: 70 },
      spanDays: { hour: 3, day: 40, week: 60, month: 100 },
      groupShareChance: 0.5,
      zones: ZONES,
      topics: TOPICS,
      langs: LANGS,
      countries: COUNTRIES,
      compareChance: 0.6,
      top: [1, 2, 50],
      feeds: outlets.map((o) => o.id),
      regions: true,
    });

  it("for 80 random questions: counts, totals, group totals, shares and the previous period", async () => {
    for (let n = 0; n < 80; n++) {
      const q = question();
      const url = toUrl(q);
      const res = await s.app.request(url);
      expect(res.status, url).toBe(200);
      const body: Answer = await res.json();
      check(q, body, url);
    }
  });

  it("still agrees after a retag, a retention delete and sample remove", async () => {
    // gamma's query becomes "alpha": after the retag, gamma is on exactly the articles that carry alpha.
    await updateTopic(s.t.db, "gamma", { name: "gamma", color: "#000000", query: "alpha" }, Date.now());
    await retagTopics(s.t.db, { batchSize: 50 });
    for (const a of stored) {
      if (a.topics.has("alpha")) a.topics.add("gamma");
      else a.topics.delete("gamma");
    }
    // Retention: every article before the cutoff goes (as if stored long ago).
    const cutoff = FIRST + 25 * DAY;
    await s.t.client.execute("update articles set first_seen_at = 0");
    while ((await deleteExpiredArticles(s.t.db, cutoff, 100)) > 0) {}
    await removeSampleFeeds(s.t.db);
    const kept = stored.filter((a) => a.at >= cutoff && !a.sample);
    expect(kept.length).toBeLessThan(stored.length);
    stored.splice(0, stored.length, ...kept);
    outlets.splice(0, outlets.length, ...outlets.filter((o) => kept.some((a) => a.feed === o)));
    for (let n = 0; n < 60; n++) {
      const q = question();
      const url = toUrl(q);
      const res = await s.app.request(url);
      expect(res.status, url).toBe(200);
      check(q, await res.json(), url);
    }
  });

  function check(q: Question, body: Answer, url: string) {
    const inScope = stored.filter((a) => scoped(q, a));
    // With compare=previous, a group only the previous period has is named in both (at zero now).
    const earlier = body.previous
      ? visibleGroups(q, placedIn(q, body.previous.buckets, body.previous, inScope))
      : [];
    checkPeriod(q, body, { from: q.from, to: q.to }, inScope, url, undefined, earlier);
    if (!q.compare) {
      expect(body.previous, url).toBeUndefined();
      return;
    }
    const previous = body.previous!;
    expect(previous.buckets.length, url).toBe(body.buckets.length);
    if (q.interval !== "hour")
      expect({ from: previous.from, to: previous.to }, url).toEqual(previousRange(q, body));
    checkPeriod(
      q,
      { ...previous, series: previous.series },
      previous,
      inScope,
      `${url} (previous)`,
      body.series,
    );
  }

  /** One period's numbers against the stored articles of its buckets. */
  function checkPeriod(
    q: Question,
    body: Omit<Answer, "previous">,
    range: { from: string; to: string },
    inScope: Stored[],
    url: string,
    namedLike?: SeriesBody[],
    earlierGroups: string[] = [],
  ) {
    const placed = placedIn(q, body.buckets, range, inScope);
    if (q.interval !== "hour" || !namedLike) {
      // Every article of the range lands in a bucket the answer lists (the previous period of hourly buckets is
      // the N hours before `from`, not whole days).
      const inRange = inScope.filter((a) => {
        const { date } = wallClock(a.at, q.tz);
        return date >= range.from && date <= range.to;
      });
      expect(placed.length, url).toBe(inRange.length);
    }
    const countOf = (keep: (a: Stored) => boolean) => {
      const counts = new Array<number>(body.buckets.length).fill(0);
      for (const p of placed) if (keep(p.a)) counts[p.i]!++;
      return counts;
    };
    const totals = countOf(() => true);
    expect(body.totals, `${url}: totals`).toEqual(totals);

    const selected = (a: Stored) => (q.topics ?? TOPICS).some((t) => a.topics.has(t));
    if (q.by === "topic") {
      expect(
        body.series.map((x) => x.key),
        url,
      ).toEqual(q.topics ?? TOPICS);
      for (const x of body.series) {
        const counts = countOf((a) => a.topics.has(x.key));
        expect(x.counts, `${url}: ${x.key}`).toEqual(counts);
        expect(x.shares, `${url}: ${x.key} shares`).toEqual(ratio(counts, totals));
      }
      return;
    }
    // A breakdown counts each article once: with topics, those carrying at least one; without, every one.
    const counted = (a: Stored) => (q.topics ? selected(a) : true);
    const visible = [...new Set([...visibleGroups(q, placed), ...earlierGroups])];
    const named = (namedLike ?? body.series).filter((x) => x.key !== "other").map((x) => x.key);
    const hasOther = (namedLike ?? body.series).some((x) => x.key === "other");
    if (!namedLike) {
      for (const key of named) expect(visible, `${url}: ${key} is a group`).toContain(key);
      if (!hasOther) expect(new Set(named), `${url}: every group named`).toEqual(new Set(visible));
    }
    expect(
      body.series.map((x) => x.key),
      url,
    ).toEqual((namedLike ?? body.series).map((x) => x.key));
    for (const x of body.series) {
      const inGroup =
        x.key === "other"
          ? (a: Stored) => !named.includes(groupOf(q.by, a))
          : (a: Stored) => groupOf(q.by, a) === x.key;
      const counts = countOf((a) => inGroup(a) && counted(a));
      expect(x.counts, `${url}: ${x.key}`).toEqual(counts);
      if (q.share === "group") {
        const groupTotals = countOf(inGroup);
        expect(x.groupTotals, `${url}: ${x.key} group totals`).toEqual(groupTotals);
        expect(x.shares, `${url}: ${x.key} shares`).toEqual(ratio(counts, groupTotals));
      } else {
        expect(x.groupTotals, url).toBeUndefined();
        expect(x.shares, `${url}: ${x.key} shares`).toEqual(ratio(counts, totals));
      }
    }
    if (!q.topics && !hasOther && q.share === "all") {
      // Without topics, a breakdown's series add up to the totals.
      const sums = totals.map((_, i) => body.series.reduce((sum, x) => sum + x.counts[i]!, 0));
      expect(sums, `${url}: series add up to totals`).toEqual(totals);
    }
  }

  /** The groups a breakdown shows: those with a counted article, or with any article for share=group. */
  function visibleGroups(q: Question, placed: Array<{ a: Stored }>): string[] {
    const counted = (a: Stored) => !q.topics || q.topics.some((t) => a.topics.has(t));
    const keep = placed.filter(({ a }) => q.share === "group" || counted(a));
    return [...new Set(keep.map(({ a }) => groupOf(q.by, a)))];
  }

  function scoped(q: Question, a: Stored): boolean {
    if (q.feed && !q.feed.includes(a.feed.id)) return false;
    if (q.lang && !q.lang.includes(a.lang ?? "unknown")) return false;
    if (q.country && !q.country.includes(a.feed.country ?? "unknown")) return false;
    if (q.region && !q.region.some((r) => regionOf(a.feed.country) === `global-${r}`)) return false;
    return true;
  }
});

/** The articles of a period with the index of the bucket each falls in, by its wall-clock label. */
function placedIn(q: Question, buckets: string[], range: { from: string; to: string }, inScope: Stored[]) {
  const index = new Map(buckets.map((label, i) => [label, i]));
  const where = (a: Stored) => {
    const wall = wallClock(a.at, q.tz);
    if (q.interval !== "hour" && (wall.date < range.from || wall.date > range.to)) return -1;
    return index.get(bucketLabel(wall, q.interval)) ?? -1;
  };
  return inScope.map((a) => ({ a, i: where(a) })).filter((p) => p.i >= 0);
}

function regionOf(country: string | null): string {
  return country === null ? "unknown" : NORTH.has(country) ? "global-north" : "global-south";
}

function groupOf(by: Question["by"], a: Stored): string {
  if (by === "feed") return String(a.feed.id);
  if (by === "lang") return a.lang ?? "unknown";
  if (by === "country") return a.feed.country ?? "unknown";
  return regionOf(a.feed.country);
}

function toUrl(q: Question): string {
  const p = new URLSearchParams({
    by: q.by,
    share: q.share,
    tz: q.tz,
    interval: q.interval,
    from: q.from,
    to: q.to,
    top: String(q.top),
  });
  if (q.compare) p.set("compare", "previous");
  if (q.topics) p.set("topics", q.topics.join(","));
  for (const name of ["feed", "lang", "country", "region"] as const)
    if (q[name]) p.set(name, q[name].join(","));
  return `/api/coverage?${p}`;
}

const ratio = (counts: number[], totals: number[]) =>
  counts.map((n, i) => (totals[i] === 0 ? 0 : Math.round((n / totals[i]!) * 1e6) / 1e6));

/** The rule of compare=previous: N days back; weeks and months moved back by their number (month ends kept). */
function previousRange(q: Question, body: Answer): { from: string; to: string } {
  const n = body.buckets.length;
  const from = Date.parse(q.from);
  const to = Date.parse(q.to);
  if (q.interval === "day") return { from: iso(from - n * DAY), to: iso(from - DAY) };
  if (q.interval === "week") return { from: iso(from - 7 * n * DAY), to: iso(to - 7 * n * DAY) };
  const back = (ms: number) => {
    const d = new Date(ms);
    const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1));
    const last = monthEnd(target.getUTCFullYear(), target.getUTCMonth());
    const isEnd = d.getUTCDate() === monthEnd(d.getUTCFullYear(), d.getUTCMonth());
    return iso(
      Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), isEnd ? last : Math.min(d.getUTCDate(), last)),
    );
  };
  return { from: back(from), to: back(to) };
}
