import nodemailer from "nodemailer";
import type { AlertChannel, Delivery, DeliveryResult } from "../channel";
import { webLink } from "./email-content";
import { emailFor } from "./email-messages";

export interface EmailChannelConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465. */
  smtpUrl: string;
  /** The From header, e.g. `Tidemark <alerts@example.org>`. */
  mailFrom: string;
  /** Connect, greeting and idle socket limit. Default 15 s, like webhooks. */
  timeoutMs?: number;
}

export const EMAIL_TIMEOUT_MS = 15_000;

/** What nodemailer's SMTP transport attaches to the errors it throws. */
interface SmtpError extends Error {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
}

/**
 * Sends alerts over SMTP. One try per call: the delivery worker owns retries. A 5xx answer to RCPT TO means
 * the address itself is refused for good (no such user, disabled mailbox), so the subscription is `gone`;
 * anything else (4xx, connection trouble, a 5xx to MAIL FROM or DATA, which says more about our server or the
 * message than about the address) is left to the retry schedule.
 */
export function createEmailChannel(config: EmailChannelConfig): AlertChannel & { close(): void } {
  const timeout = config.timeoutMs ?? EMAIL_TIMEOUT_MS;
  const transport = nodemailer.createTransport(
    { url: config.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout },
    { from: config.mailFrom },
  );
  const domain = /@([^>\s]+)>?\s*$/.exec(config.mailFrom)?.[1] ?? "tidemark.invalid";
  return {
    name: "email",
    async deliver({ subscription, message }: Delivery): Promise<DeliveryResult> {
      if (!subscription.email) return { ok: false, error: "email subscription without an address" };
      const content = emailFor(message);
      const unsubscribe = webLink(message.links.unsubscribe);
      try {
        const info = await transport.sendMail({
          to: subscription.email,
          subject: content.subject,
          text: content.text,
          html: content.html,
          // Stable per (subscription, event), like webhook-id: a repeat after a lost acknowledgement is the
          // same message to the receiving side.
          messageId: `<tidemark-${message.id}@${domain}>`,
          headers: {
            "Auto-Submitted": "auto-generated",
            ...(unsubscribe
              ? {
                  "List-Unsubscribe": `<${unsubscribe}>`,
                  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                }
              : {}),
          },
        });
        if (info.rejected.length > 0) return { ok: false, error: `recipient refused: ${info.response}` };
        return { ok: true, status: responseCode(info.response) };
      } catch (error) {
        return failure(error as SmtpError);
      }
    },
    close() {
      transport.close();
    },
  };
}

function failure(error: SmtpError): DeliveryResult {
  const status = error.responseCode;
  const reply = error.response ? `: ${error.response}` : "";
  const message = `${error.code ?? "SMTP"}${error.command ? ` at ${error.command}` : ""}${reply || `: ${error.message}`}`;
  const gone = error.command === "RCPT TO" && status !== undefined && status >= 500 && status < 600;
  return {
    ok: false,
    error: message.slice(0, 500),
    ...(status !== undefined ? { status } : {}),
    ...(gone ? { gone } : {}),
  };
}

function responseCode(response: string | undefined): number | undefined {
  const code = Number(response?.slice(0, 3));
  return Number.isInteger(code) && code >= 200 ? code : undefined;
}
