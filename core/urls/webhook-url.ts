import { checkOutgoingUrl } from "./outgoing-url";

export class WebhookUrlError extends Error {
  override name = "WebhookUrlError";
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
