/**
 * rss-parser matches elements by their literal qualified names (`rdf:RDF`, `dc:date`, `entry`), so a feed
 * that binds the same namespaces to other prefixes (`<a:feed>`, `<rss:item>`, `<dcterms2:date>`) would lose
 * its items. We find the prefixes bound to the namespaces that matter and rename them to the spelling
 * rss-parser expects; "" strips the prefix, for the feed format's own namespace.
 */
const ALWAYS: Record<string, string> = {
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
  "http://purl.org/dc/elements/1.1/": "dc:",
  "http://purl.org/rss/1.0/modules/content/": "content:",
};

const ATOM = new Set(["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"]);
const RSS = new Set([
  "http://purl.org/rss/1.0/",
  "http://my.netscape.com/rdf/simple/0.9/",
  "http://backend.userland.com/rss2",
]);

export type PrefixRenames = Map<string, string>;

/** Prefix -> replacement, only for prefixes spelled differently from what rss-parser looks for. */
export function prefixRenames(text: string, rootName: string): PrefixRenames {
  const renames: PrefixRenames = new Map();
  if (!text.includes("xmlns:")) return renames;
  const isAtom = rootName === "feed" || rootName.endsWith(":feed");
  // Anchored on a literal and bounded by quotes: linear over the document.
  const declaration = /xmlns:([^\s=:"'<>]{1,64})\s*=\s*(?:"([^"<]{0,512})"|'([^'<]{0,512})')/g;
  for (const match of text.matchAll(declaration)) {
    const prefix = match[1]!;
    const uri = (match[2] ?? match[3] ?? "").trim();
    const own = isAtom ? ATOM.has(uri) : RSS.has(uri);
    const target = own ? "" : ALWAYS[uri];
    if (target !== undefined && target !== `${prefix}:` && !renames.has(prefix)) renames.set(prefix, target);
  }
  return renames;
}

export function renameTag(name: string, renames: PrefixRenames): string {
  const colon = name.indexOf(":");
  if (colon === -1) return name;
  const target = renames.get(name.slice(0, colon));
  return target === undefined ? name : target + name.slice(colon + 1);
}
