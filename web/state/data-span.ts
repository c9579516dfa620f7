/**
 * Where the stored articles lie, as the server writes it into each page (server/static-web.ts): the first and
 * last article's times. With it the first chart of "All" asks for its days at once, instead of first probing
 * the months since 2000 for where the data is.
 */
export interface DataSpan {
  first: number;
  last: number;
}

/** The page's span; null for an empty store; undefined when the page carries none (then the dashboard probes). */
export function readDataSpan(doc: Document = document): DataSpan | null | undefined {
  const content = doc.querySelector<HTMLMetaElement>('meta[name="tidemark-data-span"]')?.content;
  if (content === undefined) return undefined;
  if (content.trim() === "") return null;
  const [first, last] = content.trim().split(/\s+/).map(Number);
  return Number.isSafeInteger(first) && Number.isSafeInteger(last) && first! <= last!
    ? { first: first!, last: last! }
    : undefined;
}
