import { type Article, type ArticleQuery, getArticles, type MatchedTerm, type Topic } from "../api";
import { externalLink, h } from "../element";
import { formatInstant, languageName } from "../format";
import { highlightSegments } from "./highlight";

const PAGE_SIZE = 25;

export interface ListContext {
  topics: ReadonlyMap<string, Topic>;
  tz: string;
  locale: string;
}

/**
 * The articles behind a point or bar, or a full-text search: newest first, a page at a time ("More" follows
 * nextCursor). Every piece of feed text is set as text; matched terms are wrapped in <mark> by offset.
 */
export class ArticleList {
  #query: ArticleQuery = {};
  #cursor: string | null = null;
  #abort: AbortController | null = null;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly status: HTMLElement,
    private readonly more: HTMLButtonElement,
    private readonly context: () => ListContext,
  ) {
    more.addEventListener("click", () => void this.#load(false));
  }

  /** Replaces the list with the first page of a new query. */
  show(query: ArticleQuery): Promise<void> {
    this.#query = query;
    this.#cursor = null;
    return this.#load(true);
  }

  get query(): ArticleQuery {
    return this.#query;
  }

  async #load(fresh: boolean): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.status.textContent = "Loading articles…";
    this.more.hidden = true;
    try {
      const page = await getArticles(
        { ...this.#query, limit: PAGE_SIZE, cursor: fresh ? undefined : (this.#cursor ?? undefined) },
        abort.signal,
      );
      if (abort.signal.aborted) return;
      if (fresh) this.list.replaceChildren();
      const ctx = this.context();
      this.list.append(...page.items.map((a) => articleItem(a, ctx)));
      this.#cursor = page.nextCursor;
      this.more.hidden = page.nextCursor === null;
      const shown = this.list.children.length;
      this.status.textContent =
        shown === 0
          ? "No articles match."
          : `${shown} article${shown === 1 ? "" : "s"}${page.nextCursor ? " so far" : ""}.`;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.status.textContent = `Could not load articles: ${(error as Error).message}`;
    }
  }
}

function highlighted(text: string, terms: readonly MatchedTerm[], field: MatchedTerm["field"]): Node[] {
  return highlightSegments(text, terms, field).map((s) =>
    s.term === null ? document.createTextNode(s.text) : h("mark", { title: `matched “${s.term}”` }, s.text),
  );
}

export function articleItem(article: Article, ctx: ListContext): HTMLLIElement {
  const terms = article.topics.flatMap((t) => t.terms);
  const title = externalLink(article.url, "", { class: "article-title" });
  title.append(...highlighted(article.title, terms, "title"));
  const chips = h("ul", { class: "chips", "aria-label": "Topics" });
  for (const tag of article.topics) {
    const topic = ctx.topics.get(tag.slug);
    const chip = h(
      "li",
      { class: "chip" },
      h("span", { class: "swatch", "aria-hidden": "true" }),
      topic?.name ?? tag.slug,
    );
    const swatch = chip.firstElementChild as HTMLElement;
    swatch.style.background = topic?.color ?? "#999999";
    const matched = [...new Set(tag.terms.map((t) => t.term))];
    if (matched.length > 0) chip.title = `matched: ${matched.join(", ")}`;
    chips.append(chip);
  }
  return h(
    "li",
    { class: "article", "data-article-id": article.id },
    h("h3", {}, title),
    h(
      "p",
      { class: "meta" },
      h("span", { class: "outlet" }, article.source.name ?? "unknown outlet"),
      " · ",
      languageName(article.lang, ctx.locale),
      " · ",
      h("time", { datetime: article.publishedAt }, formatInstant(article.publishedAt, ctx.tz, ctx.locale)),
      article.sample ? " · " : null,
      article.sample
        ? h(
            "span",
            { class: "sample-tag", title: "Invented for the bundled sample; the link leads nowhere" },
            "sample",
          )
        : null,
    ),
    article.summary ? h("p", { class: "summary" }, ...highlighted(article.summary, terms, "summary")) : null,
    chips,
  );
}
