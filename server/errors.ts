import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import { ZodError } from "zod";

/**
 * The one error shape of the API: `{"error": {"code", "message", "details"}}`. Code throws ApiError; the app's
 * onError turns it, zod failures and HTTPExceptions into that shape. Stack traces never reach a client.
 */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new ApiError(400, "invalid_request", message, details);
export const notFound = (message: string) => new ApiError(404, "not_found", message);
export const conflict = (message: string, details?: unknown) =>
  new ApiError(409, "conflict", message, details);

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** "limit: Too big: expected number to be <=200; from: not a date" — names each bad parameter. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export function zodDetails(error: ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

const STATUS_CODES: Partial<Record<number, string>> = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

export function handleError(error: Error, c: Context, log: Logger): Response {
  if (error instanceof ApiError) {
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  if (error instanceof ZodError) {
    return c.json(errorBody("invalid_request", describeZodError(error), zodDetails(error)), 400);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code = STATUS_CODES[status] ?? (status >= 500 ? "internal" : "error");
    if (status >= 500) log.error({ err: error, path: c.req.path }, "request failed");
    return c.json(errorBody(code, error.message || httpMessage(status)), status);
  }
  log.error({ err: error, path: c.req.path, method: c.req.method }, "unhandled error");
  return c.json(errorBody("internal", "internal server error"), 500);
}

function httpMessage(status: number): string {
  if (status === 413) return "request body too large";
  return `HTTP ${status}`;
}
