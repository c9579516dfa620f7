/** Small, valid feed documents for tests that are about the pipeline rather than the parser. */

export interface TestItem {
  title: string;
  link?: string;
  guid?: string;
  description?: string;
  pubDate?: Date;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function rss(
  title: string,
  items: TestItem[],
  options: { link?: string; language?: string } = {},
): string {
  const body = items
    .map(
      (item) => `    <item>
      <title>${esc(item.title)}</title>
      ${item.link ? `<link>${esc(item.link)}</link>` : ""}
      ${item.guid ? `<guid isPermaLink="false">${esc(item.guid)}</guid>` : ""}
      ${item.description ? `<description>${esc(item.description)}</description>` : ""}
      ${item.pubDate ? `<pubDate>${item.pubDate.toUTCString()}</pubDate>` : ""}
    </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${esc(title)}</title>
    <link>${esc(options.link ?? "https://news.example.com/")}</link>
    <language>${options.language ?? "en"}</language>
${body}
  </channel>
</rss>
`;
}

/** n items of a fictional outlet, one an hour back from `newest`. */
export function storyItems(
  prefix: string,
  n: number,
  newest = new Date(Date.UTC(2025, 0, 27, 12)),
): TestItem[] {
  return Array.from({ length: n }, (_, i) => ({
    title: `${prefix} story ${i + 1}: DeepSeek R1 shakes chip stocks`,
    link: `https://news.example.com/${prefix}/${i + 1}`,
    description: `Coverage item ${i + 1} from ${prefix}.`,
    pubDate: new Date(newest.getTime() - i * 3_600_000),
  }));
}
