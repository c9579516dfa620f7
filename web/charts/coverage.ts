import type { ActiveElement, ChartEvent, Plugin, TooltipItem } from "chart.js";
import type { Coverage, Spike } from "../api";
import { bucketLabel, formatCount, formatShare, spansYears } from "../format";
import type { Metric } from "../state/url-state";
import { lineShape, shareAxis } from "./axis";
import { Chart, type ChartTheme, readTheme } from "./chart-setup";
import { layoutLabels } from "./label-layout";
import { type EventMarker, type Stretch, stretchAt } from "./markers";
import { seriesColor, visibleOn, withAlpha } from "./palette";
import { seriesValues } from "./series-values";
import { spikeNumbers } from "./spike-notes";
import { bucketTitle, bucketTotalLine, seriesLine } from "./tooltip-text";

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

/**
 * Past this many points an update is drawn at once: Chart.js resolves every point's animation options, ~30 ms
 * of the page's redraw at a year of days in five series (measured in Chromium, npm run bench dashboard), while
 * the eye cannot follow 1,800 points moving anyway.
 */
const ANIMATED_POINTS = 600;

/**
 * The coverage-over-time chart. Created once per canvas, updated in place as the view changes (Chart.js then
 * animates between states instead of rebuilding), destroyed on teardown. Events, spikes' triangles and outage
 * shading are drawn by a plugin of this chart from the current view.
 */
export class CoverageChart {
  readonly #chart: Chart<"line", number[], string>;
  #view: CoverageView | null = null;
  readonly #readout = Object.assign(document.createElement("p"), {
    className: "visually-hidden",
    id: "chart-readout",
  });
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
              afterTitle: (items) => this.#totalLine(items[0]?.dataIndex ?? 0),
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
    // What the tooltip says, as text: screen readers hear the bucket the arrow keys moved to.
    this.#readout.setAttribute("aria-live", "polite");
    canvas.after(this.#readout);
  }

  update(view: CoverageView): void {
    this.#view = view;
    this.#theme = readTheme();
    const { coverage, metric, stacked, locale } = view;
    const withYear = spansYears(coverage.buckets);
    const chart = this.#chart;
    const shape = lineShape(coverage.buckets.length);
    const outage = (i: number) => stretchAt(view.outages, i) !== undefined;
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
        // Straight on sparse series, monotone on dense ones: no curve swings below zero or past a peak.
        tension: shape.tension,
        cubicInterpolationMode: shape.cubicInterpolationMode,
        // One radius for every point lets Chart.js share the resolved options; a per-point array cost ~100 ms
        // of the first draw at a year of days. Spikes' triangles are drawn by the markers plugin instead.
        pointRadius: shape.pointRadius,
        // A line through an outage's buckets is dashed: its counts are incomplete, not a drop.
        // Only when there is an outage: per-segment styles make Chart.js stroke segment by segment.
        segment:
          view.outages.length === 0
            ? undefined
            : {
                borderDash: (ctx) =>
                  outage(ctx.p0DataIndex) || outage(ctx.p1DataIndex) ? [5, 4] : undefined,
              },
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
    // A share axis runs 0 to a round value above the peak in readable steps; whole articles on a count axis.
    const axis = metric === "share" ? shareAxis(sharePeak(chart.data.datasets, stacked)) : undefined;
    Object.assign(scales.y!, { min: axis?.min, max: axis?.max });
    Object.assign(scales.y!.ticks!, { precision: axis ? undefined : 0, stepSize: axis?.stepSize });
    chart.options.color = theme.text;
    // The first draw is not animated: it is what a visitor waits for. Later changes animate between states,
    // unless the lines hold so many points that resolving each one's animation costs more than it shows.
    const points = coverage.buckets.length * coverage.series.length;
    if (this.#drawn && points <= ANIMATED_POINTS) chart.update();
    else {
      // An update without animation while an earlier one still runs can draw nothing at all (seen in the bench:
      // a year of days after an animated view of weeks never appeared; Chart.js waited on the old animation):
      // stop it first.
      chart.stop();
      chart.update("none");
    }
    this.#drawn = true;
  }

  /** Takes the lines away (a failed load must not leave the previous answer drawn as if it were this one). */
  clear(): void {
    this.#view = null;
    this.#chart.data.labels = [];
    this.#chart.data.datasets = [];
    this.#chart.update("none");
    this.#chart.canvas.dataset.spikes = "";
  }

  destroy(): void {
    this.#chart.destroy();
  }

  #longLabel(index: number): string {
    const coverage = this.#view?.coverage;
    if (!coverage) return "";
    return bucketTitle(coverage.buckets[index] ?? "", coverage.interval, this.#view!.locale);
  }

  #totalLine(index: number): string {
    const view = this.#view;
    if (!view) return "";
    return bucketTotalLine(view.coverage.totals[index] ?? 0, view.coverage.interval, view.locale);
  }

  #tooltipLine(item: Pick<TooltipItem<"line">, "datasetIndex" | "dataIndex">): string {
    const view = this.#view!;
    const series = view.coverage.series[item.datasetIndex]!;
    const count = series.counts[item.dataIndex] ?? 0;
    const total = view.coverage.totals[item.dataIndex] ?? 0;
    const spike = view.spikes[item.datasetIndex]?.find((s) => s.index === item.dataIndex);
    const note = spike ? ` ▲ spike: ${spikeNumbers(spike, view.locale)}` : "";
    return `${seriesLine(series.label, count, total, view.locale)}${note}`;
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
      const index = this.#active;
      this.#readout.textContent = [
        this.#longLabel(index),
        this.#totalLine(index),
        ...active.map((a) => this.#tooltipLine({ datasetIndex: a.datasetIndex, dataIndex: index })),
        ...this.#tooltipNotes(index),
      ].join(". ");
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
        ctx.textAlign = "left";
        const boxes = view.events.map((e) => ({
          x: x.getPixelForValue(e.index),
          width: ctx.measureText(e.label).width,
        }));
        // Inside the plot's span (clear of the y axis's ticks) and the canvas; a label that would overlap the
        // one before goes a row lower.
        const placed = layoutLabels(boxes, { left: chartArea.left, right: chart.width - 2 });
        view.events.forEach((event, i) => {
          const px = boxes[i]!.x;
          ctx.strokeStyle = this.#theme.muted;
          ctx.beginPath();
          ctx.moveTo(px, chartArea.top - 4);
          ctx.lineTo(px, chartArea.bottom);
          ctx.stroke();
          ctx.fillStyle = this.#theme.text;
          const { left, row } = placed[i]!;
          ctx.fillText(event.label, left, row === 0 ? chartArea.top - 8 : chartArea.top + 10 * row);
        });
        chart.canvas.dataset.eventLabels = placed
          .map((p, i) => `${Math.round(p.left)}:${Math.round(p.left + boxes[i]!.width)}`)
          .join(" ");
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

/** The highest value the share axis must show: the tallest stack when stacked, else the tallest point. */
function sharePeak(datasets: ReadonlyArray<{ data: readonly number[] }>, stacked: boolean): number {
  let peak = 0;
  const length = datasets.reduce((n, d) => Math.max(n, d.data.length), 0);
  for (let i = 0; i < length; i++) {
    let stack = 0;
    for (const d of datasets) {
      const v = d.data[i] ?? 0;
      stack += v;
      peak = Math.max(peak, stacked ? stack : v);
    }
  }
  return peak;
}
