import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

const at = (iso: string) => Date.parse(iso);

describe("GET /api/coverage", () => {
  let s: TestApp;
  const tagger = new TopicTagger();
  beforeEach(async () => {
    s = await createTestApp();
    await createTopic(s.t.db, { slug: "nvidia", name: "Nvidia", color: "#0072B2", query: "nvidia" });
    await createTopic(s.t.db, { slug: "huawei", name: "Huawei", color: "#E69F00", query: "huawei" });
  });
  afterEach(() => s.t.destroy());

  /** Stores one article per [time, title] in a feed of the given country and language. */
  async function articles(
    list: Array<[string, string]>,
    feed: { country?: string; lang?: string; name?: string } = {},
  ) {
    const row = await makeFeed(s.t.db, { country: feed.country ?? "DE", name: feed.name });
    await storeFeedArticles(s.t.db, {
      feedId: row.id,
      articles: list.map(([time, title]) =>
        makeArticle({ title, summary: "", publishedAt: at(time), lang: feed.lang ?? "en" }),
      ),
      state: {},
      now: Date.now(),
      tagger,
    });
    return row;
  }
  const get = async (query: string) => {
    const res = await s.app.request(`/api/coverage?${query}`);
    return { status: res.status, body: await res.json() };
  };

  it("answers dense, zero-filled arrays on one bucket list, with totals and shares", async () => {
    await articles([
      ["2025-01-27T10:00:00Z", "Nvidia falls"],
      ["2025-01-27T11:00:00Z", "Nvidia and Huawei"],
      ["2025-01-27T12:00:00Z", "Weather"],
      ["2025-01-29T09:00:00Z", "Huawei Ascend"],
    ]);
    const { status, body } = await get(
      "topics=nvidia,huawei&from=2025-01-26&to=2025-01-30&interval=day&tz=UTC",
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      interval: "day",
      tz: "UTC",
      from: "2025-01-26",
      to: "2025-01-30",
      by: "topic",
    });
    expect(body.buckets).toEqual(["2025-01-26", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30"]);
    expect(body.totals).toEqual([0, 3, 0, 1, 0]);
    expect(body.series).toEqual([
      {
        key: "nvidia",
        label: "Nvidia",
        color: "#0072B2",
        counts: [0, 2, 0, 0, 0],
        shares: [0, 0.666667, 0, 0, 0],
        spikes: [],
      },
      {
        key: "huawei",
        label: "Huawei",
        color: "#E69F00",
        counts: [0, 1, 0, 1, 0],
        shares: [0, 0.333333, 0, 1, 0],
        spikes: [],
      },
    ]);
  });

  it("cuts Berlin's days right across both DST changes of 2025", async () => {
    await articles([
      ["2025-03-29T22:59:00Z", "Nvidia a"], // 23:59 CET on the 29th
      ["2025-03-29T23:00:00Z", "Nvidia b"], // 00:00 CET on the 30th
      ["2025-03-30T21:59:00Z", "Nvidia c"], // 23:59 CEST on the 30th (a 23-hour day)
      ["2025-03-30T22:00:00Z", "Nvidia d"], // 00:00 CEST on the 31st
      ["2025-10-25T21:59:00Z", "Nvidia e"], // 23:59 CEST on the 25th
      ["2025-10-25T22:00:00Z", "Nvidia f"], // 00:00 CEST on the 26th (a 25-hour day)
      ["2025-10-26T22:59:00Z", "Nvidia g"], // 23:59 CET on the 26th
      ["2025-10-26T23:00:00Z", "Nvidia h"], // 00:00 CET on the 27th
    ]);
    const march = await get("topics=nvidia&from=2025-03-29&to=2025-03-31&tz=Europe/Berlin");
    expect(march.body.series[0].counts).toEqual([1, 2, 1]);
    const october = await get("topics=nvidia&from=2025-10-25&to=2025-10-27&tz=Europe/Berlin");
    expect(october.body.series[0].counts).toEqual([1, 2, 1]);
    const hours = await get("topics=nvidia&from=2025-10-26&to=2025-10-26&tz=Europe/Berlin&interval=hour");
    expect(hours.body.buckets).toHaveLength(25);
    expect(hours.body.buckets.filter((b: string) => b.startsWith("2025-10-26T02:00"))).toEqual([
      "2025-10-26T02:00+02:00",
      "2025-10-26T02:00+01:00",
    ]);
    expect(hours.body.series[0].counts.reduce((a: number, b: number) => a + b)).toBe(2);
  });

  it("cuts half-hour zones (Asia/Kolkata) inside UTC hours, and São Paulo days at 03:00Z", async () => {
    await articles([
      ["2025-01-27T18:29:00Z", "Huawei a"], // 23:59 IST on the 27th
      ["2025-01-27T18:30:00Z", "Huawei b"], // 00:00 IST on the 28th
      ["2025-01-28T02:59:00Z", "Huawei c"], // 23:59 in São Paulo on the 27th
      ["2025-01-28T03:00:00Z", "Huawei d"], // 00:00 in São Paulo on the 28th
    ]);
    const kolkata = await get("topics=huawei&from=2025-01-27&to=2025-01-28&tz=Asia/Kolkata");
    expect(kolkata.body.series[0].counts).toEqual([1, 3]);
    expect(kolkata.body.totals).toEqual([1, 3]);
    const saoPaulo = await get("topics=huawei&from=2025-01-27&to=2025-01-28&tz=America/Sao_Paulo");
    expect(saoPaulo.body.series[0].counts).toEqual([3, 1]);
  });

  it("starts weeks on Monday and months on the first, counting only inside the range", async () => {
    await articles([
      ["2025-01-05T12:00:00Z", "Nvidia sunday"], // before `from`, same week: not counted
      ["2025-01-08T12:00:00Z", "Nvidia wednesday"],
      ["2025-01-31T23:30:00Z", "Nvidia last of january"],
      ["2025-02-01T00:30:00Z", "Nvidia first of february"],
    ]);
    const weeks = await get("topics=nvidia&from=2025-01-07&to=2025-02-02&interval=week&tz=UTC");
    expect(weeks.body.buckets).toEqual(["2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27"]);
    expect(weeks.body.series[0].counts).toEqual([1, 0, 0, 2]);
    const months = await get("topics=nvidia&from=2025-01-06&to=2025-02-28&interval=month&tz=UTC");
    expect(months.body.buckets).toEqual(["2025-01", "2025-02"]);
    expect(months.body.series[0].counts).toEqual([2, 1]);
  });

  it("counts exactly what /api/articles lists for the same topic and bucket", async () => {
    const times = Array.from({ length: 40 }, (_, i) =>
      new Date(at("2025-01-20T00:00:00Z") + i * 7 * 3_600_000).toISOString(),
    );
    await articles(
      times.map((t, i) => [t, i % 3 === 0 ? "Nvidia story" : "Other story"] as [string, string]),
    );
    const { body } = await get("topics=nvidia&from=2025-01-20&to=2025-01-31&tz=Europe/Berlin");
    for (const [i, day] of body.buckets.entries()) {
      const from = new Date(at(`${day}T00:00:00+01:00`)).toISOString();
      const to = new Date(at(`${day}T00:00:00+01:00`) + 86_400_000 - 1).toISOString();
      const listed = await (
        await s.app.request(`/api/articles?topic=nvidia&from=${from}&to=${to}&limit=200`)
      ).json();
      expect(listed.items.length, `bucket ${day}`).toBe(body.series[0].counts[i]);
    }
  });

  it("breaks coverage down by feed, language, country and Global North/South", async () => {
    await articles([["2025-01-27T10:00:00Z", "Nvidia DE"]], {
      country: "DE",
      lang: "de",
      name: "Handelsblatt",
    });
    await articles(
      [
        ["2025-01-27T10:00:00Z", "Nvidia IN"],
        ["2025-01-27T11:00:00Z", "Nvidia IN 2"],
      ],
      { country: "IN", name: "The Hindu" },
    );
    await articles([["2025-01-27T10:00:00Z", "Nvidia BR"]], { country: "BR", lang: "pt", name: "Folha" });
    const q = "topics=nvidia&from=2025-01-27&to=2025-01-27&tz=UTC";
    const byFeed = await get(`${q}&by=feed`);
    expect(
      byFeed.body.series.map((x: { label: string; counts: number[] }) => [x.label, x.counts[0]]),
    ).toEqual([
      ["The Hindu", 2],
      // A tie is ordered by name, whatever order the outlets were added or their rollups read in.
      ["Folha", 1],
      ["Handelsblatt", 1],
    ]);
    const byLang = await get(`${q}&by=lang`);
    expect(byLang.body.series.map((x: { key: string; label: string }) => [x.key, x.label])).toEqual([
      ["en", "English"],
      ["de", "German"],
      ["pt", "Portuguese"],
    ]);
    const byCountry = await get(`${q}&by=country`);
    expect(byCountry.body.series.find((x: { key: string }) => x.key === "IN").label).toBe("India");
    const byRegion = await get(`${q}&by=region`);
    expect(byRegion.body.series.map((x: { key: string; counts: number[] }) => [x.key, x.counts[0]])).toEqual([
      ["global-south", 3],
      ["global-north", 1],
    ]);
    expect(byRegion.body.series[0].shares).toEqual([0.75]);
  });

  it("adds trailing means with smooth=N and answers CSV with format=csv", async () => {
    await articles([
      ["2025-01-01T10:00:00Z", "Nvidia 1"],
      ["2025-01-02T10:00:00Z", "Nvidia 2"],
      ["2025-01-02T11:00:00Z", "Nvidia 3"],
    ]);
    const smoothed = await get("topics=nvidia&from=2025-01-01&to=2025-01-03&tz=UTC&smooth=2");
    expect(smoothed.body.series[0]).toMatchObject({ counts: [1, 2, 0], smoothedCounts: [1, 1.5, 1] });
    const csv = await s.app.request(
      "/api/coverage?topics=nvidia&from=2025-01-01&to=2025-01-02&tz=UTC&format=csv",
    );
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect((await csv.text()).trim().split(/\r?\n/)).toEqual([
      "bucket,total,nvidia,nvidia_share",
      "2025-01-01,1,1,1",
      "2025-01-02,2,2,1",
    ]);
  });

  it.each([
    ["topics=nope", "topics"],
    ["tz=Mars/Olympus", "tz"],
    ["interval=fortnight", "interval"],
    ["from=2025-02-30&to=2025-03-01", "from"],
    ["from=yesterday", "from"],
    ["from=2025-03-01&to=2025-02-01", "from"],
    ["from=2020-01-01&to=2025-01-01&interval=hour", "interval"],
    ["by=planet", "by"],
    ["smooth=0", "smooth"],
    ["tz=Africa/Monrovia&from=1971-01-01&to=1971-01-05", "tz"],
  ])("answers 400 naming the parameter for %s", async (query, param) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message.startsWith(`${param}:`), body.error.message).toBe(true);
  });

  it("serves the same answer through a real listening server", async () => {
    await articles([["2025-01-27T10:00:00Z", "Nvidia falls"]]);
    const server = serve({ fetch: s.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const res = await fetch(
        `http://127.0.0.1:${port}/api/coverage?topics=nvidia&from=2025-01-27&to=2025-01-27&tz=UTC`,
      );
      expect(res.status).toBe(200);
      expect((await res.json()).series[0].counts).toEqual([1]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
