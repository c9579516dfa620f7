import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { isDark } from "../theme/theme";

/**
 * Chart.js, tree-shaken: only what the dashboard draws. Buckets arrive as labels, so a category axis with our
 * own label formatting replaces the time scale and its date adapter. The legend is HTML (the topic toggles),
 * so Chart.js's canvas legend is not registered.
 */
Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Filler,
);

export { Chart };

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
