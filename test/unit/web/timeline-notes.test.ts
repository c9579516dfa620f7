import { describe, expect, it } from "vitest";
import type { Stretch } from "../../../web/charts/markers";
import { bucketNote, outageText } from "../../../web/charts/timeline-notes";

const stretch = (over: Partial<Stretch> = {}): Stretch => ({
  first: 1,
  last: 2,
  label: "⚠ ingestion down",
  reasons: ["all 3 feeds failed (timeout 3)"],
  passes: 12,
  start: Date.parse("2025-01-27T09:00:00Z"),
  end: Date.parse("2025-01-28T03:00:00Z"),
  open: false,
  ...over,
});

describe("outageText", () => {
  it("says when ingestion was down in the chart's zone, how many passes failed, why, and what it means", () => {
    expect(outageText(stretch(), "Europe/Berlin", "en-GB")).toBe(
      "Ingestion down from 27 Jan 2025, 10:00 to 28 Jan 2025, 04:00, 12 failed passes: " +
        "all 3 feeds failed (timeout 3). Counts here are incomplete, not a drop in coverage.",
    );
  });

  it("says an open outage is still going, and lists every merged reason", () => {
    const text = outageText(stretch({ open: true, passes: 1, reasons: ["a", "b"] }), "UTC", "en-GB");
    expect(text).toBe(
      "Ingestion down since 27 Jan 2025, 09:00 (still down), 1 failed pass: a; b. " +
        "Counts here are incomplete, not a drop in coverage.",
    );
  });
});

describe("bucketNote", () => {
  const events = [
    { index: 1, label: "DeepSeek releases R1" },
    { index: 3, label: "Nvidia sell-off" },
  ];

  it("names the bucket's events", () => {
    expect(bucketNote(3, events, [], "UTC", "en-GB")).toBe("◆ Nvidia sell-off");
    expect(bucketNote(0, events, [], "UTC", "en-GB")).toBeNull();
  });

  it("explains an outage in full at its first bucket and briefly after it", () => {
    const first = bucketNote(1, events, [stretch()], "UTC", "en-GB");
    expect(first).toMatch(/^◆ DeepSeek releases R1 ⚠ Ingestion down from 27 Jan 2025, 09:00/);
    expect(first).toContain("not a drop in coverage");
    expect(bucketNote(2, events, [stretch()], "UTC", "en-GB")).toBe("⚠ Ingestion down: count incomplete.");
  });
});
