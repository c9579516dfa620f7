import { isScoped, type Scope } from "./coverage-scope";
import type { CoverageBy } from "./coverage-series";

/**
 * Which store answers each number of /api/coverage. The rollups count tags per topic (topic 0: every article),
 * per hour and day, and per quarter hour and day with feed and language ("detail"). They are exact wherever one
 * topic is counted at a time: a topic's series, every article, the articles of one topic split by group, under
 * any filter (filters are feed and language sets, see coverage-scope.ts). A breakdown of two or more topics must
 * count each article once however many of them it carries, which no per-topic count can tell: the topic-set
 * rollups count articles per set of topics they carry (each article in one set), so such a breakdown sums the
 * sets that share a topic with the selection, and reads the articles only for the hours at bucket edges that
 * fall inside UTC days.
 *
 * | request                                   | series                | totals, groupTotals                   |
 * | ----------------------------------------- | --------------------- | ------------------------------------- |
 * | by=topic, no filter                       | hourly/daily rollups  | hourly/daily rollups                  |
 * | by=topic with filters                     | detail rollups        | detail rollups                        |
 * | by=group, no `topics` or one topic        | detail rollups        | totals: hourly/daily unless filtered; |
 * | by=group, two or more topics              | topic-set rollups     | group totals: detail rollups          |
 */

export type CountKey = "topic" | "feed" | "lang" | "country";
export type CountSource = "rollup" | "detail" | "sets";

export interface CountPlan {
  /** What series are keyed by; by=region counts by country and folds countries afterwards. */
  key: CountKey;
  /** Topic ids to count; "every" counts every article (a breakdown without `topics`). */
  topics: number[] | "every";
  scope: Scope;
  /** Which store answers the series. Totals and group totals always come from the rollups. */
  source: CountSource;
  /** Whether each group's count of every article is read too (share=group). */
  groupTotals: boolean;
}

export function planCounts(input: {
  by: CoverageBy;
  /** The chosen topics' ids, or "every" when a breakdown names no topics. */
  topics: number[] | "every";
  scope: Scope;
  groupTotals: boolean;
}): CountPlan {
  const { by, topics, scope } = input;
  const key: CountKey = by === "region" ? "country" : by;
  const source: CountSource =
    key === "topic"
      ? isScoped(scope)
        ? "detail"
        : "rollup"
      : topics === "every" || topics.length <= 1
        ? "detail"
        : "sets";
  return { key, topics, scope, source, groupTotals: input.groupTotals && key !== "topic" };
}
