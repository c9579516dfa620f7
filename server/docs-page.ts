import { escapeHtml as esc } from "../core/text/escape-html";
import { styleHashSource } from "./inline-style-csp";
import { constraintText, type JsonSchema, schemaAnchor, schemaHtml } from "./schema-html";

/** The parts of an OpenAPI 3.1 document the docs page shows. */
export interface OpenApiDocument {
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, Operation | undefined> | undefined>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { description?: string; required?: boolean; content?: Record<string, Media> };
  responses?: Record<string, { description?: string; content?: Record<string, Media> } | undefined>;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}
interface Media {
  schema?: JsonSchema;
}

const METHODS = ["get", "head", "post", "put", "patch", "delete", "options"];

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#1b1f24}
h1{margin-bottom:0}h2{border-bottom:1px solid #d0d7de;padding-bottom:.3rem;margin-top:2.5rem}
section.op{border:1px solid #d0d7de;border-radius:6px;padding:.2rem 1rem .6rem;margin:1rem 0}
.method{display:inline-block;min-width:4.5rem;font:600 .8rem monospace;text-transform:uppercase}
.get{color:#0a6b2d}.post{color:#0550ae}.put,.patch{color:#8a4600}.delete{color:#b3261e}
.admin{font-size:.8rem;background:#fff4d6;border-radius:4px;padding:0 .4rem;margin-left:.5rem}
pre{background:#f6f8fa;padding:.6rem;border-radius:6px;overflow-x:auto;margin:.3rem 0}
.note{color:#57606a}table{border-collapse:collapse}td,th{text-align:left;padding:.2rem .8rem .2rem 0;vertical-align:top}
nav ul{columns:2}code{font-size:.9em}
`;

/** No script at all, no outside origin: the page is plain server-rendered HTML that works offline. */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  `style-src ${styleHashSource(STYLE)}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** A browsable HTML page of an OpenAPI document: operations grouped by tag, then the named schemas. */
export function renderDocsPage(doc: OpenApiDocument, specUrl: string): string {
  const groups = operationsByTag(doc);
  const title = doc.info?.title ?? "API";
  const nav = [...groups.keys()].map((tag) => `<li><a href="#${tagAnchor(tag)}">${esc(tag)}</a></li>`);
  const schemas = Object.entries(doc.components?.schemas ?? {});
  if (schemas.length > 0) nav.push(`<li><a href="#schemas">schemas</a></li>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head><body>
<h1>${esc(title)} <small>${esc(doc.info?.version ?? "")}</small></h1>
<p>${esc(doc.info?.description ?? "")}</p>
<p>Machine-readable: <a href="${esc(specUrl)}">${esc(specUrl)}</a> (OpenAPI 3.1).</p>
<nav><ul>${nav.join("")}</ul></nav>
${[...groups].map(([tag, ops]) => tagHtml(tag, ops)).join("\n")}
${schemas.length > 0 ? schemasHtml(schemas) : ""}
</body></html>
`;
}

interface Located {
  method: string;
  path: string;
  op: Operation;
}

function operationsByTag(doc: OpenApiDocument): Map<string, Located[]> {
  const groups = new Map<string, Located[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? "other";
      const list = groups.get(tag) ?? [];
      list.push({ method, path, op });
      groups.set(tag, list);
    }
  }
  return groups;
}

const tagAnchor = (tag: string) => esc(`tag-${tag.replace(/[^\w-]/g, "_")}`);

function tagHtml(tag: string, ops: Located[]): string {
  return `<h2 id="${tagAnchor(tag)}">${esc(tag)}</h2>\n${ops.map(operationHtml).join("\n")}`;
}

function operationHtml({ method, path, op }: Located): string {
  const admin = op.security && op.security.length > 0 ? `<span class="admin">admin token</span>` : "";
  const parts = [
    `<h3><span class="method ${esc(method)}">${esc(method)}</span> <code>${esc(path)}</code>${admin}</h3>`,
  ];
  if (op.summary) parts.push(`<p>${esc(op.summary)}</p>`);
  if (op.description) parts.push(`<p class="note">${esc(op.description)}</p>`);
  if (op.parameters?.length) parts.push(parametersHtml(op.parameters));
  if (op.requestBody) {
    parts.push(`<h4>Request body${op.requestBody.required ? "" : " (optional)"}</h4>`);
    if (op.requestBody.description) parts.push(`<p>${esc(op.requestBody.description)}</p>`);
    parts.push(contentHtml(op.requestBody.content));
  }
  parts.push("<h4>Responses</h4>");
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    parts.push(`<p><strong>${esc(status)}</strong> ${esc(response?.description ?? "")}</p>`);
    parts.push(contentHtml(response?.content));
  }
  return `<section class="op">${parts.join("\n")}</section>`;
}

function parametersHtml(params: Parameter[]): string {
  const rows = params.map((p) => {
    const note = p.schema ? constraintText({ ...p.schema, description: p.description }) : p.description;
    return `<tr><td><code>${esc(p.name)}</code>${p.required ? "" : "?"}</td><td>${esc(p.in)}</td><td><code>${schemaHtml(p.schema)}</code></td><td class="note">${esc(note ?? "")}</td></tr>`;
  });
  return `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th></th></tr>${rows.join("")}</table>`;
}

function contentHtml(content: Record<string, Media> | undefined): string {
  return Object.entries(content ?? {})
    .map(([type, media]) => `<p class="note">${esc(type)}</p><pre>${schemaHtml(media.schema)}</pre>`)
    .join("\n");
}

function schemasHtml(schemas: [string, JsonSchema][]): string {
  const items = schemas.map(
    ([name, schema]) =>
      `<h3 id="${esc(schemaAnchor(name))}">${esc(name)}</h3><pre>${schemaHtml(schema)}</pre>`,
  );
  return `<h2 id="schemas">Schemas</h2>\n${items.join("\n")}`;
}
