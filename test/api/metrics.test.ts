import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addFeed } from "../../db/queries/feeds";
import { finishJobRun, startJobRun } from "../../db/queries/job-runs";
import { ingestJob } from "../../jobs/registry";
import { renderExposition } from "../../server/metrics/exposition";
import { createTestApp, type TestApp } from "../helpers/app";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss, storyItems } from "../helpers/feed-xml";

interface Exposition {
  types: Map<string, string>;
  /** `name{a="1",b="2"}` (labels sorted) to value. */
  series: Map<string, number>;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (-?\d+))?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/y;
const SUFFIXES: Record<string, string[]> = {
  counter: [""],
  gauge: [""],
  histogram: ["_bucket", "_sum", "_count"],
  summary: ["", "_sum", "_count"],
};

/** A strict reader of the text format 0.0.4: throws on any line a Prometheus server would reject or misfile. */
function parseExposition(text: string): Exposition {
  expect(text.endsWith("\n")).toBe(true);
  const types = new Map<string, string>();
  const helped = new Set<string>();
  const series = new Map<string, number>();
  let current: string | undefined;
  for (const line of text.slice(0, -1).split("\n")) {
    const meta = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta as unknown as [string, string, string, string];
      if (!NAME.test(name)) throw new Error(`bad metric name: ${line}`);
      if (kind === "HELP") {
        if (helped.has(name)) throw new Error(`second HELP: ${line}`);
        helped.add(name);
        current = name;
      } else {
        if (!(rest in SUFFIXES) || types.has(name) || current !== name) throw new Error(`bad TYPE: ${line}`);
        types.set(name, rest);
      }
      continue;
    }
    if (line.startsWith("#") || line === "") throw new Error(`unexpected line: ${JSON.stringify(line)}`);
    const match = SAMPLE.exec(line);
    if (!match || current === undefined) throw new Error(`bad sample line: ${line}`);
    const [, name, labelText = "", rawValue] = match as unknown as [
      string,
      string,
      string | undefined,
      string,
    ];
    const type = types.get(current);
    if (!type || !SUFFIXES[type]!.some((suffix) => name === current + suffix)) {
      throw new Error(`sample outside its family ${current}: ${line}`);
    }
    const labels: string[] = [];
    LABEL.lastIndex = 0;
    while (LABEL.lastIndex < labelText.length) {
      const start = LABEL.lastIndex;
      const label = LABEL.exec(labelText);
      if (!label || label.index !== start) throw new Error(`bad labels: ${line}`);
      labels.push(`${label[1]}="${label[2]}"`);
    }
    const value = rawValue === "+Inf" ? Infinity : rawValue === "-Inf" ? -Infinity : Number(rawValue);
    if (rawValue !== "NaN" && Number.isNaN(value)) throw new Error(`bad value: ${line}`);
    const key = `${name}{${labels.sort().join(",")}}`;
    if (series.has(key)) throw new Error(`duplicate series: ${line}`);
    series.set(key, value);
  }
  for (const name of helped) if (!types.has(name)) throw new Error(`no TYPE for ${name}`);
  return { types, series };
}

