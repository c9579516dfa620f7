import { instantRange, type RangeQuery } from "../time/date-range";
import { primaryLanguage } from "./analysis";
import { type LogOddsOptions, type LogOddsScores, logOddsScores } from "./distinctive-terms";
import { pairKey, TermAnalyser, type TermVisitor } from "./term-analysis";
import type { ArticleText } from "./types";

/**
 * Evidence for growing a topic's query: the terms most distinctive of the topic's tagged articles against the
 * rest of the coverage of the same period (GET /api/topics/:slug/terms), and the untagged articles that use
 * them most (GET /api/topics/:slug/misses, `cli topics misses`). Counts are of articles: a term counts once
 * per article however often the article repeats it, so one long text cannot make a term.
 */

/** At most this many articles are read per side, newest first; the answer says when a side was cut. */
export const EVIDENCE_ARTICLE_CAP = 20_000;
/** Without from/to, the period is this many days up to the newest stored article. */
export const EVIDENCE_DEFAULT_DAYS = 90;
/**
 * A term counts towards a miss when its z is significant at the 5% level (two-sided) and at least two of the
 * topic's articles use it: a word one tagged article happens to use is no evidence about the topic.
 */
export const MISS_MIN_Z = 1.96;
const MISS_MIN_TOPIC_COUNT = 2;
/** How many of an article's distinctive terms, the strongest, make its score. */
export const MISS_TERMS = 10;
/** How many uses of a term, newest first, decide which of its forms is shown. */
const SURFACE_SAMPLE = 50;

const DAY_MS = 86_400_000;

export interface EvidenceText extends ArticleText {
  id: number;
}

export interface DistinctiveTerm {
  /** The form the topic's articles use most often ("Nvidia", "export controls", "英伟"). */
  term: string;
  /** `word`: one word (or CJK character bigram); `phrase`: two adjacent words. */
  kind: "word" | "phrase";
  /** Tagged articles that use the term. */
  topicCount: number;
  /** Other articles of the period that use it. */
  restCount: number;
  /** Log-odds ratio, topic against rest. */
  logOdds: number;
  /** The rank: the log-odds over its standard error. */
  z: number;
}

export interface MissTerm {
  /** The form this article uses. */
  term: string;
  z: number;
}

export interface Miss<T> {
  article: T;
  /** The sum of the z-scores of the topic's distinctive terms the article uses. */
  score: number;
  /** Those terms, highest z first. */
  terms: MissTerm[];
}

/**
 * The period evidence is drawn from, as [from, toExclusive): the API's inclusive from/to (a 400 naming the
 * parameter when bad), by default the last 90 days of data, i.e. up to the newest stored article (`newest`,
 * null when there is none: then up to `now`).
 */
export function evidencePeriod(
  query: RangeQuery,
  newest: number | null,
  now: number,
): { from: number; toExclusive: number } {
  const range = instantRange(query);
  const end = (newest ?? now) + 1;
  const toExclusive = range.toExclusive ?? Math.max(end, (range.from ?? 0) + 1);
  const from = range.from ?? toExclusive - EVIDENCE_DEFAULT_DAYS * DAY_MS;
  return { from, toExclusive };
}

/** 1: words (and CJK character bigrams), 2: two adjacent words. */
type Order = 1 | 2;

/** A bigram is keyed by its two words' ids, which stay below 2^26 (67 million distinct words). */
const PAIR_BASE = 2 ** 26;

/** Per term id (dense: words take the analyser's key ids, bigrams their own), the counts on each side. */
class Counts {
  readonly topic: number[] = [];
  /** Articles of the rest, each weighted by its language (see `languageWeights`): what is scored. */
  readonly rest: number[] = [];
  /** Articles of the rest, as counted: what is reported. */
  readonly restArticles: number[] = [];
  /** The last article (running number) that counted each term, so an article counts a term once. */
  readonly seenIn: number[] = [];

  get size(): number {
    return this.topic.length;
  }

  grow(id: number): void {
    while (this.topic.length <= id) {
      this.topic.push(0);
      this.rest.push(0);
      this.restArticles.push(0);
      this.seenIn.push(0);
    }
  }
}

type TermCallback = (order: Order, id: number, text: string, start: number, end: number) => void;

/**
 * Walks articles' terms for TopicEvidence: counting them for one side (each term once per article), or
 * reporting each occurrence with its id (-1: never counted) to a callback. One instance, reset per article,
 * so a walk allocates no closures.
 */
class TermWalker implements TermVisitor {
  readonly words = new Counts();
  readonly pairs = new Counts();
  /** Bigram id by its words' ids (first * PAIR_BASE + second), and back. */
  readonly pairIds = new Map<number, number>();
  readonly pairCodes: number[] = [];
  /** Each rest article's terms, flat: a word as its id, a bigram as -(id + 1). */
  readonly restTerms: number[] = [];
  mode: "topic" | "rest" | "report" = "report";
  /** The rest article's language weight while counting the rest. */
  weight = 0;
  text = "";
  report: TermCallback = () => {};
  private stamp = 0;
  private previous = -1;
  private current = -1;

