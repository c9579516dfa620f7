import type { ActiveElement, ChartEvent } from "chart.js";
import type { Coverage } from "../api";
import { h } from "../element";
import { formatCount, formatShare } from "../format";
import { Chart, readTheme } from "./chart-setup";
import { groupColor } from "./group-colors";
import { groupLine, otherLine } from "./tooltip-text";

export interface BreakdownRow {
  key: string;
  label: string;
  total: number;
  color: string;
  /** share=group: every article of the group over the range, and `total`'s share of it (0 when it has none). */
  groupTotal?: number;
  share?: number;
}

/**
 * One bar per series: its articles summed over the whole range, largest first, "Other" last. With share=group
 * each row also carries its group's own articles and the share the counted ones are of them, and rows go by
 * that share.
 */
export function breakdownRows(coverage: Coverage): BreakdownRow[] {
  const rows = coverage.series.map((s): BreakdownRow => {
    const total = sum(s.counts);
    const row = { key: s.key, label: s.label, total, color: groupColor(s.key, false) };
    if (!s.groupTotals) return row;
    const groupTotal = sum(s.groupTotals);
    return { ...row, groupTotal, share: groupTotal === 0 ? 0 : total / groupTotal };
  });
  const measure = (r: BreakdownRow) => r.share ?? r.total;
  const other = rows.filter((r) => r.key === "other");
  return [...rows.filter((r) => r.key !== "other").sort((a, b) => measure(b) - measure(a)), ...other];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** "outlet", "language": what one bar of a breakdown stands for. */
export const GROUP_NAMES: Record<Coverage["by"], string> = {
  feed: "outlet",
  lang: "language",
  region: "region",
  country: "country",
  topic: "topic",
};

/**
 * Horizontal bars of a breakdown (outlets, languages, regions). Created once, updated in place. "Other" (every
 * group outside the top) is not a bar: it sums many groups and would dwarf them, so it is a line under the bars.
 */
export class BreakdownChart {
  readonly #chart: Chart<"bar", number[], string>;
  #rows: BreakdownRow[] = [];
  readonly #otherNote = h("p", { class: "breakdown-other", hidden: true });

  constructor(
    canvas: HTMLCanvasElement,
    private readonly onPick: (row: BreakdownRow) => void,
  ) {
    this.#chart = new Chart(canvas, {
      type: "bar",
      data: { labels: [], datasets: [] },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: { duration: 250 },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { grid: { display: false } } },
        plugins: { tooltip: { callbacks: { label: (item) => this.#tooltipLines[item.dataIndex] ?? "" } } },
        onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
          const row = elements[0] ? this.#rows[elements[0].index] : undefined;
          if (row) this.onPick(row);
        },
      },
    });
    (canvas.closest("figure") ?? canvas).after(this.#otherNote);
  }

  #tooltipLines: string[] = [];

  update(all: BreakdownRow[], locale: string, by: Coverage["by"] = "feed"): void {
    const rows = all.filter((r) => r.key !== "other");
    const other = all.find((r) => r.key === "other");
    this.#rows = rows;
    const theme = readTheme();
    const chart = this.#chart;
    const covered = sum(all.map((r) => r.total));
    this.#tooltipLines = rows.map((r) => groupLine(r, GROUP_NAMES[by], covered, locale));
    this.#otherNote.hidden = !other;
    this.#otherNote.textContent = other ? otherLine(other, GROUP_NAMES[by], covered, locale) : "";
    chart.data.labels = rows.map((r) => r.label);
    const shares = rows.length > 0 && rows.every((r) => r.share !== undefined);
    chart.data.datasets = [
      {
        label: shares ? "Share of the group's coverage" : "Articles",
        data: rows.map((r) => (shares ? r.share! : r.total)),
        backgroundColor: rows.map((r) => groupColor(r.key, theme.dark)),
        borderRadius: 3,
      },
    ];
    const scales = chart.options.scales!;
    scales.x!.ticks!.color = theme.muted;
    // Whole articles on a count axis; a share axis needs its fractions.
    (scales.x!.ticks as { precision?: number }).precision = shares ? undefined : 0;
    scales.x!.ticks!.callback = (value) =>
      shares ? formatShare(Number(value), locale) : formatCount(Number(value), locale);
    scales.x!.grid!.color = theme.grid;
    scales.y!.ticks!.color = theme.text;
    chart.update();
  }

  destroy(): void {
    this.#chart.destroy();
  }
}
