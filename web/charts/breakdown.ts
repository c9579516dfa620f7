import type { ActiveElement, ChartEvent } from "chart.js";
import type { Coverage } from "../api";
import { formatCount } from "../format";
import { Chart, readTheme } from "./chart-setup";
import { seriesColor, visibleOn } from "./palette";

export interface BreakdownRow {
  key: string;
  label: string;
  total: number;
  color: string;
}

/** One bar per series: its articles summed over the whole range, largest first, "Other" last. */
export function breakdownRows(coverage: Coverage): BreakdownRow[] {
  const rows = coverage.series.map((s, i) => ({
    key: s.key,
    label: s.label,
    total: s.counts.reduce((a, b) => a + b, 0),
    color: seriesColor(i, s.key, s.color),
  }));
  const other = rows.filter((r) => r.key === "other");
  return [...rows.filter((r) => r.key !== "other").sort((a, b) => b.total - a.total), ...other];
}

/** Horizontal bars of a breakdown (outlets, languages, regions). Created once, updated in place. */
export class BreakdownChart {
  readonly #chart: Chart<"bar", number[], string>;
  #rows: BreakdownRow[] = [];

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
        onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
          const row = elements[0] ? this.#rows[elements[0].index] : undefined;
          if (row) this.onPick(row);
        },
      },
    });
  }

  update(rows: BreakdownRow[], locale: string): void {
    this.#rows = rows;
    const theme = readTheme();
    const chart = this.#chart;
    chart.data.labels = rows.map((r) => r.label);
    chart.data.datasets = [
      {
        label: "Articles",
        data: rows.map((r) => r.total),
        backgroundColor: rows.map((r) => visibleOn(r.color, theme.dark)),
        borderRadius: 3,
      },
    ];
    const scales = chart.options.scales!;
    scales.x!.ticks!.color = theme.muted;
    scales.x!.ticks!.callback = (value) => formatCount(Number(value), locale);
    scales.x!.grid!.color = theme.grid;
    scales.y!.ticks!.color = theme.text;
    chart.update();
  }

  destroy(): void {
    this.#chart.destroy();
  }
}
