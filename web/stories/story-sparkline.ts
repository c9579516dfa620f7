import { sparklinePath } from "../overview/overview-data";

const SVG = "http://www.w3.org/2000/svg";
const W = 96;
const H = 22;

/** A story's articles over its life as a small line; its numbers are in the accessible name. */
export function storySparkline(counts: readonly number[], label: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  // "sparkline" as the overview's: the one kind of SVG the page draws, a path and nothing from the feed.
  svg.setAttribute("class", "sparkline story-spark");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  const path = document.createElementNS(SVG, "path");
  // A one-step story (every copy within ten minutes) is a flat line at its count, not a lone dot.
  path.setAttribute("d", sparklinePath(counts.length === 1 ? [counts[0]!, counts[0]!] : counts, W, H));
  path.setAttribute("fill", "none");
  path.setAttribute("stroke", "currentColor");
  path.setAttribute("stroke-width", "1.5");
  path.setAttribute("vector-effect", "non-scaling-stroke");
  svg.append(path);
  return svg;
}
