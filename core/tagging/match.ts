import { primaryLanguage, stemmerFor } from "./analysis";
import { type CandidateIndex, candidateIndex } from "./candidate-index";
import type { CompiledTopic, Dictionary, FieldIndex } from "./compile";
import { explain, SpanStack } from "./explain";
import { HitScanner } from "./hit-scan";
import { HitStore } from "./hit-store";
import { AND, ANY, buildPlan, FIELD, NEAR, NOT, PHRASE, type PlanNode, TERM } from "./match-plan";
import { PlanMarks } from "./plan-marks";
import { StemIds } from "./stem-ids";
import { TokenCache } from "./token-cache";
import { normalizeWord } from "./tokenize";
import type { ArticleText, BrokenTopic, TopicMatch, TopicMatcher } from "./types";

/** Articles tagged before the slots' triggers are picked again by how often each id hit. */
const REPLAN_AFTER = 2_000;

/** -1 means either field. */
type Scope = FieldIndex | -1;
const noIds: readonly number[] = [];
const scopeMask = (scope: Scope): number => (scope === -1 ? 3 : 1 << scope);

/** The dictionary ids a token matches as written: the folded word and every wildcard pattern. */
function literalIds(raw: string, dict: Dictionary): readonly number[] {
  const word = normalizeWord(raw);
  const ids = [...(dict.exact.get(word) ?? noIds)];
  dict.wildcards.idsOf(word, ids);
  return ids.length === 0 ? noIds : ids;
}

/**
 * Tags an article in three steps, none of which allocates per token: scan both fields into the hit
 * store; decide each topic with memoized node truths (term groups answered from per-id field masks);
 * only for topics that hold, collect the spans that make them hold and turn them into explanations.
 */
class Matcher implements TopicMatcher {
  private readonly hits: HitStore;
  private readonly scanner: HitScanner;
  private readonly spans = new SpanStack();
  private readonly slugs: string[];
  private readonly plan: ReturnType<typeof buildPlan>;
  /** Per (node, scope): the article stamp the truth was computed for, and the truth. */
  private readonly memoAt: Int32Array;
  private readonly memo: Uint8Array;
  private candidates: CandidateIndex;
  private marks: PlanMarks;
  /** How often each id hit, over the first `REPLAN_AFTER` articles; null once the slots are re-planned on it. */
  private hitCounts: Int32Array | null;
  private articles = 0;
  private readonly cover: Int32Array;
  /**
   * Ids already explained in the OR being collected, with the concept lists nested in it: stamped with
   * `shown` (0 outside an OR). An id in both the OR and a nested list, or in two nested lists, is
   * explained once, by the first label met: the OR's own terms come first, then the lists in query order.
   */
  private readonly shownAt: Int32Array;
  private shown = 0;
  private shownSeq = 0;
  private readonly dict: Dictionary;
  /** Per article language (primary subtag): its stem ids, or null when its words match as written. */
  private readonly stemIdsByLang = new Map<string, StemIds | null>();
  /** The last article's language and its stem ids: a feed's articles come in runs of one language. */
  private lastLang: string | null | undefined = undefined;
  private lastStemIds: StemIds | null = null;

  constructor(
    dict: Dictionary,
    topics: CompiledTopic[],
    readonly broken: readonly BrokenTopic[],
  ) {
    this.hits = new HitStore(dict.size);
    this.dict = dict;
    this.scanner = new HitScanner(
      new TokenCache((raw) => literalIds(raw, dict)),
      this.hits,
      dict.cjk,
      dict.cjkIds,
    );
    this.slugs = topics.map((topic) => topic.slug);
    this.plan = buildPlan(
      topics.map((topic) => topic.root),
      dict.size,
    );
    this.memoAt = new Int32Array(this.plan.nodeCount * 3);
    this.memo = new Uint8Array(this.plan.nodeCount * 3);
    this.candidates = candidateIndex(this.plan, dict.size);
    this.marks = new PlanMarks(this.plan, this.candidates);
    this.cover = new Int32Array(this.plan.labels.length).fill(-1);
    this.shownAt = new Int32Array(dict.size);
    this.hitCounts = new Int32Array(dict.size);
  }

  match(article: ArticleText): TopicMatch[] {
    const hits = this.hits;
    hits.clear();
    const stemIds = this.stemIdsFor(article.lang);
    this.scanner.scan(article.title, 0, article.lang, stemIds);
    this.scanner.scan(article.summary, 1, article.lang, stemIds);
    if (this.hitCounts !== null) this.countHits();
    // Every query needs a positive term (the parser enforces it), so no hit means no topic.
    if (hits.touched.length === 0) return [];
    const marks = this.marks;
    marks.mark(hits);
    const out: TopicMatch[] = [];
    const { roots, labels, labelRank } = this.plan;
    const { rootSlot } = this.candidates;
    for (let t = 0; t < roots.length; t++) {
      const root = roots[t]!;
      const slot = rootSlot[t]!;
      if ((slot !== -1 && !marks.woken(slot)) || !this.truth(root, -1)) continue;
      this.spans.top = 0;
      this.collect(root, -1);
      out.push({ slug: this.slugs[t]!, terms: explain(this.spans, labels, labelRank, this.cover) });
    }
    return out;
  }

