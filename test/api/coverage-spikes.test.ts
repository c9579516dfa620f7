import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { markSpikes, SPIKE_RULES, type Spike } from "../../core/spike-rule";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Series {
  key: string;
  counts: number[];
  spikes: Spike[];
}
interface Coverage {
  buckets: string[];
  series: Series[];
}

describe("GET /api/coverage spikes", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
    await createTopic(s.t.db, { slug: "nvidia", name: "Nvidia", color: "#0072B2", query: "nvidia" });
    await createTopic(s.t.db, { slug: "huawei", name: "Huawei", color: "#E69F00", query: "huawei" });
    // Every day from 1 December to 20 February at noon UTC: two Nvidia articles (one German) and one on Huawei.
    const days = Array.from({ length: 82 }, (_, d) => Date.UTC(2024, 11, 1, 12) + d * DAY);
    await store(
      days.flatMap((t) => [
        [t, "Nvidia daily", "en"],
        [t + 60_000, "Nvidia täglich", "de"],
        [t + 120_000, "Huawei daily", "en"],
      ]),
    );
    // The sell-off: ten more Nvidia articles in the 10:00Z hour of 27 January.
    await store(Array.from({ length: 10 }, (_, i) => [Date.UTC(2025, 0, 27, 10, i), "Nvidia plunge", "en"]));
  });
  afterEach(() => s.t.destroy());

  async function store(list: Array<[number, string, string]>) {
    const feed = await makeFeed(s.t.db, { name: `Wire ${Math.random()}` });
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: list.map(([publishedAt, title, lang], i) =>
        makeArticle({ title: `${title} ${publishedAt} ${i}`, summary: "", publishedAt, lang }),
      ),
      state: {},
      now: Date.now(),
      tagger: new TopicTagger(),
    });
  }
  async function coverage(query: string): Promise<Coverage> {
    const res = await s.app.request(`/api/coverage?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Coverage;
  }

  it("marks what the spike rule marks on the returned counts, judging a range's first days on the days before it", async () => {
    const q = "topics=nvidia,huawei&to=2025-02-09&interval=day&tz=Europe/Berlin";
    const short = await coverage(`${q}&from=2025-01-27`);
    // The same series 30 days longer: its first 30 buckets are the short range's lead-in.
    const long = await coverage(`${q}&from=2024-12-28`);
    expect(long.buckets[30]).toBe("2025-01-27");
    for (const [i, series] of short.series.entries()) {
      const lead = long.series[i]!.counts.slice(0, 30);
      expect(series.spikes).toEqual(markSpikes(series.counts, short.buckets, lead, SPIKE_RULES.day));
      expect(series.spikes).toEqual(
        long.series[i]!.spikes.filter((x) => x.index >= 30).map((x) => ({ ...x, index: x.index - 30 })),
      );
    }
    // Two a day before, so mean 2 and sd 0: the Poisson bar for a mean of 2 is 9, and the 27th has 12.
    expect(short.series[0]!.spikes).toEqual([
      {
        bucket: "2025-01-27",
        index: 0,
        count: 12,
        baseline: 2,
        sd: 0,
        baselineBuckets: 28,
        threshold: 9,
        pValue: expect.any(Number),
      },
    ]);
    expect(short.series[0]!.spikes[0]!.pValue).toBeLessThan(0.001);
    expect(short.series[1]!.spikes).toEqual([]);
  });

  it("judges the buckets of the request's zone and interval", async () => {
    // 23:30Z on 3 February is already the 4th in Berlin.
    await store(
      Array.from({ length: 12 }, (_, i) => [Date.UTC(2025, 1, 3, 23, 30 + i), "Nvidia night", "en"]),
    );
    const days = (tz: string) =>
      coverage(`topics=nvidia&from=2025-02-01&to=2025-02-06&tz=${tz}`).then((c) =>
        c.series[0]!.spikes.map((x) => [x.bucket, x.count]),
      );
    expect(await days("UTC")).toEqual([["2025-02-03", 14]]);
    expect(await days("Europe/Berlin")).toEqual([["2025-02-04", 14]]);
    const hours = await coverage(
      "topics=nvidia&from=2025-01-27&to=2025-01-27&interval=hour&tz=Europe/Berlin",
    );
    // The week of hours before it, less the guard, from the first hour with anything stored (noon UTC).
    expect(hours.series[0]!.spikes.map((x) => [x.bucket, x.count, x.baselineBuckets])).toEqual([
      ["2025-01-27T11:00+01:00", 10, 164],
    ]);
  });

  it("marks a breakdown's series on their own counts", async () => {
    const q = "topics=nvidia&to=2025-01-31&tz=UTC&by=lang";
    const short = await coverage(`${q}&from=2025-01-20`);
    const long = await coverage(`${q}&from=2024-12-21`);
    expect(short.series.map((x) => [x.key, x.spikes.map((y) => y.bucket)])).toEqual([
      ["en", ["2025-01-27"]],
      ["de", []],
    ]);
    for (const series of short.series) {
      const lead = long.series.find((x) => x.key === series.key)!.counts.slice(0, 30);
      expect(series.spikes).toEqual(markSpikes(series.counts, short.buckets, lead, SPIKE_RULES.day));
    }
  });
});
