import { parseStringPromise } from "xml2js";
import { DomainError } from "./errors";
import { stripUnsafeCharacters } from "./text/control-characters";
import { xmlAttr } from "./text/xml-text";

/**
 * OPML in and out, the format every feed reader exchanges subscription lists in. Besides the standard
 * `xmlUrl`, `text`/`title` and `htmlUrl`, outlines carry `language` and `country` so a round trip keeps them.
 * Folders are outlines without `xmlUrl` that hold others, as feed readers write them: a feed is filed under the
 * nearest folder around it (one level, like Miniflux's categories), and export writes each folder back as one.
 */

/** An upload that is not OPML; the API answers it as a 400 whose message starts "OPML: ". */
export class OpmlError extends DomainError {
  override name = "OpmlError";
  constructor(message: string) {
    super("invalid_request", message, { param: "OPML" });
  }
}

interface Outline {
  $?: Record<string, string>;
  outline?: Outline[];
}

/** A feed as an OPML outline describes it (the shape of the feeds table's insert input). */
export interface OpmlFeed {
  url: string;
  name?: string | null;
  siteUrl?: string | null;
  lang?: string | null;
  country?: string | null;
  folder?: string | null;
}

export async function parseOpml(text: string): Promise<OpmlFeed[]> {
  let doc: { opml?: { body?: Array<{ outline?: Outline[] }> } };
  try {
    // xml2js never expands entities, so an OPML file cannot pull in external content.
    // One synchronous parse (about 0.3 s for 20,000 outlines): xml2js's `async` mode would yield between
    // chunks, but then sax refuses any comment or text longer than 64 KiB.
    doc = await parseStringPromise(text, { explicitArray: true });
  } catch (error) {
    throw new OpmlError(`not valid XML: ${(error as Error).message.split("\n")[0]}`);
  }
  const body = doc?.opml?.body?.[0];
  if (!body) throw new OpmlError("not an OPML document: expected <opml><body>");
  const feeds: OpmlFeed[] = [];
  const walk = (outlines: Outline[] | undefined, depth: number, folder: string | null) => {
    if (!outlines || depth > 16) return;
    for (const outline of outlines) {
      const a = outline.$ ?? {};
      const url = (a.xmlUrl ?? a.xmlurl ?? "").trim();
      const title = (a.title ?? a.text ?? "").trim() || null;
      if (url) {
        feeds.push({
          url,
          name: title,
          siteUrl: a.htmlUrl?.trim() || null,
          lang: a.language?.trim() || null,
          country: a.country?.trim().toUpperCase() || null,
          folder,
        });
      }
      // An outline without a feed that holds others is a folder; an untitled one files nothing anew.
      walk(outline.outline, depth + 1, url ? folder : (title ?? folder));
    }
  };
  walk(body.outline, 0, null);
  return feeds;
}

/** The list as OPML 2.0: feeds without a folder first, then one outline per folder, in the order first met. */
export function buildOpml(feeds: readonly OpmlFeed[], now: Date = new Date()): string {
  const folders = new Map<string, OpmlFeed[]>();
  for (const feed of feeds) {
    if (!feed.folder) continue;
    const list = folders.get(feed.folder) ?? [];
    list.push(feed);
    folders.set(feed.folder, list);
  }
  const folderLines = [...folders].flatMap(([folder, inside]) => {
    const name = xmlAttr(stripUnsafeCharacters(folder));
    return [
      `    <outline text="${name}" title="${name}">`,
      ...inside.map((f) => `  ${outlineLine(f)}`),
      "    </outline>",
    ];
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    "  <head>",
    "    <title>Tidemark feeds</title>",
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    "  </head>",
    "  <body>",
    ...feeds.filter((f) => !f.folder).map(outlineLine),
    ...folderLines,
    "  </body>",
    "</opml>",
    "",
  ].join("\n");
}

function outlineLine(feed: OpmlFeed): string {
  const attrs: Array<[string, string | null | undefined]> = [
    ["type", "rss"],
    ["text", feed.name ?? feed.url],
    ["title", feed.name ?? feed.url],
    ["xmlUrl", feed.url],
    ["htmlUrl", feed.siteUrl],
    ["language", feed.lang],
    ["country", feed.country],
  ];
  const rendered = attrs
    .filter((pair): pair is [string, string] => typeof pair[1] === "string" && pair[1] !== "")
    // Names come from feeds' own titles: what a terminal or a bidi renderer acts on stays out of the file.
    .map(([k, v]) => `${k}="${xmlAttr(stripUnsafeCharacters(v))}"`)
    .join(" ");
  return `    <outline ${rendered}/>`;
}
