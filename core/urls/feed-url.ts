import { checkOutgoingUrl } from "./outgoing-url";

export class FeedUrlError extends Error {
  override name = "FeedUrlError";
}

/** Checks a feed URL typed by a user before it is stored (see checkOutgoingUrl); throws FeedUrlError. */
export function checkFeedUrl(raw: string, allowPrivate: boolean): string {
  const checked = checkOutgoingUrl(raw, {
    allowPrivate,
    schemeNoun: "feed URLs",
    urlNoun: "feed URLs",
    allowNoun: "feeds",
  });
  if ("refused" in checked) throw new FeedUrlError(checked.refused);
  return checked.url;
}
