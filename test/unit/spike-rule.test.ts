import { describe, expect, it } from "vitest";
import { detectSpike } from "../../core/spike-rule";

const flat = (n: number) => new Array<number>(14).fill(n);

describe("detectSpike", () => {
  it("calls a count above mean + 3 sd and at least 10 a spike, and reports the figures", () => {
    const baseline = [4, 6, 4, 6, 4, 6, 4, 6, 4, 6, 4, 6, 4, 6]; // mean 5, sd 1: the bar is 8, the minimum 10
    expect(detectSpike(10, baseline)).toEqual({ spike: true, count: 10, mean: 5, sd: 1, threshold: 10 });
    expect(detectSpike(9, baseline).spike).toBe(false);
  });

  it("needs the minimum count however quiet the topic was", () => {
    expect(detectSpike(9, flat(0))).toMatchObject({ spike: false, threshold: 10 });
    expect(detectSpike(10, flat(0)).spike).toBe(true);
  });

  it("needs more than mean + k sd on a busy or jumpy topic", () => {
    const jumpy = [0, 40, 0, 40, 0, 40, 0, 40, 0, 40, 0, 40, 0, 40]; // mean 20, sd 20: the bar is 80
    expect(detectSpike(80, jumpy)).toMatchObject({ spike: false, threshold: 80 });
    expect(detectSpike(81, jumpy).spike).toBe(true);
    expect(detectSpike(100, flat(100)).spike).toBe(false);
    expect(detectSpike(101, flat(100)).spike).toBe(true);
  });

  it("takes k and the minimum from the rule", () => {
    const rule = { k: 1, minCount: 3, baselineDays: 14 };
    expect(detectSpike(3, flat(1), rule).spike).toBe(true);
    expect(detectSpike(2, flat(1), rule).spike).toBe(false);
    expect(detectSpike(3, [], rule)).toMatchObject({ spike: true, mean: 0, sd: 0 });
  });
});
