import { DomainError } from "../errors";
import { checkOutgoingUrl } from "./outgoing-url";

/** A webhook URL refused by policy; the API answers it as a 400 about `url`, with the field in its details. */
export class WebhookUrlError extends DomainError {
  override name = "WebhookUrlError";
  constructor(message: string) {
    super("invalid_request", message, { param: "url", details: [{ path: "url", message }] });
  }
}

/**
 * Checks a webhook URL when it is subscribed (see checkOutgoingUrl), a little stricter than feeds: local names
 * are refused too. Delivery checks the resolved address again at connect time. Throws WebhookUrlError.
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): string {
  const checked = checkOutgoingUrl(raw, {
    allowPrivate,
    schemeNoun: "webhooks",
    urlNoun: "webhook URLs",
    credentialsNote: "; the signature authenticates",
    allowNoun: "webhooks",
    refuseLocalNames: true,
  });
  if ("refused" in checked) throw new WebhookUrlError(checked.refused);
  return checked.url;
}
