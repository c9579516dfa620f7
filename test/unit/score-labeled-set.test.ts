import { describe, expect, it } from "vitest";
import { readLabeledSet } from "../bench/score-labeled-set";

describe("the labeled-set scorer", () => {
  it("refuses the blind set before opening it, wherever it lies", () => {
    expect(() => readLabeledSet("/nowhere/blind-set.json")).toThrow(/refusing to score blind-set\.json/);
    expect(() => readLabeledSet("test/fixtures/topics/blind-set.json")).toThrow(/refusing/);
  });

  it("reads any other set", () => {
    expect(readLabeledSet("test/fixtures/topics/holdout-set.json").length).toBeGreaterThan(0);
  });
});
