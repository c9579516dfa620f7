import type { Coverage } from "../api";
import { h } from "../element";
import { bucketLabel, formatCount, formatShare } from "../format";
import type { Metric } from "../state/url-state";
import { seriesValues } from "./series-values";

/** A bucket's note (its story events, an outage that touched it) and whether an outage did. */
export type BucketNotes = (bucketIndex: number) => { text: string; outage: boolean } | null;

/**
 * The chart's numbers as a real table, the accessible alternative to the canvas. Each cell is a button that
 * lists the articles behind it, so drill-down works from the keyboard. A Note column, present when any bucket
 * has one, says what the chart marks there: an event, or an ingest outage that makes the count incomplete.
 * Built only while it is shown: an hourly year is thousands of cells.
 */
export function coverageTable(
  coverage: Coverage,
  metric: Metric,
  locale: string,
  onPick: (seriesIndex: number, bucketIndex: number) => void,
  notes: BucketNotes = () => null,
): HTMLTableElement {
  const noted = coverage.buckets.map((_, b) => notes(b));
  const withNotes = noted.some((n) => n !== null);
  const smoothed = coverage.smooth ? `, ${coverage.smooth}-${coverage.interval} trailing mean` : "";
  const unit = metric === "share" ? "share of all articles" : "articles";
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, coverage.interval[0]!.toUpperCase() + coverage.interval.slice(1)),
    ...coverage.series.map((s) => h("th", { scope: "col", "data-key": s.key }, s.label)),
    h("th", { scope: "col" }, "All articles"),
    withNotes && h("th", { scope: "col" }, "Note"),
  );
  const body = h("tbody");
  coverage.buckets.forEach((bucket, b) => {
    const note = noted[b];
    const row = h(
      "tr",
      { "data-bucket": bucket, "data-outage": note?.outage, class: note?.outage ? "outage" : undefined },
      h("th", { scope: "row" }, bucketLabel(bucket, coverage.interval, locale, "long")),
    );
    coverage.series.forEach((series, s) => {
      const value = seriesValues(series, metric)[b] ?? 0;
      const text = metric === "share" ? formatShare(value, locale) : formatCount(value, locale);
      const button = h(
        "button",
        { type: "button", class: "cell", "data-count": series.counts[b] ?? 0 },
        text,
      );
      button.setAttribute(
        "aria-label",
        `${series.label}, ${bucketLabel(bucket, coverage.interval, locale, "long")}: ${text}; list articles`,
      );
      button.addEventListener("click", () => onPick(s, b));
      row.append(h("td", {}, button));
    });
    row.append(
      h("td", { "data-total": coverage.totals[b] ?? 0 }, formatCount(coverage.totals[b] ?? 0, locale)),
    );
    if (withNotes) row.append(h("td", { class: "note" }, note?.text ?? ""));
    body.append(row);
  });
  return h(
    "table",
    { class: "data-table" },
    h(
      "caption",
      {},
      `Coverage per ${coverage.interval} (${unit}${smoothed}), ${coverage.from} to ${coverage.to}, ${coverage.tz}`,
    ),
    h("thead", {}, head),
    body,
  );
}
