import iconv from "iconv-lite";
import type { SampleArticle } from "./compose";
import type { OutletProfile } from "./fragments/outlet-profiles";
import type { SampleOutlet } from "./outlets";

const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (n: number) => String(n).padStart(2, "0");

/** The wall-clock fields of a UTC instant at a fixed offset. */
function shifted(ms: number, offsetMinutes: number) {
  const d = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return { d, sign, hh: pad(Math.floor(abs / 60)), mm: pad(abs % 60) };
}

export function rfc822(ms: number, offsetMinutes: number): string {
  const { d, sign, hh, mm } = shifted(ms, offsetMinutes);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const zone = offsetMinutes === 0 ? "GMT" : `${sign}${hh}${mm}`;
  return `${weekdays[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} ${zone}`;
}

export function rfc3339(ms: number, offsetMinutes: number): string {
  const { d, sign, hh, mm } = shifted(ms, offsetMinutes);
  const zone = offsetMinutes === 0 ? "Z" : `${sign}${hh}:${mm}`;
  return `${d.toISOString().slice(0, 19)}${zone}`;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
}

function summaryElement(name: string, summary: string, style: OutletProfile["htmlSummary"]): string {
  if (style === "cdata") return `<${name}><![CDATA[<p>${escapeXml(summary)}</p>]]></${name}>`;
  if (style === "escaped") return `<${name}>${escapeXml(`<p>${escapeXml(summary)}</p>`)}</${name}>`;
  return `<${name}>${escapeXml(summary)}</${name}>`;
}

interface FeedInput {
  outlet: SampleOutlet;
  profile: OutletProfile;
  /** Newest first. */
  articles: SampleArticle[];
  encodingName: string;
}

function rss2({ outlet, profile, articles, encodingName }: FeedInput): string {
  const updated = articles[0]?.publishedAt ?? 0;
  const items = articles.map((a) =>
    [
      "    <item>",
      `      <title>${escapeXml(a.title)}</title>`,
      `      <link>${escapeXml(a.link)}</link>`,
      `      <guid isPermaLink="${profile.guid === "link"}">${escapeXml(a.guid)}</guid>`,
      `      <pubDate>${rfc822(a.publishedAt, profile.utcOffset)}</pubDate>`,
      `      <dc:creator>${escapeXml(a.author)}</dc:creator>`,
      `      <category>${escapeXml(a.section)}</category>`,
      `      ${summaryElement("description", a.summary, profile.htmlSummary)}`,
      "    </item>",
    ].join("\n"),
  );
  return [
    `<?xml version="1.0" encoding="${encodingName}"?>`,
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "  <channel>",
    `    <title>${escapeXml(profile.feedTitle)}</title>`,
    `    <link>${escapeXml(outlet.url)}</link>`,
    `    <description>${escapeXml(`${outlet.name}: latest stories`)}</description>`,
    ...(profile.declareLanguage ? [`    <language>${outlet.lang}</language>`] : []),
    `    <lastBuildDate>${rfc822(updated, profile.utcOffset)}</lastBuildDate>`,
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}

function atom({ outlet, profile, articles, encodingName }: FeedInput): string {
  const updated = rfc3339(articles[0]?.publishedAt ?? 0, profile.utcOffset);
  const lang = profile.declareLanguage ? ` xml:lang="${outlet.lang}"` : "";
  const entries = articles.map((a) => {
    const date = rfc3339(a.publishedAt, profile.utcOffset);
    return [
      "  <entry>",
      `    <title type="text">${escapeXml(a.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(a.link)}"/>`,
      `    <id>${escapeXml(a.guid)}</id>`,
      `    <published>${date}</published>`,
      `    <updated>${date}</updated>`,
      `    <author><name>${escapeXml(a.author)}</name></author>`,
      `    <category term="${escapeXml(a.section)}"/>`,
      `    <summary type="text">${escapeXml(a.summary)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    `<?xml version="1.0" encoding="${encodingName}"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom"${lang}>`,
    `  <title>${escapeXml(profile.feedTitle)}</title>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(outlet.url)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${outlet.url}feed.atom`)}"/>`,
    `  <id>${escapeXml(outlet.url)}</id>`,
    `  <updated>${updated}</updated>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

function rdf({ outlet, profile, articles, encodingName }: FeedInput): string {
  const items = articles.map((a) =>
    [
      `  <item rdf:about="${escapeXml(a.link)}">`,
      `    <title>${escapeXml(a.title)}</title>`,
      `    <link>${escapeXml(a.link)}</link>`,
      `    <description>${escapeXml(a.summary)}</description>`,
      `    <dc:creator>${escapeXml(a.author)}</dc:creator>`,
      `    <dc:date>${rfc3339(a.publishedAt, profile.utcOffset)}</dc:date>`,
      "  </item>",
    ].join("\n"),
  );
  return [
    `<?xml version="1.0" encoding="${encodingName}"?>`,
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"',
    '  xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `  <channel rdf:about="${escapeXml(`${outlet.url}rss/news.rdf`)}">`,
    `    <title>${escapeXml(profile.feedTitle)}</title>`,
    `    <link>${escapeXml(outlet.url)}</link>`,
    `    <description>${escapeXml(`${outlet.name}: Nachrichten`)}</description>`,
    ...(profile.declareLanguage ? [`    <dc:language>${outlet.lang}</dc:language>`] : []),
    "    <items>",
    "      <rdf:Seq>",
    ...articles.map((a) => `        <rdf:li rdf:resource="${escapeXml(a.link)}"/>`),
    "      </rdf:Seq>",
    "    </items>",
    "  </channel>",
    ...items,
    "</rdf:RDF>",
    "",
  ].join("\n");
}

function jsonFeed({ outlet, profile, articles }: FeedInput): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: profile.feedTitle,
    home_page_url: outlet.url,
    feed_url: `${outlet.url}feed.json`,
    ...(profile.declareLanguage ? { language: outlet.lang } : {}),
    items: articles.map((a) => ({
      id: a.guid,
      url: a.link,
      title: a.title,
      summary: a.summary,
      content_text: a.summary,
      date_published: rfc3339(a.publishedAt, profile.utcOffset),
      authors: [{ name: a.author }],
      tags: [a.section],
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

const writers = { rss2, atom, rdf, json: jsonFeed };

/** One outlet's feed file as bytes, in the outlet's format and encoding. */
export function renderFeed(
  outlet: SampleOutlet,
  profile: OutletProfile,
  articles: SampleArticle[],
): Uint8Array {
  const newestFirst = [...articles].sort(
    (a, b) => b.publishedAt - a.publishedAt || a.link.localeCompare(b.link),
  );
  const encoding = profile.encoding;
  const text = writers[profile.format]({
    outlet,
    profile,
    articles: newestFirst,
    encodingName: encoding?.declared ?? "UTF-8",
  });
  if (!encoding) return new TextEncoder().encode(text);
  const bytes = iconv.encode(text, encoding.iconv);
  // The point of these files is to exercise the decoder, so a character the encoding cannot hold is a bug here.
  if (iconv.decode(bytes, encoding.iconv) !== text) {
    const bad = [...text].find((c) => iconv.decode(iconv.encode(c, encoding.iconv), encoding.iconv) !== c);
    throw new Error(`${outlet.file}: "${bad}" does not fit ${encoding.declared}`);
  }
  return new Uint8Array(bytes);
}
