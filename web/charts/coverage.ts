import type { ActiveElement, ChartEvent, Plugin, TooltipItem } from "chart.js";
import type { Coverage, Spike } from "../api";
import { bucketLabel, formatCount, formatShare, spansYears } from "../format";
import type { Metric } from "../state/url-state";
import { Chart, type ChartTheme, readTheme } from "./chart-setup";
import { type EventMarker, type Stretch, stretchAt } from "./markers";
import { seriesColor, visibleOn, withAlpha } from "./palette";
import { spikeNumbers } from "./spike-notes";

export interface CoverageView {
  coverage: Coverage;
  metric: Metric;
  stacked: boolean;
  locale: string;
  events: EventMarker[];
  /** Per series (same order as coverage.series): the server's spikes, drawn as triangles. */
  spikes: Spike[][];
  /** Buckets touched by an ingest outage: shaded, with the reason in the tooltip. */
  outages: Stretch[];
}

/** The values a series is drawn with: smoothed when the response carries them, counts or shares. */
export function seriesValues(series: Coverage["series"][number], metric: Metric): number[] {
  if (metric === "share") return series.smoothedShares ?? series.shares;
  return series.smoothedCounts ?? series.counts;
}

/**
 * The coverage-over-time chart. Created once per canvas, updated in place as the view changes (Chart.js then
 * animates between states instead of rebuilding), destroyed on teardown. Events, spikes' triangles and outage
 * shading are drawn by a plugin of this chart from the current view.
 */
export class CoverageChart {
  readonly #chart: Chart<"line", number[], string>;
  #view: CoverageView | null = null;
  #theme: ChartTheme = readTheme();
  #active = -1;
  #drawn = false;

