import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../server/docs-page";
import { docsRoutes } from "../../server/routes/docs";
import { createTestApp, type TestApp } from "../helpers/app";

describe("GET /api/docs", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
  });
  afterEach(() => s.t.destroy());

  it("lists every operation of the OpenAPI document, grouped by tag", async () => {
    const res = await s.app.request("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    const doc = (await (await s.app.request("/api/openapi.json")).json()) as OpenApiDocument;
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of Object.keys(item ?? {})) {
        expect(html).toContain(`<span class="method ${method}">${method}</span> <code>${path}</code>`);
      }
    }
    expect(html).toContain("<code>/api/feeds</code>");
    expect(html).toContain("<code>/api/topics</code>");
    expect(html).toContain('<h2 id="tag-feeds">feeds</h2>');
    expect(html).toContain('<h2 id="tag-topics">topics</h2>');
  });

  it("shows parameters, request bodies, responses and the schemas they refer to", async () => {
    const html = await (await s.app.request("/api/docs")).text();
    expect(html).toMatch(/<td><code>cursor<\/code>\?<\/td><td>query<\/td><td><code>string<\/code><\/td>/);
    expect(html).toMatch(/<code>\/api\/feeds<\/code><span class="admin">admin token<\/span>/);
    expect(html).toContain('<pre><a href="#schema-FeedCreate">FeedCreate</a></pre>');
    expect(html).toContain("<p><strong>201</strong> Created</p>");
    expect(html).toContain('<h3 id="schema-Feed">Feed</h3>');
    expect(html).toContain("  articleCount: integer;");
    expect(html).toContain("  lastError: string | null;");
  });

  it("carries a CSP that forbids script and allows only its own stylesheet, by hash", async () => {
    const res = await s.app.request("/api/docs");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const hash = createHash("sha256").update(style).digest("base64");
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
  });

  it("works offline: it loads nothing from any other origin", async () => {
    const html = await (await s.app.request("/api/docs")).text();
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/href="(?!#|openapi\.json")/);
  });

  it("escapes every string taken from the document", async () => {
    const hostile: OpenApiDocument = {
      info: { title: "<b>API</b>", version: '1"2' },
      paths: {
        "/api/x<img>": {
          get: {
            tags: ["<i>tag</i>"],
            summary: "<script>alert(1)</script>",
            parameters: [{ name: "q\"'", in: "query", description: "</td><td>" }],
            responses: {
              200: {
                description: "ok & fine",
                content: {
                  "application/json": {
                    schema: {
                      type: "object",
                      properties: { "<p>": { type: "string", enum: ["</pre>"] } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      components: { schemas: { '"><svg>': { $ref: '#/components/schemas/"><svg>' } } },
    };
    const html = await (await docsRoutes(() => hostile).request("/docs")).text();
    for (const raw of ["<script>", "<img>", "<svg>", "<b>API", "<i>tag", "<p>?", '</pre>"', "</td><td>\n"]) {
      expect(html).not.toContain(raw);
    }
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;p&gt;?: &quot;&lt;/pre&gt;&quot;;");
    expect(html).toContain("ok &amp; fine");
    expect(html).toContain("q&quot;&#39;");
    expect(html).toContain('id="schema-___svg_"');
  });
});
