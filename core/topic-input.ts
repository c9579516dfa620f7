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
