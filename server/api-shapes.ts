import { z } from "@hono/zod-openapi";
import { ERROR_CODES } from "../core/errors";
import { FIELDS } from "../core/tagging/query-ast";
import type { MatchedTermRow } from "../db/schema";

/**
 * What several routes share in the OpenAPI document: the error shape and its responses, security
 * requirements, path parameters, JSON content. Times leave the server as ISO 8601 UTC strings.
 */

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).openapi({ example: "invalid_request" }),
      message: z.string().openapi({ example: "limit: Too big: expected number to be <=200" }),
      details: z.unknown().optional(),
      requestId: z.string().optional().openapi({ description: "The response's X-Request-Id, for the logs" }),
    }),
  })
  .openapi("Error");

export const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });

/** An error response in the one error shape. */
export const errorResponse = (description: string) => ({ description, ...json(ErrorSchema) });

const ERROR_DESCRIPTIONS = {
  400: "Invalid request: the message names the parameter",
  401: "Not signed in, or a missing, wrong or revoked token, or an expired session",
  403: "Not allowed: a viewer or a read-scoped token writing, a session write without its CSRF token or from another site, or no way to authenticate configured",
  404: "Not found",
  409: "Conflict with an existing resource",
  413: "Request body too large",
  429: "Too many requests from this client: retry after Retry-After seconds",
} as const;

export const errorResponses = (...statuses: Array<keyof typeof ERROR_DESCRIPTIONS>) =>
  Object.fromEntries(statuses.map((status) => [status, errorResponse(ERROR_DESCRIPTIONS[status])]));

/** Admin endpoints: a bearer token (admin or API token) or a signed-in admin's session cookie with its CSRF header. */
export const bearer: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { sessionCookie: [] }];
/** Public endpoints (reads, mail links): no credentials. */
export const PUBLIC: Array<Record<string, string[]>> = [];

/** A page of a list, `{items, nextCursor}`: nextCursor is null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A list answered whole, in the list shape: nextCursor is always null. */
export const wholeListOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.null() });

/** `limit` of a paged list. */
export const limitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(200)
  .default(50)
  .openapi({ param: { name: "limit", in: "query" } });

/** Why an article carries a topic: each matched term with its place in the title or summary. */
export const MatchedTermSchema = z
  .object({
    term: z.string(),
    field: z.enum(FIELDS),
    start: z.number().int(),
    end: z.number().int(),
  })
  .openapi("MatchedTerm") satisfies z.ZodType<MatchedTermRow>;

export const isoTime = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

/**
 * A numeric id in a path: plain decimal digits, no sign, no leading zero. Number() would read `1e2` as 100,
 * `0x10` as 16 and ` 5` as 5, so one resource would answer to many paths (and a DELETE hit an unmeant row).
 */
export const IdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, "must be a positive whole number in decimal digits, such as 12")
    .transform(Number)
    .openapi({ param: { name: "id", in: "path" }, type: "integer", example: "1" }),
});

/** A topic's slug in the path. */
export const SlugParam = z.object({
  slug: z
    .string()
    .max(64)
    .openapi({ param: { name: "slug", in: "path" }, example: "r1-release" }),
});

const filterParam = (name: string, description: string, example: string) =>
  z
    .string()
    .max(2000)
    .optional()
    .openapi({ param: { name, in: "query" }, description, example });

/**
 * The filters of /api/coverage and /api/articles (core/coverage/coverage-scope.ts resolves them): comma-separated
 * values, any of which may match; filters of different names must all match. A value naming no known feed,
 * folder, language, country or region is a 400.
 */
export const ScopeFilterParams = {
  feed: filterParam("feed", "feed ids, comma-separated", "3,7"),
  folder: filterParam(
    "folder",
    "folders (as OPML import files feeds, or PATCH /api/feeds/:id sets them), comma-separated and exact: the feeds filed under any of them; a name no feed is filed under is a 400",
    "Africa",
  ),
  lang: filterParam(
    "lang",
    "article language codes (ISO 639), comma-separated; `unknown` for articles of no known language",
    "de,fr",
  ),
  country: filterParam(
    "country",
    "outlet countries (ISO 3166-1 alpha-2), comma-separated; `unknown` for outlets without one",
    "DE,AT",
  ),
  region: filterParam(
    "region",
    "`north` (UN M49 developed regions: Europe, Northern America, Japan, Australia, New Zealand) or `south` (every other country), from the outlet's country",
    "south",
  ),
};

/** The query of a GET that takes no parameters: any parameter is unknown, and a 400 naming it. */
export const NoQuery = z.object({}).strict();
