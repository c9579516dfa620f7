import { ApiRequestError, getSpread, type SpreadQuery } from "../api";
import { h } from "../element";
import "./spread.css";
import { type SpreadStep, spreadSteps } from "./spread-text";

export interface SpreadView {
  slug: string;
  /** The topic's name, for the heading. */
  name: string;
  query: SpreadQuery;
  locale: string;
}

/**
 * The spread timeline of the view's first topic. Every string (a topic's name, an article's title in a
 * tooltip) reaches the page as a text node or an attribute value, never as markup.
 */
export class SpreadTimeline {
  private seq = 0;
  private abort: AbortController | null = null;

  constructor(private readonly root: HTMLElement) {}

  async show(view: SpreadView, fresh = false): Promise<void> {
    const seq = ++this.seq;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.root.hidden = false;
    this.root.dataset.state = "loading";
    this.root.dataset.topic = view.slug;
    try {
      const spread = await getSpread(view.slug, view.query, { signal: abort.signal, fresh });
      if (seq !== this.seq) return;
      const steps = spreadSteps(spread, view.locale);
      const list = spreadStepList(steps);
      this.root.replaceChildren(
        h("h3", { class: "spread-title" }, `Spread of ${view.name}`),
        steps.length > 0
          ? list
          : h(
              "p",
              { class: "spread-note" },
              "No article of this topic in the range names a language or country.",
            ),
        steps.length > 0
          ? h(
              "p",
              { class: "spread-note" },
              `When coverage first reached each language, country and region; hover a place for its first article and its first day with ${spread.outlets} outlets.`,
            )
          : "",
      );
      this.root.dataset.state = steps.length > 0 ? "ready" : "empty";
    } catch (error) {
      if (seq !== this.seq || (error instanceof DOMException && error.name === "AbortError")) return;
      const message = error instanceof ApiRequestError ? error.message : (error as Error).message;
      this.root.replaceChildren(
        h("h3", { class: "spread-title" }, `Spread of ${view.name}`),
        h("p", { class: "spread-note" }, `The spread could not be loaded: ${message}`),
      );
      this.root.dataset.state = "error";
    }
  }

  /** No topic in the view: nothing to trace. */
  hide(): void {
    this.seq++;
    this.abort?.abort();
    this.root.replaceChildren();
    this.root.hidden = true;
    this.root.dataset.state = "hidden";
  }
}

/** The steps as a list: "first in zh · CN 20 Jan 08:10 UTC", "en +3 h" …, each place's details in its title. */
export function spreadStepList(steps: readonly SpreadStep[]): HTMLOListElement {
  return h(
    "ol",
    { class: "spread-steps" },
    ...steps.map((step, i) =>
      h(
        "li",
        { class: "spread-step", "data-lag": step.lagMinutes },
        i === 0 ? "first in " : "",
        ...step.places.flatMap((place, j) => [
          j > 0 ? " · " : "",
          h(
            "span",
            {
              class: "spread-place",
              "data-kind": place.kind,
              "data-key": place.key,
              title: place.detail,
            },
            place.name,
          ),
        ]),
        " ",
        h("span", { class: "spread-when" }, step.when),
      ),
    ),
  );
}
