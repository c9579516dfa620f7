import { describe, expect, it } from "vitest";
import { upperQuantile, upperTail } from "../../core/count-tail";
import { judgeCount, markSpikes, SPIKE_RULES } from "../../core/spike-rule";

const rule = SPIKE_RULES.day;
const labels = (n: number) => Array.from({ length: n }, (_, i) => `d${i}`);
const marked = (counts: number[], leadIn: number[] = []) =>
  markSpikes(counts, labels(counts.length), leadIn, rule).map((s) => s.index);
/** Four weeks of a weekly pattern, as a lead-in. */
const weeks = (week: number[], n = 4) => Array.from({ length: n }, () => week).flat();

/** P(X >= c) by summing the probability mass function: Poisson, or negative binomial by its mean and variance. */
function tailBySum(c: number, mean: number, variance: number): number {
  let below = 0;
  if (variance <= mean) {
    let p = Math.exp(-mean);
    for (let k = 0; k < c; k++, p *= mean / k) below += p;
  } else {
    const r = (mean * mean) / (variance - mean);
    const q = r / (r + mean);
    let p = q ** r;
    for (let k = 0; k < c; k++, p *= ((k - 1 + r) / k) * (1 - q)) below += p;
  }
  return 1 - below;
}

describe("count tails", () => {
  it("match the summed Poisson and negative binomial distributions", () => {
    for (const [c, mean, variance] of [
      [5, 0.5, 0.5],
      [3, 0.1, 0],
      [9, 2, 2],
      [130, 100, 100],
      [5, 0.5, 1],
      [20, 6.2, 20],
      [170, 100, 400],
    ] as const) {
      expect(upperTail(c, mean, variance)).toBeCloseTo(tailBySum(c, mean, variance), 10);
    }
  });

  it("give the smallest count whose tail is at most alpha", () => {
    for (const [mean, variance] of [
      [0.5, 0.5],
      [2, 2],
      [6.2, 9],
      [100, 400],
      [3000, 90_000],
    ] as const) {
      const q = upperQuantile(mean, variance, 0.001);
      expect(upperTail(q, mean, variance)).toBeLessThanOrEqual(0.001);
      expect(upperTail(q - 1, mean, variance)).toBeGreaterThan(0.001);
    }
    expect(upperQuantile(0, 0, 0.001)).toBe(1);
  });
});

