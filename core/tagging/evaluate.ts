import type { TopicMatcher } from "./types";

export interface LabeledArticle {
  id: string;
  lang: string;
  title: string;
  summary: string;
  /** Slugs a careful reader would tag the article with. */
  topics: string[];
}

export interface TopicScore {
  slug: string;
  /** Labeled positives in the set. */
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  scores: TopicScore[];
  /** Every wrong decision, for reading why a query misses or overreaches. */
  mistakes: { id: string; slug: string; kind: "false-positive" | "false-negative" }[];
}

/** Per-topic precision, recall and F1 of a matcher against labeled articles. */
export function evaluateMatcher(matcher: TopicMatcher, items: LabeledArticle[], slugs: string[]): Evaluation {
  const counts = new Map(slugs.map((slug) => [slug, { tp: 0, fp: 0, fn: 0 }]));
  const mistakes: Evaluation["mistakes"] = [];
  for (const item of items) {
    const predicted = new Set(matcher.match(item).map((m) => m.slug));
    for (const slug of slugs) {
      const count = counts.get(slug)!;
      const expected = item.topics.includes(slug);
      const got = predicted.has(slug);
      if (expected && got) count.tp++;
      else if (got) {
        count.fp++;
        mistakes.push({ id: item.id, slug, kind: "false-positive" });
      } else if (expected) {
        count.fn++;
        mistakes.push({ id: item.id, slug, kind: "false-negative" });
      }
    }
  }
  const scores = slugs.map((slug) => {
    const { tp, fp, fn } = counts.get(slug)!;
    return { slug, ...scoreOf(tp, fp, fn) };
  });
  return { scores, mistakes };
}

function scoreOf(tp: number, fp: number, fn: number): Omit<TopicScore, "slug"> {
  // No prediction at all is not a precision failure; recall reports the miss.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    support: tp + fn,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1,
  };
}

/** Precision, recall and F1 over all topics' decisions together (micro-average), e.g. for one language. */
export function pooledScore(scores: readonly TopicScore[]): Omit<TopicScore, "slug"> {
  const sum = (pick: (s: TopicScore) => number) => scores.reduce((total, s) => total + pick(s), 0);
  return scoreOf(
    sum((s) => s.truePositives),
    sum((s) => s.falsePositives),
    sum((s) => s.falseNegatives),
  );
}

/** Pooled scores per language of the items, in the order languages first appear. */
export function scoresByLanguage(
  matcher: TopicMatcher,
  items: LabeledArticle[],
  slugs: string[],
): Array<{ lang: string } & Omit<TopicScore, "slug">> {
  const langs = [...new Set(items.map((item) => item.lang))];
  return langs.map((lang) => ({
    lang,
    ...pooledScore(
      evaluateMatcher(
        matcher,
        items.filter((item) => item.lang === lang),
        slugs,
      ).scores,
    ),
  }));
}

/** The per-topic table as aligned text, for test output and the benchmark. */
export function formatScores(scores: TopicScore[]): string {
  const rows = scores.map(
    (s) =>
      `${s.slug.padEnd(22)} ${String(s.support).padStart(7)} ${s.precision.toFixed(3).padStart(9)} ${s.recall
        .toFixed(3)
        .padStart(
          6,
        )} ${s.f1.toFixed(3).padStart(6)}   tp=${s.truePositives} fp=${s.falsePositives} fn=${s.falseNegatives}`,
  );
  return [`${"topic".padEnd(22)} support precision recall     f1`, ...rows].join("\n");
}
