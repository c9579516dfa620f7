import { keyOfStem, stemmerFor, stemmerMayChange, stemWord } from "./analysis";
import { CjkAutomaton } from "./cjk-automaton";
import type { ConceptDefinition } from "./concepts";
import { createMatcher } from "./match";
import { type Field, QueryError, type QueryNode } from "./query-ast";
import { parseQuery } from "./query-parser";
import { foldCase, foldCjkRun, normalizeWord, scanText } from "./tokenize";
import type { BrokenTopic, TopicDefinition, TopicMatcher } from "./types";
import { WildcardIndex, type WordPattern } from "./wildcard-index";

/** Field index: 0 title, 1 summary; -1 in a scope means either. */
export type FieldIndex = 0 | 1;

export type CompiledNode =
  | { k: "term"; id: number; label: string }
  | { k: "phrase"; ids: number[]; label: string }
  | { k: "and"; children: CompiledNode[] }
  /** `concept`: the OR is a concept's whole list, shared by every query that names it. */
  | { k: "or"; children: CompiledNode[]; concept?: string }
  | { k: "not"; child: CompiledNode }
  | { k: "near"; distance: number; left: CompiledNode; right: CompiledNode }
  | { k: "field"; field: FieldIndex; child: CompiledNode };

/** Every distinct term of every topic, each with one id, grouped by how it is looked up. */
export interface Dictionary {
  size: number;
  exact: Map<string, number[]>;
  /**
   * Stem -> ids of the plain terms with that stem in `lang` (a primary subtag), or null for a language whose
   * words match exactly. Built on first use per language, since most installs read a handful.
   */
  stems(lang: string): Map<string, number[]> | null;
  /** The prefix, suffix and infix terms. */
  wildcards: WildcardIndex;
  cjk: CjkAutomaton;
  /** Dictionary id of each automaton pattern. */
  cjkIds: number[];
}

export interface CompiledTopic {
  slug: string;
  root: CompiledNode;
}

const fieldIndex: Record<Field, FieldIndex> = { title: 0, summary: 1 };
const hasCjk = (text: string) =>
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text);

/** `analysed`: a plain word that also matches its inflections; it keeps its case-folded form to stem. */
type Element = {
  kind: "exact" | "prefix" | "suffix" | "infix" | "cjk";
  stem: string;
  analysed?: { folded: string };
};

class DictionaryBuilder {
  private readonly ids = new Map<string, number>();
  private readonly byKind: Record<Element["kind"], WordPattern[]> = {
    exact: [],
    prefix: [],
    suffix: [],
    infix: [],
    cjk: [],
  };

  private readonly analysed: Array<{ folded: string; id: number }> = [];

