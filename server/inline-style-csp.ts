import { createHash } from "node:crypto";

/**
 * The server-rendered pages (sign-in, mail links, API docs) carry their stylesheet inline, so their CSP
 * allows it by hash and needs no 'unsafe-inline'.
 */
export function styleHashSource(style: string): string {
  return `'sha256-${createHash("sha256").update(style).digest("base64")}'`;
}

/** The policy of a page with no script whose one form posts back to this server. */
export function formPageCsp(style: string): string {
  return [
    "default-src 'none'",
    `style-src ${styleHashSource(style)}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}
