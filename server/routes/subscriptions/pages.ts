import { escapeHtml as esc } from "../../../core/text/escape-html";
import { formPageCsp } from "../../inline-style-csp";

/**
 * The small pages a person sees after clicking a link in an alert mail. Plain server-rendered HTML, no script;
 * the stylesheet is allowed by hash and the only form may post back to this server.
 */

const STYLE =
  "body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}" +
  "button{font:inherit;padding:.4rem 1rem;cursor:pointer}.note{color:#57606a}";
export const PAGE_CSP = formPageCsp(STYLE);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="robots" content="noindex"><title>${esc(title)} · Tidemark</title><style>${STYLE}</style></head>
<body><h1>${esc(title)}</h1>${body}</body></html>`;
}

/**
 * The confirmation link shows a button rather than confirming on GET: mail scanners fetch every link in a
 * message, and would otherwise subscribe addresses whose owners never asked (double opt-in is the point).
 */
export function confirmPage(topicName: string, mode: string, action: string): string {
  return page(
    "Confirm your subscription",
    `<p>Receive ${esc(mode)} alerts about <strong>${esc(topicName)}</strong> by email?</p>
<form method="post" action="${esc(action)}"><button type="submit">Confirm</button></form>
<p class="note">If you did not ask for this, close this page: nothing will be sent.</p>`,
  );
}

export function confirmedPage(topicName: string, mode: string): string {
  return page(
    "Subscription confirmed",
    `<p>You will now receive ${esc(mode)} alerts about <strong>${esc(topicName)}</strong> by email.</p>
<p class="note">Every message carries a link to unsubscribe.</p>`,
  );
}

/**
 * The unsubscribe link shows a button rather than acting on GET: mail scanners and link previews fetch every
 * link in a message, and must not end a subscription by looking at it.
 */
export function unsubscribePage(topicName: string, action: string): string {
  return page(
    "Unsubscribe",
    `<p>Stop alerts about <strong>${esc(topicName)}</strong>?</p>
<form method="post" action="${esc(action)}"><button type="submit">Unsubscribe</button></form>`,
  );
}

export function unsubscribedPage(topicName: string): string {
  return page(
    "Unsubscribed",
    `<p>You will receive no more alerts about <strong>${esc(topicName)}</strong>.</p>`,
  );
}

export function problemPage(title: string, message: string): string {
  return page(title, `<p>${esc(message)}</p>`);
}
