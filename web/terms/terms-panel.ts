import { ApiRequestError, getCoverage, getTerms, type ScopeFilters, type TopicTerms } from "../api";
import { h } from "../element";
import { languageName } from "../format";
import { PanelState } from "../states/panel-state";
import "./terms.css";
import { termLanguages, termSearch, termUse } from "./terms-text";

export interface TermsView {
  slug: string;
  name: string;
  /** The view's range as days in its zone (the language breakdown) and as instants (the terms). */
  dates: { from: string; to: string };
  span: { from: string; to: string };
  tz: string;
  filters: ScopeFilters;
  locale: string;
}

const TERMS = 12;
const LANGUAGES = 4;

/**
 * What the first topic's coverage says: its most distinctive words and phrases in the view's range, under its
 * filters, per language (GET /api/topics/:slug/terms), each a link that lists the topic's articles using it. Terms
 * are feed text: they reach the page as text nodes only.
 */
export class TermsPanel {
  private seq = 0;
  private abort: AbortController | null = null;
  private readonly state: PanelState;
  /** The language picked in the tabs, kept while the view changes around it ("" is every language). */
  private lang = "";

  constructor(
    private readonly root: HTMLElement,
    private readonly tabs: HTMLElement,
    private readonly list: HTMLOListElement,
    status: HTMLElement,
    /** Lists the topic's articles that use the term (the article list's search, within the topic). */
    private readonly onTerm: (search: string, slug: string, term: string) => void,
  ) {
    this.state = new PanelState(list, status);
  }

  async show(view: TermsView, fresh = false): Promise<void> {
    const seq = ++this.seq;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.root.hidden = false;
    this.root.dataset.topic = view.slug;
    this.state.loading("the distinctive terms");
    try {
      const fetching = { signal: abort.signal, fresh };
      const split = await getCoverage(
        {
          topics: [view.slug],
          ...view.dates,
          interval: "month",
          tz: view.tz,
          by: "lang",
          top: LANGUAGES,
          ...view.filters,
        },
        fetching,
      );
      const languages = termLanguages(
        view.filters.lang,
        split.series.map((s) => s.key),
      );
      if (!languages.includes(this.lang)) this.lang = languages[0] ?? "";
      this.drawTabs(languages, view);
      // The chart's filters, on both sides; a language tab narrows its languages ("All": the filter's own).
      const terms = await getTerms(
        view.slug,
        { ...view.filters, ...view.span, lang: this.lang || view.filters.lang, limit: TERMS },
        fetching,
      );
      if (seq !== this.seq) return;
      this.drawTerms(terms, view);
    } catch (error) {
      if (seq !== this.seq || (error instanceof DOMException && error.name === "AbortError")) return;
      const message = error instanceof ApiRequestError ? error.message : (error as Error).message;
      this.list.replaceChildren();
      this.state.error("the distinctive terms", message, () => void this.show(view, true));
    }
  }

  hide(): void {
    this.seq++;
    this.abort?.abort();
    this.list.replaceChildren();
    this.root.hidden = true;
  }

  private drawTabs(languages: readonly string[], view: TermsView): void {
    this.tabs.replaceChildren(
      ...languages.map((lang) => {
        const button = h(
          "button",
          {
            type: "button",
            class: "term-lang",
            "data-lang": lang,
            "aria-pressed": String(lang === this.lang),
          },
          lang ? languageName(lang, view.locale) : "All languages",
        );
        button.addEventListener("click", () => {
          if (lang === this.lang) return;
          this.lang = lang;
          void this.show(view);
        });
        return button;
      }),
    );
    this.tabs.hidden = languages.length < 2;
  }

  private drawTerms(terms: TopicTerms, view: TermsView): void {
    this.list.replaceChildren(
      ...terms.items.map((term) => {
        const search = termSearch(term.term);
        const link = h("a", { class: "term", href: "#articles", "data-kind": term.kind }, term.term);
        link.addEventListener("click", (event) => {
          event.preventDefault();
          this.onTerm(search, view.slug, term.term);
        });
        return h(
          "li",
          { "data-term": term.term, title: termUse(term, view.locale) },
          link,
          h("span", { class: "term-count" }, ` ${term.topicCount}`),
        );
      }),
    );
    if (terms.items.length > 0) this.state.ready();
    else
      this.state.empty(
        `No distinctive terms: too few articles of ${view.name} in this range${this.lang ? ` in ${languageName(this.lang, view.locale)}` : ""}${Object.values(view.filters).some(Boolean) ? " under these filters" : ""}.`,
      );
  }
}