describe("the spike rule", () => {
  it("does not mark a quiet topic's few articles, where mean + 3 sd would", () => {
    // Half an article a day: mean 0.5, sd 0.51, so mean + 3 sd is 2.0, and 3 or 4 articles would "spike".
    const quiet = weeks([0, 1, 0, 1, 0, 1, 0]).concat([1, 0, 1, 1, 0, 0, 0]);
    expect(marked([0, 3, 0, 4, 0], quiet)).toEqual([]);
    expect(judgeCount(4, quiet.slice(-30, -2), rule)).toMatchObject({ spike: false, threshold: 5 });
    // The Poisson bar for a mean under 1 is 5, which is also the minimum: 5 articles are a spike.
    expect(marked([0, 5, 0], quiet)).toEqual([1]);
    // A topic with nothing at all needs the minimum count.
    expect(marked([4, 0, 5], new Array<number>(30).fill(0))).toEqual([2]);
  });

  it("leaves a steady busy topic's weekly rhythm unmarked and marks a jump above it", () => {
    const week = [120, 110, 105, 100, 95, 60, 50];
    const lead = weeks(week, 5);
    expect(marked(weeks(week, 8), lead)).toEqual([]);
    const [spike] = markSpikes([118, 300, 104], ["Mon", "Tue", "Wed"], lead, rule);
    // The baseline: the 28 days before Tuesday, less Monday and Sunday (the guard).
    const baseline = lead.slice(-29, -1);
    const mean = baseline.reduce((a, b) => a + b, 0) / 28;
    expect(spike).toMatchObject({ bucket: "Tue", index: 1, count: 300, baselineBuckets: 28 });
    expect(spike!.baseline).toBeCloseTo(mean, 2);
    expect(spike!.threshold).toBe(judgeCount(300, baseline, rule).threshold);
    expect(spike!.threshold).toBeGreaterThan(150);
    expect(spike!.threshold).toBeLessThan(300);
    expect(spike!.pValue).toBeLessThanOrEqual(0.001);
    expect(marked([spike!.threshold - 1], lead.slice(0, -1).concat([118]))).toEqual([]);
    expect(marked([spike!.threshold], lead.slice(0, -1).concat([118]))).toEqual([0]);
  });

  it("marks both days of a story that builds over two, since the guard keeps the first out of the second's baseline", () => {
    const lead = new Array<number>(30).fill(4);
    expect(marked([4, 30, 45, 20, 4], lead)).toEqual([1, 2, 3]);
    // Without the guard, day two would be judged against a baseline holding day one.
    const noGuard = markSpikes([4, 30, 45], labels(3), lead, { ...rule, guard: 0 });
    expect(noGuard.map((s) => s.index)).toEqual([1, 2]);
    expect(noGuard[1]!.threshold).toBeGreaterThan(
      markSpikes([4, 30, 45], labels(3), lead, rule)[1]!.threshold,
    );
  });

  it("does not mark the days of a gap nor the return to normal after it", () => {
    const lead = weeks([12, 10, 11, 9, 10, 6, 5]);
    const gap = [11, 10, 0, 0, 0, 0, 0, 0, 0, 12, 10, 11, 9, 10, 6, 5, 12, 10];
    expect(marked(gap, lead)).toEqual([]);
  });

  it("starts a baseline where the store began, and judges a bucket only on enough of one", () => {
    // A store that began ingesting 5 days ago: before that, nothing at all was stored.
    const totals = {
      leadIn: [...new Array<number>(25).fill(0), 40, 42, 38, 41, 39],
      counts: [60, 55, 50, 52],
    };
    const lead = [...new Array<number>(25).fill(0), 6, 7, 5, 6, 6];
    // Judged against empty weeks, the first busy day would be a spike; on 3 to 6 stored days nothing is judged.
    expect(marked([25, 8, 7, 30], lead)).toEqual([0]);
    expect(markSpikes([25, 8, 7, 30], labels(4), lead, rule, totals)).toEqual([]);
    // A week of history is enough, and the baseline is that week alone (mean 6.7, not a 28-day mean of 1.7).
    const week = [6, 7, 5, 6, 6, 9, 8];
    const stored = {
      leadIn: [...new Array<number>(21).fill(0), ...new Array<number>(9).fill(40)],
      counts: [50],
    };
    const [spike] = markSpikes([30], ["x"], [...new Array<number>(21).fill(0), ...week, 7, 9], rule, stored);
    expect(spike).toMatchObject({ index: 0, count: 30, baselineBuckets: 7, baseline: 6.71 });
    expect(
      markSpikes([30], ["x"], [...new Array<number>(22).fill(0), ...week.slice(1), 7, 9], rule, {
        ...stored,
        leadIn: stored.leadIn.map((n, j) => (j < 22 ? 0 : n)),
      }),
    ).toEqual([]);
    // Empty buckets after the store began stay in: a quiet night is quiet, not missing.
    const nights = { leadIn: [40, 0, 0, 40, 0, 0, 40, 0, 0, 40], counts: [40] };
    expect(
      markSpikes([11], ["x"], [3, 0, 0, 3, 0, 0, 3, 0, 0, 3], { ...rule, minBaseline: 2 }, nights),
    ).toEqual([expect.objectContaining({ baselineBuckets: 8, baseline: 1.13 })]);
  });

  it("judges a bucket on the buckets before it only, so later data never moves a past mark", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const series = Array.from({ length: 200 }, (_, i) =>
      Math.floor(random() * 6 + (i % 37 === 20 ? 40 : 0) + (i > 120 ? 20 : 0)),
    );
    const full = markSpikes(series, labels(200), [], rule);
    expect(full.length).toBeGreaterThan(3);
    for (const cut of [25, 60, 121, 150, 199]) {
      const prefix = markSpikes(series.slice(0, cut), labels(cut), [], rule);
      expect(prefix).toEqual(full.filter((s) => s.index < cut));
    }
    // And a range judged with its lead-in marks what the longer series marks there.
    const ranged = markSpikes(series.slice(100), labels(200).slice(100), series.slice(70, 100), rule);
    expect(ranged.map((s) => ({ ...s, index: s.index + 100 }))).toEqual(full.filter((s) => s.index >= 100));
  });

  it("reports the same numbers as judging the count on its own baseline", () => {
    const lead = [3, 5, 2, 8, 4, 4, 6, 1, 0, 7, 3, 5, 2, 8, 4, 4, 6, 1, 0, 7, 3, 5, 2, 8, 4, 4, 6, 1, 9, 9];
    const [spike] = markSpikes([30], ["today"], lead, rule);
    const verdict = judgeCount(30, lead.slice(0, 28), rule);
    expect(verdict.spike).toBe(true);
    expect(spike).toEqual({
      bucket: "today",
      index: 0,
      count: 30,
      baseline: Math.round(verdict.mean * 100) / 100,
      sd: Math.round(verdict.sd * 100) / 100,
      baselineBuckets: 28,
      threshold: verdict.threshold,
      pValue: verdict.pValue,
    });
  });
});
