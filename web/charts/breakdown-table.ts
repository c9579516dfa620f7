import type { Coverage } from "../api";
import { h } from "../element";
import { formatCount, formatShare } from "../format";
import type { BreakdownRow } from "./breakdown";

const HEADINGS = { feed: "Outlet", lang: "Language", region: "Region", country: "Country", topic: "Topic" };

/**
 * The breakdown's bars as a table: the accessible alternative to its canvas. With share=group it also lists
 * each group's own articles and the share of them the counted ones are.
 */
export function breakdownTable(
  rows: readonly BreakdownRow[],
  coverage: Coverage,
  locale: string,
): HTMLTableElement {
  const heading = HEADINGS[coverage.by];
  const grouped = coverage.share === "group";
  const what = grouped
    ? `Share of each ${heading.toLowerCase()}’s coverage`
    : `Articles by ${heading.toLowerCase()}`;
  return h(
    "table",
    { class: "data-table" },
    h("caption", {}, `${what}, ${coverage.from} to ${coverage.to}`),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, heading),
        h("th", { scope: "col" }, "Articles"),
        ...(grouped
          ? [
              h("th", { scope: "col" }, "All its articles"),
              h("th", { scope: "col" }, "Share of its coverage"),
            ]
          : []),
      ),
    ),
    h(
      "tbody",
      {},
      ...rows.map((r) =>
        h(
          "tr",
          { "data-key": r.key },
          h("th", { scope: "row" }, r.label),
          h("td", { "data-count": r.total }, formatCount(r.total, locale)),
          ...(grouped
            ? [
                h("td", { "data-group-total": r.groupTotal ?? 0 }, formatCount(r.groupTotal ?? 0, locale)),
                h("td", { "data-share": r.share ?? 0 }, formatShare(r.share ?? 0, locale)),
              ]
            : []),
        ),
      ),
    ),
  );
}
