import type { FeedInput } from "./feed-input";
import { FeedInputSchema } from "./feed-input";
import type { OpmlFeed } from "./opml";
import { checkFeedUrl } from "./urls/feed-url";

/** An OPML entry left out, and why, in the words of the API's own 400s. */
export interface SkippedFeed {
  url: string;
  reason: string;
}

/**
 * Sorts an OPML list into the feeds to add and the entries skipped, each checked as `POST /api/feeds` checks
 * one feed (FeedInputSchema, then the address policy). A URL listed twice is added once. Pure.
 */
export function checkImportedFeeds(
  found: readonly OpmlFeed[],
  allowPrivateUrls: boolean,
): { accepted: FeedInput[]; skipped: SkippedFeed[] } {
  const accepted: FeedInput[] = [];
  const skipped: SkippedFeed[] = [];
  const seen = new Set<string>();
  for (const entry of found) {
    const parsed = FeedInputSchema.safeParse(withoutNulls(entry));
    if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      skipped.push({ url: entry.url, reason });
      continue;
    }
    let url: string;
    try {
      url = checkFeedUrl(parsed.data.url, allowPrivateUrls);
    } catch (error) {
      skipped.push({ url: entry.url, reason: `url: ${(error as Error).message}` });
      continue;
    }
    if (seen.has(url)) {
      skipped.push({ url: entry.url, reason: "url: listed twice in this file" });
      continue;
    }
    seen.add(url);
    accepted.push({ ...parsed.data, url });
  }
  return { accepted, skipped };
}

/** OPML gives null for a missing attribute; the schema's optional fields want them absent. */
function withoutNulls(entry: OpmlFeed): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry).filter((pair): pair is [string, string] => pair[1] != null),
  );
}
