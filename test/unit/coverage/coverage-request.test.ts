import { describe, expect, it } from "vitest";
import {
  chooseTopics,
  coveragePlan,
  coverageResponse,
  labelBreakdown,
  topicSeries,
} from "../../../core/coverage/coverage-request";
import { DomainError } from "../../../core/errors";

const topics = [
  { id: 1, slug: "r1-release", name: "R1 release" },
  { id: 2, slug: "nvidia", name: "Nvidia" },
];

const messageOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.publicMessage;
    throw error;
  }
  return undefined;
};

describe("coverage requests", () => {
  it("chooses every topic by default, or the named ones in their order, once each", () => {
    expect(chooseTopics(topics, undefined).map((t) => t.id)).toEqual([1, 2]);
    expect(chooseTopics(topics, " nvidia,r1-release,nvidia ").map((t) => t.id)).toEqual([2, 1]);
    expect(messageOf(() => chooseTopics(topics, "nvidia,nope,gone"))).toBe(
      "topics: unknown topic 'nope', 'gone'",
    );
  });

  it("plans the 90 days up to today in tz by default, and refuses offsets rollups cannot count", () => {
    const plan = coveragePlan({ interval: "day", tz: "UTC" }, Date.parse("2025-03-31T12:00:00Z"));
    expect([plan.from, plan.to, plan.labels.length]).toEqual(["2025-01-01", "2025-03-31", 90]);
    expect(
      messageOf(() =>
        coveragePlan({ from: "1971-01-01", to: "1971-01-02", interval: "day", tz: "Africa/Monrovia" }, 0),
      ),
    ).toMatch(/^tz: Africa\/Monrovia was not a whole number of quarter hours/);
  });

  it("labels breakdowns: feeds by name, regions folded from countries, unknown groups", () => {
    const split = new Map([
      ["DE", [1, 2]],
      ["CN", [3, 0]],
      ["US", [0, 1]],
      ["", [1, 1]],
    ]);
    expect(labelBreakdown("region", split)).toEqual([
      { key: "global-north", label: expect.any(String), counts: [1, 3] },
      { key: "global-south", label: expect.any(String), counts: [3, 0] },
      { key: "unknown", label: expect.any(String), counts: [1, 1] },
    ]);
    expect(labelBreakdown("country", split).map((s) => s.label)).toEqual([
      "Germany",
      "China",
      "United States",
      "Unknown",
    ]);
    const feeds = new Map([["7", [1]]]);
    expect(
      labelBreakdown("feed", feeds, { feedName: (id) => (id === "7" ? "Reuters" : undefined) })[0]!.label,
    ).toBe("Reuters");
    expect(labelBreakdown("feed", feeds)[0]!.label).toBe("feed 7");
  });

  it("answers topic series with shares of totals, zero-filled where a topic has no counts", () => {
    const plan = coveragePlan({ from: "2025-01-01", to: "2025-01-02", interval: "day", tz: "UTC" }, 0);
    const series = topicSeries(topics, new Map([["1", [1, 2]]]), 2);
    const body = coverageResponse(plan, "topic", [2, 4], series);
    expect(body.series).toEqual([
      { key: "r1-release", label: "R1 release", counts: [1, 2], shares: [0.5, 0.5] },
      { key: "nvidia", label: "Nvidia", counts: [0, 0], shares: [0, 0] },
    ]);
    expect(body.buckets).toEqual(["2025-01-01", "2025-01-02"]);
  });
});
