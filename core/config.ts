import { isIP } from "node:net";
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

/** A link base: http(s), no query or fragment; a path is kept (a proxy may serve Tidemark under /tidemark). */
const baseUrl = optionalText.transform((v, ctx) => {
  if (v === undefined) return undefined;
  const url = URL.parse(v.trim());
  if (url && (url.protocol === "http:" || url.protocol === "https:") && !url.search && !url.hash) {
    return url.href.replace(/\/+$/, "");
  }
  ctx.addIssue({
    code: "custom",
    message: "must be an http(s) URL without query or fragment, e.g. https://news.example.org",
  });
  return z.NEVER;
});

/** One trusted proxy: an address, or a network in CIDR notation. */
export interface TrustedProxy {
  address: string;
  /** Prefix length; the whole address (32 or 128) for a single one. */
  prefix: number;
  family: 4 | 6;
}

// isIP is a pure check of the text, no I/O: node:net is imported here for it alone.
const trustedProxies = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const list: TrustedProxy[] = [];
    for (const entry of (v ?? "").split(/[\s,]+/).filter(Boolean)) {
      const [address = "", prefixText] = entry.split("/");
      const family = isIP(address);
      const bits = family === 6 ? 128 : 32;
      const prefix = prefixText === undefined ? bits : Number(prefixText);
      if (
        (family === 4 || family === 6) &&
        Number.isInteger(prefix) &&
        prefix >= 0 &&
        prefix <= bits &&
        prefixText !== ""
      ) {
        list.push({ address, prefix, family });
        continue;
      }
      ctx.addIssue({
        code: "custom",
        message: `"${entry}" is not an IP address or CIDR network; list the proxies' addresses, e.g. "127.0.0.1, 10.0.0.0/8, ::1"`,
      });
      return z.NEVER;
    }
    return list;
  });

const retentionDays = z
  .string()
  .default("off")
  .transform((v, ctx) => {
    if (v.trim() === "off") return null;
    const n = Number(v);
    if (Number.isInteger(n) && n >= 1) return n;
    ctx.addIssue({
      code: "custom",
      message: 'days to keep articles, a whole number such as 365, or "off" (keep everything)',
    });
    return z.NEVER;
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
  TIDEMARK_BASE_URL: baseUrl,
  // The older name of TIDEMARK_BASE_URL, still read so existing installs keep their links.
  TIDEMARK_PUBLIC_URL: baseUrl,
  TIDEMARK_TRUSTED_PROXIES: trustedProxies,
  TIDEMARK_RETENTION_DAYS: retentionDays,
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
  /** TIDEMARK_BASE_URL: the base of links that leave the server (mails, webhooks, Atom feeds), no trailing slash. */
  publicUrl: string;
  /** Proxies whose X-Forwarded-For names the client (rate limits, logs, stream caps); empty: the socket's peer. */
  trustedProxies: TrustedProxy[];
  /** Articles older than this many days are deleted by the retention job; null keeps everything. */
  retentionDays: number | null;
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
    publicUrl:
      e.TIDEMARK_BASE_URL ??
      e.TIDEMARK_PUBLIC_URL ??
      `http://${e.HOST.includes(":") ? `[${e.HOST}]` : e.HOST}:${e.PORT}`,
    trustedProxies: e.TIDEMARK_TRUSTED_PROXIES ?? [],
    retentionDays: e.TIDEMARK_RETENTION_DAYS,
    readRateLimit: e.TIDEMARK_RATE_LIMIT,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.TIDEMARK_MAIL_FROM,
    logLevel: e.LOG_LEVEL,
  };
}
