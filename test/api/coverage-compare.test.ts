import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

/** compare=previous: the same series over the period just before, bucket for bucket. */
describe("GET /api/coverage?compare=previous", () => {
  let s: TestApp;
  const tagger = new TopicTagger();
  beforeEach(async () => {
    s = await createTestApp();
    await createTopic(s.t.db, { slug: "nvidia", name: "Nvidia", color: "#0072B2", query: "nvidia" });
    await createTopic(s.t.db, { slug: "huawei", name: "Huawei", color: "#E69F00", query: "huawei" });
  });
  afterEach(() => s.t.destroy());

  async function store(list: Array<[string, string]>, feed: { country?: string; name?: string } = {}) {
    const row = await makeFeed(s.t.db, { country: feed.country ?? "DE", name: feed.name });
    await storeFeedArticles(s.t.db, {
      feedId: row.id,
      articles: list.map(([time, title]) =>
        makeArticle({ title, summary: "", publishedAt: Date.parse(time) }),
      ),
      state: {},
      now: Date.now(),
      tagger,
    });
    return row.id;
  }
  const get = async (query: string) => {
    const res = await s.app.request(`/api/coverage?compare=previous&${query}`);
    return { status: res.status, body: await res.json() };
  };

  it("sets the N days before `from` beside a daily series, with totals and shares", async () => {
    await store([
      ["2025-01-25T10:00:00Z", "Nvidia one"],
      ["2025-01-26T10:00:00Z", "Nvidia two"],
      ["2025-01-26T11:00:00Z", "Weather"],
      ["2025-01-24T23:59:59Z", "Nvidia too early"],
      ["2025-01-27T10:00:00Z", "Nvidia now"],
    ]);
    const { status, body } = await get("topics=nvidia,huawei&from=2025-01-27&to=2025-01-28&tz=UTC");
    expect(status).toBe(200);
    expect(body.series[0].counts).toEqual([1, 0]);
    expect(body.previous).toEqual({
      from: "2025-01-25",
      to: "2025-01-26",
      buckets: ["2025-01-25", "2025-01-26"],
      totals: [1, 2],
      series: [
        { key: "nvidia", counts: [1, 1], shares: [1, 0.5] },
        { key: "huawei", counts: [0, 0], shares: [0, 0] },
      ],
    });
    const plain = await (
      await s.app.request("/api/coverage?topics=nvidia&from=2025-01-27&to=2025-01-28")
    ).json();
    expect(plain.previous).toBeUndefined();
  });

  it("moves weeks and months back by their own number, so partial buckets compare with partial ones", async () => {
    const weeks = (await get("topics=nvidia&from=2025-01-01&to=2025-01-31&interval=week&tz=UTC")).body;
    expect(weeks.buckets).toEqual(["2024-12-30", "2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27"]);
    expect(weeks.previous).toMatchObject({
      from: "2024-11-27",
      to: "2024-12-27",
      buckets: ["2024-11-25", "2024-12-02", "2024-12-09", "2024-12-16", "2024-12-23"],
    });
    const months = (await get("topics=nvidia&from=2025-01-01&to=2025-02-28&interval=month&tz=UTC")).body;
    expect(months.previous).toMatchObject({
      from: "2024-11-01",
      to: "2024-12-31",
      buckets: ["2024-11", "2024-12"],
    });
    const ragged = (await get("topics=nvidia&from=2025-03-31&to=2025-04-30&interval=month&tz=UTC")).body;
    expect(ragged.previous).toMatchObject({
      from: "2025-01-31",
      to: "2025-02-28",
      buckets: ["2025-01", "2025-02"],
    });
  });

  it("takes the hours just before `from` for hourly series, as many across a DST change", async () => {
    await store([
      ["2025-03-29T00:30:00Z", "Nvidia at 01:30 Berlin"],
      ["2025-03-28T23:30:00Z", "Nvidia at 00:30 Berlin, one hour too early"],
    ]);
    // 30 March 2025 has 23 hours in Berlin.
    const { body } = await get("topics=nvidia&from=2025-03-30&to=2025-03-30&interval=hour&tz=Europe/Berlin");
    expect(body.buckets).toHaveLength(23);
    expect(body.previous.buckets).toHaveLength(23);
    expect(body.previous.buckets[0]).toBe("2025-03-29T01:00+01:00");
    expect(body.previous.buckets.at(-1)).toBe("2025-03-29T23:00+01:00");
    expect(body.previous).toMatchObject({ from: "2025-03-29", to: "2025-03-29" });
    expect(body.previous.series[0].counts[0]).toBe(1);
    expect(body.previous.series[0].counts.reduce((a: number, b: number) => a + b, 0)).toBe(1);
  });

  it("folds a breakdown's previous period into the current series' keys, Other included", async () => {
    const a = await store([
      ["2025-01-20T10:00:00Z", "Nvidia a"],
      ["2025-01-27T10:00:00Z", "Nvidia a"],
      ["2025-01-27T11:00:00Z", "Nvidia a"],
    ]);
    await store([
      ["2025-01-20T10:00:00Z", "Nvidia b"],
      ["2025-01-27T10:00:00Z", "Nvidia b"],
    ]);
    await store([
      ["2025-01-20T10:00:00Z", "Nvidia c"],
      ["2025-01-20T11:00:00Z", "Nvidia c"],
      ["2025-01-27T12:00:00Z", "Nvidia c"],
    ]);
    await store([["2025-01-21T10:00:00Z", "Nvidia only before"]]);
    const { body } = await get(
      "topics=nvidia&by=feed&top=1&from=2025-01-27&to=2025-01-27&tz=UTC&share=group",
    );
    expect(body.series.map((x: { key: string }) => x.key)).toEqual([String(a), "other"]);
    expect(body.previous.series).toEqual([
      { key: String(a), counts: [0], groupTotals: [0], shares: [0] },
      { key: "other", counts: [0], groupTotals: [0], shares: [0] },
    ]);
    const week = await get("topics=nvidia&by=feed&top=1&from=2025-01-27&to=2025-02-02&interval=week&tz=UTC");
    expect(week.body.previous.totals).toEqual([5]);
    expect(week.body.previous.series).toEqual([
      { key: String(a), counts: [1], shares: [0.2] },
      { key: "other", counts: [4], shares: [0.8] },
    ]);
  });

  it("adds the previous period to the CSV export", async () => {
    await store([["2025-01-26T10:00:00Z", "Nvidia"]]);
    const res = await s.app.request(
      "/api/coverage?topics=nvidia&from=2025-01-27&to=2025-01-27&tz=UTC&compare=previous&format=csv",
    );
    expect((await res.text()).trim().split("\r\n")).toEqual([
      "bucket,total,nvidia,nvidia_share,previous_bucket,previous_total,nvidia_previous,nvidia_previous_share",
      "2025-01-27,0,0,0,2025-01-26,1,1,1",
    ]);
  });

  it("answers 400 for compare values other than previous, and for a previous period before 1970", async () => {
    expect((await s.app.request("/api/coverage?compare=last-year")).status).toBe(400);
    const early = await get("from=1970-01-01&to=1970-01-10&tz=UTC");
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/^compare: the previous period/);
  });
});
