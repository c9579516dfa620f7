import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the signature is the base64 HMAC-SHA256 of
 * "<webhook-id>.<webhook-timestamp>.<body>", keyed by the bytes the secret's base64 part decodes to.
 */

export const SECRET_PREFIX = "whsec_";

/** 24 random bytes: 192 bits, and 32 base64 characters without padding. */
const SECRET_BYTES = 24;

/** Receivers reject messages whose timestamp is further than this from their clock (replay protection). */
export const TIMESTAMP_TOLERANCE_S = 5 * 60;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function generateWebhookSecret(random: (size: number) => Buffer = randomBytes): string {
  return `${SECRET_PREFIX}${random(SECRET_BYTES).toString("base64")}`;
}

/** The HMAC key a secret stands for. Throws on a secret that is not `whsec_<base64>` (or bare base64). */
export function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  // Buffer.from(..., "base64") skips characters it does not know; a typo would silently become another key.
  if (!BASE64.test(encoded) || encoded.length % 4 === 1) {
    throw new Error("a webhook secret is whsec_ followed by base64");
  }
  return Buffer.from(encoded, "base64");
}

export interface SignedContent {
  id: string;
  /** Unix seconds, as sent in webhook-timestamp. */
  timestamp: number;
  body: string;
}

/** The webhook-signature header value: `v1,<base64>`. */
export function signWebhook(secret: string, { id, timestamp, body }: SignedContent): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/**
 * Checks a received webhook the way a receiver should: one of the space-separated `v1,` signatures matches
 * (compared in constant time) and the timestamp is within the tolerance of `nowMs`.
 */
export function verifyWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string; body: string },
  nowMs: number,
  toleranceS: number = TIMESTAMP_TOLERANCE_S,
): VerifyResult {
  if (!/^\d+$/.test(headers.timestamp)) return { ok: false, reason: "webhook-timestamp is not unix seconds" };
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowMs / 1000 - timestamp) > toleranceS) {
    return { ok: false, reason: "webhook-timestamp is outside the tolerance" };
  }
  const expected = Buffer.from(
    signWebhook(secret, { id: headers.id, timestamp, body: headers.body }).slice(3),
  );
  for (const candidate of headers.signature.split(" ")) {
    const [version, value = ""] = candidate.split(",", 2);
    if (version !== "v1") continue;
    const given = Buffer.from(value);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: "no matching v1 signature" };
}
