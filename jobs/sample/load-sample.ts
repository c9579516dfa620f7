import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { countArticles } from "../../db/queries/articles";
import { addFeed, DuplicateFeedError, getFeedByUrl, removeSampleFeeds } from "../../db/queries/feeds";
import { type IngestContext, storeDocument } from "../ingest/ingest-feed";
import { TopicTagger } from "../topics/topic-tagger";
import { sampleOutlets } from "./outlets";

const FEEDS_DIR = new URL("./feeds/", import.meta.url);

/** Sample feeds are addressed by this scheme: never http(s), so they can never be fetched. */
const sampleUrl = (file: string) => `sample:${file}`;

export interface SampleSummary {
  feeds: number;
  articles: number;
}

/**
 * Loads the bundled DeepSeek-story corpus through the same pipeline as fetched feeds (parse, normalize, tag,
 * store), as feeds and articles marked `sample`. Loading twice adds nothing: the second run finds every entry.
 */
export async function loadSample(context: IngestContext): Promise<SampleSummary> {
  const ctx = { ...context, tagger: context.tagger ?? new TopicTagger() };
  let added = 0;
  for (const outlet of sampleOutlets) {
    const feed = await sampleFeed(ctx, outlet);
    const body = await readFile(fileURLToPath(new URL(outlet.file, FEEDS_DIR)));
    const result = await storeDocument(ctx, feed, { body, contentType: null, baseUrl: outlet.url });
    added += result.inserted;
  }
  ctx.log.info({ feeds: sampleOutlets.length, articles: added }, "sample coverage loaded");
  return { feeds: sampleOutlets.length, articles: added };
}

/** Removes every sample feed and, by cascade, its articles. */
export async function clearSample(ctx: Pick<IngestContext, "db">): Promise<SampleSummary> {
  const articles = await countArticles(ctx.db, { sample: true });
  const removed = await removeSampleFeeds(ctx.db);
  return { feeds: removed, articles };
}

async function sampleFeed(ctx: IngestContext, outlet: (typeof sampleOutlets)[number]) {
  const url = sampleUrl(outlet.file);
  try {
    return await addFeed(ctx.db, {
      url,
      name: outlet.name,
      siteUrl: outlet.url,
      lang: outlet.lang,
      country: outlet.country,
      isSample: true,
    });
  } catch (error) {
    if (!(error instanceof DuplicateFeedError)) throw error;
    return (await getFeedByUrl(ctx.db, url))!;
  }
}
