import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, secretKey, signWebhook, verifyWebhook } from "../../core/webhook-signature";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const body = JSON.stringify({ type: "article.tagged", topic: { slug: "nvidia", name: "Nvidia" } });

describe("Standard Webhooks signatures", () => {
  it("match the reference implementation's (standardwebhooks 1.1.1), which verifies them", () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signWebhook(SECRET, { id: "msg_1", timestamp, body });
    expect(signature).toBe(new Webhook(SECRET).sign("msg_1", new Date(timestamp * 1000), body));
    const verified = new Webhook(SECRET).verify(body, {
      "webhook-id": "msg_1",
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signature,
    });
    expect(verified).toEqual(JSON.parse(body));
  });

  it("match the specification's published example", () => {
    // From the Standard Webhooks specification's signature example.
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const example = '{"test": 2432232314}';
    expect(
      signWebhook(secret, { id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330, body: example }),
    ).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("verify what the reference signs, and refuse a changed body, id or timestamp", () => {
    const now = Date.now();
    const timestamp = String(Math.floor(now / 1000));
    const signature = new Webhook(SECRET).sign("msg_2", new Date(Number(timestamp) * 1000), body);
    const headers = { id: "msg_2", timestamp, signature, body };
    expect(verifyWebhook(SECRET, headers, now)).toEqual({ ok: true });
    expect(verifyWebhook(SECRET, { ...headers, body: `${body} ` }, now).ok).toBe(false);
    expect(verifyWebhook(SECRET, { ...headers, id: "msg_3" }, now).ok).toBe(false);
    expect(verifyWebhook(SECRET, { ...headers, timestamp: String(Number(timestamp) + 1) }, now).ok).toBe(
      false,
    );
  });

  it("accept any matching v1 signature in a space-separated list, and ignore other versions", () => {
    const now = Date.now();
    const timestamp = String(Math.floor(now / 1000));
    const good = signWebhook(SECRET, { id: "msg_4", timestamp: Number(timestamp), body });
    const headers = { id: "msg_4", timestamp, body };
    expect(verifyWebhook(SECRET, { ...headers, signature: `v1,AAAA ${good}` }, now).ok).toBe(true);
    expect(verifyWebhook(SECRET, { ...headers, signature: good.replace("v1,", "v2,") }, now).ok).toBe(false);
  });

  it("refuse a timestamp more than five minutes from the receiver's clock", () => {
    const now = Date.now();
    const old = Math.floor(now / 1000) - 301;
    const signature = signWebhook(SECRET, { id: "msg_5", timestamp: old, body });
    expect(verifyWebhook(SECRET, { id: "msg_5", timestamp: String(old), signature, body }, now)).toEqual({
      ok: false,
      reason: "webhook-timestamp is outside the tolerance",
    });
  });

  it("generate whsec_ secrets of 24 random bytes that the reference accepts", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(secretKey(secret)).toHaveLength(24);
    expect(generateWebhookSecret()).not.toBe(secret);
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signWebhook(secret, { id: "msg_6", timestamp, body });
    expect(() =>
      new Webhook(secret).verify(body, {
        "webhook-id": "msg_6",
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signature,
      }),
    ).not.toThrow();
  });

  it("refuse a secret that is not base64 rather than sign with a different key", () => {
    expect(() => secretKey("whsec_not base64!")).toThrow(/base64/);
    expect(() => secretKey("whsec_")).toThrow(/base64/);
  });
});
