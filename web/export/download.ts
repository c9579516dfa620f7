/** Saves a data URL (the chart's PNG) as a file, through a temporary link. */
export function downloadDataUrl(dataUrl: string, filename: string): void {
  const link = document.createElement("a");
  link.href = dataUrl;
  link.download = filename;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
}

export function exportFilename(from: string, to: string, extension: string): string {
  return `tidemark-coverage-${from}-${to}.${extension}`;
}
