import { upperQuantile, upperTail } from "./count-tail";
import type { Interval } from "./time/time-buckets";

/**
 * The one spike rule: the coverage chart's marks (`spikes` of /api/coverage) and the spike alerts both come from
 * markSpikes. A bucket is a spike when
 *
 *   count >= minCount  and  P(X >= count) <= alpha
 *
 * where X is the topic's count per bucket as its baseline predicts it: the `baseline` buckets before the
 * bucket, skipping the `guard` buckets just before it, with their mean and sample variance plugged into a
 * negative binomial (a Poisson when the variance is not above the mean). `threshold` is the smallest count that
 * passes, so a spike reads "count 41, baseline 6.2, threshold 19".
 *
 * Why this rule, from the count-surveillance literature on detecting outbreaks in daily counts (news volume is
 * the same problem: counts per bucket, a sudden rise against the recent past):
 * - A trailing baseline with a guard gap, as in the CDC's EARS C2/C3 (Hutwagner et al. 2003, "The bioterrorism
 *   preparedness and response Early Aberration Reporting System"), so that a story building over two buckets
 *   does not raise its own bar. A bucket is judged only by buckets before it, so its mark never changes when
 *   later data arrives, and the first buckets of a range are judged on buckets fetched from before the range.
 * - An exact count tail, not mean + k sd: EARS's normal bar misfires at low counts (0-3 a day is common for a
 *   quiet topic; a baseline of zeros has sd 0, so one article would clear it) and is too lax in the skewed
 *   upper tail. A Poisson tail is right for sparse counts; news counts of a busy topic are overdispersed, so
 *   the variance comes from the baseline and a negative binomial carries it: the quantile plug-in that
 *   Noufaily et al. (2013, "An improved algorithm for outbreak detection in multiple surveillance systems",
 *   Statistics in Medicine 32:1206) found better than Farrington et al.'s (1996) 2/3-power approximation.
 *   Farrington's own regression needs years of same-season history that news topics do not have.
 * - Weekly seasonality: daily baselines are four whole weeks, so every weekday weighs the same, and a topic's
 *   weekday swing shows up as variance, widening its bar instead of marking every Monday.
 * - A minimum count, in the spirit of Farrington's rule of no alarm without 5 cases in the last 4 weeks
 *   (`limit54` in R's surveillance package), so a quiet topic's three articles are no alert.
 * Left out: robust z-scores (median and MAD are 0 on a topic with mostly empty days), Kleinberg's (2002) burst
 * automaton (the best state path is chosen over the whole sequence, so a past mark can move when data is
 * added, and its states do not explain themselves in counts), GLR/CUSUM detectors (Höhle & Paul 2008: a
 * bucket's verdict depends on the alarms before it).
 *
 * A past spike inside a baseline raises the bar for a while (mean and variance grow): a story that stays big
 * becomes the topic's normal, which is what "well above the recent baseline" should mean.
 *
 * A baseline starts at its first bucket in which anything at all was stored (an article of any topic): the
 * empty buckets before it are missing data (the store had not begun, or the view starts in a gap), not quiet
 * ones, and a bucket is judged only on at least `minBaseline` buckets. Otherwise a new install's first busy day
 * would be a "spike" against the empty weeks before it. Empty buckets after that first one stay in (a quiet
 * night hour is real); an ingest outage is shaded on the chart instead.
 */
export interface SpikeRule {
  /** Buckets the baseline averages. */
  baseline: number;
  /** Buckets just before the judged one that the baseline skips. */
  guard: number;
  /** A count this unlikely under the baseline (or less likely) is a spike. */
  alpha: number;
  /** ...and it needs at least this many articles. */
  minCount: number;
  /** Baseline buckets (from the first with anything stored) needed to judge a bucket at all. */
  minBaseline: number;
}

/** Per interval: the baseline spans whole cycles of the bucket's seasonality (a week of hours, four weeks of days). */
export const SPIKE_RULES: Readonly<Record<Interval, SpikeRule>> = {
  hour: { baseline: 168, guard: 2, alpha: 0.001, minCount: 5, minBaseline: 24 },
  day: { baseline: 28, guard: 2, alpha: 0.001, minCount: 5, minBaseline: 7 },
  week: { baseline: 12, guard: 2, alpha: 0.001, minCount: 5, minBaseline: 2 },
  month: { baseline: 12, guard: 2, alpha: 0.001, minCount: 5, minBaseline: 2 },
};

