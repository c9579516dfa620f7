import { escapeHtml as esc } from "../core/text/escape-html";

/** The parts of a JSON Schema (OpenAPI 3.1 dialect) the docs page shows. Anything else is ignored. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  example?: unknown;
}

const MAX_DEPTH = 12;

/** Anchor of a named component schema on the docs page. */
export function schemaAnchor(name: string): string {
  return `schema-${name.replace(/[^\w-]/g, "_")}`;
}

/**
 * A schema as TypeScript-like text (`{ id: integer; name?: string | null }`), already HTML-escaped, with
 * references linked to their component. References are never expanded, so recursive schemas terminate.
 */
export function schemaHtml(schema: JsonSchema | undefined, indent = 0): string {
  if (!schema || indent > MAX_DEPTH) return "any";
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop() ?? schema.$ref;
    return `<a href="#${esc(schemaAnchor(name))}">${esc(name)}</a>`;
  }
  if (schema.const !== undefined) return esc(JSON.stringify(schema.const));
  if (schema.enum) return schema.enum.map((v) => esc(JSON.stringify(v))).join(" | ");
  if (schema.oneOf || schema.anyOf) {
    return (schema.oneOf ?? schema.anyOf ?? []).map((s) => wrap(s, indent)).join(" | ");
  }
  if (schema.allOf) return schema.allOf.map((s) => wrap(s, indent)).join(" &amp; ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return schema.properties ? objectHtml(schema, indent) : "any";
  return types.map((type) => typeHtml(type, schema, indent)).join(" | ");
}

function typeHtml(type: string, schema: JsonSchema, indent: number): string {
  if (type === "object") return objectHtml(schema, indent);
  if (type === "array") return `${wrap(schema.items, indent)}[]`;
  return esc(type);
}

function wrap(schema: JsonSchema | undefined, indent: number): string {
  const text = schemaHtml(schema, indent);
  return / [|&] /.test(text) && !text.startsWith("{") ? `(${text})` : text;
}

function objectHtml(schema: JsonSchema, indent: number): string {
  const props = Object.entries(schema.properties ?? {});
  const extra = schema.additionalProperties;
  if (props.length === 0 && (extra === undefined || extra === false)) return "object";
  const pad = "  ".repeat(indent + 1);
  const required = new Set(schema.required ?? []);
  const lines = props.map(([name, prop]) => {
    const note = constraintText(prop).replace(/\s+/g, " ");
    const comment = note ? ` <span class="note">// ${esc(note)}</span>` : "";
    const optional = required.has(name) ? "" : "?";
    return `${pad}${esc(name)}${optional}: ${schemaHtml(prop, indent + 1)};${comment}`;
  });
  if (extra !== undefined && extra !== false) {
    const value = extra === true ? "any" : schemaHtml(extra, indent + 1);
    lines.push(`${pad}[key: string]: ${value};`);
  }
  return `{\n${lines.join("\n")}\n${"  ".repeat(indent)}}`;
}

/** "uri, 1–200 chars, default 50: the page size" — the facts about a value its type does not say. */
export function constraintText(schema: JsonSchema): string {
  const facts: string[] = [];
  if (schema.format) facts.push(schema.format);
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    if (min !== undefined && max !== undefined) facts.push(`${min}–${max}${unit}`);
    else if (min !== undefined) facts.push(`≥ ${min}${unit}`);
    else if (max !== undefined) facts.push(`≤ ${max}${unit}`);
  };
  range(schema.minLength, schema.maxLength, " chars");
  range(schema.minimum, schema.maximum, "");
  range(schema.minItems, schema.maxItems, " items");
  if (schema.pattern) facts.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) facts.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.example !== undefined) facts.push(`e.g. ${JSON.stringify(schema.example)}`);
  const text = facts.join(", ");
  if (!schema.description) return text;
  return text ? `${text}: ${schema.description}` : schema.description;
}
