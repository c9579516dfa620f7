import { describe, expect, it } from "vitest";
import type { AlertMessage } from "../../jobs/alerts/channel";
import { subjectLine, webLink } from "../../jobs/alerts/channels/email-content";
import { emailFor } from "../../jobs/alerts/channels/email-messages";

const links = {
  dashboard: "https://tidemark.example/?topics=nvidia",
  unsubscribe: "https://tidemark.example/api/subscriptions/1/unsubscribe?token=t",
};
const base = {
  id: "msg_1",
  topic: { slug: "nvidia", name: "Nvidia <i>" },
  createdAt: "2025-01-27T00:00:00.000Z",
  links,
};
const hostile = {
  title: "<script>x</script>",
  url: "javascript:alert(1)",
  source: { name: "<b>Wire</b>" },
  publishedAt: "2025-01-27T09:00:00.000Z",
};

describe("alert emails", () => {
  it("explain a spike: count against the baseline, outlets, terms and examples, all escaped", () => {
    const message: AlertMessage = {
      ...base,
      type: "topic.spike",
      date: "2025-01-27",
      tz: "Europe/Berlin",
      count: 42,
      baseline: {
        from: "2024-12-28",
        to: "2025-01-24",
        days: 28,
        mean: 3.25,
        sd: 1.5,
        threshold: 11,
        pValue: 1.23e-12,
      },
      topOutlets: [{ name: "Reuters & co", count: 20 }],
      topTerms: [{ term: "deepseek", count: 30 }],
      examples: [hostile],
    };
    const mail = emailFor(message);
    expect(mail.subject).toBe("[Tidemark] Spike: Nvidia <i>, 42 articles on 2025-01-27 (usually 3.3)");
    expect(mail.text).toContain(
      "42 articles on 2025-01-27 (Europe/Berlin), against a baseline of 3.3 a day (standard deviation 1.5) over the 28 days from 2024-12-28 to 2025-01-24; the spike threshold was 11 (a count this high: p = 1.2e-12).",
    );
    expect(mail.text).toContain("Top outlets: Reuters & co (20)");
    expect(mail.text).toContain("Top terms: deepseek (30)");
    expect(mail.html).toContain("Reuters &amp; co (20)");
    expect(mail.html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(mail.html).not.toMatch(/<script|<b>|<i>|javascript:/);
    expect(mail.html).toContain(`<a href="${links.unsubscribe}">Unsubscribe from these alerts</a>`);
  });

  it("summarize a digest with its counts and articles", () => {
    const mail = emailFor({
      ...base,
      type: "topic.digest",
      date: "2025-01-28",
      counts: { last24h: 7, previous24h: 2 },
      articles: [{ ...hostile, url: "https://news.example/a" }],
    });
    expect(mail.subject).toBe("[Tidemark] Nvidia <i> digest, 2025-01-28: 7 articles");
    expect(mail.text).toContain("7 articles in the last 24 hours (the 24 hours before: 2).");
    expect(mail.html).toContain('<a href="https://news.example/a">&lt;script&gt;x&lt;/script&gt;</a>');
  });

  it("ask for confirmation with the confirm link and nothing else to act on", () => {
    const mail = emailFor({
      ...base,
      type: "subscription.confirm",
      mode: "digest",
      digestHour: 7,
      tz: "Europe/Berlin",
      links: { ...links, confirm: "https://tidemark.example/c?token=t" },
    });
    expect(mail.text).toContain("a daily digest at 7:00 (Europe/Berlin)");
    expect(mail.text).toContain("Confirm the subscription: https://tidemark.example/c?token=t");
  });

  it("keep only http(s) links and one-line subjects", () => {
    expect(webLink("https://a.example/x")).toBe("https://a.example/x");
    expect(webLink("javascript:alert(1)")).toBeNull();
    expect(webLink("data:text/html,x")).toBeNull();
    expect(webLink(42)).toBeNull();
    expect(subjectLine("a\r\nBcc: victim@example.org")).toBe("a Bcc: victim@example.org");
    expect(subjectLine("x".repeat(300))).toHaveLength(180);
  });
});
