import { addressPolicy, ipLiteral } from "../ingest/address-policy";

export class FeedUrlError extends Error {
  override name = "FeedUrlError";
}

/**
 * Checks a feed URL typed by a user before it is stored: absolute http(s), no credentials, and (unless private
 * URLs are allowed) not an address literal or name that points inside the network. The fetcher checks again
 * on the resolved address at every hop; this early check just gives the user a clear 400 instead of a feed
 * that fails forever.
 */
export function checkFeedUrl(raw: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FeedUrlError(`not a valid URL: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FeedUrlError(
      `only http and https feed URLs are supported, not ${url.protocol.replace(/:$/, "")}`,
    );
  }
  if (url.username || url.password)
    throw new FeedUrlError("feed URLs must not carry a user name or password");
  url.hash = "";
  if (!allowPrivate) {
    const host = url.hostname.replace(/\.$/, "");
    const literal = ipLiteral(host);
    const reason = literal ? addressPolicy(false).refusal(literal) : isLocalName(host) ? "loopback" : null;
    if (reason) {
      throw new FeedUrlError(
        `${url.hostname} is a ${reason} address; set TIDEMARK_ALLOW_PRIVATE_URLS=1 to allow feeds inside your network`,
      );
    }
  }
  return url.href;
}

function isLocalName(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost");
}
