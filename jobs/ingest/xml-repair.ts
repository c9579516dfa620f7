import { decodeHTML } from "entities/decode";
import { nameAt, skipPast, tagEnd } from "./xml-scan";

/** A document made well-formed, and what was done to it, in words for the feed's health. */
export interface Repaired {
  text: string;
  repairs: string[];
}

const PREDEFINED = new Set(["amp", "lt", "gt", "quot", "apos"]);

/**
 * What a lenient reader does with a document the XML parser refuses (feedparser falls back to such a parser
 * and keeps what it reads): character references it cannot read are decoded as HTML or kept as text, and the
 * tags are balanced. Pure text in, text out, so the strict parser still does all the reading; run only after
 * the strict parse failed, so a clean feed pays nothing.
 */
export function repairXml(source: string): Repaired {
  const repairs: string[] = [];
  const entities = repairReferences(source);
  if (entities.repairs) repairs.push(entities.repairs);
  const balanced = balanceTags(entities.text);
  repairs.push(...balanced.repairs);
  return { text: balanced.text, repairs };
}

/**
 * Named references outside XML's five (`&nbsp;`, HTML5's `&colon;`) become numeric ones when HTML knows them
 * and stay as literal text when it does not; numeric references to characters XML forbids (`&#0;`, lone
 * surrogates, past U+10FFFF) become U+FFFD. Entities a DOCTYPE declared are expanded before this runs.
 */
function repairReferences(text: string): { text: string; repairs: string | undefined } {
  const decoded = new Set<string>();
  const unknown = new Set<string>();
  let invalid = 0;
  const reference =
    /&(?:([A-Za-z][A-Za-z0-9]{0,31})|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8}));|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)/g;
  const repaired = text.replace(reference, (match, name?: string, decimal?: string, hex?: string) => {
    if (match.startsWith("<")) return match; // CDATA, where `&` is literal, or a comment
    if (name !== undefined) {
      if (PREDEFINED.has(name)) return match;
      const value = decodeHTML(match);
      if (value === match) {
        unknown.add(name);
        return `&amp;${name};`;
      }
      decoded.add(name);
      return [...value].map((c) => `&#${c.codePointAt(0)};`).join("");
    }
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
    if (isXmlChar(code)) return match;
    invalid++;
    return "&#65533;";
  });
  const said: string[] = [];
  if (decoded.size > 0) said.push(`HTML entities read as HTML (${list(decoded)})`);
  if (unknown.size > 0) said.push(`unknown entities kept as text (${list(unknown)})`);
  if (invalid > 0) said.push(`${count(invalid, "reference")} to characters XML forbids replaced`);
  return { text: repaired, repairs: said.length > 0 ? said.join(", ") : undefined };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function list(names: Set<string>): string {
  const shown = [...names].slice(0, 5).map((name) => `&${name};`);
  return names.size > 5 ? `${shown.join(" ")} …` : shown.join(" ");
}

/**
 * Balances the tags as an HTML parser would: a close tag that skips open elements closes them, a close tag
 * that matches nothing open is dropped, elements still open at the end (a document cut off in transfer) are
 * closed there, as is a CDATA section or comment left open, and anything after the root element is dropped.
 */
function balanceTags(text: string): { text: string; repairs: string[] } {
  const parts: string[] = [];
  const open: string[] = [];
  let copied = 0;
  let stray = 0;
  let skipped = 0;
  let cut = "";
  let i = 0;
  let rootClosed = false;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (lt === -1) break;
    if (rootClosed) {
      // Junk after the document element: an HTML page's tail, a second document.
      if (text.slice(lt).trim() !== "") cut = "content after the root element dropped";
      parts.push(text.slice(copied, lt));
      copied = text.length;
      break;
    }
    const next = text[lt + 1];
    if (text.startsWith("<!--", lt)) {
      i = skipPast(text, "-->", lt + 4);
      if (!text.startsWith("-->", i - 3)) {
        parts.push(text.slice(copied), "-->");
        copied = text.length;
        cut = "an unterminated comment closed";
      }
      continue;
    }
    if (text.startsWith("<![CDATA[", lt)) {
      i = skipPast(text, "]]>", lt + 9);
      if (!text.startsWith("]]>", i - 3)) {
        parts.push(text.slice(copied), "]]>");
        copied = text.length;
        cut = "an unterminated CDATA section closed";
      }
      continue;
    }
    i = next === "?" ? skipPast(text, "?>", lt + 2) : tagEnd(text, lt + 1);
    if (text.charCodeAt(i - 1) !== 62 /* > */) {
      // A tag cut off mid-way (`</rss`, `<![CD`): nothing of it can be read; what it opened or closed is
      // settled below with everything else still open.
      parts.push(text.slice(copied, lt));
      copied = text.length;
      cut = "a cut-off tag dropped";
      break;
    }
    if (next === "!" || next === "?") continue;
    if (next === "/") {
      const name = nameAt(text, lt + 2);
      const at = open.lastIndexOf(name);
      if (at === -1) {
        // Matches nothing open: drop it.
        parts.push(text.slice(copied, lt));
        copied = i;
        stray++;
      } else {
        if (at < open.length - 1) {
          parts.push(text.slice(copied, lt), closeTags(open.slice(at + 1)));
          copied = lt;
          skipped += open.length - 1 - at;
        }
        open.length = at;
        rootClosed = open.length === 0;
      }
    } else {
      const name = nameAt(text, lt + 1);
      const container = ENTRIES.has(localName(name)) ? lastContainer(open) : -1;
      if (container !== -1 && container < open.length - 1) {
        // An entry inside an element left open (`<itunes:category text="x">` never closed): an entry only ever
        // sits in its channel or feed, so what is open above that is closed first.
        parts.push(text.slice(copied, lt), closeTags(open.slice(container + 1)));
        copied = lt;
        skipped += open.length - 1 - container;
        open.length = container + 1;
      }
      if (text.charCodeAt(i - 2) !== 47 /* / */) open.push(name);
    }
  }
  if (copied < text.length) parts.push(text.slice(copied));
  const repairs: string[] = [];
  if (stray > 0) repairs.push(`${count(stray, "stray end tag")} dropped`);
  if (skipped > 0) repairs.push(`${count(skipped, "element")} left open inside others closed`);
  if (cut) repairs.push(cut);
  if (open.length > 0) {
    repairs.push(`${count(open.length, "element")} left open at the end closed (a cut-off document?)`);
    parts.push(closeTags(open));
  }
  return { text: parts.join(""), repairs };
}

const ENTRIES = new Set(["item", "entry"]);
const CONTAINERS = new Set(["channel", "rss", "RDF", "feed"]);

function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

/** Index of the innermost open channel or feed element, or -1 when an entry is open inside it already. */
function lastContainer(open: readonly string[]): number {
  for (let at = open.length - 1; at >= 0; at--) {
    const local = localName(open[at]!);
    if (CONTAINERS.has(local)) return at;
    if (ENTRIES.has(local)) return -1;
  }
  return -1;
}

function closeTags(names: readonly string[]): string {
  return names
    .slice()
    .reverse()
    .map((name) => `</${name}>`)
    .join("");
}
