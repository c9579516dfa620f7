import { Chart } from "chart.js";
import "./print.css";

/** A4 or Letter less the browser's default margins, in CSS pixels: the printed chart's width. */
const PRINT_WIDTH = 680;

/**
 * A printed page shows the charts and their tables: the closed <details> that hold the tables are opened for
 * the print (`render` fills a table the page builds only when opened) and closed again afterwards, and each
 * chart is redrawn at the paper's width (Chart.js sizes canvases in screen pixels, which a page would crop).
 * What is hidden is in print.css.
 */
export function setupPrint(tables: readonly HTMLDetailsElement[], render: () => void): void {
  let opened: HTMLDetailsElement[] = [];
  const charts = () =>
    [...document.querySelectorAll<HTMLCanvasElement>(".chart canvas")].flatMap(
      (c) => Chart.getChart(c) ?? [],
    );
  window.addEventListener("beforeprint", () => {
    opened = tables.filter((d) => !d.open);
    for (const d of opened) d.open = true;
    // The toggle event that would fill the table arrives after the page is laid out for print: fill it now.
    render();
    for (const chart of charts()) chart.resize(Math.min(PRINT_WIDTH, chart.width), chart.height);
  });
  window.addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
    for (const chart of charts()) chart.resize();
  });
}
