/**
 * Where the chart's event labels go: centred over their line where there is room, pushed inside the canvas
 * at its edges (never clipped), and moved down a row when they would overlap the label before them.
 */

export interface LabelBox {
  /** The x the label belongs to (its event's line), px. */
  x: number;
  width: number;
}

export interface PlacedLabel {
  /** Left edge of the text, px. */
  left: number;
  /** 0 is the top row. */
  row: number;
}

/** `rows` rows; when every row is taken the label goes to the row whose last label ends first. */
export function layoutLabels(
  labels: readonly LabelBox[],
  bounds: { left: number; right: number },
  rows = 2,
  gap = 4,
): PlacedLabel[] {
  const rowEnds = Array.from({ length: rows }, () => Number.NEGATIVE_INFINITY);
  return labels.map(({ x, width }) => {
    const widest = Math.max(bounds.left, bounds.right - width);
    const left = Math.min(Math.max(x - width / 2, bounds.left), widest);
    let row = rowEnds.findIndex((end) => left >= end + gap);
    if (row < 0) row = rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = left + width;
    return { left, row };
  });
}
