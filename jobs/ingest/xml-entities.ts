import { FeedError } from "./feed-error";

export const MAX_ENTITIES = 64;
export const MAX_EXPANSION_CHARS = 1024 * 1024;

const PREDEFINED = new Set(["amp", "lt", "gt", "quot", "apos"]);

/**
 * General entities declared in a DOCTYPE's internal subset, name -> replacement text. Only simple ones
 * (literal text, at most character references) keep their text; entities whose value refers to other
 * entities or holds markup, and external (SYSTEM/PUBLIC) entities, map to "" so references to them
 * vanish: nothing recursive is ever expanded and nothing outside the document is ever read.
 * Parameter entities are ignored.
 */
export function declaredEntities(doctype: string): Map<string, string> {
  const entities = new Map<string, string>();
  // Each piece is anchored on a literal or on disjoint character classes, so no backtracking blow-up.
  const declaration = /<!ENTITY\s+(%\s+)?([^\s%;"'<>]+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC))/g;
  for (const match of doctype.matchAll(declaration)) {
    if (match[1] !== undefined) continue;
    const name = match[2]!;
    if (PREDEFINED.has(name) || entities.has(name)) continue; // the first declaration binds (XML 1.0 §4.2)
    if (entities.size >= MAX_ENTITIES) {
      throw new FeedError("parse", "entity expansion limit exceeded");
    }
    const value = match[3] ?? match[4];
    entities.set(name, value !== undefined && isSimple(value) ? escapeQuotes(value) : "");
  }
  return entities;
}

function isSimple(value: string): boolean {
  if (value.includes("<") || value.includes("%")) return false;
  // Character references are fine: they cannot recurse.
  return !/&(?!#(?:[0-9]+|x[0-9a-fA-F]+);)/.test(value);
}

// The text may land inside an attribute value, where a bare quote would end it.
function escapeQuotes(value: string): string {
  return value.replaceAll('"', "&quot;").replaceAll("'", "&apos;");
}

/**
 * Replaces references to the given entities in `text` (outside CDATA sections, where `&` is literal).
 * Other references are left for the XML parser, which knows the predefined and HTML entities.
 */
export function expandEntities(text: string, entities: Map<string, string>): string {
  if (entities.size === 0) return text;
  const reference = /&([^\s&;<>"'#]{1,64});|<!\[CDATA\[/g;
  const parts: string[] = [];
  let copied = 0;
  let budget = MAX_EXPANSION_CHARS;
  for (let match = reference.exec(text); match !== null; match = reference.exec(text)) {
    if (match[1] === undefined) {
      const close = text.indexOf("]]>", reference.lastIndex);
      reference.lastIndex = close === -1 ? text.length : close + 3;
      continue;
    }
    const replacement = entities.get(match[1]);
    if (replacement === undefined) continue;
    budget -= replacement.length;
    if (budget < 0) throw new FeedError("parse", "entity expansion limit exceeded");
    parts.push(text.slice(copied, match.index), replacement);
    copied = reference.lastIndex;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join("");
}
