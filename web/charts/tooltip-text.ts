import type { Interval } from "../api";
import { bucketLabel, formatCount, formatShare } from "../format";
import { addDays } from "../state/date-range";

/**
 * The words of the charts' tooltips, pure so tests pin them: every tooltip names its bucket in full (a week
 * is its seven days, not "27 Jan") and the total a share is of, so a number can be read without the axis.
 */

/** "Mon, 27 Jan 2025", "Mon, 27 Jan 2025 – Sun, 2 Feb 2025", "January 2025", "27 Jan 2025, 09:00". */
export function bucketTitle(bucket: string, interval: Interval, locale: string): string {
  if (interval === "week" && /^\d{4}-\d{2}-\d{2}$/.test(bucket)) {
    const day = (date: string) => bucketLabel(date, "day", locale, "long");
    return `${day(bucket)} – ${day(addDays(bucket, 6))}`;
  }
  return bucketLabel(bucket, interval, locale, "long");
}

/** "All articles in this day: 266": the denominator of every share in the tooltip. */
export function bucketTotalLine(total: number, interval: Interval, locale: string): string {
  return `All articles this ${interval}: ${formatCount(total, locale)}`;
}

/** "DeepSeek R1 release: 12 (4.5% of 266)". */
export function seriesLine(label: string, count: number, total: number, locale: string): string {
  const share =
    total === 0 ? "" : ` (${formatShare(count / total, locale)} of ${formatCount(total, locale)})`;
  return `${label}: ${formatCount(count, locale)}${share}`;
}

/**
 * A breakdown bar: its articles and, with share=group, the group's own articles they are a share of
 * ("12 of 340 articles from this outlet (3.5%)"), else their share of the articles the breakdown covers.
 */
export function groupLine(
  row: { total: number; groupTotal?: number; share?: number },
  groupName: string,
  covered: number,
  locale: string,
): string {
  const articles = `${formatCount(row.total, locale)} article${row.total === 1 ? "" : "s"}`;
  if (row.groupTotal !== undefined)
    return `${articles} of ${formatCount(row.groupTotal, locale)} from this ${groupName} (${formatShare(row.share ?? 0, locale)})`;
  if (covered === 0) return articles;
  return `${articles} (${formatShare(row.total / covered, locale)} of ${formatCount(covered, locale)})`;
}

/** "Other outlets, together: 214 articles (25% of 862)": the groups outside the top, as a line of text. */
export function otherLine(
  row: { total: number; groupTotal?: number; share?: number },
  groupName: string,
  covered: number,
  locale: string,
): string {
  const articles = `${formatCount(row.total, locale)} article${row.total === 1 ? "" : "s"}`;
  const of =
    row.groupTotal !== undefined
      ? `, ${formatShare(row.share ?? 0, locale)} of their ${formatCount(row.groupTotal, locale)}`
      : covered === 0
        ? ""
        : ` (${formatShare(row.total / covered, locale)} of ${formatCount(covered, locale)})`;
  return `Other ${groupName}s, together: ${articles}${of}`;
}
