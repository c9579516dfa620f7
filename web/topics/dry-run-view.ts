import type { DryRun, DryRunExample, TopicMisses } from "../api";
import { highlightSegments } from "../articles/highlight";
import { h } from "../element";
import { formatCount, formatInstant } from "../format";

export interface ViewContext {
  tz: string;
  locale: string;
}

/** "Would tag 123 of 4,567 stored articles (2.7%)", and with a saved topic what the draft adds and removes. */
export function dryRunView(run: DryRun, ctx: ViewContext): HTMLElement {
  const share = run.scanned === 0 ? 0 : (100 * run.matched) / run.scanned;
  const count = h(
    "p",
    { class: "dry-run-count", id: "topic-dry-run-count" },
    `Would tag ${formatCount(run.matched, ctx.locale)} of ${formatCount(run.scanned, ctx.locale)} stored articles (${share.toFixed(1)}%).`,
  );
  const parts: HTMLElement[] = [count];
  const changes = run.changes;
  if (changes) {
    parts.push(
      h(
        "p",
        { class: "dry-run-changes", id: "topic-dry-run-changes" },
        `Against the saved query: +${formatCount(changes.added, ctx.locale)} added, −${formatCount(changes.removed, ctx.locale)} removed.`,
        changes.retagPending
          ? " (Its retag is still running, so the saved tags are partly from the query before.)"
          : "",
      ),
    );
    if (changes.addedExamples.length > 0)
      parts.push(exampleList("Added", changes.addedExamples, ctx, "added"));
    if (changes.removedExamples.length > 0)
      parts.push(exampleList("Removed", changes.removedExamples, ctx, "removed"));
  }
  if (run.examples.length > 0) parts.push(exampleList("Newest matches", run.examples, ctx, "matches"));
  return h("div", {}, ...parts);
}

function exampleList(title: string, examples: DryRunExample[], ctx: ViewContext, kind: string): HTMLElement {
  return h(
    "div",
    { class: `dry-run-examples ${kind}` },
    h("h4", {}, title),
    h("ul", {}, ...examples.map((e) => exampleItem(e, ctx))),
  );
}

/** A title with its matched terms marked; terms found in the summary (not shown here) are named after it. */
function exampleItem(example: DryRunExample, ctx: ViewContext): HTMLElement {
  const title = highlightSegments(example.title, example.terms, "title").map((segment) =>
    segment.term === null ? segment.text : h("mark", { title: segment.term }, segment.text),
  );
  const inSummary = [...new Set(example.terms.filter((t) => t.field === "summary").map((t) => t.term))];
  return h(
    "li",
    { "data-article-id": example.id },
    h("time", { datetime: example.publishedAt }, formatInstant(example.publishedAt, ctx.tz, ctx.locale)),
    " ",
    h("span", { class: "example-title" }, ...title),
    inSummary.length > 0 ? h("small", { class: "muted" }, ` summary: ${inSummary.join(", ")}`) : null,
  );
}

/** Untagged articles like the topic's: titles with the distinctive terms that make them look so. */
export function missesView(misses: TopicMisses, ctx: ViewContext): HTMLElement {
  if (misses.items.length === 0) {
    return h("p", { class: "muted" }, "No untagged article looks much like this topic's.");
  }
  return h(
    "ul",
    { class: "topic-misses" },
    ...misses.items.map((m) =>
      h(
        "li",
        {},
        h("time", { datetime: m.publishedAt }, formatInstant(m.publishedAt, ctx.tz, ctx.locale)),
        " ",
        h("span", { class: "example-title" }, m.title),
        h("small", { class: "muted" }, ` ${m.terms.map((t) => t.term).join(", ")}`),
      ),
    ),
  );
}