  constructor(
    canvas: HTMLCanvasElement,
    private readonly onPick: (seriesIndex: number, bucketIndex: number) => void,
  ) {
    this.#chart = new Chart(canvas, {
      type: "line",
      data: { labels: [], datasets: [] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: { duration: 250 },
        interaction: { mode: "index", intersect: false },
        layout: { padding: { top: 22 } },
        scales: {
          x: { ticks: { autoSkip: true, maxRotation: 0, autoSkipPadding: 12 }, grid: { display: false } },
          y: { beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: {
          tooltip: {
            callbacks: {
              title: (items) => this.#longLabel(items[0]?.dataIndex ?? 0),
              label: (item) => this.#tooltipLine(item),
              footer: (items) => this.#tooltipNotes(items[0]?.dataIndex ?? -1),
            },
          },
        },
        onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
          const hit = elements[0];
          if (hit) this.onPick(hit.datasetIndex, hit.index);
        },
      },
      plugins: [this.#markers()],
    });
    canvas.addEventListener("keydown", (event) => this.#onKey(event));
  }

  update(view: CoverageView): void {
    this.#view = view;
    this.#theme = readTheme();
    const { coverage, metric, stacked, locale } = view;
    const withYear = spansYears(coverage.buckets);
    const chart = this.#chart;
    chart.data.labels = coverage.buckets.map((b) =>
      bucketLabel(b, coverage.interval, locale, "short", withYear),
    );
    chart.data.datasets = coverage.series.map((series, i) => {
      const color = visibleOn(seriesColor(i, series.key, series.color), this.#theme.dark);
      return {
        label: series.label,
        data: seriesValues(series, metric),
        borderColor: color,
        backgroundColor: stacked ? withAlpha(color, 0.35) : color,
        fill: stacked ? (i === 0 ? "origin" : "-1") : false,
        borderWidth: 2,
        tension: 0.3,
        // Monotone curves never swing below zero or above a peak between two buckets.
        cubicInterpolationMode: "monotone",
        // One radius for every point lets Chart.js share the resolved options; a per-point array cost ~100 ms
        // of the first draw at a year of days. Spikes' triangles are drawn by the markers plugin instead.
        pointRadius: 0,
        pointHoverRadius: 5,
        pointHitRadius: 8,
      };
    });
    const theme = this.#theme;
    const scales = chart.options.scales!;
    scales.x!.ticks!.color = theme.muted;
    scales.y!.ticks!.color = theme.muted;
    scales.y!.grid!.color = theme.grid;
    scales.y!.stacked = stacked;
    scales.y!.ticks!.callback = (value) =>
      metric === "share" ? formatShare(Number(value), locale) : formatCount(Number(value), locale);
    chart.options.color = theme.text;
    // The first draw is not animated: it is what a visitor waits for. Later changes animate between states.
    chart.update(this.#drawn ? undefined : "none");
    this.#drawn = true;
  }

  /** The chart as a PNG data URL, on the page's background colour. */
  toPng(): string {
    return this.#chart.toBase64Image("image/png", 1);
  }

  destroy(): void {
    this.#chart.destroy();
  }

  #longLabel(index: number): string {
    const coverage = this.#view?.coverage;
    if (!coverage) return "";
    return bucketLabel(coverage.buckets[index] ?? "", coverage.interval, this.#view!.locale, "long");
  }

  #tooltipLine(item: TooltipItem<"line">): string {
    const view = this.#view!;
    const series = view.coverage.series[item.datasetIndex]!;
    const count = series.counts[item.dataIndex] ?? 0;
    const share = series.shares[item.dataIndex] ?? 0;
    const spike = view.spikes[item.datasetIndex]?.find((s) => s.index === item.dataIndex);
    const note = spike ? ` ▲ spike: ${spikeNumbers(spike, view.locale)}` : "";
    return `${series.label}: ${formatCount(count, view.locale)} (${formatShare(share, view.locale)})${note}`;
  }

  /** The events and the outage of a bucket, under its numbers. */
  #tooltipNotes(index: number): string[] {
    const view = this.#view;
    if (!view) return [];
    const lines = view.events.filter((e) => e.index === index).map((e) => `◆ ${e.label}`);
    const outage = stretchAt(view.outages, index);
    if (outage) {
      const passes = outage.passes === 1 ? "1 failed pass" : `${outage.passes} failed passes`;
      lines.push(`⚠ Ingestion down here (${passes}): counts are incomplete`);
      for (const reason of outage.reasons.slice(0, 3))
        lines.push(`   ${reason.length > 80 ? `${reason.slice(0, 79)}…` : reason}`);
    }
    return lines;
  }

  /** Arrow keys walk the buckets with the tooltip; Enter lists the articles of the first series there. */
  #onKey(event: KeyboardEvent): void {
    const view = this.#view;
    if (!view || view.coverage.buckets.length === 0) return;
    const last = view.coverage.buckets.length - 1;
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      event.preventDefault();
      const step = event.key === "ArrowRight" ? 1 : -1;
      this.#active = Math.min(last, Math.max(0, (this.#active < 0 ? 0 : this.#active + step) as number));
      const active = view.coverage.series.map((_, datasetIndex) => ({ datasetIndex, index: this.#active }));
      this.#chart.tooltip?.setActiveElements(active, { x: 0, y: 0 });
      this.#chart.setActiveElements(active);
      this.#chart.update("none");
    } else if (event.key === "Enter" && this.#active >= 0 && view.coverage.series.length > 0) {
      this.onPick(0, this.#active);
    }
  }

  #markers(): Plugin<"line"> {
    return {
      id: "tidemarkMarkers",
      beforeDraw: (chart) => {
        // A filled background, so the exported PNG reads in any viewer, dark mode included.
        const { ctx, width, height } = chart;
        ctx.save();
        ctx.fillStyle = this.#theme.background;
        ctx.fillRect(0, 0, width, height);
        ctx.restore();
      },
      beforeDatasetsDraw: (chart) => {
        const view = this.#view;
        if (!view) return;
        const { ctx, chartArea, scales } = chart;
        const x = scales.x!;
        const half =
          view.coverage.buckets.length > 1 ? (x.getPixelForValue(1) - x.getPixelForValue(0)) / 2 : 0;
        ctx.save();
        for (const stretch of view.outages) {
          const left = Math.max(chartArea.left, x.getPixelForValue(stretch.first) - half);
          const right = Math.min(chartArea.right, x.getPixelForValue(stretch.last) + half);
          ctx.fillStyle = this.#theme.dark ? "rgba(255,255,255,0.1)" : "rgba(0,0,0,0.08)";
          ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
          ctx.fillStyle = this.#theme.muted;
          ctx.font = "11px system-ui, sans-serif";
          ctx.textAlign = "left";
          if (right - left > ctx.measureText(stretch.label).width + 8)
            ctx.fillText(stretch.label, left + 4, chartArea.bottom - 6);
        }
        ctx.setLineDash([4, 4]);
        ctx.lineWidth = 1;
        ctx.font = "11px system-ui, sans-serif";
        ctx.textAlign = "center";
        let lastLabelRight = Number.NEGATIVE_INFINITY;
        for (const event of view.events) {
          const px = x.getPixelForValue(event.index);
          ctx.strokeStyle = this.#theme.muted;
          ctx.beginPath();
          ctx.moveTo(px, chartArea.top - 4);
          ctx.lineTo(px, chartArea.bottom);
          ctx.stroke();
          ctx.fillStyle = this.#theme.text;
          const width = ctx.measureText(event.label).width;
          // Two events close together: the second label goes one line lower instead of over the first.
          const y = px - width / 2 < lastLabelRight + 4 ? chartArea.top + 10 : chartArea.top - 8;
          ctx.fillText(event.label, px, y);
          lastLabelRight = Math.max(lastLabelRight, px + width / 2);
        }
        ctx.restore();
      },
      afterDatasetsDraw: (chart) => {
        const view = this.#view;
        if (!view) return;
        const { ctx } = chart;
        const drawn: string[] = [];
        ctx.save();
        view.spikes.forEach((spikes, datasetIndex) => {
          if (spikes.length === 0 || !chart.isDatasetVisible(datasetIndex)) return;
          const meta = chart.getDatasetMeta(datasetIndex);
          ctx.fillStyle = String(chart.data.datasets[datasetIndex]?.borderColor ?? this.#theme.text);
          for (const { index, bucket } of spikes) {
            // The point's current position, so the triangle follows the line while it animates.
            const point = meta.data[index];
            if (!point) continue;
            drawn.push(`${view.coverage.series[datasetIndex]?.key}@${bucket}`);
            ctx.beginPath();
            ctx.moveTo(point.x, point.y - 7);
            ctx.lineTo(point.x - 6, point.y + 4);
            ctx.lineTo(point.x + 6, point.y + 4);
            ctx.closePath();
            ctx.fill();
          }
        });
        ctx.restore();
        // What the canvas shows, where a page (and the browser tests) can read it: the pixels cannot say.
        chart.canvas.dataset.spikes = drawn.join(" ");
      },
    };
  }
}
