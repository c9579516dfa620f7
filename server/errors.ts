import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { DomainError, type ErrorCode } from "../core/errors";

/**
 * The one error shape of the API: `{"error": {"code", "message", "details", "requestId"}}`; the request id is
 * the X-Request-Id the response carries and the log line names, so a user's report finds the log. Code throws DomainError (or a
 * domain error extending it: a refused URL, a bad query, a duplicate); the app's onError turns it, zod failures
 * and HTTPExceptions into that shape. Stack traces never reach a client.
 */

export const badRequest = (message: string, details?: unknown) =>
  new DomainError("invalid_request", message, { details });
export const notFound = (message: string) => new DomainError("not_found", message);
export const conflict = (message: string, details?: unknown) =>
  new DomainError("conflict", message, { details });

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
}

/** The error body for the request `c` answers (its id is set by the requestId middleware on every request). */
export function errorBody(c: Context, code: ErrorCode, message: string, details?: unknown): ErrorBody {
  const requestId: string | undefined = c.get("requestId");
  return {
    error: {
      code,
      message,
      ...(details === undefined ? {} : { details }),
      ...(requestId === undefined ? {} : { requestId }),
    },
  };
}

/** A domain error as the API answers it. */
export function domainErrorBody(c: Context, error: DomainError): ErrorBody {
  return errorBody(c, error.code, error.publicMessage, error.details);
}

/** "limit: Too big: expected number to be <=200; from: not a date" — names each bad parameter. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const message = issueMessage(issue);
      return issue.path.length > 0 ? `${issue.path.join(".")}: ${message}` : message;
    })
    .join("; ");
}

/** One entry per bad parameter; an unknown one is named as its own path, so a form can point at it. */
export function zodDetails(error: ZodError) {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join("."), message: "unknown parameter" }))
      : [{ path: issue.path.join("."), message: issue.message }],
  );
}

/** Strict query schemas refuse parameters they do not know: say which, in words a person reads. */
function issueMessage(issue: ZodError["issues"][number]): string {
  if (issue.code !== "unrecognized_keys") return issue.message;
  const names = issue.keys.map((key) => `'${key}'`).join(", ");
  return `unknown parameter${issue.keys.length === 1 ? "" : "s"} ${names}`;
}

/** A zod validation failure as the one 400 of the API, naming each bad parameter. */
export function validationError(error: ZodError): DomainError {
  return new DomainError("invalid_request", describeZodError(error), { details: zodDetails(error) });
}

/** The code of an HTTPException's status (thrown by hono's own middleware). */
const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
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
  // A DomainError is an answer the code chose (503 email_unavailable included), not a failure to log.
  if (error instanceof DomainError) return c.json(domainErrorBody(c, error), error.status);
  if (error instanceof ZodError) return c.json(domainErrorBody(c, validationError(error)), 400);
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code = STATUS_CODES[status] ?? (status >= 500 ? "internal" : "error");
    if (status >= 500) log.error({ err: error, path: c.req.path }, "request failed");
    return c.json(errorBody(c, code, error.message || httpMessage(status)), status);
  }
  log.error({ err: error, path: c.req.path, method: c.req.method }, "unhandled error");
  return c.json(errorBody(c, "internal", "internal server error"), 500);
}

function httpMessage(status: number): string {
  if (status === 413) return "request body too large";
  return `HTTP ${status}`;
}
