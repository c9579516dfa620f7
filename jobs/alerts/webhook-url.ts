import { addressPolicy, ipLiteral } from "../ingest/address-policy";

export class WebhookUrlError extends Error {
  override name = "WebhookUrlError";
}

/**
 * Checks a webhook URL when it is subscribed: absolute http(s), no credentials, and (unless private URLs are
 * allowed) no address literal or local name inside the network. The same rule as feed URLs; the delivery
 * checks again on the resolved address at connect time, which is what defeats DNS rebinding. Returns the URL
 * normalized (fragment dropped).
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new WebhookUrlError(`not a valid URL: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new WebhookUrlError(
      `only http and https webhooks are supported, not ${url.protocol.replace(/:$/, "")}`,
    );
  }
  if (url.username || url.password) {
    throw new WebhookUrlError(
      "webhook URLs must not carry a user name or password; the signature authenticates",
    );
  }
  url.hash = "";
  if (!allowPrivate) {
    const host = url.hostname.replace(/\.$/, "").toLowerCase();
    const literal = ipLiteral(host);
    const reason = literal
      ? addressPolicy(false).refusal(literal)
      : host === "localhost" || host.endsWith(".localhost")
        ? "loopback"
        : host.endsWith(".internal") || host.endsWith(".local") || !host.includes(".")
          ? "local"
          : null;
    if (reason) {
      throw new WebhookUrlError(
        `${url.hostname} is a ${reason} address; set TIDEMARK_ALLOW_PRIVATE_URLS=1 to allow webhooks inside your network`,
      );
    }
  }
  return url.href;
}
