import type { Plugin } from "chart.js";
import { Chart } from "./chart-setup";

/**
 * A performance mark `tidemark:drawn:<canvas id>` at the first frame each chart paints after an update: when a
 * reader sees the new data. The dashboard bench (test/bench/dashboard.bench.ts) times every control's redraw
 * by it. Only the latest mark of each chart is kept, so a long session does not collect them.
 */
const updated = new WeakSet<Chart>();

const drawMarks: Plugin = {
  id: "tidemarkDrawMarks",
  afterUpdate: (chart) => {
    updated.add(chart);
  },
  // afterDraw, not afterRender: with an animation, afterRender comes only when the animation ends (250 ms on).
  afterDraw: (chart) => {
    if (!updated.delete(chart)) return;
    const name = `tidemark:drawn:${chart.canvas.id}`;
    performance.clearMarks(name);
    performance.mark(name);
  },
};

Chart.register(drawMarks);
