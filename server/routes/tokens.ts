import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { DomainError } from "../../core/errors";
import { createApiToken, getApiToken, listApiTokens, revokeApiToken } from "../../db/queries/api-tokens";
import { TOKEN_SCOPES } from "../../db/schema";
import { bearer, errorResponses, IdParam, isoTime, json, wholeListOf } from "../api-shapes";
import type { AppDeps } from "../app";
import { type AdminGuard, API_TOKEN_PREFIX } from "../auth";
import { notFound } from "../errors";
import { newSecret, sha256 } from "../session-cookie";

const TokenCreate = z.object({
  name: z.string().trim().min(1).max(100).openapi({ example: "grafana" }),
  scope: z.enum(TOKEN_SCOPES).openapi({ description: "read: what viewers see; write: what admins do" }),
});

const ApiToken = z
  .object({
    id: z.number().int(),
    name: z.string(),
    scope: z.enum(TOKEN_SCOPES),
    createdBy: z.string().nullable().openapi({ description: "null: made with TIDEMARK_ADMIN_TOKEN" }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi("ApiToken");

const routes = {
  create: createRoute({
    method: "post",
    path: "/tokens",
    operationId: "createApiToken",
    tags: ["people"],
    summary: "Make an API token (admin): the answer is the only time the token is shown",
    security: bearer,
    request: { body: { ...json(TokenCreate), required: true } },
    responses: {
      201: { description: "The token, once", ...json(ApiToken.extend({ token: z.string() })) },
      ...errorResponses(400, 401, 403, 413),
    },
  }),
  list: createRoute({
    method: "get",
    path: "/tokens",
    operationId: "listApiTokens",
    tags: ["people"],
    summary: "API tokens (admin), newest first, without their secrets",
    security: bearer,
    responses: {
      200: { description: "Tokens", ...json(wholeListOf(ApiToken)) },
      ...errorResponses(401, 403),
    },
  }),
  revoke: createRoute({
    method: "delete",
    path: "/tokens/{id}",
    operationId: "revokeApiToken",
    tags: ["people"],
    summary: "Revoke an API token (admin)",
    security: bearer,
    request: { params: IdParam },
    responses: { 204: { description: "Revoked" }, ...errorResponses(400, 401, 403, 404) },
  }),
};

type TokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
const tokenJson = (t: TokenRow) => ({
  ...t,
  createdAt: isoTime(t.createdAt)!,
  lastUsedAt: isoTime(t.lastUsedAt),
});

/**
 * API tokens are made by a person (a signed-in admin) or with the admin token, not by another API token: a
 * leaked write token must not be able to mint itself successors that outlive its revocation.
 */
export function tokenRoutes({ db, now = Date.now }: AppDeps, admin: AdminGuard) {
  return new OpenAPIHono()
    .openapi({ ...routes.create, middleware: [admin] as const }, async (c) => {
      const principal = c.get("principal")!;
      if (principal.via === "api-token")
        throw new DomainError("forbidden", "an API token cannot make API tokens");
      const { name, scope } = c.req.valid("json");
      const token = `${API_TOKEN_PREFIX}${newSecret()}`;
      const createdBy = principal.session?.userId ?? null;
      const id = await createApiToken(db, { name, scope, tokenHash: sha256(token), createdBy }, now());
      return c.json({ ...tokenJson((await getApiToken(db, id))!), token }, 201);
    })
    .openapi({ ...routes.list, middleware: [admin] as const }, async (c) => {
      return c.json({ items: (await listApiTokens(db)).map(tokenJson), nextCursor: null }, 200);
    })
    .openapi({ ...routes.revoke, middleware: [admin] as const }, async (c) => {
      if (!(await revokeApiToken(db, c.req.valid("param").id))) throw notFound("no such API token");
      return c.body(null, 204);
    });
}
