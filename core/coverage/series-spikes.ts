import { markSpikes, type Spike, type SpikeRule, type StoredTotals } from "../spike-rule";
import { type BucketPlan, planBuckets } from "../time/time-buckets";
import { type CountSeries, OTHER_KEY, OTHER_LABEL } from "./coverage-series";

/**
 * The `spikes` of /api/coverage's series: the spike rule (core/spike-rule.ts) over each series' counts, with
 * the baseline of the first buckets read from whole buckets before the range (the lead-in), counted the same
 * way as the range, in the request's zone.
 */

const DAY_MS = 86_400_000;
const QUARTER_MS = 900_000;
const EPOCH_DAY = "1970-01-01";

/**
 * The whole buckets just before a plan's range that a rule's baseline reaches back to (baseline + guard of
 * them), or null when there are none (a range starting in 1970). A week or month range starting mid-bucket
 * keeps its partial first bucket; the lead-in ends where that bucket's calendar week or month begins.
 */
export function leadInPlan(plan: BucketPlan, rule: SpikeRule): BucketPlan | null {
  const wanted = rule.baseline + rule.guard;
  if (wanted === 0) return null;
  const first = bucketStartDay(plan.interval, plan.from);
  const from =
    plan.interval === "day"
      ? shiftDays(first, -wanted)
      : plan.interval === "hour"
        ? // Hours per day vary across DST changes: a day more than needed, then the last `wanted` hours.
          shiftDays(first, -Math.ceil(wanted / 23) - 1)
        : plan.interval === "week"
          ? shiftDays(first, -7 * wanted)
          : shiftMonths(first, -wanted);
  const to = shiftDays(first, -1);
  if (to < EPOCH_DAY) return null;
  let lead: BucketPlan;
  try {
    lead = planBuckets({
      from: from < EPOCH_DAY ? EPOCH_DAY : from,
      to,
      interval: plan.interval,
      tz: plan.tz,
    });
  } catch {
    return null;
  }
  // The rollups count in UTC quarter hours; a zone's old odd offsets (before the 1970s) cannot be read.
  if (lead.edges.some((edge) => edge % QUARTER_MS !== 0)) return null;
  const keep = Math.min(wanted, lead.labels.length);
  return {
    ...lead,
    labels: lead.labels.slice(-keep),
    edges: lead.edges.slice(-(keep + 1)),
  };
}

/**
 * Each series with its spikes. `leadIn` are the same series counted over leadInPlan's buckets, matched by key;
 * the folded "Other" series of a breakdown gets the sum of the lead-in series not shown on their own, and a
 * series with no lead-in counts (a group new in the range) a lead-in of zeros. `totals` (every stored article
 * per bucket, lead-in and range) tell the baseline which buckets had nothing stored.
 */
export function withSpikes<T extends CountSeries>(
  series: readonly T[],
  labels: readonly string[],
  leadIn: readonly CountSeries[],
  rule: SpikeRule,
  totals?: StoredTotals,
): (T & { spikes: Spike[] })[] {
  const length = totals?.leadIn.length ?? leadIn[0]?.counts.length ?? 0;
  const byKey = new Map(leadIn.map((s) => [s.key, s.counts]));
  const shown = new Set(series.map((s) => s.key));
  const folded = () => {
    const sum = new Array<number>(length).fill(0);
    for (const s of leadIn) {
      if (shown.has(s.key)) continue;
      s.counts.forEach((n, i) => {
        sum[i]! += n;
      });
    }
    return sum;
  };
  return series.map((s) => {
    const lead = byKey.get(s.key) ?? (isFolded(s) ? folded() : new Array<number>(length).fill(0));
    return { ...s, spikes: markSpikes(s.counts, labels, lead, rule, totals) };
  });
}

/** The series topSeries sums the rest into (its key gains "_" while a real group holds "other"). */
function isFolded(series: CountSeries): boolean {
  return series.label === OTHER_LABEL && /^other_*$/.test(series.key) && series.key.startsWith(OTHER_KEY);
}

/** The first day of the calendar bucket holding a day: itself, its week's Monday or its month's first. */
function bucketStartDay(interval: BucketPlan["interval"], day: string): string {
  if (interval === "week") {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    return shiftDays(day, -weekday);
  }
  if (interval === "month") return `${day.slice(0, 7)}-01`;
  return day;
}

function shiftDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function shiftMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
}
