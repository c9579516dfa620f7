import { ApiRequestError, getStory, getStorySpread, type StoryWithCopies } from "../api";
import { externalLink, h } from "../element";
import { languageName } from "../format";
import "../spread/spread.css";
import { formatArrival, spreadSteps } from "../spread/spread-text";
import { spreadStepList } from "../spread/spread-timeline";
import { PanelState } from "../states/panel-state";
import "./stories.css";
import { copyLag, storyFirst, storySize } from "./story-text";

export interface StoryPageView {
  id: number;
  tz: string;
  locale: string;
}

/**
 * A story's page, opened by `story=ID` in the dashboard's URL: its size, when it reached each country, language and
 * region, and its copies in the order they appeared. Loaded only when a story is opened (main.ts imports it
 * lazily), so the dashboard's first bundle does not carry it. Headlines and outlet names are text nodes.
 */
export class StoryPage {
  private seq = 0;
  private abort: AbortController | null = null;
  private readonly heading = h("h2", { id: "story-title", tabindex: "-1" }, "Story");
  private readonly line = h("p", { class: "panel-status" });
  private readonly body = h("div", { class: "story-body" });
  private readonly state: PanelState;

  constructor(
    private readonly root: HTMLElement,
    close: () => void,
  ) {
    const back = h("button", { type: "button", class: "story-back" }, "← Back to the coverage");
    back.addEventListener("click", close);
    root.replaceChildren(h("div", { class: "panel-head" }, this.heading, back), this.line, this.body);
    this.state = new PanelState(root, this.line);
  }

  async show(view: StoryPageView, fresh = false): Promise<void> {
    const seq = ++this.seq;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.root.hidden = false;
    this.root.dataset.story = String(view.id);
    if (this.heading.textContent === "Story" || this.body.dataset.id !== String(view.id)) {
      this.heading.textContent = "Story";
      this.body.replaceChildren();
    }
    this.state.loading("the story");
    this.heading.focus({ preventScroll: true });
    this.root.scrollIntoView({ block: "start" });
    try {
      const fetching = { signal: abort.signal, fresh };
      const [story, spread] = await Promise.all([
        getStory(view.id, fetching),
        getStorySpread(view.id, view.tz, fetching),
      ]);
      if (seq !== this.seq) return;
      this.heading.textContent = story.title;
      const steps = spreadSteps(spread, view.locale);
      this.body.dataset.id = String(view.id);
      this.body.replaceChildren(
        h(
          "p",
          { class: "story-meta" },
          `${storySize(story, view.locale)} · ${storyFirst(story, view.tz, view.locale)}`,
        ),
        h("h3", { class: "spread-title" }, "Spread"),
        steps.length > 0
          ? spreadStepList(steps)
          : h("p", { class: "spread-note" }, "None of its outlets names a country or language."),
        h("h3", {}, "Copies, in the order they appeared"),
        copiesTable(story, view),
      );
      this.state.ready();
    } catch (error) {
      if (seq !== this.seq || (error instanceof DOMException && error.name === "AbortError")) return;
      this.body.replaceChildren();
      this.body.dataset.id = "";
      if (error instanceof ApiRequestError && error.status === 404) {
        this.heading.textContent = "No such story";
        this.state.empty(
          `There is no story ${view.id}: its articles may have been removed since the link was made.`,
        );
        return;
      }
      const message = error instanceof ApiRequestError ? error.message : (error as Error).message;
      this.state.error("the story", message, () => void this.show(view, true));
    }
  }

  hide(): void {
    this.seq++;
    this.abort?.abort();
    this.root.hidden = true;
    this.root.dataset.state = "hidden";
    delete this.root.dataset.story;
  }
}

function copiesTable(story: StoryWithCopies, view: StoryPageView): HTMLElement {
  const rows = story.items.map((copy, i) =>
    h(
      "tr",
      { "data-id": copy.id },
      h("td", { class: "when" }, formatArrival(copy.publishedAt, view.tz, view.locale)),
      h("td", { class: "lag" }, copyLag(copy, i)),
      h("td", {}, copy.source.name ?? `feed ${copy.source.id}`),
      h("td", {}, copy.country ?? "–"),
      h("td", {}, copy.lang ? languageName(copy.lang, view.locale) : "–"),
      h("td", {}, externalLink(copy.url, copy.title, { class: "copy-title" })),
    ),
  );
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "story-copies" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...["Time", "After the first", "Outlet", "Country", "Language", "Headline"].map((t) =>
            h("th", { scope: "col" }, t),
          ),
        ),
      ),
      h("tbody", {}, ...rows),
    ),
  );
}