  constructor(private readonly analyser: TermAnalyser) {}

  /** Counts or reports the terms of the article's title and summary. */
  walk(article: ArticleText): void {
    this.stamp++;
    for (const text of [article.title, article.summary]) {
      this.text = text;
      this.previous = -1;
      this.current = -1;
      this.analyser.analyse(text, article.lang, this);
    }
  }

  term(id: number, start: number, end: number): void {
    this.previous = this.current;
    this.current = id;
    if (this.mode === "report") this.report(1, id < this.words.size ? id : -1, this.text, start, end);
    else this.count(this.words, 1, id);
  }

  pair(start: number, end: number): void {
    const code = this.previous * PAIR_BASE + this.current;
    let id = this.pairIds.get(code);
    if (this.mode === "report") {
      this.report(2, id ?? -1, this.text, start, end);
      return;
    }
    if (id === undefined) {
      id = this.pairCodes.length;
      this.pairIds.set(code, id);
      this.pairCodes.push(code);
    }
    this.count(this.pairs, 2, id);
  }

  private count(counts: Counts, order: Order, id: number): void {
    counts.grow(id);
    if (counts.seenIn[id] === this.stamp) return;
    counts.seenIn[id] = this.stamp;
    if (this.mode === "topic") {
      counts.topic[id]!++;
      return;
    }
    counts.rest[id]! += this.weight;
    counts.restArticles[id]!++;
    this.restTerms.push(order === 1 ? id : -(id + 1));
  }
}

/**
 * The rest's articles reweighted to the topic's mix of languages. Without it, a topic written mostly in English
 * against a multilingual rest would find "the" and "of" distinctive; reweighted, each language's articles
 * stand in for the share the topic has of that language, and a language the topic never uses counts nothing.
 */
function languageWeights(topic: readonly ArticleText[], rest: readonly ArticleText[]): Map<string, number> {
  const tally = (texts: readonly ArticleText[]) => {
    const counts = new Map<string, number>();
    for (const t of texts) {
      const lang = primaryLanguage(t.lang) ?? "";
      counts.set(lang, (counts.get(lang) ?? 0) + 1);
    }
    return counts;
  };
  const inTopic = tally(topic);
  const inRest = tally(rest);
  const weights = new Map<string, number>();
  for (const [lang, r] of inRest) {
    const t = inTopic.get(lang) ?? 0;
    weights.set(lang, t === 0 ? 0 : t / topic.length / (r / rest.length));
  }
  return weights;
}

export class TopicEvidence<T extends EvidenceText> {
  private readonly analyser = new TermAnalyser();
  private readonly walker = new TermWalker(this.analyser);
  private readonly scores: [null, LogOddsScores, LogOddsScores];
  /** Rest article i's terms are walker.restTerms[restStart[i] .. restStart[i + 1]]. */
  private readonly restStart: Int32Array;

  constructor(
    private readonly topic: readonly EvidenceText[],
    private readonly rest: readonly T[],
    options: LogOddsOptions = {},
  ) {
    const walker = this.walker;
    walker.mode = "topic";
    for (const article of topic) walker.walk(article);
    const weights = languageWeights(topic, rest);
    this.restStart = new Int32Array(rest.length + 1);
    walker.mode = "rest";
    rest.forEach((article, i) => {
      this.restStart[i] = walker.restTerms.length;
      walker.weight = weights.get(primaryLanguage(article.lang) ?? "") ?? 0;
      walker.walk(article);
    });
    this.restStart[rest.length] = walker.restTerms.length;
    walker.mode = "report";
    this.scores = [
      null,
      logOddsScores(walker.words.topic, walker.words.rest, options),
      logOddsScores(walker.pairs.topic, walker.pairs.rest, options),
    ];
  }

  get topicArticles(): number {
    return this.topic.length;
  }

  get restArticles(): number {
    return this.rest.length;
  }

  private counts(order: Order): Counts {
    return order === 1 ? this.walker.words : this.walker.pairs;
  }

  /** Reports each term occurrence of the articles with its id (-1: never counted). */
  private report(articles: Iterable<ArticleText>, callback: TermCallback, done = () => false): void {
    this.walker.report = callback;
    for (const article of articles) {
      this.walker.walk(article);
      if (done()) break;
    }
    this.walker.report = () => {};
  }

  /** A term's key as counted: the folded, stemmed word, or two of them for a bigram. */
  private key(order: Order, id: number): string {
    const keys = this.analyser.keys;
    if (order === 1) return keys[id]!;
    const code = this.walker.pairCodes[id]!;
    return pairKey(keys[Math.floor(code / PAIR_BASE)]!, keys[code % PAIR_BASE]!);
  }

