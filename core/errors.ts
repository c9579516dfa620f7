/**
 * Every error code the API answers with, and the HTTP status each one means. Clients branch on the code, so it
 * is a closed list: a new code is added here, not invented at a call site.
 */
export const ERROR_CODES = [
  "invalid_request",
  "invalid_query",
  "unauthorized",
  "admin_disabled",
  "invalid_token",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "gone",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "email_unavailable",
  "internal",
  /** An HTTP error of a status that has no code of its own (hono's HTTPException with, say, 418). */
  "error",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_query: 400,
  unauthorized: 401,
  admin_disabled: 403,
  invalid_token: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  email_unavailable: 503,
  internal: 500,
  error: 400,
} as const satisfies Record<ErrorCode, number>;

export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

export interface DomainErrorOptions {
  details?: unknown;
  /**
   * The parameter (or part of the request) the error is about. The API prefixes its message with it
   * ("url: ..."), while the error's own message stays as it is for the CLI and logs.
   */
  param?: string;
}

/**
 * The one error type code throws when a request cannot be served: a code from the list, a message a person can
 * act on, optional details. The server's error handler maps it to `{"error": {code, message, details}}` with the
 * code's status; the CLI prints its message. Domain errors (a refused URL, a query that does not parse, a
 * duplicate feed) extend it, so no route translates them by hand.
 */
export class DomainError extends Error {
  override name = "DomainError";
  readonly details?: unknown;
  readonly param?: string;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message);
    this.details = options.details;
    this.param = options.param;
  }

  get status(): ErrorStatus {
    return ERROR_STATUS[this.code];
  }

  /** The message a client reads: prefixed with the parameter it is about, if any. */
  get publicMessage(): string {
    return this.param === undefined ? this.message : `${this.param}: ${this.message}`;
  }
}
