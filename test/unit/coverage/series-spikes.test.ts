import { describe, expect, it } from "vitest";
import { leadInPlan, withSpikes } from "../../../core/coverage/series-spikes";
import { markSpikes, SPIKE_RULES } from "../../../core/spike-rule";
import { planBuckets } from "../../../core/time/time-buckets";

const plan = (from: string, to: string, interval: "hour" | "day" | "week" | "month", tz = "UTC") =>
  planBuckets({ from, to, interval, tz });

describe("leadInPlan", () => {
  it("gives the baseline and guard days just before a daily range, in its zone", () => {
    const range = plan("2025-01-27", "2025-02-02", "day", "Europe/Berlin");
    const lead = leadInPlan(range, SPIKE_RULES.day)!;
    expect(lead.labels).toHaveLength(30);
    expect(lead.labels[0]).toBe("2024-12-28");
    expect(lead.labels.at(-1)).toBe("2025-01-26");
    expect(lead.edges.at(-1)).toBe(range.edges[0]);
    expect(lead.edges[0]).toBe(Date.parse("2024-12-27T23:00:00Z"));
  });

  it("ends at the start of a mid-week range's first calendar week, and of a month's", () => {
    const weeks = leadInPlan(plan("2025-01-29", "2025-03-01", "week"), SPIKE_RULES.week)!;
    expect(weeks.labels).toHaveLength(14);
    expect(weeks.labels.at(-1)).toBe("2025-01-20");
    expect(weeks.edges.at(-1)).toBe(Date.parse("2025-01-27T00:00:00Z"));
    const months = leadInPlan(plan("2025-03-15", "2025-06-30", "month"), SPIKE_RULES.month)!;
    expect(months.labels).toEqual([
      "2024-01",
      "2024-02",
      "2024-03",
      "2024-04",
      "2024-05",
      "2024-06",
      "2024-07",
      "2024-08",
      "2024-09",
      "2024-10",
      "2024-11",
      "2024-12",
      "2025-01",
      "2025-02",
    ]);
  });

  it("counts hours back across a DST change, ending where the range begins", () => {
    const range = plan("2025-03-31", "2025-03-31", "hour", "Europe/Berlin");
    const lead = leadInPlan(range, SPIKE_RULES.hour)!;
    expect(lead.labels).toHaveLength(170);
    expect(lead.edges.at(-1)).toBe(range.edges[0]);
    expect(lead.edges.at(-1)! - lead.edges[0]!).toBe(170 * 3_600_000);
  });

  it("stops at 1970", () => {
    expect(leadInPlan(plan("1970-01-01", "1970-01-31", "day"), SPIKE_RULES.day)).toBeNull();
    expect(leadInPlan(plan("1970-01-11", "1970-01-31", "day"), SPIKE_RULES.day)!.labels).toHaveLength(10);
  });
});

describe("withSpikes", () => {
  const rule = SPIKE_RULES.day;
  const labels = ["a", "b", "c"];
  const quiet = (n: number) => new Array<number>(30).fill(n);

  it("judges each series on its own lead-in, and a folded Other on the sum of the groups it holds", () => {
    const series = [
      { key: "de", label: "German", counts: [2, 12, 2] },
      { key: "other", label: "Other", counts: [30, 30, 30] },
      { key: "new", label: "New", counts: [0, 6, 0] },
    ];
    const leadIn = [
      { key: "de", label: "German", counts: quiet(2) },
      { key: "fr", label: "French", counts: quiet(10) },
      { key: "es", label: "Spanish", counts: quiet(20) },
    ];
    const spiked = withSpikes(series, labels, leadIn, rule);
    expect(spiked[0]!.spikes).toEqual(markSpikes([2, 12, 2], labels, quiet(2), rule));
    expect(spiked[0]!.spikes.map((s) => s.bucket)).toEqual(["b"]);
    // Other held 30 a day before the range (fr + es): 30 is no spike. Judged on zeros, it would be.
    expect(spiked[1]!.spikes).toEqual([]);
    expect(spiked[2]!.spikes.map((s) => [s.bucket, s.baseline, s.threshold])).toEqual([["b", 0, 5]]);
    expect(spiked.map((s) => s.counts)).toEqual(series.map((s) => s.counts));
  });
});
