import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The labeled story sets (test/fixtures/stories/, issue 11): items in publication order, two items the same story
 * iff their `story` values are equal. Read relative to the repository; absent, callers skip with `missing`.
 */
export interface LabeledStoryItem {
  id: string;
  story: string;
  lang: string;
  outlet: string;
  country: string;
  publishedAt: string;
  title: string;
  summary: string;
}

export const STORY_SETS = fileURLToPath(new URL("../fixtures/stories/", import.meta.url));

export function storySetPath(name: "dev" | "test"): string {
  return `${STORY_SETS}stories-${name}.json`;
}

/** The items of a set, sorted by time (then id), or undefined when the file is absent. */
export function readStorySet(path: string): LabeledStoryItem[] | undefined {
  if (!existsSync(path)) return undefined;
  const items = (JSON.parse(readFileSync(path, "utf8")) as { items: LabeledStoryItem[] }).items;
  return [...items].sort(
    (a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || a.id.localeCompare(b.id),
  );
}