  idOf(element: Element): number {
    const key = `${element.kind}${element.analysed ? "~" : ""}\u0000${element.stem}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      this.byKind[element.kind].push({ stem: element.stem, id });
      if (element.analysed) this.analysed.push({ folded: element.analysed.folded, id });
    }
    return id;
  }

  build(): Dictionary {
    const exact = new Map<string, number[]>();
    for (const { stem, id } of this.byKind.exact) exact.set(stem, [...(exact.get(stem) ?? []), id]);
    const analysed = this.analysed;
    const stemIndexes = new Map<string, Map<string, number[]> | null>();
    return {
      size: this.ids.size,
      exact,
      stems(lang) {
        let index = stemIndexes.get(lang);
        if (index === undefined) {
          index = stemIndex(analysed, lang);
          stemIndexes.set(lang, index);
        }
        return index;
      },
      wildcards: new WildcardIndex(this.byKind.prefix, this.byKind.suffix, this.byKind.infix),
      cjk: new CjkAutomaton(this.byKind.cjk.map((p) => p.stem)),
      cjkIds: this.byKind.cjk.map((p) => p.id),
    };
  }
}

function stemIndex(
  analysed: ReadonlyArray<{ folded: string; id: number }>,
  lang: string,
): Map<string, number[]> | null {
  const stemmer = stemmerFor(lang);
  if (!stemmer) return null;
  const index = new Map<string, number[]>();
  for (const { folded, id } of analysed) {
    const stem = stemmerMayChange(lang, folded) ? stemWord(stemmer, folded) : folded;
    // A short Latin stem cut from a longer word is where terms of other languages collide (French
    // "dévisse" stems to Portuguese "dev", as does "deve"): such a term matches its own spelling only.
    if (stem !== folded && [...stem].length < 4 && /^\p{Script=Latin}/u.test(stem)) continue;
    const key = keyOfStem(stem);
    index.set(key, [...(index.get(key) ?? []), id]);
  }
  return index;
}

/** The dictionary elements a piece of query text stands for, scanned like article text. */
function elementsOf(text: string): Element[] {
  const out: Element[] = [];
  scanText(text, {
    word: (start, end, pos, endPos) => {
      // A compound in a query becomes its parts in sequence, so "R1-Zero" also finds "R1 Zero".
      if (endPos === pos) out.push({ kind: "exact", stem: normalizeWord(text.slice(start, end)) });
    },
    cjk: (start, end) => {
      const stem = foldCjkRun(text.slice(start, end)).text;
      const last = out[out.length - 1];
      // Chinese and Japanese text has no spaces, so adjacent CJK pieces of a phrase join up.
      if (last?.kind === "cjk") last.stem += stem;
      else out.push({ kind: "cjk", stem });
    },
  });
  return out;
}

/** A single plain word is analysed (matches its inflections); compounds and `=exact` words are not. */
function plainTermElements(value: string, exact: boolean): Element[] {
  const elements = elementsOf(value);
  const only = elements[0];
  if (exact || elements.length !== 1 || only?.kind !== "exact") return elements;
  let word = value;
  scanText(value, { word: (start, end) => (word = value.slice(start, end)), cjk: () => {} });
  return [{ ...only, analysed: { folded: foldCase(word) } }];
}

function wildcardElement(value: string, leading: boolean, trailing: boolean): Element {
  const stem = normalizeWord(value);
  if (hasCjk(stem)) return { kind: "cjk", stem: foldCjkRun(stem).text };
  return { kind: leading && trailing ? "infix" : leading ? "suffix" : "prefix", stem };
}

/**
 * A phrase's elements. Adjacent CJK pieces join up, since Chinese and Japanese write no spaces; with
 * `keepSpaces` CJK pieces the query separates by a space stay separate words in sequence, as Korean writes
 * them ("수출 통제": 수출, then 통제 in the next run).
 */
function phraseElements(value: string, keepSpaces = false): Element[] {
  const out: Element[] = [];
  for (const piece of value.split(/\s+/u)) {
    let fresh = keepSpaces;
    const leading = piece.startsWith("*");
    const trailing = piece.length > 1 && piece.endsWith("*");
    const stem = piece.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    const elements =
      (leading || trailing) && /^[\p{L}\p{N}\p{M}-]{2,}$/u.test(stem)
        ? [wildcardElement(stem, leading, trailing)]
        : elementsOf(piece);
    for (const element of elements) {
      const last = out[out.length - 1];
      if (element.kind === "cjk" && last?.kind === "cjk" && !fresh) last.stem += element.stem;
      else out.push({ ...element });
      fresh = false;
    }
  }
  return out;
}

/** Hangul pieces with a space between them: a Korean phrase, written with spaces or without. */
const spacedHangul = (value: string) => /\p{Script=Hangul}\s+\p{Script=Hangul}/u.test(value);

/**
 * What compiling one batch of queries shares: the dictionary, the concepts by name and each concept compiled
 * once. `labelPrefix` is set inside a concept, so its terms explain themselves as `@global-south: Luanda`.
 */
interface CompileContext {
  dict: DictionaryBuilder;
  concepts: ReadonlyMap<string, ConceptDefinition>;
  compiledConcepts: Map<string, CompiledNode>;
  labelPrefix: string;
}

function newContext(concepts: readonly ConceptDefinition[] = []): CompileContext {
  return {
    dict: new DictionaryBuilder(),
    concepts: new Map(concepts.map((c) => [c.name, c])),
    compiledConcepts: new Map(),
    labelPrefix: "",
  };
}

function compileConcept(node: Extract<QueryNode, { type: "concept" }>, ctx: CompileContext): CompiledNode {
  const known = ctx.compiledConcepts.get(node.name);
  if (known) return known;
  const concept = ctx.concepts.get(node.name);
  if (!concept) throw new QueryError(`unknown concept "@${node.name}"`, node.position);
  let compiled: CompiledNode;
  try {
    compiled = compileNode(parseQuery(concept.query, { kind: "concept" }), {
      ...ctx,
      labelPrefix: `@${concept.name}: `,
    });
  } catch (error) {
    // A concept is checked when saved, so this is one saved before a limit existed: name it, at its use.
    if (!(error instanceof QueryError)) throw error;
    throw new QueryError(`concept "@${node.name}" does not compile (${error.message})`, node.position);
  }
  if (compiled.k === "or") compiled = { ...compiled, concept: node.name };
  ctx.compiledConcepts.set(node.name, compiled);
  return compiled;
}

function compileNode(node: QueryNode, ctx: CompileContext): CompiledNode {
  const { dict } = ctx;
  switch (node.type) {
    case "concept":
      return compileConcept(node, ctx);
    case "term":
    case "phrase": {
      const label = ctx.labelPrefix + (node.type === "term" ? termLabel(node) : node.value);
      const elements =
        node.type === "phrase"
          ? phraseElements(node.value)
          : node.leadingWildcard || node.trailingWildcard
            ? [wildcardElement(node.value, node.leadingWildcard, node.trailingWildcard)]
            : plainTermElements(node.value, node.exact === true);
      if (elements.length === 0) throw new QueryError(`"${label}" has nothing to match`, node.position);
      const ids = elements.map((element) => dict.idOf(element));
      const joined: CompiledNode =
        ids.length === 1 ? { k: "term", id: ids[0]!, label } : { k: "phrase", ids, label };
      if (node.type !== "phrase" || !spacedHangul(node.value)) return joined;
      // Korean puts spaces between words ("수출 통제") and sometimes leaves them out ("수출통제"): both count.
      const spaced = phraseElements(node.value, true).map((element) => dict.idOf(element));
      return { k: "or", children: [joined, { k: "phrase", ids: spaced, label }] };
    }
    case "and":
      return { k: "and", children: node.children.map((child) => compileNode(child, ctx)) };
    case "or":
      return { k: "or", children: node.children.map((child) => compileNode(child, ctx)) };
    case "not":
      return { k: "not", child: compileNode(node.child, ctx) };
    case "near":
      return {
        k: "near",
        distance: node.distance,
        left: compileNode(node.left, ctx),
        right: compileNode(node.right, ctx),
      };
    case "field":
      return { k: "field", field: fieldIndex[node.field], child: compileNode(node.child, ctx) };
  }
}

function termLabel(node: Extract<QueryNode, { type: "term" }>): string {
  return `${node.leadingWildcard ? "*" : ""}${node.value}${node.trailingWildcard ? "*" : ""}`;
}

export interface CompileOptions {
  /** Leave out (and list in `broken`) a topic whose query does not compile, instead of throwing. */
  skipBroken?: boolean;
  /** The concepts a query may use as `@name`; an unknown name is a QueryError at its position. */
  concepts?: readonly ConceptDefinition[];
}

/**
 * Parses and compiles all topics into one matcher that reads each article once. A query that does not
 * compile throws its QueryError, unless `skipBroken` is set, as the ingest path sets it: then that topic (a
 * query saved before a limit existed, say) is left out and listed in `broken`, and every other topic is
 * still matched, so one topic can never stop the pipeline. Each concept the topics use is compiled once.
 */
export function compileTopics(
  topics: readonly Pick<TopicDefinition, "slug" | "query">[],
  options: CompileOptions = {},
): TopicMatcher {
  const ctx = newContext(options.concepts);
  const compiled: CompiledTopic[] = [];
  const broken: BrokenTopic[] = [];
  for (const topic of topics) {
    try {
      compiled.push({ slug: topic.slug, root: compileNode(parseQuery(topic.query), ctx) });
    } catch (error) {
      if (!options.skipBroken) throw error;
      broken.push({ slug: topic.slug, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return createMatcher(ctx.dict.build(), compiled, broken);
}

/**
 * Checks that a query parses and compiles, as `compileTopics` will with these concepts; throws the
 * QueryError it would meet (an unknown `@name` included).
 */
export function validateQuery(query: string, concepts: readonly ConceptDefinition[] = []): void {
  compileNode(parseQuery(query), newContext(concepts));
}

/** Checks a concept's own text: it parses within the concept limits, uses no `@name`, and compiles. */
export function validateConcept(text: string): void {
  try {
    compileNode(parseQuery(text, { kind: "concept" }), newContext());
  } catch (error) {
    if (error instanceof QueryError) throw new QueryError(error.reason, error.position, "terms");
    throw error;
  }
}