describe("GET /metrics", () => {
  let s: TestApp;
  let feeds: FeedServer | undefined;
  beforeEach(async () => {
    s = await createTestApp();
  });
  afterEach(async () => {
    await feeds?.close();
    feeds = undefined;
    s.t.destroy();
  });

  const scrape = async () => {
    const res = await s.app.request("/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    return parseExposition(await res.text());
  };
  const value = (e: Exposition, key: string) => e.series.get(key);

  it("is valid text exposition with HELP and TYPE for every family, all named tidemark_", async () => {
    const e = await scrape();
    expect([...e.types.keys()].every((name) => name.startsWith("tidemark_"))).toBe(true);
    expect(e.types.get("tidemark_http_requests_total")).toBe("counter");
    expect(e.types.get("tidemark_http_request_duration_seconds")).toBe("histogram");
    expect(e.types.get("tidemark_ingest_pass_duration_seconds")).toBe("summary");
    expect(value(e, "tidemark_db_up{}")).toBe(1);
    expect(value(e, 'tidemark_articles{sample="false"}')).toBe(0);
    expect(value(e, 'tidemark_ingest_passes_total{status="ok"}')).toBe(0);
  });

  it("adds the standard process metrics: CPU, memory, file descriptors, start time, event loop, heap", async () => {
    const e = await scrape();
    expect(e.types.get("tidemark_process_cpu_seconds_total")).toBe("counter");
    expect(e.types.get("tidemark_nodejs_eventloop_lag_seconds")).toBe("gauge");
    expect(e.types.get("tidemark_nodejs_gc_duration_seconds")).toBe("histogram");
    expect(value(e, "tidemark_process_resident_memory_bytes{}")).toBeGreaterThan(10_000_000);
    expect(value(e, "tidemark_process_open_fds{}")).toBeGreaterThan(0);
    const started = value(e, "tidemark_process_start_time_seconds{}")!;
    expect(Math.abs(started - (Date.now() / 1000 - process.uptime()))).toBeLessThan(5);
    expect([...e.series.keys()].some((key) => key.startsWith("tidemark_nodejs_version_info{"))).toBe(true);
  });

  it("counts requests by route pattern and status, not by raw path", async () => {
    await s.app.request("/api/health");
    await s.app.request("/api/feeds/12345", { method: "DELETE", headers: s.admin });
    await s.app.request("/api/feeds/67890", { method: "DELETE", headers: s.admin });
    await s.app.request("/api/no/such/thing");
    const e = await scrape();
    expect(value(e, 'tidemark_http_requests_total{method="GET",route="/api/health",status="200"}')).toBe(1);
    expect(
      value(e, 'tidemark_http_requests_total{method="DELETE",route="/api/feeds/:id",status="404"}'),
    ).toBe(2);
    expect(value(e, 'tidemark_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect([...e.series.keys()].some((key) => key.includes("12345"))).toBe(false);
    expect(value(e, 'tidemark_http_request_duration_seconds_count{route="/api/feeds/:id"}')).toBe(2);
    expect(value(e, 'tidemark_http_request_duration_seconds_bucket{le="+Inf",route="/api/feeds/:id"}')).toBe(
      2,
    );

    await s.app.request("/api/health");
    const again = await scrape();
    expect(value(again, 'tidemark_http_requests_total{method="GET",route="/api/health",status="200"}')).toBe(
      2,
    );
    expect(value(again, 'tidemark_http_requests_total{method="GET",route="/metrics",status="200"}')).toBe(1);
  });

  it("sums ingest passes recorded in job_runs by any process, skipping runs still going", async () => {
    const run = async (summary: Record<string, number> | undefined, status: "ok" | "failed", at: number) => {
      const id = await startJobRun(s.t.db, "ingest", at, "due");
      await finishJobRun(s.t.db, id, {
        now: at + 2_000,
        status,
        summary,
        error: summary ? undefined : "boom",
      });
    };
    const base = { feeds: 4, stored: 2, notModified: 1, failed: 1, articlesAdded: 5, articlesUpdated: 1 };
    await run({ ...base, durationMs: 1_500, "error:timeout": 1 }, "ok", 1_000_000);
    await run({ ...base, durationMs: 500, "error:timeout": 1, "error:not-a-feed": 2 }, "ok", 2_000_000);
    await run(undefined, "failed", 3_000_000);
    await startJobRun(s.t.db, "ingest", 4_000_000, "all");
    const e = await scrape();
    expect(value(e, 'tidemark_ingest_passes_total{status="ok"}')).toBe(2);
    expect(value(e, 'tidemark_ingest_passes_total{status="failed"}')).toBe(1);
    expect(value(e, "tidemark_ingest_articles_added_total{}")).toBe(10);
    expect(value(e, "tidemark_ingest_articles_updated_total{}")).toBe(2);
    expect(value(e, 'tidemark_ingest_feeds_total{outcome="not_modified"}')).toBe(2);
    expect(value(e, 'tidemark_ingest_fetch_failures_total{kind="timeout"}')).toBe(2);
    expect(value(e, 'tidemark_ingest_fetch_failures_total{kind="not-a-feed"}')).toBe(2);
    // The failed pass has no summary: its duration is its run time.
    expect(value(e, "tidemark_ingest_pass_duration_seconds_sum{}")).toBe(4);
    expect(value(e, "tidemark_ingest_pass_duration_seconds_count{}")).toBe(3);
    expect(value(e, "tidemark_ingest_last_pass_duration_seconds{}")).toBe(2);
    expect(value(e, "tidemark_ingest_last_pass_timestamp_seconds{}")).toBe(3_002);
  });

  it("counts each pass once across scrapes, also one that finishes after a later one", async () => {
    const now = Date.now();
    const summary = (added: number) => ({ articlesAdded: added, durationMs: 1_000 });
    const long = await startJobRun(s.t.db, "ingest", now, "all");
    const short = await startJobRun(s.t.db, "ingest", now + 1, "due");
    await finishJobRun(s.t.db, short, { now: now + 2, status: "ok", summary: summary(1) });
    const added = async () => value(await scrape(), "tidemark_ingest_articles_added_total{}");
    expect(await added()).toBe(1);
    expect(await added()).toBe(1);
    await finishJobRun(s.t.db, long, { now: now + 3, status: "ok", summary: summary(10) });
    expect(await added()).toBe(11);
    const later = await startJobRun(s.t.db, "ingest", now + 4, "due");
    await finishJobRun(s.t.db, later, { now: now + 5, status: "ok", summary: summary(100) });
    const [a, b] = await Promise.all([added(), added()]);
    expect([a, b]).toEqual([111, 111]);
    expect(value(await scrape(), 'tidemark_ingest_passes_total{status="ok"}')).toBe(3);
  });

  it("moves after a real ingest pass: articles, feeds, failures by kind", async () => {
    feeds = await startFeedServer({
      "/ok.xml": (_req, res) => res.writeHead(200).end(rss("OK", storyItems("ok", 3))),
      "/gone.xml": (_req, res) => res.writeHead(500).end("oops"),
    });
    await addFeed(s.t.db, { url: feeds.url("/ok.xml") });
    await addFeed(s.t.db, { url: feeds.url("/gone.xml") });
    const before = await scrape();
    await ingestJob(
      { db: s.t.db, config: { allowPrivateUrls: true }, log: pino({ level: "silent" }) },
      { scope: "all" },
    );
    const after = await scrape();
    expect(value(before, 'tidemark_feeds{sample="false"}')).toBe(2);
    expect(value(before, "tidemark_feeds_failing{}")).toBe(0);
    expect(value(after, "tidemark_feeds_failing{}")).toBe(1);
    expect(value(after, 'tidemark_articles{sample="false"}')).toBe(3);
    expect(value(after, "tidemark_ingest_articles_added_total{}")).toBe(3);
    expect(value(after, 'tidemark_ingest_fetch_failures_total{kind="http"}')).toBe(1);
    expect(value(after, 'tidemark_ingest_passes_total{status="ok"}')).toBe(1);
  });

  it("still answers when the database is down, with tidemark_db_up 0", async () => {
    s.t.close();
    const e = await scrape();
    expect(value(e, "tidemark_db_up{}")).toBe(0);
    expect(e.types.has("tidemark_http_requests_total")).toBe(true);
  });
});

describe("the exposition writer", () => {
  it("escapes label values and help text so any value reads back as itself", () => {
    const text = renderExposition([
      {
        name: "tidemark_test",
        help: "a \\ help\nline",
        type: "gauge",
        samples: [{ labels: { route: 'we"ird\\path\nx' }, value: Number.POSITIVE_INFINITY }],
      },
    ]);
    expect(text).toBe(
      '# HELP tidemark_test a \\\\ help\\nline\n# TYPE tidemark_test gauge\ntidemark_test{route="we\\"ird\\\\path\\nx"} +Inf\n',
    );
    expect(parseExposition(text).series.get('tidemark_test{route="we\\"ird\\\\path\\nx"}')).toBe(Infinity);
  });
});
