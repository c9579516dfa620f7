import { instantRange, type RangeQuery } from "../time/date-range";
import { primaryLanguage } from "./analysis";
import { type LogOddsOptions, type LogOddsScores, logOddsScores } from "./distinctive-terms";
import { pairKey, TermAnalyser } from "./term-analysis";
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

/** The terms of one order: an id per key, and per id the counts on each side. */
class Vocabulary<K> {
  readonly ids = new Map<K, number>();
  readonly keys: K[] = [];
  readonly topic: number[] = [];
  /** Articles of the rest, each weighted by its language (see `languageWeights`): what is scored. */
  readonly rest: number[] = [];
  /** Articles of the rest, as counted: what is reported. */
  readonly restArticles: number[] = [];
  /** The last article (running number) that counted each term, so an article counts a term once. */
  readonly seenIn: number[] = [];

  id(key: K): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.topic.push(0);
      this.rest.push(0);
      this.restArticles.push(0);
      this.seenIn.push(0);
    }
    return id;
  }
}

/** 1: words (and CJK character bigrams), 2: two adjacent words. */
type Order = 1 | 2;

/** A bigram is keyed by its two words' ids, which stay below 2^26 (67 million distinct words). */
const PAIR_BASE = 2 ** 26;

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
  private readonly words = new Vocabulary<string>();
  /** Keyed by first word id * PAIR_BASE + second word id. */
  private readonly pairs = new Vocabulary<number>();
  private readonly scores: [null, LogOddsScores, LogOddsScores];
  /** Each rest article's terms, flat: a word as its id, a bigram as -(id + 1); article i from restStart[i]. */
  private readonly restTerms: number[] = [];
  private readonly restStart: Int32Array;
  private counted = 0;

  constructor(
    private readonly topic: readonly EvidenceText[],
    private readonly rest: readonly T[],
    options: LogOddsOptions = {},
  ) {
    for (const article of topic) {
      this.countArticle(article, (v, id) => {
        v.topic[id]!++;
      });
    }
    const weights = languageWeights(topic, rest);
    this.restStart = new Int32Array(rest.length + 1);
    rest.forEach((article, i) => {
      this.restStart[i] = this.restTerms.length;
      const weight = weights.get(primaryLanguage(article.lang) ?? "") ?? 0;
      this.countArticle(article, (v, id) => {
        v.rest[id]! += weight;
        v.restArticles[id]!++;
        this.restTerms.push(v === this.words ? id : -(id + 1));
      });
    });
    this.restStart[rest.length] = this.restTerms.length;
    this.scores = [
      null,
      logOddsScores(this.words.topic, this.words.rest, options),
      logOddsScores(this.pairs.topic, this.pairs.rest, options),
    ];
  }

  get topicArticles(): number {
    return this.topic.length;
  }

  get restArticles(): number {
    return this.rest.length;
  }

  private vocab(order: Order): Vocabulary<string> | Vocabulary<number> {
    return order === 1 ? this.words : this.pairs;
  }

  /**
   * Walks an article's title and summary, reporting each term occurrence with its order, id (-1: a term
   * never counted) and span; `register` gives new terms an id instead.
   */
  private walk(
    article: ArticleText,
    register: boolean,
    visit: (order: Order, id: number, text: string, start: number, end: number) => void,
  ): void {
    const { words, pairs } = this;
    for (const text of [article.title, article.summary]) {
      let previous = -1;
      let current = -1;
      this.analyser.analyse(text, article.lang, {
        term(key, start, end) {
          previous = current;
          current = register ? words.id(key) : (words.ids.get(key) ?? -1);
          visit(1, current, text, start, end);
        },
        pair(start, end) {
          const code = previous < 0 || current < 0 ? -1 : previous * PAIR_BASE + current;
          visit(2, code < 0 ? -1 : register ? pairs.id(code) : (pairs.ids.get(code) ?? -1), text, start, end);
        },
      });
    }
  }

  /** Calls `add` once per distinct term of the article, title and summary together. */
  private countArticle(
    article: ArticleText,
    add: (v: Vocabulary<string> | Vocabulary<number>, id: number) => void,
  ): void {
    const stamp = ++this.counted;
    this.walk(article, true, (order, id) => {
      const v = this.vocab(order);
      if (v.seenIn[id] === stamp) return;
      v.seenIn[id] = stamp;
      add(v, id);
    });
  }

  /** A term's key as counted: the folded, stemmed word, or two of them for a bigram. */
  private key(order: Order, id: number): string {
    if (order === 1) return this.words.keys[id]!;
    const code = this.pairs.keys[id]!;
    return pairKey(this.words.keys[Math.floor(code / PAIR_BASE)]!, this.words.keys[code % PAIR_BASE]!);
  }

  /**
   * The `limit` terms with the highest z (only those the topic uses more than the rest), best first. Terms
   * that read the same (one name stemmed differently in two languages) are listed once, at their best.
   */
  terms(limit: number): DistinctiveTerm[] {
    const best: Array<{ order: Order; id: number; z: number }> = [];
    for (const order of [1, 2] as const) {
      const { z } = this.scores[order];
      const { topic } = this.vocab(order);
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
      const v = this.vocab(order);
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
    type Forms = { forms: Map<string, number>; best: string; bestCount: number };
    const wanted: [null, Map<number, Forms>, Map<number, Forms>] = [null, new Map(), new Map()];
    for (const { order, id } of chosen) wanted[order].set(id, { forms: new Map(), best: "", bestCount: 0 });
    for (const article of this.topic) {
      this.walk(article, false, (order, id, text, start, end) => {
        const entry = wanted[order].get(id);
        if (!entry) return;
        const form = surface(text, start, end);
        const count = (entry.forms.get(form) ?? 0) + 1;
        entry.forms.set(form, count);
        if (count > entry.bestCount) {
          entry.best = form;
          entry.bestCount = count;
        }
      });
    }
    return wanted;
  }

  /**
   * Untagged articles ranked by the sum of the z-scores of the topic's distinctive terms each one uses (see
   * MISS_MIN_Z). A sum, because each such term is separate evidence and z already weighs how sure it is: an
   * article naming the topic's three most telling words outranks one that shares a single word with it.
   * Ties keep the rest's order, newest first.
   */
  misses(limit: number): Array<Miss<T>> {
    const weight: [null, Float64Array, Float64Array] = [null, this.missWeights(1), this.missWeights(2)];
    const ranked: Array<{ index: number; score: number }> = [];
    for (let i = 0; i < this.rest.length; i++) {
      let score = 0;
      for (let k = this.restStart[i]!; k < this.restStart[i + 1]!; k++) {
        const term = this.restTerms[k]!;
        score += term >= 0 ? weight[1][term]! : weight[2][-term - 1]!;
      }
      if (score > 0) ranked.push({ index: i, score });
    }
    ranked.sort((a, b) => b.score - a.score || a.index - b.index);
    return ranked.slice(0, limit).map(({ index, score }) => {
      const article = this.rest[index]!;
      const terms: MissTerm[] = [];
      const seen: [null, Set<number>, Set<number>] = [null, new Set(), new Set()];
      this.walk(article, false, (order, id, text, start, end) => {
        if (id < 0 || weight[order][id] === 0 || seen[order].has(id)) return;
        seen[order].add(id);
        terms.push({ term: surface(text, start, end), z: round(weight[order][id]!) });
      });
      terms.sort((a, b) => b.z - a.z);
      return { article, score: round(score), terms };
    });
  }

  private missWeights(order: Order): Float64Array {
    const { z } = this.scores[order];
    const { topic } = this.vocab(order);
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
