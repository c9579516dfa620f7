import type { Config } from "../../core/config";
import type { Subscription } from "../../db/schema";
import type { AlertChannel } from "./channel";
import { createEmailChannel } from "./channels/email";
import { createWebhookChannel } from "./channels/webhook";

/** The channels this process can send on, by `subscriptions.channel`. Events for any other channel wait. */
export type ChannelRegistry = ReadonlyMap<Subscription["channel"], AlertChannel>;

export function channelRegistry(channels: readonly AlertChannel[]): ChannelRegistry {
  return new Map(channels.map((channel) => [channel.name, channel]));
}

/** Every channel the settings allow; the one list the server and the CLI deliver with. Email needs SMTP_URL. */
export function configuredChannels(
  config: Pick<Config, "allowPrivateUrls"> & Partial<Pick<Config, "smtpUrl" | "mailFrom">>,
): ChannelRegistry {
  return channelRegistry([
    createWebhookChannel({ allowPrivateUrls: config.allowPrivateUrls }),
    ...(config.smtpUrl
      ? [
          createEmailChannel({
            smtpUrl: config.smtpUrl,
            mailFrom: config.mailFrom ?? "Tidemark <tidemark@localhost>",
          }),
        ]
      : []),
  ]);
}
