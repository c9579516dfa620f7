import { addressPolicy, describeRange, ipLiteral } from "./address-policy";

/** How one kind of user-typed URL is described in its errors, and how strict its host check is. */
export interface OutgoingUrlRules {
  allowPrivate: boolean;
  /** "feed URLs", "webhooks": what "only http and https ... are supported" speaks of. */
  schemeNoun: string;
  /** "feed URLs", "webhook URLs": what "must not carry a user name or password" speaks of. */
  urlNoun: string;
  credentialsNote?: string;
  /** "feeds", "webhooks": what TIDEMARK_ALLOW_PRIVATE_URLS=1 would allow. */
  allowNoun: string;
  /** Also refuse single-label, .local and .internal names (webhooks: nothing public answers there). */
  refuseLocalNames?: boolean;
}

/**
 * Checks a URL a user asks the server to call (a feed, a webhook) before it is stored: absolute http(s), no
 * credentials, and (unless private URLs are allowed) no address literal or local name inside the network.
 * The connection is checked again on the resolved address at connect time; this early check only gives the
 * user a clear 400. Returns the URL with its fragment dropped, or the reason it is refused.
 */
export function checkOutgoingUrl(
  raw: string,
  rules: OutgoingUrlRules,
): { url: string } | { refused: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { refused: `not a valid URL: ${JSON.stringify(raw.slice(0, 200))}` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return {
      refused: `only http and https ${rules.schemeNoun} are supported, not ${url.protocol.replace(/:$/, "")}`,
    };
  }
  if (url.username || url.password) {
    return {
      refused: `${rules.urlNoun} must not carry a user name or password${rules.credentialsNote ?? ""}`,
    };
  }
  url.hash = "";
  if (!rules.allowPrivate) {
    const host = url.hostname.replace(/\.$/, "").toLowerCase();
    const literal = ipLiteral(host);
    const reason = literal
      ? addressPolicy(false).refusal(literal)
      : host === "localhost" || host.endsWith(".localhost")
        ? "loopback"
        : rules.refuseLocalNames &&
            (host.endsWith(".internal") || host.endsWith(".local") || !host.includes("."))
          ? "local"
          : null;
    if (reason) {
      return {
        refused: `${url.hostname} is ${describeRange(reason)}; set TIDEMARK_ALLOW_PRIVATE_URLS=1 to allow ${rules.allowNoun} inside your network`,
      };
    }
  }
  return { url: url.href };
}
