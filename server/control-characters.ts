import type { MiddlewareHandler } from "hono";
import { DomainError } from "../core/errors";
import { firstControlCharacter, stripUnsafeCharacters } from "../core/text/control-characters";

/**
 * Refuses NUL and other control characters anywhere in a request's text: path, query (names and values) and
 * every string of a JSON body, with a 400 naming the field. One guard in front of every route, so no request
 * schema can forget it; stored text was cut at a NUL before, which loses what the caller sent without a word.
 */
export function refuseControlCharacters(): MiddlewareHandler {
  return async (c, next) => {
    const path = decodedPath(c.req.path);
    if (path !== null) refuse("path", path);
    for (const [name, values] of Object.entries(c.req.queries())) {
      refuse(name, name);
      for (const value of values) refuse(name, value);
    }
    // A read's body is never read (and never size-limited: see middleware.ts), so it is not parsed here either.
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && isJson(c.req.header("content-type"))) {
      // Hono keeps the parsed body, so the route's validator reads this same value; a body that is not JSON is
      // left to that validator's own answer.
      const body: unknown = await c.req.json().catch(() => undefined);
      walk(body, []);
    }
    await next();
  };
}

function refuse(field: string, text: string): void {
  const found = firstControlCharacter(text);
  if (!found) return;
  throw new DomainError(
    "invalid_request",
    `must not contain control characters (${found.codePoint} at position ${found.index})`,
    // A key or parameter name may itself be the bad text: named without it.
    { param: stripUnsafeCharacters(field) || "body" },
  );
}

function walk(value: unknown, path: Array<string | number>): void {
  if (typeof value === "string") {
    refuse(path.join("."), value);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walk(item, [...path, i]);
    });
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      refuse([...path, key].join("."), key);
      walk(item, [...path, key]);
    }
  }
}

function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function isJson(contentType: string | undefined): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType ?? "");
}
