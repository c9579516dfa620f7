import { isDark } from "../theme/theme";

/** Colours of the page, read from its CSS custom properties so dark mode reaches the canvas. */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  background: string;
  dark: boolean;
}

export function readTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const get = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: get("--fg", "#1b1f24"),
    muted: get("--muted", "#5b6470"),
    grid: get("--grid", "#e3e6ea"),
    background: get("--bg", "#ffffff"),
    dark: isDark(),
  };
}
