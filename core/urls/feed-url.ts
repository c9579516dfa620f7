import { DomainError } from "../errors";
import { checkOutgoingUrl } from "./outgoing-url";

/** A feed URL refused by policy; the API answers it as a 400 about `url`. */
export class FeedUrlError extends DomainError {
  override name = "FeedUrlError";
  constructor(message: string) {
    super("invalid_request", message, { param: "url" });
  }
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
