import { describe, expect, it } from "vitest";
import {
  type AlertFormInput,
  subscribedOutcome,
  subscribeFailure,
  subscriptionRequest,
} from "../../../web/alerts/subscribe-messages";
import { ApiRequestError } from "../../../web/api-error";

const input = (over: Partial<AlertFormInput> = {}): AlertFormInput => ({
  topic: "nvidia",
  channel: "email",
  address: "  reader@example.org ",
  mode: "instant",
  digestHour: 7,
  tz: "Europe/Berlin",
  ...over,
});

describe("the alert form's request", () => {
  it("sends an email subscription with the trimmed address and no digest fields", () => {
    expect(subscriptionRequest(input())).toEqual({
      topic: "nvidia",
      channel: "email",
      mode: "instant",
      email: "reader@example.org",
    });
  });

  it("sends a webhook digest with its URL, hour and zone, and no email field", () => {
    expect(
      subscriptionRequest(input({ channel: "webhook", address: "https://h.example.org/x", mode: "digest" })),
    ).toEqual({
      topic: "nvidia",
      channel: "webhook",
      mode: "digest",
      url: "https://h.example.org/x",
      digestHour: 7,
      tz: "Europe/Berlin",
    });
  });

  it("sends a spike subscription with the zone whose days the alerts judge", () => {
    expect(subscriptionRequest(input({ mode: "spike" }))).toEqual({
      topic: "nvidia",
      channel: "email",
      mode: "spike",
      email: "reader@example.org",
      tz: "Europe/Berlin",
    });
  });
});

describe("what the alert form says", () => {
  it("asks an email subscriber to check their mail and names the digest time", () => {
    const outcome = subscribedOutcome({ status: "pending-confirmation" }, input({ mode: "digest" }));
    expect(outcome.message).toMatch(/^Check your mail: .* reader@example\.org\./);
    expect(outcome.message).toContain("a daily digest at 07:00 Europe/Berlin");
    expect(outcome.secret).toBeUndefined();
  });

  it("hands back a webhook's secret and cancel token", () => {
    const created = {
      id: 3,
      topic: "nvidia",
      channel: "webhook" as const,
      mode: "spike" as const,
      url: "https://h.example.org/x",
      email: null,
      digestHour: 8,
      tz: "UTC",
      status: "active" as const,
      createdAt: "2025-01-27T00:00:00.000Z",
      confirmedAt: "2025-01-27T00:00:00.000Z",
      cancelledAt: null,
      cancelReason: null,
      lastDigestOn: null,
      secret: "whsec_abc",
      token: "tok",
    };
    const outcome = subscribedOutcome(created, input({ channel: "webhook", mode: "spike" }));
    expect(outcome.message).toBe(
      "Webhook subscription 3 is active: spikes in coverage is posted to https://h.example.org/x.",
    );
    expect(outcome.secret).toEqual({ secret: "whsec_abc", token: "tok" });
  });

  it("passes a 400's message on with the fields it names", () => {
    const error = new ApiRequestError(400, "invalid_request", "email: Invalid email address", ["email"]);
    expect(subscribeFailure(error)).toEqual({
      message: "Not accepted: email: Invalid email address",
      fields: ["email"],
      needsToken: false,
    });
  });

  it("sends a refused token back to the token field", () => {
    expect(subscribeFailure(new ApiRequestError(401, "unauthorized", "wrong token")).needsToken).toBe(true);
  });

  it("tells a rate-limited or email-less request what to do instead", () => {
    expect(subscribeFailure(new ApiRequestError(429, "rate_limited", "slow down")).message).toMatch(
      /try again/,
    );
    expect(subscribeFailure(new ApiRequestError(503, "email_unavailable", "x")).message).toMatch(/SMTP_URL/);
    expect(subscribeFailure(new ApiRequestError(0, "network", "offline")).message).toMatch(/did not answer/);
  });
});
