import type { Coverage, Spike } from "../api";
import type { ChartTheme } from "../charts/chart-theme";
import { layoutLabels } from "../charts/label-layout";
import { type EventMarker, type Stretch, stretchAt } from "../charts/markers";
import { seriesValues } from "../charts/series-values";
import { spikeNumbers } from "../charts/spike-notes";
import { bucketTitle, bucketTotalLine, seriesLine } from "../charts/tooltip-text";
import { svg } from "../export/svg-element";
import { bucketLabel, formatCount, formatShare, spansYears } from "../format";
import type { Metric } from "../state/url-state";
import { type LineLayout, layoutLines, linePath, segments } from "./line-layout";

export interface EmbedView {
  coverage: Coverage;
  metric: Metric;
  stacked: boolean;
  locale: string;
  /** Per series, the colour it is drawn in (the legend's swatches use the same). */
  colors: readonly string[];
  events: readonly EventMarker[];
  spikes: ReadonlyArray<readonly Spike[]>;
  outages: readonly Stretch[];
  theme: ChartTheme;
}

const FONT = "12px system-ui, sans-serif";
const SMALL = "11px system-ui, sans-serif";

/**
 * The embed's coverage chart as SVG, without Chart.js (the embed's bundle must stay small): axes with the
 * dashboard's tick rules, one path per series, spikes' triangles, events and outages, and a readout that
 * says what the dashboard's tooltip says (full bucket, its total, each series with its share) for the
 * bucket under the pointer or the one the arrow keys moved to. Every string reaches the page as a text node.
 */
export class SvgLineChart {
  #view: EmbedView | null = null;
  #layout: LineLayout | null = null;
  #active = -1;
  readonly #guide = svg("line", { class: "embed-guide", visibility: "hidden" });
  readonly #measure = textMeasure();
  #size = { width: 0, height: 0 };

