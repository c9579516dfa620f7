/**
 * Turns what a user typed into the `q` box into conditions for the FTS5 trigram index, without ever letting
 * the text be read as FTS5 syntax: every term or phrase leaves here as an FTS5 string ("..." with inner
 * quotes doubled), so `*`, `NEAR(`, `:`, `^` or a stray `"` are just characters to look for.
 *
 * Language: terms are split on whitespace and ANDed; "a quoted phrase" is one term (spaces included);
 * a term or phrase starting with `-`, or preceded by the word `NOT` (upper case), excludes articles that
 * contain it. Every term matches as a substring of the title or summary, case-insensitively, so "aktien"
 * finds "Chipaktien" and "英伟达" finds "英伟达股价暴跌". There is no OR, prefix or NEAR.
 *
 * The trigram tokenizer cannot look up fewer than three characters ("AI", "华为"), so such terms come back
 * as LIKE patterns for a scan over the rows the other conditions leave.
 */

export const MAX_SEARCH_LENGTH = 200;

/**
 * How many index matches a listed search considers: the most recently stored ones. Materializing the matches of
 * two common words costs about 1 µs each (28,000 for "nvidia shares" at 1M articles), so the bound keeps any
 * search to ~10 ms of SQLite. What it gives up: a search matching more than this many articles lists only the
 * newest-stored 10,000 of them (its pages end there); `total=1` still counts every match.
 */
export const MATCH_CAP = 10_000;

export interface SearchPlan {
  /** FTS5 expression every result matches: the long included terms, minus the long excluded ones. */
  match: string | null;
  /** How many of `match`'s index matches a list considers, newest stored first (MATCH_CAP). */
  cap: number;
  /** FTS5 expression no result may match; only set when `match` is null (else exclusions ride in it). */
  notMatch: string | null;
  /** LIKE patterns (escape character `\`) each result has in its title or summary. */
  contains: string[];
  /** LIKE patterns (escape character `\`) no result has in its title or summary. */
  notContains: string[];
}

export type SearchPlanResult = { ok: true; plan: SearchPlan } | { ok: false; message: string };

interface Term {
  text: string;
  exclude: boolean;
}

/** Shortest term the trigram index can find; shorter ones go to LIKE. */
const TRIGRAM = 3;

export function planSearch(input: string): SearchPlanResult {
  if (input.length > MAX_SEARCH_LENGTH) {
    return { ok: false, message: `must be at most ${MAX_SEARCH_LENGTH} characters` };
  }
  const terms = splitTerms(cleanSearchText(input));
  if (terms.length === 0) return { ok: false, message: "must contain a search term" };
  const included = terms.filter((t) => !t.exclude);
  if (included.length === 0) return { ok: false, message: "must contain a term that is not excluded" };

  const isLong = (t: Term) => [...t.text].length >= TRIGRAM;
  const longIn = included.filter(isLong).map((t) => ftsString(t.text));
  const longOut = terms.filter((t) => t.exclude && isLong(t)).map((t) => ftsString(t.text));
  const exclusion = longOut.length === 0 ? null : longOut.join(" OR ");
  let match: string | null = null;
  if (longIn.length > 0) {
    match = longIn.join(" AND ");
    if (exclusion) match = `(${match}) NOT (${exclusion})`;
  }
  return {
    ok: true,
    plan: {
      match,
      cap: MATCH_CAP,
      notMatch: match === null ? exclusion : null,
      contains: included.filter((t) => !isLong(t)).map((t) => likePattern(t.text)),
      notContains: terms.filter((t) => t.exclude && !isLong(t)).map((t) => likePattern(t.text)),
    },
  };
}

/** NFC (so "ü" is one character, as in most feeds) with control characters turned into spaces. */
export function cleanSearchText(input: string): string {
  return input.normalize("NFC").replace(/\p{Cc}/gu, " ");
}

/**
 * Whitespace-separated terms; `"..."` keeps spaces inside one term. A quote without its closing quote, like
 * a `-` standing alone, is just a character to look for.
 */
export function splitTerms(text: string): Term[] {
  const terms: Term[] = [];
  let excludeNext = false;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/u.test(text[i]!)) i++;
    if (i >= text.length) break;
    let exclude = excludeNext;
    excludeNext = false;
    if (text[i] === "-" && i + 1 < text.length && !/\s/u.test(text[i + 1]!)) {
      exclude = true;
      i++;
    }
    const close = text[i] === '"' ? text.indexOf('"', i + 1) : -1;
    const quoted = close !== -1;
    let word: string;
    if (quoted) {
      word = text.slice(i + 1, close).trim();
      i = close + 1;
    } else {
      const start = i;
      while (i < text.length && !/\s/u.test(text[i]!)) i++;
      word = text.slice(start, i);
    }
    if (!quoted && word === "NOT" && hasMore(text, i)) {
      excludeNext = true;
      continue;
    }
    if (word !== "") terms.push({ text: word, exclude });
  }
  return terms;
}

function hasMore(text: string, from: number): boolean {
  return text.slice(from).trim() !== "";
}

/** An FTS5 string literal: the only special character inside one is `"`, written twice. */
export function ftsString(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/** `%term%` with LIKE's own wildcards and the escape character made literal. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
