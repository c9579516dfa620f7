import type { NewSubscription, SubscriptionCreated } from "../api";
import { ApiRequestError } from "../api-error";

/**
 * What the alert form sends and what it says back, kept apart from the DOM so every outcome is tested as plain
 * data: the request built from the form's fields, and one sentence (plus what to mark) per answer.
 */

export type Channel = NewSubscription["channel"];
export type Mode = NonNullable<NewSubscription["mode"]>;

export interface AlertFormInput {
  topic: string;
  channel: Channel;
  /** The email address or the webhook URL, as typed. */
  address: string;
  mode: Mode;
  /** The digest's local hour, 0-23. */
  digestHour: number;
  /** The browser's IANA zone: the digest hour's, and the one whose days the spike alerts judge. */
  tz: string;
}

export function subscriptionRequest(input: AlertFormInput): NewSubscription {
  const address = input.address.trim();
  const target = input.channel === "email" ? { email: address } : { url: address };
  // Spike alerts judge the subscriber's days, as the dashboard in this zone marks them.
  const zoned =
    input.mode === "digest"
      ? { digestHour: input.digestHour, tz: input.tz }
      : input.mode === "spike"
        ? { tz: input.tz }
        : {};
  return { topic: input.topic, channel: input.channel, mode: input.mode, ...target, ...zoned };
}

export interface Outcome {
  message: string;
  /** Webhook only: shown once, the server keeps no readable copy. */
  secret?: { secret: string; token: string };
}

const MODE_WORDS: Record<Mode, (input: AlertFormInput) => string> = {
  instant: () => "each new article",
  digest: (i) => `a daily digest at ${String(i.digestHour).padStart(2, "0")}:00 ${i.tz}`,
  spike: () => "spikes in coverage",
};

export function subscribedOutcome(result: SubscriptionCreated, input: AlertFormInput): Outcome {
  const what = MODE_WORDS[input.mode](input);
  if ("secret" in result) {
    return {
      message: `Webhook subscription ${result.id} is active: ${what} is posted to ${result.url ?? input.address.trim()}.`,
      secret: { secret: result.secret, token: result.token },
    };
  }
  return {
    message: `Check your mail: a confirmation link is on its way to ${input.address.trim()}. Nothing else is sent until you open it; then you get ${what}.`,
  };
}

export interface Failure {
  message: string;
  /** Form fields to mark invalid, as the API names them (`email`, `url`, `digestHour`, …). */
  fields: readonly string[];
  /** The admin token was missing or refused: send the user to it. */
  needsToken: boolean;
}

export function subscribeFailure(error: unknown): Failure {
  if (!(error instanceof ApiRequestError)) {
    return { message: `Failed: ${(error as Error).message}`, fields: [], needsToken: false };
  }
  const plain = (message: string, needsToken = false): Failure => ({ message, fields: [], needsToken });
  switch (error.status) {
    case 0:
      return plain(`The server did not answer; try again. (${error.message})`);
    case 400:
      return { message: `Not accepted: ${error.message}`, fields: error.fields, needsToken: false };
    case 401:
    case 403:
      return plain(`The server refused the admin token: ${error.message}`, true);
    case 429:
      return plain("Too many subscriptions from this address for now; try again in an hour.");
    case 503:
      return plain(
        "This server cannot send email yet (its operator has not set SMTP_URL). Follow the topic's Atom feed meanwhile.",
      );
    default:
      return plain(`Failed: ${error.message}`);
  }
}

export const MISSING_TOKEN =
  "Webhooks need the admin token: enter it under Sources, “Add feeds (admin)”, then subscribe again.";
