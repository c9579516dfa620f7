import { markSpikes, SPIKE_RULES } from "../../core/spike-rule";
import { median, percentile, type Row } from "./report";

/** A seeded PRNG so every run judges the same series. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Overdispersed daily counts around `mean` with a weekly rhythm and a burst now and then: the worst case for
 * markSpikes is a series whose buckets often sit above their mean, so the tail has to be computed.
 */
function series(random: () => number, length: number, mean: number): number[] {
  return Array.from({ length }, (_, i) => {
    const weekday = [1.2, 1.1, 1.05, 1, 0.95, 0.6, 0.5][i % 7]!;
    const burst = random() < 0.02 ? 4 : 1;
    return Math.round(mean * weekday * burst * (0.5 + random()));
  });
}

/**
 * What the spike rule costs /api/coverage on top of counting: every series of an answer is judged bucket by
 * bucket. `npm run bench spikes`.
 */
export async function benchSpikes(): Promise<Row[]> {
  const random = mulberry32(11);
  const rows: Row[] = [];
  const cases: Array<[string, number, number, number]> = [
    ["5 topics, half a year daily, ~40 a day", 5, 182, 40],
    ["10 series, 2,000 buckets, ~3 a bucket", 10, 2000, 3],
    ["10 series, 2,000 buckets, ~3,000 a bucket", 10, 2000, 3000],
  ];
  for (const [name, count, length, mean] of cases) {
    const input = Array.from({ length: count }, () => ({
      lead: series(random, 30, mean),
      counts: series(random, length, mean),
    }));
    const labels = Array.from({ length }, (_, i) => String(i));
    const times: number[] = [];
    let marks = 0;
    // Five unmeasured runs first, so the table shows the warm server, not the JIT's first pass.
    for (let run = 0; run < 5; run++)
      for (const s of input) markSpikes(s.counts, labels, s.lead, SPIKE_RULES.day);
    for (let run = 0; run < 30; run++) {
      const start = performance.now();
      for (const s of input) marks += markSpikes(s.counts, labels, s.lead, SPIKE_RULES.day).length;
      times.push(performance.now() - start);
    }
    rows.push(
      { bench: "spikes", metric: `${name}: p50`, value: median(times), unit: "ms" },
      {
        bench: "spikes",
        metric: `${name}: p95`,
        value: percentile(times, 95),
        unit: "ms",
        note: `${marks / 30} marks`,
      },
    );
  }
  return rows;
}
