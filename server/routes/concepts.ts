import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { validateConcept } from "../../core/tagging/compile";
import { countConceptTerms } from "../../core/tagging/concepts";
import { CONCEPT_NAME, conceptLimits } from "../../core/tagging/query-ast";
import { deleteConcept, listConcepts, putConcept, topicsByConcept } from "../../db/queries/concepts";
import type { Concept } from "../../db/schema";
import { bearer, errorResponses, isoTime, json, NoQuery, PUBLIC, wholeListOf } from "../api-shapes";
import type { AppDeps } from "../app";
import type { requireAdmin } from "../auth";
import { notFound } from "../errors";

const ConceptSchema = z
  .object({
    name: z.string().openapi({ example: "global-south" }),
    description: z.string(),
    terms: z.string().openapi({ description: "The concept's terms as query text (a query fragment)" }),
    termCount: z.number().int(),
    version: z.number().int(),
    seeded: z.boolean().openapi({ description: "Bundled with Tidemark rather than made by a user" }),
    topics: z.array(z.string()).openapi({ description: "Slugs of the topics whose queries use it" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Concept");

const ConceptPutResult = ConceptSchema.extend({
  retagged: z.array(z.string()).openapi({ description: "Topics marked for a retag by this change" }),
}).openapi("ConceptPutResult");

const ConceptPut = z
  .object({
    description: z.string().max(1000).optional(),
    terms: z
      .string()
      .min(1)
      .max(conceptLimits.maxLength)
      .openapi({ example: 'Angola OR Luanda OR "Côte d\'Ivoire" OR Fiji' }),
  })
  .openapi("ConceptPut");

const NameParam = z.object({
  name: z
    .string()
    .regex(CONCEPT_NAME, "lower-case letters, digits and hyphens, such as global-south")
    .openapi({ param: { name: "name", in: "path" }, example: "global-south" }),
});

function conceptJson(concept: Concept, usedBy: readonly string[]) {
  return {
    name: concept.name,
    description: concept.description,
    terms: concept.query,
    termCount: concept.termCount,
    version: concept.version,
    seeded: concept.seeded,
    topics: [...usedBy],
    createdAt: isoTime(concept.createdAt)!,
    updatedAt: isoTime(concept.updatedAt)!,
  };
}

const routes = {
  list: createRoute({
    method: "get",
    path: "/concepts",
    operationId: "listConcepts",
    tags: ["concepts"],
    summary:
      "Concepts (named term lists a query uses as @name) with their terms and the topics that use them",
    security: PUBLIC,
    request: { query: NoQuery },
    responses: {
      ...errorResponses(429),
      200: { description: "All concepts, by name", ...json(wholeListOf(ConceptSchema)) },
    },
  }),
  put: createRoute({
    method: "put",
    path: "/concepts/{name}",
    operationId: "putConcept",
    tags: ["concepts"],
    summary: "Create or replace a concept; new terms bump its version and retag the topics that use it",
    security: bearer,
    request: { params: NameParam, body: { ...json(ConceptPut), required: true } },
    responses: {
      200: { description: "Replaced", ...json(ConceptPutResult) },
      201: { description: "Created", ...json(ConceptPutResult) },
      ...errorResponses(400, 401, 403, 413),
    },
  }),
  remove: createRoute({
    method: "delete",
    path: "/concepts/{name}",
    operationId: "deleteConcept",
    tags: ["concepts"],
    summary: "Delete a concept no topic uses (409 naming the topics that do)",
    security: bearer,
    request: { params: NameParam },
    responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404, 409) },
  }),
};

export function conceptRoutes({ db }: AppDeps, admin: ReturnType<typeof requireAdmin>) {
  return new OpenAPIHono()
    .openapi(routes.list, async (c) => {
      const usage = await topicsByConcept(db);
      const items = (await listConcepts(db)).map((concept) =>
        conceptJson(concept, usage.get(concept.name) ?? []),
      );
      return c.json({ items, nextCursor: null }, 200);
    })
    .openapi({ ...routes.put, middleware: [admin] as const }, async (c) => {
      const { name } = c.req.valid("param");
      const body = c.req.valid("json");
      // Terms that do not compile are a 400 naming the position ("terms: ..."), before anything is saved.
      validateConcept(body.terms);
      const { concept, created, retagged } = await putConcept(
        db,
        {
          name,
          query: body.terms,
          termCount: countConceptTerms(body.terms),
          ...(body.description === undefined ? {} : { description: body.description }),
        },
        Date.now(),
      );
      const usedBy = (await topicsByConcept(db)).get(name) ?? [];
      return c.json({ ...conceptJson(concept, usedBy), retagged }, created ? 201 : 200);
    })
    .openapi({ ...routes.remove, middleware: [admin] as const }, async (c) => {
      const { name } = c.req.valid("param");
      if (!(await deleteConcept(db, name))) throw notFound(`no concept '${name}'`);
      return c.body(null, 204);
    });
}
