/**
 * An answer in the API's error shape, or a network failure (status 0). `fields` are the request fields a 400
 * names in its details, so a form can point at them.
 */
export class ApiRequestError extends Error {
  override name = "ApiRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly string[] = [],
    /** The error's `details` as the server sent them (a query error's `{position}`). */
    readonly details: unknown = undefined,
  ) {
    super(message);
  }
}