  constructor(
    private readonly root: SVGSVGElement,
    private readonly tip: HTMLElement,
    private readonly readout: HTMLElement,
  ) {
    // Focusable, as the dashboard's canvas is: the arrow keys step through the buckets with their numbers.
    root.tabIndex = 0;
    root.addEventListener("keydown", (event) => this.#onKey(event));
    root.addEventListener("pointermove", (event) =>
      this.#point(this.#bucketAt(event.offsetX), event.offsetX),
    );
    root.addEventListener("pointerleave", () => this.#point(-1));
    // Redrawn when the frame is resized; the observer's first call (the size it was drawn at) is skipped.
    new ResizeObserver(() => {
      const { width, height } = root.getBoundingClientRect();
      if (width !== this.#size.width || height !== this.#size.height) this.#render();
    }).observe(root);
  }

  update(view: EmbedView): void {
    this.#view = view;
    this.#render();
  }

  #render(): void {
    const view = this.#view;
    if (!view) return;
    const { coverage, metric, locale, theme } = view;
    const { width, height } = this.root.getBoundingClientRect();
    if (width === 0 || height === 0) return;
    this.#size = { width, height };
    const withYear = spansYears(coverage.buckets);
    const layout = layoutLines({
      values: coverage.series.map((s) => seriesValues(s, metric)),
      labels: coverage.buckets.map((b) => bucketLabel(b, coverage.interval, locale, "short", withYear)),
      share: metric === "share",
      stacked: view.stacked,
      width,
      height,
      tickText: (v) => (metric === "share" ? formatShare(v, locale) : formatCount(v, locale)),
      measure: (text) => this.#measure(text, FONT),
    });
    this.#layout = layout;
    const { plot } = layout;
    this.root.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const half = layout.xs.length > 1 ? (layout.xs[1]! - layout.xs[0]!) / 2 : 0;
    const parts: SVGElement[] = [];

    for (const stretch of view.outages) {
      const left = Math.max(plot.left, layout.xs[stretch.first]! - half);
      const right = Math.min(plot.right, layout.xs[stretch.last]! + half);
      parts.push(
        svg("rect", {
          x: left,
          y: plot.top,
          width: Math.max(0, right - left),
          height: plot.bottom - plot.top,
          fill: theme.dark ? "#ffffff" : "#000000",
          "fill-opacity": theme.dark ? 0.1 : 0.08,
        }),
      );
    }
    for (const tick of layout.yTicks) {
      parts.push(svg("line", { x1: plot.left, x2: plot.right, y1: tick.y, y2: tick.y, stroke: theme.grid }));
      parts.push(
        svg(
          "text",
          {
            x: plot.left - 8,
            y: tick.y,
            "text-anchor": "end",
            "dominant-baseline": "middle",
            fill: theme.muted,
          },
          tick.text,
        ),
      );
    }
    for (const tick of layout.xTicks) {
      parts.push(
        svg(
          "text",
          {
            x: tick.x,
            y: plot.bottom + 6,
            "text-anchor": "middle",
            "dominant-baseline": "hanging",
            fill: theme.muted,
          },
          tick.text,
        ),
      );
    }
    const boxes = view.events.map((e) => ({
      x: layout.xs[e.index] ?? plot.left,
      width: this.#measure(e.label, SMALL),
    }));
    const placed = layoutLabels(boxes, { left: plot.left, right: width - 2 });
    view.events.forEach((event, i) => {
      const x = boxes[i]!.x;
      parts.push(
        svg("line", {
          x1: x,
          x2: x,
          y1: plot.top - 4,
          y2: plot.bottom,
          stroke: theme.muted,
          "stroke-dasharray": "4 4",
        }),
      );
      const { left, row } = placed[i]!;
      parts.push(
        svg(
          "text",
          { x: left, y: row === 0 ? plot.top - 8 : plot.top + 10 * row, "font-size": 11, fill: theme.text },
          event.label,
        ),
      );
    });

    layout.lines.forEach((points, i) => {
      const color = view.colors[i] ?? theme.text;
      if (view.stacked && points.length > 0) {
        const below = layout.lines[i - 1];
        const back = below
          ? ` L${below.at(-1)!.x},${below.at(-1)!.y}${segments(below, layout.curved, true)}`
          : ` L${points.at(-1)!.x},${plot.bottom} L${points[0]!.x},${plot.bottom}`;
        parts.push(
          svg("path", {
            d: `${linePath(points, layout.curved)}${back} Z`,
            fill: color,
            "fill-opacity": 0.35,
          }),
        );
      }
    });
    coverage.series.forEach((series, i) => {
      const points = layout.lines[i]!;
      const color = view.colors[i] ?? theme.text;
      const values = seriesValues(series, metric);
      parts.push(
        svg("path", {
          class: "embed-line",
          d: linePath(points, layout.curved),
          fill: "none",
          stroke: color,
          "stroke-width": 2,
          "stroke-linejoin": "round",
          // What the line is drawn through, where a page (and the tests) can read it: the path's numbers are pixels.
          "data-key": series.key,
          "data-values": values.join(" "),
        }),
      );
      if (layout.pointRadius > 0)
        for (const p of points)
          parts.push(svg("circle", { cx: p.x, cy: p.y, r: layout.pointRadius, fill: color }));
      for (const { index } of view.spikes[i] ?? []) {
        const p = points[index];
        if (!p) continue;
        parts.push(
          svg("path", {
            class: "embed-spike",
            d: `M${p.x},${p.y - 7} L${p.x - 6},${p.y + 4} L${p.x + 6},${p.y + 4} Z`,
            fill: color,
          }),
        );
      }
    });
    this.#guide.setAttribute("y1", String(plot.top));
    this.#guide.setAttribute("y2", String(plot.bottom));
    this.#guide.setAttribute("stroke", theme.muted);
    this.root.replaceChildren(...parts, this.#guide);
    this.root.setAttribute("font-size", "12");
    this.#point(this.#active >= coverage.buckets.length ? -1 : this.#active);
  }

  /** The bucket nearest an x in the chart, or -1 off the plot. */
  #bucketAt(x: number): number {
    const layout = this.#layout;
    if (!layout || layout.xs.length === 0 || x < layout.plot.left - 10 || x > layout.plot.right + 10)
      return -1;
    let best = 0;
    layout.xs.forEach((px, i) => {
      if (Math.abs(px - x) < Math.abs(layout.xs[best]! - x)) best = i;
    });
    return best;
  }

  /** Shows a bucket's numbers beside the guide line (and as the readout's text); -1 hides them. */
  #point(index: number, nearX?: number): void {
    const layout = this.#layout;
    this.#active = index;
    if (!layout || index < 0 || !this.#view) {
      this.#guide.setAttribute("visibility", "hidden");
      this.tip.hidden = true;
      return;
    }
    const x = layout.xs[index]!;
    this.#guide.setAttribute("x1", String(x));
    this.#guide.setAttribute("x2", String(x));
    this.#guide.setAttribute("visibility", "visible");
    const lines = this.#lines(index);
    this.tip.replaceChildren(
      ...lines.map((line) => Object.assign(document.createElement("div"), { textContent: line })),
    );
    this.tip.hidden = false;
    // Beside the guide, on the side with more room.
    const onLeft = (nearX ?? x) > (layout.plot.left + layout.plot.right) / 2;
    this.tip.style.left = onLeft ? "" : `${x + 12}px`;
    this.tip.style.right = onLeft ? `${this.root.clientWidth - x + 12}px` : "";
    this.readout.textContent = lines.join(". ");
  }

  /** What the dashboard's tooltip says about a bucket. */
  #lines(index: number): string[] {
    const view = this.#view!;
    const { coverage, locale } = view;
    const total = coverage.totals[index] ?? 0;
    const lines = [
      bucketTitle(coverage.buckets[index] ?? "", coverage.interval, locale),
      bucketTotalLine(total, coverage.interval, locale),
      ...coverage.series.map((series, i) => {
        const spike = view.spikes[i]?.find((s) => s.index === index);
        const note = spike ? ` ▲ spike: ${spikeNumbers(spike, locale)}` : "";
        return `${seriesLine(series.label, series.counts[index] ?? 0, total, locale)}${note}`;
      }),
      ...view.events.filter((e) => e.index === index).map((e) => `◆ ${e.label}`),
    ];
    const outage = stretchAt(view.outages, index);
    if (outage) lines.push("⚠ Ingestion down here: counts are incomplete");
    return lines;
  }

  /** Arrow keys walk the buckets, as in the dashboard's chart. */
  #onKey(event: KeyboardEvent): void {
    const last = (this.#view?.coverage.buckets.length ?? 0) - 1;
    if (last < 0 || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) return;
    event.preventDefault();
    const step = event.key === "ArrowRight" ? 1 : -1;
    this.#point(Math.min(last, Math.max(0, this.#active < 0 ? 0 : this.#active + step)));
  }
}

/** Text widths from a canvas's 2D context: the SVG's labels are laid out before they are in the page. */
function textMeasure(): (text: string, font: string) => number {
  const context = document.createElement("canvas").getContext("2d");
  return (text, font) => {
    if (!context) return text.length * 7;
    context.font = font;
    return context.measureText(text).width;
  };
}
