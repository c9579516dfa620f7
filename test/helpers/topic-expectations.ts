import { expect } from "vitest";
import { compileDefaultTopics } from "../../core/tagging/default-matcher";

/**
 * Expectations over the default topics for the recall-cause tests: `tagged(slug)("fr", title, summary?)` asserts
 * the headline gets the topic, `untagged` that it does not, each failure naming the language and the headline.
 */
const matcher = compileDefaultTopics();

export const topicsOf = (lang: string, title: string, summary = "") =>
  matcher.match({ title, summary, lang }).map((m) => m.slug);

export const tagged = (slug: string) => (lang: string, title: string, summary?: string) =>
  expect(topicsOf(lang, title, summary), `${lang}: ${title}`).toContain(slug);

export const untagged = (slug: string) => (lang: string, title: string, summary?: string) =>
  expect(topicsOf(lang, title, summary), `${lang}: ${title}`).not.toContain(slug);
