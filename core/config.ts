import { Cron } from "croner";
import { z } from "zod";

/**
 * The one module that reads the environment. Everything else receives a typed `Config`.
 * Bad values stop the process with a message naming the variable, rather than surfacing later as odd behaviour.
 */

const flag = (fallback: "0" | "1") =>
  z
    .enum(["0", "1", "true", "false", "yes", "no", "on", "off"], {
      error: "must be 1 or 0 (true/false, yes/no, on/off)",
    })
    .default(fallback)
    .transform((v) => v === "1" || v === "true" || v === "yes" || v === "on");

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v));

/** Shorter tokens fall to guessing within the write limit's reach; 24 random characters do not. */
export const MIN_ADMIN_TOKEN_LENGTH = 24;

// Trimmed: a token pasted with a space or newline around it could otherwise never match a header.
const adminToken = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const token = v?.trim();
    if (!token) return undefined;
    if (token.length >= MIN_ADMIN_TOKEN_LENGTH) return token;
    ctx.addIssue({
      code: "custom",
      message: `must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (it has ${token.length}), so it cannot be guessed; generate one with: openssl rand -base64 32`,
    });
    return z.NEVER;
  });

const schedule = z
  .string()
  .default("*/15 * * * *")
  .transform((v, ctx) => {
    const value = v.trim();
    if (value === "off") return null;
    try {
      new Cron(value, { paused: true }).stop();
      return value;
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        message: `not a cron expression (${(error as Error).message}); use e.g. "*/15 * * * *" or "off"`,
      });
      return z.NEVER;
    }
  });

const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1).default("file:data/tidemark.db"),
  DATABASE_AUTH_TOKEN: optionalText,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  TIDEMARK_ADMIN_TOKEN: adminToken,
  TIDEMARK_SCHEDULE: schedule,
  TIDEMARK_ALLOW_PRIVATE_URLS: flag("0"),
  TIDEMARK_SAMPLE_DATA: flag("1"),
  TIDEMARK_DEFAULT_FEEDS: flag("1"),
  TIDEMARK_PUBLIC_URL: optionalText,
  TIDEMARK_PUBLIC: flag("1"),
  SMTP_URL: optionalText,
  TIDEMARK_MAIL_FROM: z.string().default("Tidemark <tidemark@localhost>"),
  TIDEMARK_RATE_LIMIT: z
    .string()
    .default("600")
    .transform((v, ctx) => {
      if (v.trim() === "off") return null;
      const n = Number(v);
      if (Number.isInteger(n) && n > 0) return n;
      ctx.addIssue({
        code: "custom",
        message: 'reads per minute per client, a whole number such as 600, or "off"',
      });
      return z.NEVER;
    }),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
});

export interface Config {
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  port: number;
  host: string;
  adminToken: string | undefined;
  /** Cron expression for the ingest pass, or null when the in-process scheduler is off. */
  schedule: string | null;
  allowPrivateUrls: boolean;
  sampleData: boolean;
  defaultFeeds: boolean;
  /** TIDEMARK_PUBLIC: false closes the dashboard and the read API to anyone without a session or token. */
  public: boolean;
  /** Base URL used in links that leave the server (alerts, Atom feeds). */
  publicUrl: string;
  /** SMTP server for email alerts (smtp://user:pass@host:587, smtps://...); email subscriptions need it. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Reads per minute per client address; null when TIDEMARK_RATE_LIMIT=off (behind your own proxy's limits). */
  readRateLimit: number | null;
  /** Unset lets each entry point pick its default (server: info, CLI: warn). */
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`LOG_LEVEL=`) means "not set", as in most tools' conventions.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    port: e.PORT,
    host: e.HOST,
    adminToken: e.TIDEMARK_ADMIN_TOKEN,
    schedule: e.TIDEMARK_SCHEDULE,
    allowPrivateUrls: e.TIDEMARK_ALLOW_PRIVATE_URLS,
    sampleData: e.TIDEMARK_SAMPLE_DATA,
    defaultFeeds: e.TIDEMARK_DEFAULT_FEEDS,
    public: e.TIDEMARK_PUBLIC,
    publicUrl: (
      e.TIDEMARK_PUBLIC_URL ?? `http://${e.HOST.includes(":") ? `[${e.HOST}]` : e.HOST}:${e.PORT}`
    ).replace(/\/+$/, ""),
    readRateLimit: e.TIDEMARK_RATE_LIMIT,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.TIDEMARK_MAIL_FROM,
    logLevel: e.LOG_LEVEL,
  };
}
