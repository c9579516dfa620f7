import { describe, expect, it } from "vitest";
import {
  bucketTitle,
  bucketTotalLine,
  groupLine,
  otherLine,
  seriesLine,
} from "../../../web/charts/tooltip-text";

describe("tooltip text", () => {
  it("names every bucket in full: a day with its weekday, a week by its seven days", () => {
    expect(bucketTitle("2025-01-27", "day", "en-GB")).toBe("Mon, 27 Jan 2025");
    expect(bucketTitle("2025-01-27", "week", "en-GB")).toBe("Mon, 27 Jan 2025 – Sun, 2 Feb 2025");
    expect(bucketTitle("2025-12-29", "week", "en-GB")).toBe("Mon, 29 Dec 2025 – Sun, 4 Jan 2026");
    expect(bucketTitle("2025-01", "month", "en-GB")).toBe("January 2025");
    expect(bucketTitle("2025-01-27T09:00+01:00", "hour", "en-GB")).toBe("27 Jan 2025, 09:00");
  });

  it("gives the bucket's total, the denominator of its shares", () => {
    expect(bucketTotalLine(1266, "day", "en-GB")).toBe("All articles this day: 1,266");
    expect(seriesLine("DeepSeek R1 release", 12, 266, "en-GB")).toBe("DeepSeek R1 release: 12 (4.5% of 266)");
    expect(seriesLine("Quiet", 0, 0, "en-GB")).toBe("Quiet: 0");
  });

  it("gives a breakdown bar its group's own articles when the share is of the group", () => {
    expect(groupLine({ total: 12, groupTotal: 340, share: 12 / 340 }, "outlet", 900, "en-GB")).toBe(
      "12 articles of 340 from this outlet (3.5%)",
    );
    expect(groupLine({ total: 1 }, "language", 4, "en-GB")).toBe("1 article (25% of 4)");
  });

  it("sums up the groups outside the top as one line", () => {
    expect(otherLine({ total: 214 }, "outlet", 862, "en-GB")).toBe(
      "Other outlets, together: 214 articles (24.8% of 862)",
    );
    expect(otherLine({ total: 5, groupTotal: 50, share: 0.1 }, "language", 9, "en-GB")).toBe(
      "Other languages, together: 5 articles, 10% of their 50",
    );
  });
});
