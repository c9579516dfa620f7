import { collectDefaultMetrics, Registry } from "prom-client";
import type { MetricFamily, MetricType } from "./exposition";

/**
 * The standard process metrics (CPU, resident memory, open file descriptors, start time, event-loop lag, heap,
 * GC pauses, Node's version) from prom-client, the maintained Prometheus client, rather than our own readings of
 * /proc. Named `tidemark_process_…`/`tidemark_nodejs_…`, since every Tidemark metric carries the prefix.
 *
 * One registry per process: its collectors watch the process (an event-loop monitor, a GC observer), so a second
 * app in the same process (the tests make many) must not start a second set.
 */
let registry: Registry | undefined;

function processRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "tidemark_" });
  }
  return registry;
}

export async function processMetrics(): Promise<MetricFamily[]> {
  const metrics = await processRegistry().getMetricsAsJSON();
  return metrics.map((metric) => ({
    name: metric.name,
    help: metric.help,
    type: String(metric.type) as MetricType,
    samples: metric.values.map((sample) => {
      const full = (sample as { metricName?: string }).metricName;
      return {
        ...(full && full !== metric.name ? { suffix: full.slice(metric.name.length) } : {}),
        labels: Object.fromEntries(Object.entries(sample.labels).map(([key, value]) => [key, String(value)])),
        value: sample.value,
      };
    }),
  }));
}
