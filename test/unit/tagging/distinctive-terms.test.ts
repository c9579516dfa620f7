import { describe, expect, it } from "vitest";
import { logOddsScores } from "../../../core/tagging/distinctive-terms";

describe("weighted log-odds with an informative Dirichlet prior", () => {
  // Topic counts 4, 1, 5 (n = 10) against rest counts 2, 6, 12 (n = 20); pooled n = 30.
  const topic = [4, 1, 5];
  const rest = [2, 6, 12];

  it("matches the numbers worked by hand with the pooled counts as the prior", () => {
    // Term 0: a_w = 30 · 6 / 30 = 6.
    //   delta = ln((4 + 6) / (10 + 30 - 4 - 6)) - ln((2 + 6) / (20 + 30 - 2 - 6)) = ln(1/3) - ln(8/42) = ln 1.75
    //   var = 1/10 + 1/8 = 0.225, z = 0.559616 / 0.474342 = 1.179774
    // Term 1: a_w = 7: delta = ln(8/32) - ln(13/37) = -0.340326; var = 1/8 + 1/13; z = -0.757359
    const { delta, z } = logOddsScores(topic, rest);
    expect(delta[0]).toBeCloseTo(Math.log(1.75), 9);
    expect(z[0]).toBeCloseTo(1.179774, 5);
    expect(delta[1]).toBeCloseTo(Math.log(8 / 32) - Math.log(13 / 37), 9);
    expect(z[1]).toBeCloseTo(-0.757359, 5);
    expect(delta[2]).toBeCloseTo(Math.log(22 / 18) - Math.log(29 / 21), 9);
  });

  it("takes a smaller prior weight, which shrinks less", () => {
    // a_0 = 3: term 0 has a_w = 3 · 6 / 30 = 0.6.
    //   delta = ln(4.6 / (10 + 3 - 4 - 0.6)) - ln(2.6 / (20 + 3 - 2 - 0.6)) = ln(4.6 / 8.4) - ln(2.6 / 20.4)
    //   z = 1.457848 / sqrt(1/4.6 + 1/2.6) = 1.878934
    const { delta, z } = logOddsScores(topic, rest, { priorWeight: 3 });
    expect(delta[0]).toBeCloseTo(Math.log(4.6 / 8.4) - Math.log(2.6 / 20.4), 9);
    expect(z[0]).toBeCloseTo(1.878934, 5);
  });

  it("gives a word both groups use at the same rate a z of zero, however common it is", () => {
    const { delta, z } = logOddsScores([500, 5, 495], [1000, 10, 990]);
    expect(delta[0]).toBeCloseTo(0, 12);
    expect(z[0]).toBeCloseTo(0, 12);
    expect(z[1]).toBeCloseTo(0, 12);
  });

  it("ranks a word seen often in the topic only above one seen once there", () => {
    const { z } = logOddsScores([20, 1, 100], [0, 0, 400]);
    expect(z[0]).toBeGreaterThan(z[1]!);
    expect(z[1]).toBeGreaterThan(0);
    expect(z[2]).toBeLessThan(0);
  });

  it("scores nothing for empty counts or a one-term vocabulary", () => {
    expect([...logOddsScores([0, 0], [0, 0]).z]).toEqual([0, 0]);
    expect([...logOddsScores([3], [0]).z]).toEqual([0]);
    expect(() => logOddsScores([1], [1, 2])).toThrow(/differ in length/);
  });
});
