import { escapeHtml as esc } from "../../../core/text/escape-html";
import type { AlertMessage } from "../channel";

/**
 * What an alert mail says, as a list of blocks rendered twice: plain text and HTML. Every string from the
 * payload is feed text (untrusted): the HTML part only ever holds it escaped, and links are kept only when they
 * are http(s), so no markup, script or javascript: URL from a feed reaches a mail client.
 */
export type Block =
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string }
  | { kind: "link"; label: string; href: string | null }
  | { kind: "item"; title: string; href: string | null; meta: string; text?: string };

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** The URL when it is absolute http(s), else null. */
export function webLink(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Header-safe: one line, no control characters, bounded (nodemailer encodes what is left). */
export function subjectLine(value: string): string {
  const line = value
    .replace(/\p{Cc}+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return line.length > 180 ? `${line.slice(0, 179)}…` : line;
}

function textBlock(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `${b.text}\n${"=".repeat(Math.min(60, b.text.length))}`;
    case "text":
      return b.text;
    case "link":
      return b.href ? `${b.label}: ${b.href}` : b.label;
    case "item":
      return [`* ${b.title}`, `  ${b.meta}`, b.text ? `  ${b.text}` : "", b.href ? `  ${b.href}` : ""]
        .filter(Boolean)
        .join("\n");
  }
}

export function renderText(blocks: readonly Block[]): string {
  return `${blocks.map(textBlock).join("\n\n")}\n`;
}

const anchor = (label: string, href: string | null) =>
  href ? `<a href="${esc(href)}">${esc(label)}</a>` : esc(label);

function htmlBlock(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `<h2 style="font-size:18px;margin:16px 0 8px">${esc(b.text)}</h2>`;
    case "text":
      return `<p>${esc(b.text)}</p>`;
    case "link":
      return `<p>${anchor(b.label, b.href)}</p>`;
    case "item":
      return `<p><strong>${anchor(b.title, b.href)}</strong><br><span style="color:#57606a">${esc(b.meta)}</span>${
        b.text ? `<br>${esc(b.text)}` : ""
      }</p>`;
  }
}

export function renderHtml(blocks: readonly Block[]): string {
  const body = blocks.map(htmlBlock);
  return `<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1b1f24;max-width:40rem">\n${body.join("\n")}\n</body></html>\n`;
}

export function render(subject: string, blocks: readonly Block[], message: AlertMessage): EmailContent {
  const footer: Block[] = [
    { kind: "link", label: "Open the dashboard", href: webLink(message.links.dashboard) },
    { kind: "link", label: "Unsubscribe from these alerts", href: webLink(message.links.unsubscribe) },
  ];
  const all = [...blocks, ...footer];
  return { subject: subjectLine(subject), text: renderText(all), html: renderHtml(all) };
}
