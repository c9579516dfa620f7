import type { CompiledTopic, Dictionary, FieldIndex } from "./compile";
import { explainSpans, type Span } from "./explain";
import { HitStore } from "./hit-store";
import { type PlanNode, planNode } from "./match-plan";
import { TokenCache } from "./token-cache";
import { cjkPosition, foldCjkRun, normalizeWord, type ScanVisitor, scanText } from "./tokenize";
import type { ArticleText, TopicMatch, TopicMatcher } from "./types";

type Scope = FieldIndex | -1;
const noIds: readonly number[] = [];

/** The dictionary ids whose patterns a token matches. */
function idsForToken(raw: string, dict: Dictionary): readonly number[] {
  const word = normalizeWord(raw);
  const ids = [...(dict.exact.get(word) ?? noIds)];
  for (const p of dict.prefixes) if (word.startsWith(p.stem)) ids.push(p.id);
  for (const p of dict.suffixes) if (word.endsWith(p.stem)) ids.push(p.id);
  for (const p of dict.infixes) if (word.includes(p.stem)) ids.push(p.id);
  return ids.length === 0 ? noIds : ids;
}

export function createMatcher(dict: Dictionary, topics: CompiledTopic[]): TopicMatcher {
  const hits = new HitStore(dict.size);
  const plans = topics.map((topic) => ({ slug: topic.slug, root: planNode(topic.root) }));
  const tokenCache = new TokenCache((raw) => idsForToken(raw, dict));
  let text = "";
  let field: FieldIndex = 0;

  const visitor: ScanVisitor = {
    word(start, end, pos, endPos) {
      const ids = tokenCache.get(text, start, end);
      for (let k = 0; k < ids.length; k++) hits.add(ids[k]!, field, start, end, pos, endPos);
    },
    cjk(start, end, pos) {
      if (dict.cjk.size === 0) return;
      const run = foldCjkRun(text.slice(start, end));
      dict.cjk.scan(run.text, (cid, s, e) => {
        const from = run.offsets ? run.offsets[s]! : s;
        const to = run.offsets ? run.offsets[e]! : e;
        hits.add(
          dict.cjkIds[cid]!,
          field,
          start + from,
          start + to,
          cjkPosition(pos, from),
          cjkPosition(pos, to - 1),
        );
      });
    },
  };

  /** Hits of one id in scope: true if any; pushed to `out` as spans when given. */
  const termHits = (id: number, label: string, scope: Scope, out: Span[] | null): boolean => {
    let found = false;
    for (let h = hits.head[id]!; h !== -1; h = hits.next[h]!) {
      if (scope !== -1 && hits.field[h] !== scope) continue;
      found = true;
      if (!out) return true;
      const f = hits.field[h] as FieldIndex;
      out.push({
        label,
        field: f,
        start: hits.start[h]!,
        end: hits.end[h]!,
        pos: hits.pos[h]!,
        endPos: hits.endPos[h]!,
      });
    }
    return found;
  };

  const phraseHits = (ids: number[], label: string, scope: Scope, out: Span[] | null): boolean => {
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
      found = true;
      if (!out) return true;
      const f = hits.field[first] as FieldIndex;
      out.push({
        label,
        field: f,
        start: hits.start[first]!,
        end: hits.end[last]!,
        pos: hits.pos[first]!,
        endPos: hits.endPos[last]!,
      });
    }
    return found;
  };

  /** Whether `node` holds in `scope`; with `out`, also collects the spans that make it hold. */
  const evaluate = (node: PlanNode, scope: Scope, out: Span[] | null): boolean => {
    switch (node.k) {
      case "term":
        return termHits(node.id, node.label, scope, out);
      case "phrase":
        return phraseHits(node.ids, node.label, scope, out);
      case "any": {
        let found = false;
        const fewer = node.ids.length < hits.touched.length ? node.ids : hits.touched;
        for (const id of fewer) {
          const label = node.labels[id];
          if (label === undefined || hits.head[id] === -1) continue;
          if (termHits(id, label, scope, out)) {
            found = true;
            if (!out) return true;
          }
        }
        for (const child of node.rest) {
          if (evaluate(child, scope, out)) {
            found = true;
            if (!out) return true;
          }
        }
        return found;
      }
      case "and": {
        const mark = out?.length ?? 0;
        for (const child of node.children) {
          if (!evaluate(child, scope, out)) {
            if (out) out.length = mark;
            return false;
          }
        }
        return true;
      }
      case "not":
        return !evaluate(node.child, scope, null);
      case "field":
        return (scope === -1 || scope === node.field) && evaluate(node.child, node.field, out);
      case "near": {
        if (!evaluate(node.left, scope, null) || !evaluate(node.right, scope, null)) return false;
        const left: Span[] = [];
        const right: Span[] = [];
        evaluate(node.left, scope, left);
        evaluate(node.right, scope, right);
        return nearSpans(left, right, node.distance, out);
      }
    }
  };

  return {
    match(article: ArticleText): TopicMatch[] {
      hits.clear();
      field = 0;
      text = article.title;
      scanText(text, visitor, article.lang);
      field = 1;
      text = article.summary;
      scanText(text, visitor, article.lang);
      text = "";
      // Every query needs a positive term (the parser enforces it), so no hit means no topic.
      if (hits.touched.length === 0) return [];
      const out: TopicMatch[] = [];
      for (const plan of plans) {
        if (!evaluate(plan.root, -1, null)) continue;
        const spans: Span[] = [];
        evaluate(plan.root, -1, spans);
        out.push({ slug: plan.slug, terms: explainSpans(spans) });
      }
      return out;
    },
  };
}

/** Pairs at most `distance` other tokens apart, either order, same field; pushes both sides of each pair. */
function nearSpans(left: Span[], right: Span[], distance: number, out: Span[] | null): boolean {
  const used = new Set<Span>();
  for (const a of left) {
    for (const b of right) {
      if (a.field !== b.field || (a.start === b.start && a.end === b.end)) continue;
      const gap = a.endPos < b.pos ? b.pos - a.endPos : a.pos - b.endPos;
      if (gap > distance + 1) continue;
      if (!out) return true;
      used.add(a);
      used.add(b);
    }
  }
  if (out) for (const span of used) out.push(span);
  return used.size > 0;
}
