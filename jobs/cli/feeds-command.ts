import { readFile } from "node:fs/promises";
import { checkImportedFeeds } from "../../core/feed-import";
import { buildOpml, parseOpml } from "../../core/opml";
import { stripUnsafeCharacters } from "../../core/text/control-characters";
import { checkFeedUrl, FeedUrlError } from "../../core/urls/feed-url";
import { addFeed, addFeeds, DuplicateFeedError, listFeeds, removeFeed } from "../../db/queries/feeds";
import type { CliContext } from "../cli";
import { parseCommandArgs, positiveInt, UsageError } from "./usage";

export async function feedsCommand(ctx: CliContext): Promise<number> {
  const [sub, ...args] = ctx.args;
  const { db } = ctx.database;
  switch (sub) {
    case "add": {
      const { values, positionals } = parseCommandArgs(args, {
        name: { type: "string" },
        lang: { type: "string" },
        country: { type: "string" },
      });
      if (positionals.length !== 1) throw new UsageError("feeds add: expected one URL");
      const url = checkedUrl(positionals[0]!, ctx.config.allowPrivateUrls);
      try {
        const feed = await addFeed(db, {
          url,
          name: values.name,
          lang: values.lang?.toLowerCase(),
          country: values.country?.toUpperCase(),
        });
        ctx.out(`added feed ${feed.id}: ${feed.url} (fetched on the next pass)`);
        return 0;
      } catch (error) {
        if (!(error instanceof DuplicateFeedError)) throw error;
        ctx.err(error.message);
        return 1;
      }
    }
    case "list": {
      const { values } = parseCommandArgs(args, { json: { type: "boolean" } });
      const feeds = await listFeeds(db);
      if (values.json) {
        ctx.out(JSON.stringify(feeds, null, 2));
        return 0;
      }
      for (const f of feeds) {
        const health = f.isSample
          ? "sample"
          : !f.enabled
            ? "disabled"
            : f.errorCount > 0
              ? `failing x${f.errorCount}: ${f.lastError}`
              : f.lastFetchedAt
                ? f.parseWarning
                  ? `ok, read leniently: ${f.parseWarning}`
                  : "ok"
                : "not fetched yet";
        // Rows stored before feed text was cleaned may still hold escape codes: a terminal must not run them.
        ctx.out(
          stripUnsafeCharacters(
            `${String(f.id).padStart(4)}  ${(f.lang ?? "--").padEnd(3)} ${(f.country ?? "--").padEnd(3)} ${String(f.articleCount).padStart(6)}  ${f.name ?? ""}  ${f.url}  [${health}]`,
          ),
        );
      }
      return 0;
    }
    case "remove": {
      const id = positiveInt(args[0], "feeds remove: ID");
      if (!(await removeFeed(db, id))) {
        ctx.err(`no feed with id ${id}`);
        return 1;
      }
      ctx.out(`removed feed ${id} and its articles`);
      return 0;
    }
    case "import": {
      if (!args[0]) throw new UsageError("feeds import: expected an OPML file");
      const found = await parseOpml(await readFile(args[0], "utf8"));
      const { accepted, skipped } = checkImportedFeeds(found, ctx.config.allowPrivateUrls);
      for (const { url, reason } of skipped) ctx.err(stripUnsafeCharacters(`skipped ${url}: ${reason}`));
      const added = await addFeeds(db, accepted);
      ctx.out(
        `found ${found.length} feeds: added ${added}, ${accepted.length - added} already tracked, ${skipped.length} skipped`,
      );
      return 0;
    }
    case "export":
      ctx.write(buildOpml(await listFeeds(db, { includeSample: false })));
      return 0;
    default:
      throw new UsageError(`feeds: unknown subcommand '${sub ?? ""}'`);
  }
}

function checkedUrl(raw: string, allowPrivate: boolean): string {
  try {
    return checkFeedUrl(raw, allowPrivate);
  } catch (error) {
    if (error instanceof FeedUrlError) throw new UsageError(`feeds add: ${error.message}`);
    throw error;
  }
}
