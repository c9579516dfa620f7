import { type StreamArticle, streamArticles, type Topic } from "./api";
import { highlightSegments } from "./articles/highlight";
import { externalLink, h } from "./element";
import { formatInstant } from "./format";

const KEEP = 20;
const REFRESH_AFTER_MS = 2_000;

export interface LiveContext {
  topics: ReadonlyMap<string, Topic>;
  tz: string;
  locale: string;
}

/**
 * New articles from /api/stream, newest on top, without a reload; after a burst settles the chart is asked to
 * refresh, so it follows. Returns the function that stops listening.
 */
export function startLive(
  list: HTMLOListElement,
  status: HTMLElement,
  context: () => LiveContext,
  onNew: () => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = streamArticles(
    (article) => {
      list.prepend(liveItem(article, context()));
      while (list.children.length > KEEP) list.lastElementChild?.remove();
      clearTimeout(timer);
      timer = setTimeout(onNew, REFRESH_AFTER_MS);
    },
    (state) => {
      status.textContent = state === "open" ? "Live: connected" : "Live: reconnecting…";
      status.dataset.state = state;
    },
  );
  return () => {
    clearTimeout(timer);
    stop();
  };
}

function liveItem(article: StreamArticle, ctx: LiveContext): HTMLLIElement {
  const terms = article.topics.flatMap((t) => t.terms);
  const title = externalLink(article.url, "", { class: "article-title" });
  for (const s of highlightSegments(article.title, terms, "title")) {
    title.append(s.term === null ? s.text : h("mark", {}, s.text));
  }
  const topicNames = article.topics.map((t) => ctx.topics.get(t.slug)?.name ?? t.slug).join(", ");
  return h(
    "li",
    { class: "live-item", "data-article-id": article.id },
    title,
    h(
      "p",
      { class: "meta" },
      h("span", { class: "outlet" }, article.source.name ?? "unknown outlet"),
      " · ",
      h("time", { datetime: article.publishedAt }, formatInstant(article.publishedAt, ctx.tz, ctx.locale)),
      topicNames ? ` · ${topicNames}` : "",
    ),
  );
}
