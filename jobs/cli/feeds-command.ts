import { readFile } from "node:fs/promises";
import { checkImportedFeeds } from "../../core/feed-import";
import { type FeedInput, FeedInputSchema } from "../../core/feed-input";
import { feedJson } from "../../core/feed-json";
import { buildOpml, parseOpml } from "../../core/opml";
import { stripUnsafeCharacters } from "../../core/text/control-characters";
import { checkFeedUrl, FeedUrlError } from "../../core/urls/feed-url";
import { addFeed, addFeeds, DuplicateFeedError, listFeeds, removeFeed } from "../../db/queries/feeds";
import type { Feed } from "../../db/schema";
import type { CliContext } from "../cli";
import type { CliCommand } from "./command";
import { feedEditCommand, feedEditForms, feedPauseCommand } from "./feed-edit-command";
import { formatTable } from "./table";
import { EXIT, noArguments, parseCommandArgs, positiveInt, UsageError } from "./usage";

export const feedsCommand: CliCommand = {
  name: "feeds",
  forms: [
    {
      sub: "add",
      args: "URL [--name N] [--lang L] [--country CC] [--folder F]",
      summary: "track a feed; the next ingest pass fetches it",
      details:
        "--name N       the outlet's name as lists show it\n" +
        "--lang L       a BCP 47 language tag such as en or pt-BR\n" +
        "--country CC   an ISO 3166-1 alpha-2 country code such as DE\n" +
        "--folder F     the collection to file it under (OPML export writes it as a folder)\n" +
        "Each value is checked as POST /api/feeds checks it. Exit 1 when the URL is tracked already.",
    },
    {
      sub: "list",
      args: "[--json]",
      summary: "every feed with its health",
      details: "--json   the items of GET /api/feeds, in the same shape",
    },
    ...feedEditForms,
    { sub: "remove", args: "ID", summary: "stop tracking a feed and delete its articles" },
    {
      sub: "import",
      args: "FILE.opml",
      summary: "track every feed of an OPML file",
      details:
        "Each entry is checked as POST /api/feeds checks one; the ones refused are listed on stderr.\n" +
        "Exit 3 when the file adds no new feed.",
    },
    { sub: "export", args: "", summary: "every tracked feed as OPML on stdout (not the sample's)" },
  ],
  run: runFeeds,
};

async function runFeeds(ctx: CliContext): Promise<number> {
  const [sub, ...args] = ctx.args;
  const { db } = ctx.database;
  switch (sub) {
    case "add": {
      const { values, positionals } = parseCommandArgs(args, {
        name: { type: "string" },
        lang: { type: "string" },
        country: { type: "string" },
        folder: { type: "string" },
      });
      if (positionals.length !== 1) throw new UsageError("expected one URL");
      const input = checkedFeed({ url: positionals[0]!, ...values }, ctx.config.allowPrivateUrls);
      try {
        const feed = await addFeed(db, input);
        ctx.out(`added feed ${feed.id}: ${feed.url} (fetched on the next pass)`);
        return EXIT.done;
      } catch (error) {
        if (error instanceof DuplicateFeedError) throw new Error(error.message);
        throw error;
      }
    }
    case "list": {
      const { values, positionals } = parseCommandArgs(args, { json: { type: "boolean" } });
      noArguments(positionals);
      const feeds = await listFeeds(db);
      if (values.json) ctx.out(JSON.stringify(feeds.map(feedJson), null, 2));
      else for (const line of feedTable(feeds)) ctx.out(line);
      return EXIT.done;
    }
    case "edit":
      return feedEditCommand(ctx, args);
    case "pause":
      return feedPauseCommand(ctx, args, false);
    case "resume":
      return feedPauseCommand(ctx, args, true);
    case "remove": {
      const { positionals } = parseCommandArgs(args, {});
      if (positionals.length !== 1) throw new UsageError("expected one feed ID");
      const id = positiveInt(positionals[0], "ID");
      if (!(await removeFeed(db, id))) throw new Error(`no feed ${id}`);
      ctx.out(`removed feed ${id} and its articles`);
      return EXIT.done;
    }
    case "import": {
      const { positionals } = parseCommandArgs(args, {});
      if (positionals.length !== 1) throw new UsageError("expected one OPML file");
      const found = await parseOpml(await readFile(positionals[0]!, "utf8"));
      const { accepted, skipped } = checkImportedFeeds(found, ctx.config.allowPrivateUrls);
      for (const { url, reason } of skipped) ctx.err(stripUnsafeCharacters(`skipped ${url}: ${reason}`));
      const added = await addFeeds(db, accepted);
      ctx.out(
        `found ${found.length} feeds: added ${added}, ${accepted.length - added} already tracked, ${skipped.length} skipped`,
      );
      return added > 0 ? EXIT.done : EXIT.nothingToDo;
    }
    case "export":
      noArguments(args);
      ctx.write(buildOpml(await listFeeds(db, { includeSample: false })));
      return EXIT.done;
    default:
      throw new UsageError(`unknown subcommand '${sub ?? ""}'`);
  }
}

/** The feed as POST /api/feeds would take it (the same schema, then the address policy), or a usage error. */
function checkedFeed(raw: Record<string, string | undefined>, allowPrivate: boolean): FeedInput {
  const parsed = FeedInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0]);
    throw new UsageError(`${field === "url" ? "URL" : `--${field}`}: ${issue.message}`);
  }
  try {
    return { ...parsed.data, url: checkFeedUrl(parsed.data.url, allowPrivate) };
  } catch (error) {
    if (error instanceof FeedUrlError) throw new UsageError(`URL: ${error.message}`);
    throw error;
  }
}

function healthOf(f: Feed): string {
  if (f.isSample) return "sample";
  if (!f.enabled) return "paused";
  if (f.errorCount > 0) return `failing x${f.errorCount}: ${f.lastError}`;
  if (!f.lastFetchedAt) return "not fetched yet";
  return f.parseWarning ? `ok, read leniently: ${f.parseWarning}` : "ok";
}

function feedTable(feeds: Feed[]): string[] {
  const rows = feeds.map((f) => [
    String(f.id),
    f.lang ?? "--",
    f.country ?? "--",
    f.folder ?? "--",
    String(f.articleCount),
    f.name ?? "",
    f.url,
    healthOf(f),
  ]);
  // Rows stored before feed text was cleaned may still hold escape codes: a terminal must not run them.
  return formatTable(["ID", "LANG", "CC", "FOLDER", "ARTICLES", "NAME", "URL", "HEALTH"], rows, {
    right: [0, 4],
  }).map(stripUnsafeCharacters);
}
