import { z } from "@hono/zod-openapi";

/** Shapes shared by several routes. Times leave the server as ISO 8601 UTC strings. */

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_request" }),
      message: z.string().openapi({ example: "limit: Too big: expected number to be <=200" }),
      details: z.unknown().optional(),
    }),
  })
  .openapi("Error");

export const errorResponses = (...statuses: Array<400 | 401 | 403 | 404 | 409 | 413>) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_DESCRIPTIONS[status], content: { "application/json": { schema: ErrorSchema } } },
    ]),
  );

const ERROR_DESCRIPTIONS = {
  400: "Invalid request: the message names the parameter",
  401: "Missing or wrong admin token",
  403: "Admin endpoints are disabled (TIDEMARK_ADMIN_TOKEN is not set)",
  404: "Not found",
  409: "Conflict with an existing resource",
  413: "Request body too large",
} as const;

export const isoTime = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" }, example: 1 }),
});
