import type { AlertMessage } from "../channel";
import { type Block, type EmailContent, render, webLink } from "./email-content";

/** Subjects and bodies per event type. The payload is read defensively: a field of the wrong type is skipped. */

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : {});
const arr = (v: unknown): Loose[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v : fallback);
const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const fixed = (v: unknown) => (Math.round(num(v) * 10) / 10).toString();

function day(iso: unknown): string {
  const text = str(iso);
  return text ? `${text.slice(0, 16).replace("T", " ")} UTC` : "";
}

function articleItem(a: Loose): Block {
  const source = str(obj(a.source).name, str(a.source));
  const meta = [source, day(a.publishedAt)].filter(Boolean).join(" · ");
  return { kind: "item", title: str(a.title, "(untitled)"), href: webLink(a.url), meta };
}

function confirm(m: AlertMessage): EmailContent {
  const mode = str(m.mode, "instant");
  const when =
    mode === "digest"
      ? `a daily digest at ${num(m.digestHour)}:00 (${str(m.tz, "UTC")})`
      : mode === "spike"
        ? "an alert when coverage spikes"
        : "an alert for each new article";
  const blocks: Block[] = [
    {
      kind: "text",
      text: `Someone, hopefully you, asked to receive ${when} about “${m.topic.name}” at this address.`,
    },
    { kind: "link", label: "Confirm the subscription", href: webLink(m.links.confirm) },
    { kind: "text", text: "If it was not you, ignore this message: nothing more will be sent." },
  ];
  return render(`Confirm your Tidemark alerts for ${m.topic.name}`, blocks, m);
}

function tagged(m: AlertMessage): EmailContent {
  const a = obj(m.article);
  const terms = [...new Set(arr(a.terms).map((t) => str(t.term)))].filter(Boolean);
  const item = articleItem(a);
  const blocks: Block[] = [
    { kind: "heading", text: `New in ${m.topic.name}` },
    item.kind === "item" ? { ...item, text: str(a.summary).slice(0, 600) } : item,
    ...(terms.length > 0 ? [{ kind: "text" as const, text: `Matched: ${terms.join(", ")}` }] : []),
  ];
  return render(`[Tidemark] ${m.topic.name}: ${str(a.title, "new article")}`, blocks, m);
}

function summary(m: AlertMessage): EmailContent {
  const articles = arr(m.articles);
  const count = num(m.count);
  const more = count - articles.length;
  const blocks: Block[] = [
    { kind: "heading", text: `${count} more new articles in ${m.topic.name}` },
    {
      kind: "text",
      text: `More articles matched than the ${num(m.cap)} an hour sent one by one, so the rest come together in this message.`,
    },
    ...articles.map(articleItem),
    ...(more > 0
      ? [{ kind: "link" as const, label: `${more} more on the dashboard`, href: webLink(m.links.dashboard) }]
      : []),
  ];
  return render(`[Tidemark] ${m.topic.name}: ${count} more new articles`, blocks, m);
}

function spike(m: AlertMessage): EmailContent {
  const b = obj(m.baseline);
  const outlets = arr(m.topOutlets).map((o) => `${str(o.name)} (${num(o.count)})`);
  const terms = arr(m.topTerms).map((t) => `${str(t.term)} (${num(t.count)})`);
  const when = `${str(m.date)} (${str(m.tz, "UTC")})`;
  const blocks: Block[] = [
    { kind: "heading", text: `Coverage spike: ${m.topic.name}` },
    {
      kind: "text",
      text:
        `${num(m.count)} articles on ${when}, against a baseline of ${fixed(b.mean)} a day (standard deviation ` +
        `${fixed(b.sd)}) over the ${num(b.days)} days from ${str(b.from)} to ${str(b.to)}; the spike threshold was ` +
        `${num(b.threshold)} (a count this high: p = ${num(b.pValue).toPrecision(2)}).`,
    },
    ...(outlets.length > 0 ? [{ kind: "text" as const, text: `Top outlets: ${outlets.join(", ")}` }] : []),
    ...(terms.length > 0 ? [{ kind: "text" as const, text: `Top terms: ${terms.join(", ")}` }] : []),
    { kind: "heading", text: "Examples" },
    ...arr(m.examples).map(articleItem),
  ];
  return render(
    `[Tidemark] Spike: ${m.topic.name}, ${num(m.count)} articles on ${str(m.date)} (usually ${fixed(b.mean)})`,
    blocks,
    m,
  );
}

function digest(m: AlertMessage): EmailContent {
  const c = obj(m.counts);
  const articles = arr(m.articles);
  const blocks: Block[] = [
    { kind: "heading", text: `${m.topic.name}: daily digest for ${str(m.date)}` },
    {
      kind: "text",
      text: `${num(c.last24h)} articles in the last 24 hours (the 24 hours before: ${num(c.previous24h)}).`,
    },
    ...(articles.length > 0 ? [{ kind: "heading" as const, text: "Newest articles" }] : []),
    ...articles.map(articleItem),
  ];
  return render(`[Tidemark] ${m.topic.name} digest, ${str(m.date)}: ${num(c.last24h)} articles`, blocks, m);
}

export function emailFor(message: AlertMessage): EmailContent {
  switch (message.type) {
    case "subscription.confirm":
      return confirm(message);
    case "article.tagged":
      return tagged(message);
    case "article.summary":
      return summary(message);
    case "topic.spike":
      return spike(message);
    case "topic.digest":
      return digest(message);
  }
}
