import { DomainError } from "../../core/errors";
import { compileTopics } from "../../core/tagging/compile";
import type { MatchedTerm } from "../../core/tagging/types";
import type { Db } from "../../db/client";
import { topicTagsInRange } from "../../db/queries/article-topics";
import { articleTextsAfter } from "../../db/queries/articles";
import { conceptDefinitions } from "../../db/queries/concepts";
import { getTopic } from "../../db/queries/topics";

export interface DryRunExample {
  id: number;
  title: string;
  publishedAt: number;
  terms: MatchedTerm[];
}

/** How a draft differs from a topic's saved tags. */
export interface DryRunChanges {
  slug: string;
  /** Stored articles the draft would tag and the topic has no tag on. */
  added: number;
  /** Stored articles the topic has a tag on and the draft would not tag. */
  removed: number;
  /** The newest added articles, with the draft's matched terms. */
  addedExamples: DryRunExample[];
  /** The newest removed articles, with the terms of their saved tag. */
  removedExamples: DryRunExample[];
  /** The topic's retag has not finished, so its saved tags are part old query, part new. */
  retagPending: boolean;
}

export interface DryRunResult {
  scanned: number;
  matched: number;
  /** The newest matching articles. */
  examples: DryRunExample[];
  /** With a topic's slug: the changes against its saved tags. */
  changes?: DryRunChanges;
}

/**
 * How many stored articles a draft query would tag, with the newest examples, before anything is saved; with
 * `slug`, also what it would add to and remove from that topic's saved tags. Reads the articles (and the
 * topic's tags) in id batches so a million of them never sit in memory at once. Throws QueryError, and a
 * not_found DomainError for an unknown slug. `@name`s resolve against the stored concepts.
 */
export async function dryRunQuery(
  db: Db,
  query: string,
  exampleCount = 10,
  slug?: string,
): Promise<DryRunResult> {
  const topic = slug === undefined ? undefined : await getTopic(db, slug);
  if (slug !== undefined && !topic) {
    throw new DomainError("not_found", `no topic '${slug}'`, { param: "slug", details: { slug } });
  }
  // The stored concepts: an unknown `@name` is a QueryError at its position, as when the topic is saved.
  const matcher = compileTopics([{ slug: "draft", query }], { concepts: await conceptDefinitions(db) });
  const examples = new NewestExamples(exampleCount);
  const added = new NewestExamples(exampleCount);
  const removed = new NewestExamples(exampleCount);
  let scanned = 0;
  let cursor = 0;
  for (;;) {
    const batch = await articleTextsAfter(db, cursor, 2_000);
    if (batch.length === 0) break;
    const last = batch[batch.length - 1]!.id;
    const saved = topic ? await savedTerms(db, topic.id, cursor, last) : undefined;
    for (const article of batch) {
      const terms = matcher.match(article)[0]?.terms;
      const example = (matched: MatchedTerm[]) => ({
        id: article.id,
        title: article.title,
        publishedAt: article.publishedAt,
        terms: matched,
      });
      if (terms) examples.add(example(terms));
      if (!saved) continue;
      const savedTerms = saved.get(article.id);
      if (terms && !savedTerms) added.add(example(terms));
      else if (!terms && savedTerms) removed.add(example(savedTerms));
    }
    scanned += batch.length;
    cursor = last;
  }
  const result: DryRunResult = { scanned, matched: examples.count, examples: examples.newest() };
  if (topic) {
    result.changes = {
      slug: topic.slug,
      added: added.count,
      removed: removed.count,
      addedExamples: added.newest(),
      removedExamples: removed.newest(),
      retagPending: topic.taggedVersion < topic.version,
    };
  }
  return result;
}

async function savedTerms(db: Db, topicId: number, afterId: number, lastId: number) {
  const rows = await topicTagsInRange(db, topicId, afterId, lastId);
  return new Map(rows.map((row) => [row.articleId, row.terms]));
}

/** Counts examples and keeps the newest `n`, pruning as it goes so a million matches never pile up. */
class NewestExamples {
  count = 0;
  private readonly kept: DryRunExample[] = [];

  constructor(private readonly n: number) {}

  add(example: DryRunExample): void {
    this.count++;
    this.kept.push(example);
    if (this.kept.length > this.n * 4) this.prune();
  }

  newest(): DryRunExample[] {
    this.prune();
    return this.kept;
  }

  private prune(): void {
    this.kept.sort((a, b) => b.publishedAt - a.publishedAt || b.id - a.id);
    this.kept.length = Math.min(this.kept.length, this.n);
  }
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
