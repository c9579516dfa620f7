import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { composeSampleArticles, type SampleArticle } from "./compose";
import { outletProfiles } from "./fragments/outlet-profiles";
import { sampleOutlets } from "./outlets";
import { renderFeed } from "./render-feed";

/** Where the committed sample feeds live. */
export const sampleFeedsDir = join(dirname(fileURLToPath(import.meta.url)), "feeds");

/** Every outlet's feed file, keyed by its name under the feeds folder. Pure: same bytes on every run. */
export function buildSampleFeeds(): Map<string, Uint8Array> {
  const byOutlet = new Map<string, SampleArticle[]>();
  for (const article of composeSampleArticles()) {
    const list = byOutlet.get(article.outlet.file) ?? [];
    list.push(article);
    byOutlet.set(article.outlet.file, list);
  }
  const files = new Map<string, Uint8Array>();
  for (const outlet of sampleOutlets) {
    const profile = outletProfiles[outlet.file];
    if (!profile) throw new Error(`no profile for ${outlet.file}`);
    files.set(outlet.file, renderFeed(outlet, profile, byOutlet.get(outlet.file) ?? []));
  }
  return files;
}

export async function writeSampleFeeds(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [file, bytes] of buildSampleFeeds()) {
    await writeFile(join(outDir, file), bytes);
    written.push(file);
  }
  return written;
}

// `npx tsx jobs/sample/generate.ts [outDir]`; outDir defaults to the committed folder.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? sampleFeedsDir);
  const files = await writeSampleFeeds(outDir);
  console.log(`wrote ${files.length} sample feeds to ${outDir}`);
}
