import type { z } from "zod";
import { validateQuery } from "../../core/tagging/compile";
import { QueryError } from "../../core/tagging/query-ast";
import { nextTopicColor, TopicCreateSchema, TopicFieldsSchema } from "../../core/topic-input";
import { topicJson } from "../../core/topic-json";
import { conceptDefinitions } from "../../db/queries/concepts";
import {
  createTopic,
  DuplicateTopicError,
  deleteTopic,
  getTopic,
  listTopicNames,
  topicArticleCount,
  updateTopic,
} from "../../db/queries/topics";
import type { Topic } from "../../db/schema";
import type { CliContext } from "../cli";
import { EXIT, parseCommandArgs, UsageError } from "./usage";

/**
 * `topics add|edit|remove`: the writes of /api/topics, with its rules (TopicCreateSchema, a query that compiles
 * against the stored concepts). A query that does not parse is shown with a caret under its position, as
 * `topics test` shows it; `--json` prints what the API answers. The retag runs as after an API write: in a
 * running server's background, or now with `topics retag`.
 */

const FIELD_OPTIONS = {
  name: { type: "string" },
  query: { type: "string" },
  color: { type: "string" },
  description: { type: "string" },
  json: { type: "boolean" },
} as const;

export const topicEditForms = [
  {
    sub: "add",
    args: 'SLUG --name N --query "<query>" [--color #RRGGBB] [--description D] [--json]',
    summary: "make a topic; its stored articles are tagged by the next retag",
    details:
      "SLUG            lower-case letters, digits and hyphens, such as r1-release\n" +
      "--color C       a hex colour such as #0072B2 (default: the next of the palette)\n" +
      "--json          the topic as POST /api/topics answers it\n" +
      "Each value is checked as POST /api/topics checks it. Exit 1 when the slug is taken.",
  },
  {
    sub: "edit",
    args: 'SLUG [--name N] [--query "<query>"] [--color C] [--description D] [--json]',
    summary: "change a topic; a new query retags its stored articles",
    details: "Options left out keep their value. Exit 3 when nothing changes, 1 for an unknown slug.",
  },
  { sub: "remove", args: "SLUG", summary: "delete a topic with its tags and counts" },
];

export async function topicAddCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, FIELD_OPTIONS);
  if (positionals.length !== 1)
    throw new UsageError('expected one slug, e.g. topics add mistral --name "Mistral AI" --query mistral');
  const input = checked(TopicCreateSchema, { slug: positionals[0], ...fields(values) });
  const { db } = ctx.database;
  if (!(await compiles(ctx, "add", input.query))) return EXIT.usage;
  const color = input.color ?? nextTopicColor((await listTopicNames(db)).length);
  let topic: Topic;
  try {
    topic = await createTopic(db, { ...input, color, description: input.description ?? "" });
  } catch (error) {
    if (error instanceof DuplicateTopicError) throw new Error(error.message);
    throw error;
  }
  if (values.json) ctx.out(JSON.stringify(topicJson(topic, 0), null, 2));
  else ctx.out(`added topic ${topic.slug}${retagNote(topic)}`);
  return EXIT.done;
}

export async function topicEditCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, FIELD_OPTIONS);
  if (positionals.length !== 1)
    throw new UsageError("expected one slug, e.g. topics edit mistral --name Mistral");
  const change = fields(values);
  if (Object.keys(change).length === 0) {
    throw new UsageError("nothing to change: give --name, --query, --color or --description");
  }
  const slug = positionals[0]!;
  const { db } = ctx.database;
  const current = await getTopic(db, slug);
  if (!current) throw new Error(`no topic '${slug}'`);
  const input = checked(TopicFieldsSchema, {
    name: current.name,
    description: current.description,
    color: current.color,
    query: current.query,
    ...change,
  });
  const unchanged =
    input.name === current.name &&
    (input.description ?? "") === current.description &&
    input.color === current.color &&
    input.query === current.query;
  if (unchanged) {
    ctx.out(`topic ${slug} already has these values: nothing changed`);
    return EXIT.nothingToDo;
  }
  if (input.query !== current.query && !(await compiles(ctx, "edit", input.query))) return EXIT.usage;
  const topic = await updateTopic(db, slug, { ...input, color: input.color ?? current.color }, Date.now());
  if (!topic) throw new Error(`no topic '${slug}'`);
  if (values.json) ctx.out(JSON.stringify(topicJson(topic, await topicArticleCount(db, topic.id)), null, 2));
  else ctx.out(`changed topic ${slug}${retagNote(topic)}`);
  return EXIT.done;
}

export async function topicRemoveCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length !== 1) throw new UsageError("expected one slug");
  const slug = positionals[0]!;
  if (!(await deleteTopic(ctx.database.db, slug))) throw new Error(`no topic '${slug}'`);
  ctx.out(`removed topic ${slug} with its tags and counts`);
  return EXIT.done;
}

type FieldValues = { name?: string; query?: string; color?: string; description?: string };

function fields(values: FieldValues): FieldValues {
  const { name, query, color, description } = values;
  return Object.fromEntries(
    Object.entries({ name, query, color, description }).filter(([, v]) => v !== undefined),
  );
}

/** The values as the API's schema takes them, or a usage error naming the option as the API names the field. */
function checked<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0]);
  throw new UsageError(`${field === "slug" ? "SLUG" : `--${field}`}: ${issue.message}`);
}

/** Whether the query compiles; if not, says where, with a caret under the position (`topics test`'s form). */
async function compiles(ctx: CliContext, sub: string, query: string): Promise<boolean> {
  try {
    validateQuery(query, await conceptDefinitions(ctx.database.db));
    return true;
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    ctx.err(
      `tidemark: topics ${sub}: --query: ${error.message}\n  ${query}\n  ${" ".repeat(error.position)}^`,
    );
    return false;
  }
}

function retagNote(topic: Topic): string {
  return topic.taggedVersion >= topic.version
    ? ""
    : " (its stored articles are retagged by a running server, or now with `topics retag`)";
}
