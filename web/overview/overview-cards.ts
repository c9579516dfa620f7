import type { Coverage } from "../api";
import { seriesColor } from "../charts/palette";
import { h } from "../element";
import { formatCount } from "../format";
import "./overview.css";
import { overviewCards, sparklinePath } from "./overview-data";

const SVG = "http://www.w3.org/2000/svg";
const SPARK_W = 120;
const SPARK_H = 28;

/**
 * The overview above the main chart: one card per topic of the view. Everything is set as text or as SVG
 * attributes through DOM APIs; no topic label reaches the page as markup.
 */
export class Overview {
  constructor(private readonly list: HTMLElement) {}

  update(coverage: Coverage, locale: string): void {
    const cards = overviewCards(coverage, locale);
    this.list.replaceChildren(
      ...cards.map((card, i) => {
        const color = seriesColor(i, card.key, card.color);
        const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
        swatch.style.background = color;
        const direction =
          card.change === null || card.change === 0 ? "flat" : card.change > 0 ? "up" : "down";
        return h(
          "li",
          {
            class: "overview-card",
            "data-key": card.key,
            "data-count": card.count,
            "data-change": card.change ?? "",
          },
          h("h3", { class: "overview-title" }, swatch, card.label),
          h(
            "p",
            { class: "overview-count" },
            h("strong", {}, formatCount(card.count, locale)),
            ` article${card.count === 1 ? "" : "s"}`,
          ),
          card.changeText ? h("p", { class: `overview-change ${direction}` }, card.changeText) : null,
          sparkline(card.counts, color, `${card.label}: articles per ${coverage.interval}`),
          h(
            "p",
            { class: "overview-spike" },
            card.latestSpike ? `▲ Latest spike: ${card.latestSpike}` : "No spike in this range",
          ),
        );
      }),
    );
    this.list.dataset.state = "ready";
  }

  clear(): void {
    this.list.replaceChildren();
    this.list.dataset.state = "empty";
  }
}

function sparkline(counts: readonly number[], color: string, label: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "sparkline");
  svg.setAttribute("viewBox", `0 0 ${SPARK_W} ${SPARK_H}`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", sparklinePath(counts, SPARK_W, SPARK_H));
  path.setAttribute("fill", "none");
  path.setAttribute("stroke", color);
  path.setAttribute("stroke-width", "1.5");
  path.setAttribute("vector-effect", "non-scaling-stroke");
  svg.append(path);
  return svg;
}
