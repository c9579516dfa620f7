import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { instantRange } from "../../core/time/date-range";
import { parseIsoInstant } from "../../core/time/iso-instant";
import { httpLink } from "../../core/urls/http-link";
import { addStoryEvent, listOutages, listStoryEvents } from "../../db/queries/timeline";
import { getTopic } from "../../db/queries/topics";
import { bearer, errorResponses, isoTime, json, PUBLIC, wholeListOf } from "../api-shapes";
import type { AppDeps } from "../app";
import type { requireAdmin } from "../auth";
import { badRequest } from "../errors";

/**
 * `from`/`to`: a UTC date (the whole day) or a time (ISO 8601 with offset), both inclusive; default: everything.
 */
const Range = z
  .object({
    from: z
      .string()
      .optional()
      .openapi({ param: { name: "from", in: "query" }, example: "2025-01-01" }),
    to: z
      .string()
      .optional()
      .openapi({ param: { name: "to", in: "query" }, example: "2025-03-31" }),
  })
  .strict();

/** The inclusive instants the timeline queries take. */
function range(q: z.infer<typeof Range>): { from: number; to: number } {
  const { from, toExclusive } = instantRange(q, {
    from: 0,
    toExclusive: 8_640_000_000_000_001,
  });
  return { from, to: toExclusive - 1 };
}

const StoryEvent = z
  .object({
    id: z.number().int(),
    at: z.string(),
    label: z.string(),
    url: z.string().nullable(),
    topic: z.string().nullable(),
  })
  .openapi("StoryEvent");
const Outage = z
  .object({ start: z.string(), end: z.string().nullable(), reason: z.string(), passes: z.number().int() })
  .openapi("Outage");
const EventCreate = z.object({
  at: z
    .string()
    .refine(
      (v) => parseIsoInstant(v) !== null,
      "a calendar date (2025-01-20) or an ISO 8601 time with offset (2025-01-20T00:00:00Z)",
    ),
  label: z.string().trim().min(1).max(200),
  // The dashboard makes this a link on the time axis: only http(s) may be one.
  url: z
    .string()
    .max(2048)
    .refine((v) => httpLink(v) !== null, "an http(s) URL")
    .transform((v) => httpLink(v)!)
    .optional(),
  topic: z.string().max(64).optional(),
});

const routes = {
  events: createRoute({
    method: "get",
    path: "/events",
    operationId: "listEvents",
    tags: ["timeline"],
    summary: "Story events to mark on the time axis",
    security: PUBLIC,
    request: { query: Range },
    responses: {
      200: {
        description: "Events, oldest first",
        ...json(wholeListOf(StoryEvent)),
      },
      ...errorResponses(400),
    },
  }),
  addEvent: createRoute({
    method: "post",
    path: "/events",
    operationId: "addEvent",
    tags: ["timeline"],
    summary: "Add a story event",
    security: bearer,
    request: { body: { ...json(EventCreate), required: true } },
    responses: { 201: { description: "Added" }, ...errorResponses(400, 401, 403, 413) },
  }),
  outages: createRoute({
    method: "get",
    path: "/outages",
    operationId: "listOutages",
    tags: ["timeline"],
    security: PUBLIC,
    summary: "Stretches when ingestion failed as a whole, so they are not read as a drop in coverage",
    request: { query: Range },
    responses: {
      200: {
        description: "Outages, oldest first",
        ...json(wholeListOf(Outage)),
      },
      ...errorResponses(400),
    },
  }),
};

export function timelineRoutes({ db }: AppDeps, admin: ReturnType<typeof requireAdmin>) {
  return new OpenAPIHono()
    .openapi(routes.events, async (c) => {
      const rows = await listStoryEvents(db, range(c.req.valid("query")));
      return c.json({ items: rows.map((e) => ({ ...e, at: isoTime(e.at)! })), nextCursor: null }, 200);
    })
    .openapi({ ...routes.addEvent, middleware: [admin] as const }, async (c) => {
      const body = c.req.valid("json");
      if (body.topic && !(await getTopic(db, body.topic)))
        throw badRequest(`topic: no topic '${body.topic}'`);
      await addStoryEvent(db, {
        at: parseIsoInstant(body.at)!,
        label: body.label,
        url: body.url,
        topicSlug: body.topic,
      });
      return c.body(null, 201);
    })
    .openapi(routes.outages, async (c) => {
      const rows = await listOutages(db, range(c.req.valid("query")));
      const items = rows.map((o) => ({
        start: isoTime(o.startedAt)!,
        end: isoTime(o.endedAt),
        reason: o.reason,
        passes: o.passes,
      }));
      return c.json({ items, nextCursor: null }, 200);
    });
}
