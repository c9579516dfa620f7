import { createHash, randomBytes } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

/**
 * The session cookie: a random id the browser holds, of which the server stores only the SHA-256. HttpOnly (no
 * script reads it), SameSite=Strict (no other site's page sends it), Secure when the request came over https
 * or the public URL is https (a proxy may end TLS in front of us).
 */
export const SESSION_COOKIE = "tidemark_session";

/** Seven days from sign-in, not extended by use: long enough not to nag, short enough that a lost laptop's lapses. */
export const SESSION_LIFETIME_MS = 7 * 24 * 3_600_000;

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

export function sessionCookieOf(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

export function setSessionCookie(c: Context, id: string, publicUrl: string): void {
  setCookie(c, SESSION_COOKIE, id, {
    path: "/",
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c, publicUrl),
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
}

export function clearSessionCookie(c: Context, publicUrl: string): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c, publicUrl),
  });
}

function isHttps(c: Context, publicUrl: string): boolean {
  return new URL(c.req.url).protocol === "https:" || publicUrl.startsWith("https:");
}
