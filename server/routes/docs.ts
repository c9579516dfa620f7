import { OpenAPIHono } from "@hono/zod-openapi";

// TODO(hygiene helper): GET /docs, a browsable page of /api/openapi.json that works offline
export function docsRoutes() {
  return new OpenAPIHono();
}
