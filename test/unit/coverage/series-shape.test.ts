import { describe, expect, it } from "vitest";
import {
  type CoverageResponse,
  shares,
  smooth,
  toCsv,
  topSeries,
  trailingMean,
  withShares,
} from "../../../core/coverage/coverage-series";

describe("shares", () => {
  it.each([
    [
      [1, 0, 2],
      [4, 0, 3],
      [0.25, 0, 0.666667],
    ],
    [
      [0, 0],
      [0, 5],
      [0, 0],
    ],
    [[1], [3], [0.333333]],
    [[7], [7], [1]],
    [[], [], []],
  ])("divides %j by %j as %j", (counts, totals, expected) => {
    expect(shares(counts, totals)).toEqual(expected);
  });
});

describe("trailingMean", () => {
  it.each([
    [[3, 0, 6, 3, 9], 3, [3, 1.5, 3, 3, 6]],
    [[3, 0, 6], 1, [3, 0, 6]],
    [[1, 2], 7, [1, 1.5]],
    [[1, 1, 2], 3, [1, 1, 1.333333]],
    [[], 3, []],
  ])("averages %j over %d buckets as %j", (values, n, expected) => {
    expect(trailingMean(values, n)).toEqual(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses a window of %d", (n) => {
    expect(() => trailingMean([1, 2], n)).toThrow(RangeError);
  });
});

describe("topSeries", () => {
  const s = (key: string, counts: number[]) => ({ key, label: key.toUpperCase(), counts });
  const input = [s("a", [1, 0]), s("b", [5, 5]), s("c", [0, 3]), s("d", [2, 1]), s("e", [0, 1])];

  it("keeps the largest series, largest first, and sums the rest into Other", () => {
    expect(topSeries(input, 2)).toEqual([
      s("b", [5, 5]),
      s("c", [0, 3]),
      { key: "other", label: "Other", counts: [3, 2] },
    ]);
  });

  it("breaks ties by label, then key, whatever the input order", () => {
    expect(topSeries([s("z", [1]), s("x", [1]), s("y", [1])], 1).map((r) => r.key)).toEqual(["x", "other"]);
    const twins = [
      { key: "9", label: "Folha", counts: [1] },
      { key: "10", label: "Folha", counts: [1] },
      { key: "3", label: "Globo", counts: [1] },
    ];
    expect(topSeries(twins, 1).map((r) => r.key)).toEqual(["10", "other"]);
  });

  it("omits Other when nothing is folded", () => {
    expect(topSeries(input, 5).map((r) => r.key)).toEqual(["b", "c", "d", "a", "e"]);
    expect(topSeries(input, 9)).toHaveLength(5);
  });

  it("keeps a single leftover series under its own name instead of calling it Other", () => {
    expect(topSeries(input, 4).map((r) => r.key)).toEqual(["b", "c", "d", "a", "e"]);
  });

  it("folds everything when top is 0", () => {
    expect(topSeries(input, 0)).toEqual([{ key: "other", label: "Other", counts: [8, 10] }]);
  });

  it("does not reuse the key of a kept series named other", () => {
    const named = [s("other", [9]), s("p", [1]), s("q", [1])];
    expect(topSeries(named, 1).map((r) => r.key)).toEqual(["other", "other_"]);
  });
});

const response: CoverageResponse = {
  interval: "day",
  tz: "Europe/Berlin",
  from: "2025-01-01",
  to: "2025-01-03",
  by: "feed",
  share: "all",
  buckets: ["2025-01-01", "2025-01-02", "2025-01-03"],
  totals: [4, 0, 2],
  series: withShares(
    [
      { key: "r1-release", label: "DeepSeek R1 release", counts: [1, 0, 2] },
      { key: '=HYPERLINK("x","y")', label: "evil", counts: [3, 0, 0] },
    ],
    [4, 0, 2],
  ),
};

describe("toCsv", () => {
  it("writes a header, one CRLF-terminated row per bucket, and quotes where RFC 4180 needs it", () => {
    expect(toCsv(response)).toBe(
      [
        'bucket,total,r1-release,r1-release_share,"\'=HYPERLINK(""x"",""y"")","\'=HYPERLINK(""x"",""y"")_share"',
        "2025-01-01,4,1,0.25,3,0.75",
        "2025-01-02,0,0,0,0,0",
        "2025-01-03,2,2,1,0,0",
        "",
      ].join("\r\n"),
    );
  });

  it.each([
    ["+1", "bucket,total,'+1,'+1_share"],
    ["-1", "bucket,total,'-1,'-1_share"],
    ["@SUM(A1)", "bucket,total,'@SUM(A1),'@SUM(A1)_share"],
    ["\tcmd", "bucket,total,'\tcmd,'\tcmd_share"],
    ["a,b", 'bucket,total,"a,b","a,b_share"'],
    ["line\nbreak", 'bucket,total,"line\nbreak","line\nbreak_share"'],
    ["plain", "bucket,total,plain,plain_share"],
  ])("writes the key %j into the header as %j", (key, header) => {
    const one = {
      ...response,
      series: withShares([{ key, label: key, counts: [0, 0, 0] }], response.totals),
    };
    expect(toCsv(one).split("\r\n")[0]).toBe(header);
  });

  it("adds smoothed columns beside the raw ones", () => {
    const smoothed = smooth({ ...response, series: response.series.slice(0, 1) }, 2);
    expect(toCsv(smoothed)).toBe(
      [
        "bucket,total,total_smoothed,r1-release,r1-release_share,r1-release_smoothed,r1-release_share_smoothed",
        "2025-01-01,4,4,1,0.25,1,0.25",
        "2025-01-02,0,2,0,0,0.5,0.25",
        "2025-01-03,2,1,2,1,1,1",
        "",
      ].join("\r\n"),
    );
  });
});

describe("smooth", () => {
  it("gives smoothed shares as smoothed counts over smoothed totals", () => {
    const out = smooth(response, 3);
    expect(out.smooth).toBe(3);
    expect(out.smoothedTotals).toEqual([4, 2, 2]);
    expect(out.series[0]).toMatchObject({ smoothedCounts: [1, 0.5, 1], smoothedShares: [0.25, 0.25, 0.5] });
  });
});
