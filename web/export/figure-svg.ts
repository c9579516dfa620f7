import type { ChartTheme } from "../charts/chart-setup";
import type { Caption } from "./caption";
import type { Measure } from "./chart-svg";
import { svg } from "./svg-element";

const PAD = 16;
const FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
const font = (size: number, weight = "normal") => `${weight} ${size}px ${FAMILY}`;

/**
 * A chart with its caption around it, as one standalone SVG document: title, range and zone, legend above;
 * the source line and the view's Tidemark URL below. The same document is the SVG export and, rasterised, the
 * PNG one, so the two never differ. `chart` is drawn in a `width` x `height` box.
 */
export function figureSvg(
  chart: SVGGElement,
  size: { width: number; height: number },
  caption: Caption,
  theme: ChartTheme,
  measure: Measure,
): SVGSVGElement {
  const width = Math.max(size.width, 320);
  const inner = width - 2 * PAD;
  const body: SVGElement[] = [];
  let y = PAD;
  const line = (text: string, size: number, color: string, weight = "normal") => {
    y += size * 1.3;
    body.push(
      svg("text", { x: PAD, y: Math.round(y), "font-size": size, "font-weight": weight, fill: color }, text),
    );
  };

  for (const text of wrapWords(caption.title, inner, font(18, "bold"), measure))
    line(text, 18, theme.text, "bold");
  for (const text of wrapWords(caption.range, inner, font(13), measure)) line(text, 13, theme.muted);

  y += 8;
  let x = PAD;
  let rowTop = y;
  for (const item of caption.legend) {
    const w = 12 + 6 + measure(item.label, font(13)) + 16;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      rowTop += 20;
    }
    body.push(svg("rect", { x, y: rowTop + 3, width: 12, height: 12, rx: 2, fill: item.color }));
    body.push(svg("text", { x: x + 18, y: rowTop + 14, "font-size": 13, fill: theme.text }, item.label));
    x += w;
  }
  y = caption.legend.length > 0 ? rowTop + 28 : y;

  const chartTop = Math.round(y);
  body.push(svg("g", { transform: `translate(${Math.round((width - size.width) / 2)},${chartTop})` }, chart));
  y = chartTop + size.height + 4;

  for (const text of wrapWords(caption.source, inner, font(12), measure)) line(text, 12, theme.text);
  for (const text of wrapChars(caption.url, inner, font(11), measure)) line(text, 11, theme.muted);
  const height = Math.round(y + PAD);

  return svg(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      "font-family": FAMILY,
      role: "img",
    },
    svg("title", {}, caption.title),
    svg("desc", {}, `${caption.range}. ${caption.source}. ${caption.url}`),
    svg("rect", { width, height, fill: theme.background }),
    ...body,
  );
}

/** Lines of whole words no wider than `width` (a word wider than a line gets a line of its own). */
export function wrapWords(text: string, width: number, fontSpec: string, measure: Measure): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (current && measure(next, fontSpec) > width) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

/** A URL has no spaces to break at: it is cut into lines by characters, so it stays whole and readable. */
export function wrapChars(text: string, width: number, fontSpec: string, measure: Measure): string[] {
  const lines: string[] = [];
  let current = "";
  for (const char of text) {
    if (current && measure(current + char, fontSpec) > width) {
      lines.push(current);
      current = char;
    } else current += char;
  }
  if (current) lines.push(current);
  return lines;
}
