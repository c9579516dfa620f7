import { Chart } from "chart.js";
import type { Coverage, CoverageQuery } from "../api";
import { readTheme } from "../charts/chart-setup";
import { chartCaption } from "./caption";
import { type ChartMarks, chartSvg, type Measure } from "./chart-svg";
import { downloadDataUrl, exportFilename } from "./download";
import { figureSvg } from "./figure-svg";
import { loadOutletCount } from "./outlets";

/** What an export needs from the page: the drawn chart, its data and marks, and the view it belongs to. */
export interface ExportSource {
  canvas: HTMLCanvasElement;
  coverage: Coverage;
  query: CoverageQuery;
  marks: ChartMarks;
  metric: "counts" | "share";
  smooth: number;
  filters: Record<string, string>;
  viewUrl: string;
  locale: string;
}

/** PNGs are drawn at twice the chart's CSS size, so they stay sharp when an article scales them up. */
const PNG_SCALE = 2;

/**
 * The chart as a file for an article: SVG (text stays text, editable) or PNG, both with title, legend, range,
 * zone, source line and the view's URL. Loaded on the first export only, so the dashboard's first chart does
 * not wait for it.
 */
export async function exportChart(format: "png" | "svg", source: ExportSource): Promise<void> {
  const document = await exportDocument(source);
  const filename = exportFilename(source.coverage.from, source.coverage.to, format);
  if (format === "svg") downloadDataUrl(svgDataUrl(document.svg), filename);
  else downloadDataUrl(await rasterise(document.svg, document.width, document.height), filename);
}

export async function exportDocument(source: ExportSource) {
  const chart = Chart.getChart(source.canvas) as Chart<"line", number[], string> | undefined;
  if (!chart) throw new Error("the chart is not drawn yet");
  const theme = readTheme();
  const measure = measurer();
  const outlets = await loadOutletCount(source.query);
  const caption = chartCaption({
    coverage: source.coverage,
    metric: source.metric,
    unit: source.query.unit,
    smooth: source.smooth,
    filters: source.filters,
    colors: chart.data.datasets.map((d) => String(d.borderColor ?? "#888888")),
    outlets,
    viewUrl: source.viewUrl,
    locale: source.locale,
  });
  const size = { width: chart.width, height: chart.height };
  const svg = figureSvg(chartSvg(chart, source.marks, theme, measure), size, caption, theme, measure);
  return { svg, width: Number(svg.getAttribute("width")), height: Number(svg.getAttribute("height")) };
}

function svgDataUrl(node: SVGSVGElement): string {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(node)}`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
}

/** The SVG drawn onto a canvas through an <img> (a data: URL, which the page's CSP allows for images). */
async function rasterise(node: SVGSVGElement, width: number, height: number): Promise<string> {
  const image = new Image();
  image.src = svgDataUrl(node);
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * PNG_SCALE);
  canvas.height = Math.round(height * PNG_SCALE);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("this browser cannot draw the PNG");
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL("image/png");
}

/** Text widths from a canvas context, for wrapping captions and keeping labels inside the picture. */
function measurer(): Measure {
  const context = document.createElement("canvas").getContext("2d");
  return (text, font) => {
    if (!context) return text.length * 7;
    context.font = font;
    return context.measureText(text).width;
  };
}
