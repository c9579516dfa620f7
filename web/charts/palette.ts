/**
 * Okabe-Ito, the colour-blind-safe palette topics are created with; breakdown series (outlets, languages,
 * regions) take it in order. Black is swapped for light grey on a dark background, and back.
 */
export const OKABE_ITO = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#D55E00",
  "#56B4E9",
  "#F0E442",
  "#000000",
];
export const OTHER_COLOR = "#999999";

export function seriesColor(index: number, key: string, given: string | undefined): string {
  if (given) return given;
  if (key === "other") return OTHER_COLOR;
  return OKABE_ITO[index % OKABE_ITO.length]!;
}

/** Relative luminance (WCAG) of a #rrggbb colour; NaN for anything else. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return Number.NaN;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** A colour that stays visible on the page's background: near-black on dark, near-white on light, swapped. */
export function visibleOn(color: string, dark: boolean): string {
  const l = luminance(color);
  if (Number.isNaN(l)) return color;
  if (dark && l < 0.03) return "#c8c8c8";
  if (!dark && l > 0.9) return "#555555";
  return color;
}

/** #rrggbb with an alpha, for fills under stacked lines. */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 255)
    .toString(16)
    .padStart(2, "0");
  return `#${m[1]}${a}`;
}
