/**
 * Builds DOM from data without ever parsing HTML: strings become text nodes, so feed text stays text. Links
 * accept only http(s) URLs (see safeHref); anything else renders as plain text.
 */

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** The URL when it is an absolute http(s) URL, else null: no javascript:, data: or relative tricks. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link out of the dashboard: new tab, no opener, no referrer; plain text when the URL is not http(s). */
export function externalLink(url: string | null | undefined, text: string, attrs: Attrs = {}): HTMLElement {
  const href = safeHref(url);
  if (!href) return h("span", attrs, text);
  return h("a", { ...attrs, href, target: "_blank", rel: "noopener noreferrer" }, text);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}