  /**
   * Counts the ids the article hit, and after `REPLAN_AFTER` articles picks the slots' triggers again by those
   * counts (see `candidateIndex`): the articles tagged so far tell which words are common in this stream.
   */
  private countHits(): void {
    const counts = this.hitCounts!;
    const touched = this.hits.touched;
    for (let t = 0; t < touched.length; t++) counts[touched[t]!]!++;
    if (++this.articles < REPLAN_AFTER) return;
    this.hitCounts = null;
    this.candidates = candidateIndex(this.plan, this.dict.size, counts);
    const article = this.marks.article;
    this.marks = new PlanMarks(this.plan, this.candidates);
    // The memo's stamps go on from the old marks', so no truth of an earlier article is taken for a new one.
    this.marks.article = article;
  }

  /** The stem ids of an article language; null for a language matched as written. */
  private stemIdsFor(lang: string | null | undefined): StemIds | null {
    if (lang === this.lastLang && lang !== undefined) return this.lastStemIds;
    this.lastLang = lang;
    this.lastStemIds = this.stemIdsOfLanguage(lang);
    return this.lastStemIds;
  }

  /** Made on first use per primary subtag. */
  private stemIdsOfLanguage(lang: string | null | undefined): StemIds | null {
    const primary = primaryLanguage(lang);
    if (primary === null) return null;
    let stemIds = this.stemIdsByLang.get(primary);
    if (stemIds === undefined) {
      const stemmer = stemmerFor(primary);
      const stems = stemmer ? this.dict.stems(primary) : null;
      stemIds = stemmer && stems && stems.size > 0 ? new StemIds(stemmer, stems) : null;
      this.stemIdsByLang.set(primary, stemIds);
    }
    return stemIds;
  }

  /** Whether `node` holds in `scope`, computed once per article. */
  private truth(node: PlanNode, scope: Scope): boolean {
    const slot = node.index * 3 + scope + 1;
    const article = this.marks.article;
    if (this.memoAt[slot] === article) return this.memo[slot] === 1;
    const value = this.compute(node, scope);
    this.memoAt[slot] = article;
    this.memo[slot] = value ? 1 : 0;
    return value;
  }

  private compute(node: PlanNode, scope: Scope): boolean {
    const children = node.children;
    switch (node.k) {
      case TERM:
        return (this.hits.fields[node.arg]! & scopeMask(scope)) !== 0;
      case PHRASE:
        for (let k = 0; k < node.ids.length; k++) if (this.hits.fields[node.ids[k]!] === 0) return false;
        return this.phrase(node, scope, false);
      case ANY: {
        const marks = this.marks;
        if ((marks.fieldsOf(node.arg) & scopeMask(scope)) !== 0) return true;
        const always = this.candidates.groupAlways[node.arg]!;
        for (let k = 0; k < always.length; k++) if (this.truth(always[k]!, scope)) return true;
        const slotNode = this.candidates.slotNode;
        for (let s = marks.firstSlot(node.arg); s !== -1; s = marks.slotNext[s]!) {
          if (this.truth(slotNode[s]!, scope)) return true;
        }
        return false;
      }
      case AND:
        for (let k = 0; k < children.length; k++) if (!this.truth(children[k]!, scope)) return false;
        return true;
      case NOT:
        return !this.truth(children[0]!, scope);
      case FIELD:
        return (scope === -1 || scope === node.arg) && this.truth(children[0]!, node.arg as FieldIndex);
      case NEAR:
        return (
          this.truth(children[0]!, scope) && this.truth(children[1]!, scope) && this.near(node, scope, false)
        );
      default:
        throw new Error(`unknown plan node ${node.k}`);
    }
  }

