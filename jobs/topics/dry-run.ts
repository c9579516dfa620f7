import { compileTopics } from "../../core/tagging/compile";
import type { MatchedTerm } from "../../core/tagging/types";
import type { Db } from "../../db/client";
import { articleTextsAfter } from "../../db/queries/articles";
import { conceptDefinitions } from "../../db/queries/concepts";

export interface DryRunExample {
  id: number;
  title: string;
  publishedAt: number;
  terms: MatchedTerm[];
}

export interface DryRunResult {
  scanned: number;
  matched: number;
  /** The newest matching articles. */
  examples: DryRunExample[];
}

/**
 * How many stored articles a draft query would tag, with the newest examples, before anything is saved.
 * Reads the articles in id batches so a million of them never sit in memory at once. Throws QueryError.
 * `@name`s resolve against the stored concepts.
 */
export async function dryRunQuery(db: Db, query: string, exampleCount = 10): Promise<DryRunResult> {
  // The stored concepts: an unknown `@name` is a QueryError at its position, as when the topic is saved.
  const matcher = compileTopics([{ slug: "draft", query }], { concepts: await conceptDefinitions(db) });
  const result: DryRunResult = { scanned: 0, matched: 0, examples: [] };
  let cursor = 0;
  for (;;) {
    const batch = await articleTextsAfter(db, cursor, 2_000);
    if (batch.length === 0) break;
    for (const article of batch) {
      const match = matcher.match(article)[0];
      if (!match) continue;
      result.matched++;
      result.examples.push({
        id: article.id,
        title: article.title,
        publishedAt: article.publishedAt,
        terms: match.terms,
      });
      if (result.examples.length > exampleCount * 4) keepNewest(result.examples, exampleCount);
    }
    result.scanned += batch.length;
    cursor = batch[batch.length - 1]!.id;
  }
  keepNewest(result.examples, exampleCount);
  return result;
}

function keepNewest(examples: DryRunExample[], n: number): void {
  examples.sort((a, b) => b.publishedAt - a.publishedAt || b.id - a.id);
  examples.length = Math.min(examples.length, n);
}

/** "Nvidia [sell-off] hits [DeepSeek]": the title with its matched terms bracketed, for a terminal. */
export function markTerms(title: string, terms: readonly MatchedTerm[]): string {
  const spans = terms
    .filter((t) => t.field === "title")
    .sort((a, b) => a.start - b.start)
    .filter((t, i, all) => i === 0 || t.start >= all[i - 1]!.end);
  let out = "";
  let at = 0;
  for (const span of spans) {
    out += `${title.slice(at, span.start)}[${title.slice(span.start, span.end)}]`;
    at = span.end;
  }
  return out + title.slice(at);
}
