import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { DomainError } from "../core/errors";
import { escapeHtml as esc } from "../core/text/escape-html";
import { checkOrigin } from "./auth";
import { formPageCsp } from "./inline-style-csp";
import { clientKeyOf } from "./rate-limit-middleware";
import { setSessionCookie } from "./session-cookie";
import { type SignInDeps, signIn } from "./sign-in";

/**
 * /signin: a plain HTML form that posts back here, so signing in works without the dashboard's script (and
 * before it is built). On success it redirects to `next`, a path on this server; on failure it shows the page
 * again with the reason and the status a script would get (401, 429, 403).
 */

const STYLE =
  "body{font:16px/1.5 system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem;color:#1b1f24}" +
  "label{display:block;margin:.8rem 0 .2rem}input{font:inherit;width:100%;box-sizing:border-box;padding:.35rem}" +
  "button{font:inherit;margin-top:1rem;padding:.4rem 1.2rem;cursor:pointer}.error{color:#b3261e}";
export const SIGNIN_CSP = formPageCsp(STYLE);

const HEADERS = {
  "Content-Security-Policy": SIGNIN_CSP,
  "Cache-Control": "no-store",
  // Not no-referrer: under it the browser sends `Origin: null` with the form, and the origin check refuses it.
  "Referrer-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
};

/** A path on this server to go to after signing in: `//evil.example` and `https://…` are not paths. */
export function safeNext(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/";
}

export function signinPage(options: { next: string; error?: string; username?: string }): string {
  const error = options.error ? `<p class="error" role="alert">${esc(options.error)}</p>` : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="robots" content="noindex"><title>Sign in · Tidemark</title><style>${STYLE}</style></head>
<body><h1>Sign in to Tidemark</h1>${error}
<form method="post" action="/signin">
<input type="hidden" name="next" value="${esc(options.next)}">
<label for="username">User name</label><input id="username" name="username" autocomplete="username" required value="${esc(options.username ?? "")}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form></body></html>`;
}

/** A page that comes back to /signin at once from this site, so the browser sends the session cookie. */
function sameSiteAgainPage(next: string): string {
  const again = `/signin?next=${encodeURIComponent(next)}&again=1`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${esc(again)}">
<title>Sign in · Tidemark</title></head><body><p><a href="${esc(again)}">Continue to Tidemark</a></p></body></html>`;
}

export function signinRoutes(signInDeps: SignInDeps, publicUrl: string) {
  return (
    new Hono()
      .get("/signin", (c) => {
        const next = safeNext(c.req.query("next"));
        if (c.get("principal")?.via === "session") return c.redirect(next, 303);
        // A link from another site (a mail, a chat) arrives without the SameSite=Strict cookie, so a signed-in
        // person lands here. Reloading from this page is a same-site navigation, which carries the cookie: once.
        if (c.req.header("sec-fetch-site") === "cross-site" && c.req.query("again") === undefined) {
          return c.html(sameSiteAgainPage(next), 200, HEADERS);
        }
        return c.html(signinPage({ next }), 200, HEADERS);
      })
      // A name and a password: the API's 1 MiB JSON limit covers /api only.
      .post("/signin", bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
        const form = await c.req.parseBody();
        const next = safeNext(form.next);
        const username = typeof form.username === "string" ? form.username.slice(0, 100) : "";
        const password = typeof form.password === "string" ? form.password.slice(0, 1024) : "";
        if (!username || !password) {
          const error = "enter your user name and password";
          return c.html(signinPage({ next, error, username }), 400, HEADERS);
        }
        try {
          checkOrigin(c, publicUrl);
          const replacing = c.get("principal")?.session?.idHash;
          const signedIn = await signIn(
            signInDeps,
            { username, password, address: clientKeyOf(c) },
            replacing,
          );
          setSessionCookie(c, signedIn.sessionId, publicUrl);
          return c.redirect(next, 303);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return c.html(signinPage({ next, error: error.message, username }), error.status, HEADERS);
        }
      })
  );
}
