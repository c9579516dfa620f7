import type { Feed } from "../api";

/** The sources list's folder choice: every feed, the feeds of one folder, or those filed under none. */
export type FolderChoice = { kind: "all" } | { kind: "none" } | { kind: "folder"; name: string };

const NONE = "\u0000none";

/** The folders of a list, by name, each once. */
export function foldersOf(feeds: readonly Feed[]): string[] {
  return [...new Set(feeds.flatMap((f) => (f.folder ? [f.folder] : [])))].sort((a, b) => a.localeCompare(b));
}

export function inFolder(feed: Feed, choice: FolderChoice): boolean {
  if (choice.kind === "all") return true;
  if (choice.kind === "none") return feed.folder === null;
  return feed.folder === choice.name;
}

/** The select's value for a choice and back; "" is every feed. */
export function choiceValue(choice: FolderChoice): string {
  return choice.kind === "all" ? "" : choice.kind === "none" ? NONE : choice.name;
}

export function choiceOf(value: string): FolderChoice {
  if (value === "") return { kind: "all" };
  return value === NONE ? { kind: "none" } : { kind: "folder", name: value };
}
