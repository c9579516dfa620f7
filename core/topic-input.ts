import { z } from "zod";

/**
 * A topic as a person writes it: the body of `POST /api/topics` and `PUT /api/topics/:slug`, and the options of
 * `topics add|edit`, so the CLI refuses what the API refuses, in the same words. Whether the query compiles is
 * checked apart (validateQuery), since `@name`s resolve against the stored concepts.
 */
export const TopicFieldsSchema = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().max(1000).optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "a hex colour such as #0072B2")
    .optional(),
  query: z.string().min(1).max(20_000),
});

export const TopicSlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lower-case letters, digits and hyphens, such as r1-release");

export const TopicCreateSchema = TopicFieldsSchema.extend({ slug: TopicSlugSchema });

export type TopicFields = z.infer<typeof TopicFieldsSchema>;

/** Okabe-Ito, colour-blind safe; a topic made without a colour takes the next in turn. */
export const TOPIC_PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#D55E00",
  "#56B4E9",
  "#F0E442",
  "#000000",
] as const;

/** The colour of a new topic when `existing` topics are stored. */
export function nextTopicColor(existing: number): string {
  return TOPIC_PALETTE[existing % TOPIC_PALETTE.length]!;
}
