import type { Coverage } from "../api";
import { h } from "../element";
import { formatCount } from "../format";
import type { BreakdownRow } from "./breakdown";

/** The breakdown's bars as a table: the accessible alternative to its canvas. */
export function breakdownTable(
  rows: readonly BreakdownRow[],
  coverage: Coverage,
  locale: string,
): HTMLTableElement {
  const heading = { feed: "Outlet", lang: "Language", region: "Region", country: "Country", topic: "Topic" }[
    coverage.by
  ];
  return h(
    "table",
    { class: "data-table" },
    h("caption", {}, `Tagged articles by ${heading.toLowerCase()}, ${coverage.from} to ${coverage.to}`),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, heading), h("th", { scope: "col" }, "Articles"))),
    h(
      "tbody",
      {},
      ...rows.map((r) =>
        h(
          "tr",
          { "data-key": r.key },
          h("th", { scope: "row" }, r.label),
          h("td", { "data-count": r.total }, formatCount(r.total, locale)),
        ),
      ),
    ),
  );
}