/** A marked bucket with the numbers behind the mark. */
export interface Spike {
  /** The bucket's label, as in `buckets`. */
  bucket: string;
  /** Its position in `buckets` and `counts`. */
  index: number;
  count: number;
  /** The mean count per bucket of the baseline buckets. */
  baseline: number;
  /** Their sample standard deviation. */
  sd: number;
  /** How many buckets the baseline had: the rule's number, or fewer when the store began within it. */
  baselineBuckets: number;
  /** The smallest count that would have been a spike: at least the rule's minCount. */
  threshold: number;
  /** P(a count at least this high) under the baseline; a spike has at most the rule's alpha. */
  pValue: number;
}

export interface SpikeVerdict {
  spike: boolean;
  count: number;
  mean: number;
  sd: number;
  buckets: number;
  threshold: number;
  pValue: number;
}

/** Whether one count is a spike against its baseline buckets (already cut: guard and empty lead left out). */
export function judgeCount(count: number, baseline: readonly number[], rule: SpikeRule): SpikeVerdict {
  let sum = 0;
  let squares = 0;
  for (const value of baseline) {
    sum += value;
    squares += value * value;
  }
  return verdict(count, baseline.length, sum, squares, rule);
}

/** All articles per bucket (any topic): where a baseline window begins with zeros, nothing was stored yet. */
export interface StoredTotals {
  leadIn: readonly number[];
  counts: readonly number[];
}

/**
 * The spikes of a series. `leadIn` holds the counts of the buckets just before counts[0] (at most
 * rule.baseline + rule.guard are used), so the first buckets are judged on a full baseline too. Without
 * `totals` every bucket counts as stored.
 */
export function markSpikes(
  counts: readonly number[],
  labels: readonly string[],
  leadIn: readonly number[],
  rule: SpikeRule,
  totals?: StoredTotals,
): Spike[] {
  const all = [...leadIn, ...counts];
  // firstStored[j]: the first bucket at or after j with anything stored (all.length when none is).
  const firstStored = new Array<number>(all.length + 1).fill(all.length);
  if (totals) {
    const stored = [...totals.leadIn, ...totals.counts];
    for (let j = all.length - 1; j >= 0; j--) firstStored[j] = (stored[j] ?? 0) > 0 ? j : firstStored[j + 1]!;
  } else {
    for (let j = 0; j < all.length; j++) firstStored[j] = j;
  }
  const spikes: Spike[] = [];
  // Running sums over the baseline window, which only ever moves forward: O(1) a bucket.
  let n = 0;
  let sum = 0;
  let squares = 0;
  let start = 0;
  let end = 0;
  for (let i = 0; i < counts.length; i++) {
    const at = leadIn.length + i;
    const windowEnd = Math.max(0, at - rule.guard);
    const windowStart = Math.min(firstStored[Math.max(0, windowEnd - rule.baseline)]!, windowEnd);
    for (; end < windowEnd; end++) {
      n++;
      sum += all[end]!;
      squares += all[end]! ** 2;
    }
    for (; start < windowStart; start++) {
      n--;
      sum -= all[start]!;
      squares -= all[start]! ** 2;
    }
    const count = counts[i]!;
    // The cheap tests first: most buckets are below the minimum or the mean and need no tail.
    if (n === 0 || n < rule.minBaseline || count < rule.minCount || count <= sum / n) continue;
    const v = verdict(count, n, sum, squares, rule, false);
    if (!v.spike) continue;
    spikes.push({
      bucket: labels[i] ?? "",
      index: i,
      count,
      baseline: round(v.mean, 2),
      sd: round(v.sd, 2),
      baselineBuckets: v.buckets,
      threshold: v.threshold,
      pValue: v.pValue,
    });
  }
  return spikes;
}

/** The verdict; the threshold (a quantile search, twenty tails or so) only when `full` or a spike needs it. */
function verdict(
  count: number,
  n: number,
  sum: number,
  squares: number,
  rule: SpikeRule,
  full = true,
): SpikeVerdict {
  const mean = n === 0 ? 0 : sum / n;
  // Sample variance from whole-number sums; clamped, since float cancellation can leave a hair below zero.
  const variance = n < 2 ? 0 : Math.max(0, (squares - (sum * sum) / n) / (n - 1));
  const pValue = upperTail(count, mean, variance);
  const spike = n > 0 && n >= rule.minBaseline && count >= rule.minCount && pValue <= rule.alpha;
  return {
    spike,
    count,
    mean,
    sd: Math.sqrt(variance),
    buckets: n,
    threshold:
      full || spike ? Math.max(rule.minCount, upperQuantile(mean, variance, rule.alpha)) : Number.NaN,
    pValue: Number(pValue.toPrecision(3)),
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
