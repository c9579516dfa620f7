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

export { type ChartTheme, readTheme } from "./chart-theme";
export { Chart };
