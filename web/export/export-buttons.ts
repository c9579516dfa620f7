import type { ExportSource } from "./export-chart";

/**
 * The PNG and SVG buttons. The export code is fetched on the first press (a chunk of its own), so the first
 * chart never waits for it; `source` answers null while there is no chart to export.
 */
export function setupExport(
  buttons: { png: HTMLButtonElement; svg: HTMLButtonElement },
  source: () => ExportSource | null,
  onError: (message: string) => void,
): void {
  const run = (format: "png" | "svg", button: HTMLButtonElement) => {
    const view = source();
    if (!view) return;
    button.disabled = true;
    import("./export-chart")
      .then((m) => m.exportChart(format, view))
      .catch((error: unknown) => onError(`Could not export the chart: ${(error as Error).message}`))
      .finally(() => {
        button.disabled = false;
      });
  };
  buttons.png.addEventListener("click", () => run("png", buttons.png));
  buttons.svg.addEventListener("click", () => run("svg", buttons.svg));
}
