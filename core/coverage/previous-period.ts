import { DomainError } from "../errors";
import { type BucketPlan, MAX_BUCKETS, planBuckets } from "../time/time-buckets";

/**
 * The period `compare=previous` sets beside a request: as many buckets, each covering the same part of its
 * week or month as its counterpart, so bucket i of one compares with bucket i of the other.
 * - day: the N days just before `from`;
 * - week: the range moved back by its N weeks (same weekdays, so a partial first or last week compares with
 *   one just as partial);
 * - month: the range moved back by its N months (a day past the end of a shorter month is that month's last);
 * - hour: the N hours just before `from` (a DST change in either period makes them differ by an hour in
 *   wall-clock length, never in count).
 */

const DAY_MS = 86_400_000;

export function previousPlan(plan: BucketPlan): BucketPlan {
  const n = plan.labels.length;
  const { interval, tz } = plan;
  const plannedFrom = (from: string, to: string, maxBuckets?: number) => {
    try {
      return planBuckets({ from, to, interval, tz, maxBuckets });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new DomainError(
        "invalid_request",
        `the previous period (${from} to ${to}) cannot be counted: ${error.message}`,
        {
          param: "compare",
        },
      );
    }
  };
  if (interval === "day") return plannedFrom(shiftDays(plan.from, -n), shiftDays(plan.from, -1));
  if (interval === "week") return plannedFrom(shiftDays(plan.from, -7 * n), shiftDays(plan.to, -7 * n));
  if (interval === "month") return plannedFrom(shiftMonths(plan.from, -n), shiftMonths(plan.to, -n));
  // Hours: plan a day more than needed before `from` and keep the last n buckets.
  const days = Math.round((Date.parse(plan.to) - Date.parse(plan.from)) / DAY_MS) + 1;
  const wide = plannedFrom(shiftDays(plan.from, -days - 1), shiftDays(plan.from, -1), MAX_BUCKETS + 100);
  const labels = wide.labels.slice(-n);
  const edges = wide.edges.slice(-n - 1);
  return { ...wide, from: labels[0]!.slice(0, 10), to: shiftDays(plan.from, -1), labels, edges };
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The same day `months` months away; the last day of a month stays the last day (so whole months compare with
 * whole months), and a day past the end of a shorter month becomes its last.
 */
function shiftMonths(date: string, months: number): string {
  const d = new Date(Date.parse(date));
  const lastOf = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const t = new Date(Date.UTC(year, month + months, 1));
  const last = lastOf(t.getUTCFullYear(), t.getUTCMonth());
  const day = d.getUTCDate() === lastOf(year, month) ? last : Math.min(d.getUTCDate(), last);
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), day)).toISOString().slice(0, 10);
}
