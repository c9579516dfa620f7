import { OpenAPIHono } from "@hono/zod-openapi";
import { DOCS_CSP, type OpenApiDocument, renderDocsPage } from "../docs-page";

/** Returns the OpenAPI document to render, e.g. `() => app.getOpenAPI31Document(...)`. */
export type DocumentLoader = () => unknown | Promise<unknown>;

/**
 * GET /docs: the OpenAPI document as one server-rendered HTML page. No script and no CDN, so it works offline
 * and under a CSP that forbids script outright.
 */
export function docsRoutes(loadDocument: DocumentLoader) {
  const app = new OpenAPIHono();
  app.get("/docs", async (c) => {
    const doc = (await loadDocument()) as OpenApiDocument;
    c.header("Content-Security-Policy", DOCS_CSP);
    // Relative, so the link is right behind a proxy that mounts the app under another prefix.
    return c.html(renderDocsPage(doc, "openapi.json"));
  });
  return app;
}