  /** Pushes the spans that make `node` hold in `scope`; call only when it does. */
  private collect(node: PlanNode, scope: Scope): void {
    const children = node.children;
    switch (node.k) {
      case TERM:
        this.termSpans(node.arg, node.label, scope);
        return;
      case PHRASE:
        this.phrase(node, scope, true);
        return;
      case ANY: {
        // Only woken members can hold, and the order spans are pushed in does not matter: `explain` sorts.
        const outer = this.shown;
        if (outer === 0) this.shown = this.nextShown();
        const { marks, shownAt, shown } = this;
        for (let l = marks.firstLink(node.arg); l !== -1; l = marks.linkNext[l]!) {
          const id = marks.linkId[l]!;
          if (shownAt[id] === shown) continue;
          shownAt[id] = shown;
          this.termSpans(id, marks.linkLabel[l]!, scope);
        }
        const always = this.candidates.groupAlways[node.arg]!;
        for (let k = 0; k < always.length; k++) {
          const member = always[k]!;
          if (!this.truth(member, scope)) continue;
          if (member.k === ANY) this.collect(member, scope);
          else this.collectApart(member, scope);
        }
        const slotNode = this.candidates.slotNode;
        for (let s = marks.firstSlot(node.arg); s !== -1; s = marks.slotNext[s]!) {
          if (this.truth(slotNode[s]!, scope)) this.collectApart(slotNode[s]!, scope);
        }
        this.shown = outer;
        return;
      }
      case AND:
        for (let k = 0; k < children.length; k++) this.collect(children[k]!, scope);
        return;
      case NOT:
        return;
      case FIELD:
        this.collect(children[0]!, node.arg as FieldIndex);
        return;
      case NEAR:
        this.near(node, scope, true);
    }
  }

  /** `collect` for a member that is not a nested list: the ORs inside it explain their ids afresh. */
  private collectApart(node: PlanNode, scope: Scope): void {
    const outer = this.shown;
    this.shown = 0;
    this.collect(node, scope);
    this.shown = outer;
  }

  private nextShown(): number {
    if (this.shownSeq === 0x7fffffff) {
      this.shownSeq = 0;
      this.shownAt.fill(0);
    }
    return ++this.shownSeq;
  }

  private termSpans(id: number, label: number, scope: Scope): void {
    const hits = this.hits;
    for (let h = hits.head[id]!; h !== -1; h = hits.next[h]!) {
      if (scope !== -1 && hits.field[h] !== scope) continue;
      this.spans.push(label, hits.field[h]!, hits.start[h]!, hits.end[h]!, hits.pos[h]!, hits.endPos[h]!);
    }
  }

  /** Phrase occurrences in scope: whether any, and with `keep`, pushed as spans. */
  private phrase(node: PlanNode, scope: Scope, keep: boolean): boolean {
    const hits = this.hits;
    const ids = node.ids;
    let found = false;
    for (let first = hits.head[ids[0]!]!; first !== -1; first = hits.next[first]!) {
      if (scope !== -1 && hits.field[first] !== scope) continue;
      let last = first;
      for (let k = 1; k < ids.length && last !== -1; k++) {
        let h = hits.head[ids[k]!]!;
        while (h !== -1 && !(hits.field[h] === hits.field[last] && hits.pos[h] === hits.endPos[last]! + 1)) {
          h = hits.next[h]!;
        }
        last = h;
      }
      if (last === -1) continue;
      if (!keep) return true;
      found = true;
      const start = hits.start[first]!;
      this.spans.push(
        node.label,
        hits.field[first]!,
        start,
        hits.end[last]!,
        hits.pos[first]!,
        hits.endPos[last]!,
      );
    }
    return found;
  }

  /**
   * Pairs of a NEAR's sides at most `distance` other tokens apart, either order, same field. Both sides'
   * spans go on the stack; with `keep` the paired ones stay (moved down in order), else all are dropped.
   */
  private near(node: PlanNode, scope: Scope, keep: boolean): boolean {
    const spans = this.spans;
    const mark = spans.top;
    // Apart: `truth` calls this in the middle of collecting an OR, whose shown ids must not hide a side's.
    this.collectApart(node.children[0]!, scope);
    const mid = spans.top;
    this.collectApart(node.children[1]!, scope);
    const end = spans.top;
    const { field, start, pos, endPos, used } = spans;
    const reach = node.arg + 1;
    let found = false;
    if (keep) used.fill(0, mark, end);
    for (let a = mark; a < mid; a++) {
      for (let b = mid; b < end; b++) {
        if (field[a] !== field[b] || (start[a] === start[b] && spans.end[a] === spans.end[b])) continue;
        const gap = endPos[a]! < pos[b]! ? pos[b]! - endPos[a]! : pos[a]! - endPos[b]!;
        if (gap > reach) continue;
        found = true;
        if (!keep) break;
        used[a] = 1;
        used[b] = 1;
      }
      if (found && !keep) break;
    }
    if (!keep) {
      spans.top = mark;
      return found;
    }
    let to = mark;
    for (let s = mark; s < end; s++) if (used[s] === 1) spans.move(s, to++);
    spans.top = to;
    return found;
  }
}

export function createMatcher(
  dict: Dictionary,
  topics: CompiledTopic[],
  broken: readonly BrokenTopic[] = [],
): TopicMatcher {
  return new Matcher(dict, topics, broken);
}
