/**
 * Builds SVG from data the way element.ts builds HTML: through the DOM, never from markup. Strings become text
 * nodes, so a topic's name or an event's label can never turn into an element or an attribute.
 */
export const SVG_NS = "http://www.w3.org/2000/svg";

type Attrs = Record<string, string | number | undefined>;

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string>
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children)
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  return node;
}

/** "#rrggbbaa" as a colour and an opacity: SVG viewers and editors that read only #rrggbb get it right. */
export function paint(color: string): { color: string; opacity: number | undefined } {
  const m = /^#([0-9a-f]{6})([0-9a-f]{2})$/i.exec(color);
  if (!m) return { color, opacity: undefined };
  return { color: `#${m[1]}`, opacity: Math.round((Number.parseInt(m[2]!, 16) / 255) * 100) / 100 };
}