  /**
   * The `limit` terms with the highest z (only those the topic uses more than the rest), best first. Terms
   * that read the same (one name stemmed differently in two languages) are listed once, at their best.
   */
  terms(limit: number): DistinctiveTerm[] {
    const best: Array<{ order: Order; id: number; z: number }> = [];
    for (const order of [1, 2] as const) {
      const { z } = this.scores[order];
      const { topic } = this.counts(order);
      for (let id = 0; id < z.length; id++)
        if (z[id]! > 0 && topic[id]! > 0) best.push({ order, id, z: z[id]! });
    }
    best.sort((a, b) => b.z - a.z);
    const chosen = best.slice(0, limit * 2);
    const surfaces = this.topicSurfaces(chosen);
    const listed = new Set<string>();
    const out: DistinctiveTerm[] = [];
    for (const { order, id, z } of chosen) {
      const term = surfaces[order].get(id)?.best ?? this.key(order, id);
      if (listed.has(term.toLowerCase())) continue;
      listed.add(term.toLowerCase());
      const v = this.counts(order);
      out.push({
        term,
        kind: order === 1 ? "word" : "phrase",
        topicCount: v.topic[id]!,
        restCount: v.restArticles[id]!,
        logOdds: round(this.scores[order].delta[id]!),
        z: round(z),
      });
      if (out.length === limit) break;
    }
    return out;
  }

  /** The most frequent surface form of each chosen term in the topic's articles. */
  private topicSurfaces(chosen: ReadonlyArray<{ order: Order; id: number }>) {
    type Forms = {
      forms: Map<string, number>;
      best: string;
      bestCount: number;
      seen: number;
      enough: number;
    };
    const wanted: [null, Map<number, Forms>, Map<number, Forms>] = [null, new Map(), new Map()];
    for (const { order, id } of chosen) {
      // The newest SURFACE_SAMPLE uses tell the usual form well enough; the walk stops once every term has them.
      const enough = Math.min(SURFACE_SAMPLE, this.counts(order).topic[id]!);
      wanted[order].set(id, { forms: new Map(), best: "", bestCount: 0, seen: 0, enough });
    }
    let pending = chosen.length;
    const done = () => pending === 0;
    this.report(
      this.topic,
      (order, id, text, start, end) => {
        const entry = wanted[order].get(id);
        if (!entry) return;
        if (++entry.seen === entry.enough) pending--;
        const form = surface(text, start, end);
        const count = (entry.forms.get(form) ?? 0) + 1;
        entry.forms.set(form, count);
        if (count > entry.bestCount) {
          entry.best = form;
          entry.bestCount = count;
        }
      },
      done,
    );
    return wanted;
  }

  /**
   * Untagged articles ranked by the sum of the z-scores of the topic's distinctive terms each one uses (see
   * MISS_MIN_Z), its MISS_TERMS strongest ones. A sum, because each such term is separate evidence and z
   * already weighs how sure it is: an article naming the topic's three most telling words outranks one that
   * shares a single word with it. Only the strongest count, so a long text that repeats a tagged article's
   * sentence word pair by word pair does not outrank a short one that names the topic's key terms. Ties keep
   * the rest's order, newest first.
   */
  misses(limit: number): Array<Miss<T>> {
    const weight: [null, Float64Array, Float64Array] = [null, this.missWeights(1), this.missWeights(2)];
    const ranked: Array<{ index: number; score: number }> = [];
    const found: number[] = [];
    for (let i = 0; i < this.rest.length; i++) {
      found.length = 0;
      for (let k = this.restStart[i]!; k < this.restStart[i + 1]!; k++) {
        const term = this.walker.restTerms[k]!;
        const w = term >= 0 ? weight[1][term]! : weight[2][-term - 1]!;
        if (w > 0) found.push(w);
      }
      if (found.length === 0) continue;
      if (found.length > MISS_TERMS) found.sort((a, b) => b - a);
      let score = 0;
      for (let k = 0; k < Math.min(MISS_TERMS, found.length); k++) score += found[k]!;
      ranked.push({ index: i, score });
    }
    ranked.sort((a, b) => b.score - a.score || a.index - b.index);
    return ranked.slice(0, limit).map(({ index, score }) => {
      const article = this.rest[index]!;
      const terms: MissTerm[] = [];
      const seen: [null, Set<number>, Set<number>] = [null, new Set(), new Set()];
      this.report([article], (order, id, text, start, end) => {
        if (id < 0 || weight[order][id] === 0 || seen[order].has(id)) return;
        seen[order].add(id);
        terms.push({ term: surface(text, start, end), z: weight[order][id]! });
      });
      terms.sort((a, b) => b.z - a.z);
      const strongest = terms.slice(0, MISS_TERMS).map((t) => ({ term: t.term, z: round(t.z) }));
      return { article, score: round(score), terms: strongest };
    });
  }

  private missWeights(order: Order): Float64Array {
    const { z } = this.scores[order];
    const { topic } = this.counts(order);
    const out = new Float64Array(z.length);
    for (let id = 0; id < z.length; id++) {
      if (z[id]! >= MISS_MIN_Z && topic[id]! >= MISS_MIN_TOPIC_COUNT) out[id] = z[id]!;
    }
    return out;
  }
}

/** The text of a term as written, with runs of spaces as one. */
function surface(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\s+/g, " ");
}

const round = (x: number) => Math.round(x * 1000) / 1000;
