/**
 * When a topic's coverage counts as a spike. The last 24 hours' article count is compared with the daily
 * counts of the 14 days before (each a 24-hour block ending at the same hour of day):
 *
 *   spike  <=>  count >= minCount  and  count > mean + k * sd
 *
 * with the population standard deviation of the 14 daily counts, k = 3 and minCount = 10. The minimum keeps a
 * quiet topic (mean 0.2, sd 0.4) from "spiking" on three articles; k standard deviations keep a topic that is
 * always busy, or always jumpy, from alerting on its ordinary days.
 */
export interface SpikeRule {
  k: number;
  minCount: number;
  baselineDays: number;
}

export const SPIKE_RULE: SpikeRule = { k: 3, minCount: 10, baselineDays: 14 };

export interface SpikeVerdict {
  spike: boolean;
  count: number;
  mean: number;
  sd: number;
  /** The count above which (and at or above minCount) it is a spike: max(mean + k sd, minCount). */
  threshold: number;
}

export function detectSpike(
  count: number,
  baseline: readonly number[],
  rule: SpikeRule = SPIKE_RULE,
): SpikeVerdict {
  const n = baseline.length;
  const mean = n === 0 ? 0 : baseline.reduce((a, b) => a + b, 0) / n;
  const variance = n === 0 ? 0 : baseline.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  const sd = Math.sqrt(variance);
  const bar = mean + rule.k * sd;
  return {
    spike: count >= rule.minCount && count > bar,
    count,
    mean,
    sd,
    threshold: Math.max(bar, rule.minCount),
  };
}
