import type { Coverage } from "../api";
import { h } from "../element";
import { bucketLabel, formatCount, formatShare } from "../format";
import type { Metric } from "../state/url-state";
import { seriesValues } from "./coverage";

/**
 * The chart's numbers as a real table, the accessible alternative to the canvas. Each cell is a button that
 * lists the articles behind it, so drill-down works from the keyboard. Built only while it is shown: an hourly
 * year is thousands of cells.
 */
export function coverageTable(
  coverage: Coverage,
  metric: Metric,
  locale: string,
  onPick: (seriesIndex: number, bucketIndex: number) => void,
): HTMLTableElement {
  const smoothed = coverage.smooth ? `, ${coverage.smooth}-${coverage.interval} trailing mean` : "";
  const unit = metric === "share" ? "share of all articles" : "articles";
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, coverage.interval[0]!.toUpperCase() + coverage.interval.slice(1)),
    ...coverage.series.map((s) => h("th", { scope: "col", "data-key": s.key }, s.label)),
    h("th", { scope: "col" }, "All articles"),
  );
  const body = h("tbody");
  coverage.buckets.forEach((bucket, b) => {
    const row = h(
      "tr",
      { "data-bucket": bucket },
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
