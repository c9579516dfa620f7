import { type FeedPatch, FeedPatchSchema } from "../../core/feed-input";
import { feedJson } from "../../core/feed-json";
import { getFeed, updateFeed } from "../../db/queries/feeds";
import type { Feed } from "../../db/schema";
import type { CliContext } from "../cli";
import { EXIT, parseCommandArgs, positiveInt, UsageError } from "./usage";

/** `feeds edit|pause|resume ID`: what PATCH /api/feeds/:id does, with its rules; `--json` prints its answer. */

export const feedEditForms = [
  {
    sub: "edit",
    args: "ID [--name N] [--lang L] [--country CC] [--folder F] [--json]",
    summary: "change a feed's name, language, country or folder",
    details:
      'An empty value clears the field (--folder ""); options left out keep their value.\n' +
      "Each value is checked as PATCH /api/feeds/:id checks it. Exit 3 when nothing changes.",
  },
  { sub: "pause", args: "ID", summary: "stop fetching a feed until it is resumed (exit 3: paused already)" },
  {
    sub: "resume",
    args: "ID",
    summary: "fetch a paused feed again, from the next pass (exit 3: not paused)",
  },
];

export async function feedEditCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    name: { type: "string" },
    lang: { type: "string" },
    country: { type: "string" },
    folder: { type: "string" },
    json: { type: "boolean" },
  });
  const id = oneId(positionals);
  const { json, ...given } = values;
  const raw = Object.fromEntries(
    Object.entries(given).map(([field, value]) => [field, value?.trim() === "" ? null : value]),
  );
  if (Object.keys(raw).length === 0)
    throw new UsageError("nothing to change: give --name, --lang, --country or --folder");
  const parsed = FeedPatchSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`--${String(issue.path[0])}: ${issue.message}`);
  }
  const current = await existingFeed(ctx, id);
  if (sameAs(current, parsed.data)) {
    ctx.out(`feed ${id} already has these values: nothing changed`);
    return EXIT.nothingToDo;
  }
  const feed = (await updateFeed(ctx.database.db, id, parsed.data))!;
  if (json) ctx.out(JSON.stringify(feedJson(feed), null, 2));
  else ctx.out(`changed feed ${id}`);
  return EXIT.done;
}

export async function feedPauseCommand(ctx: CliContext, args: string[], enabled: boolean): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  const id = oneId(positionals);
  const current = await existingFeed(ctx, id);
  if (current.enabled === enabled) {
    ctx.out(`feed ${id} is ${enabled ? "not paused" : "paused already"}: nothing changed`);
    return EXIT.nothingToDo;
  }
  await updateFeed(ctx.database.db, id, { enabled });
  ctx.out(enabled ? `resumed feed ${id}: the next pass fetches it` : `paused feed ${id}`);
  return EXIT.done;
}

function oneId(positionals: string[]): number {
  if (positionals.length !== 1) throw new UsageError("expected one feed ID");
  return positiveInt(positionals[0], "ID");
}

async function existingFeed(ctx: CliContext, id: number): Promise<Feed> {
  const feed = await getFeed(ctx.database.db, id);
  if (!feed) throw new Error(`no feed ${id}`);
  return feed;
}

function sameAs(feed: Feed, patch: FeedPatch): boolean {
  return Object.entries(patch).every(([field, value]) => feed[field as keyof FeedPatch] === value);
}
