import { luminance } from "./palette";

/**
 * Colours of breakdown bars (outlets, languages, regions). Topics own the chart's hues (Okabe-Ito), so a bar
 * in a topic's colour reads as that topic. Each bar is named on its axis, so the bars need no hue of their
 * own: one neutral slate, and "Other" (everything outside the top) a paler grey, drawn apart.
 */
export const GROUP_COLOR = { light: "#5f6b7a", dark: "#a3adba" } as const;
export const OTHER_GROUP_COLOR = { light: "#b8bec6", dark: "#5a626c" } as const;

export function groupColor(key: string, dark: boolean): string {
  const palette = key === "other" ? OTHER_GROUP_COLOR : GROUP_COLOR;
  return dark ? palette.dark : palette.light;
}

/** Chroma of a #rrggbb colour (max - min channel, 0..255): near 0 for greys, which no topic palette uses. */
export function chroma(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m || Number.isNaN(luminance(hex))) return Number.NaN;
  const channels = [m[1]!, m[2]!, m[3]!].map((c) => Number.parseInt(c, 16));
  return Math.max(...channels) - Math.min(...channels);
}
