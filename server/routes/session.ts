import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { deleteSession } from "../../db/queries/sessions";
import { USER_ROLES } from "../../db/schema";
import { errorResponses, isoTime, json, PUBLIC } from "../api-shapes";
import type { AppDeps } from "../app";
import { checkCsrf, checkOrigin } from "../auth";
import { clientKeyOf } from "../rate-limit-middleware";
import { clearSessionCookie, setSessionCookie } from "../session-cookie";
import { type SignInDeps, signIn } from "../sign-in";

const Credentials = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1024),
});

const SessionUser = z.object({ name: z.string(), role: z.enum(USER_ROLES) });
const SessionState = z
  .object({
    user: SessionUser.nullable(),
    /** Send it back as X-CSRF-Token on every write made with this session. */
    csrfToken: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .openapi("Session");

const routes = {
  signIn: createRoute({
    method: "post",
    path: "/session",
    operationId: "signIn",
    tags: ["people"],
    summary: "Sign in: sets the HttpOnly session cookie and answers the CSRF token for writes",
    security: PUBLIC,
    request: { body: { ...json(Credentials), required: true } },
    responses: {
      200: { description: "Signed in", ...json(SessionState) },
      ...errorResponses(400, 401, 403, 429),
    },
  }),
  current: createRoute({
    method: "get",
    path: "/session",
    operationId: "getSession",
    tags: ["people"],
    summary: "Who is signed in (user null when nobody), with the session's CSRF token",
    security: PUBLIC,
    responses: { 200: { description: "The session, or nobody", ...json(SessionState) } },
  }),
  signOut: createRoute({
    method: "delete",
    path: "/session",
    operationId: "signOut",
    tags: ["people"],
    summary: "Sign out: ends the session (with its CSRF token) and clears the cookie",
    security: PUBLIC,
    responses: { 204: { description: "Signed out" }, ...errorResponses(403) },
  }),
};

export function sessionRoutes({ config }: AppDeps, signInDeps: SignInDeps) {
  return new OpenAPIHono()
    .openapi(routes.signIn, async (c) => {
      // A sign-in from another site's page would sign the victim's browser into the attacker's account.
      checkOrigin(c, config.publicUrl);
      const { username, password } = c.req.valid("json");
      const replacing = c.get("principal")?.session?.idHash;
      const signedIn = await signIn(signInDeps, { username, password, address: clientKeyOf(c) }, replacing);
      setSessionCookie(c, signedIn.sessionId, config.publicUrl);
      const { user, csrfToken, expiresAt } = signedIn;
      return c.json({ user, csrfToken, expiresAt: isoTime(expiresAt) }, 200);
    })
    .openapi(routes.current, (c) => {
      const session = c.get("principal")?.session;
      if (!session) return c.json({ user: null, csrfToken: null, expiresAt: null }, 200);
      const user = { name: session.name, role: session.role };
      return c.json({ user, csrfToken: session.csrfToken, expiresAt: isoTime(session.expiresAt) }, 200);
    })
    .openapi(routes.signOut, async (c) => {
      const principal = c.get("principal");
      if (principal?.session) {
        checkCsrf(c, principal, config.publicUrl);
        await deleteSession(signInDeps.db, principal.session.idHash);
      }
      clearSessionCookie(c, config.publicUrl);
      return c.body(null, 204);
    });
}
