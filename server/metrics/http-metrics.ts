import type { MetricFamily, MetricSample } from "./exposition";

/** Upper bounds in seconds: API answers take milliseconds, OPML imports and cold coverage queries longer. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/**
 * Requests this process answered, by method, route pattern and status, and their durations by route.
 * Labels are route patterns (never raw paths) so the number of series stays bounded whatever clients send.
 * In memory: these count this process, like any Prometheus target; the database metrics count every process.
 */
export class HttpMetrics {
  readonly #requests = new Map<string, { labels: Record<string, string>; value: number }>();
  readonly #durations = new Map<string, Histogram>();

  record(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    const entry = this.#requests.get(key) ?? { labels: { method, route, status: String(status) }, value: 0 };
    entry.value++;
    this.#requests.set(key, entry);

    const histogram = this.#durations.get(route) ?? { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) histogram.counts[i]!++;
    });
    histogram.sum += seconds;
    histogram.count++;
    this.#durations.set(route, histogram);
  }

  families(): MetricFamily[] {
    const durationSamples: MetricSample[] = [];
    for (const [route, h] of this.#durations) {
      BUCKETS.forEach((bound, i) => {
        durationSamples.push({
          suffix: "_bucket",
          labels: { route, le: String(bound) },
          value: h.counts[i]!,
        });
      });
      durationSamples.push({ suffix: "_bucket", labels: { route, le: "+Inf" }, value: h.count });
      durationSamples.push({ suffix: "_sum", labels: { route }, value: h.sum });
      durationSamples.push({ suffix: "_count", labels: { route }, value: h.count });
    }
    return [
      {
        name: "tidemark_http_requests_total",
        help: "HTTP requests answered by this process, by method, route pattern and status code.",
        type: "counter",
        samples: [...this.#requests.values()].map(({ labels, value }) => ({ labels, value })),
      },
      {
        name: "tidemark_http_request_duration_seconds",
        help: "Time to the response headers, by route pattern (an event stream counts until it opens).",
        type: "histogram",
        samples: durationSamples,
      },
    ];
  }
}
