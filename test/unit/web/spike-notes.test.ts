import { describe, expect, it } from "vitest";
import { spikeNumbers } from "../../../web/charts/spike-notes";

const spike = {
  bucket: "2025-01-27",
  index: 26,
  count: 1234,
  baseline: 6.25,
  sd: 2.04,
  baselineBuckets: 28,
  threshold: 19,
  pValue: 1e-9,
};

describe("spikeNumbers", () => {
  it("says the count, the baseline with its sd and the threshold, in the reader's locale", () => {
    expect(spikeNumbers(spike, "en-GB")).toBe(
      "1,234 articles against a baseline of 6.3 (sd 2); threshold 19",
    );
    expect(spikeNumbers(spike, "de-DE")).toBe(
      "1.234 articles against a baseline of 6,3 (sd 2); threshold 19",
    );
  });
});
