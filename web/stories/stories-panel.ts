import { ApiRequestError, getStories, type Story, type StoryQuery } from "../api";
import { h } from "../element";
import { PanelState } from "../states/panel-state";
import "./stories.css";
import { storySparkline } from "./story-sparkline";
import { sparkLabel, storyFirst, storySize } from "./story-text";

export interface StoriesView {
  query: StoryQuery;
  tz: string;
  locale: string;
  /** The dashboard link that opens a story's page (the view's state with `story`). */
  href: (id: number) => string;
  /** Opens a story's page in place (pushes the state, so the back button closes it). */
  open: (id: number) => void;
}

/**
 * A list of stories of the view: its title links to the story's page, then its size, first outlet, spread across
 * countries and a sparkline of its articles over its life. Headlines are feed text: text nodes only.
 */
export class StoriesPanel {
  private seq = 0;
  private abort: AbortController | null = null;
  private readonly state: PanelState;

  constructor(
    private readonly list: HTMLOListElement,
    status: HTMLElement,
    private readonly what: string,
    /** Reorders and cuts the answer (the terms panel's "most outlets"); the list shows what it returns. */
    private readonly pick: (stories: Story[]) => Story[] = (s) => s,
  ) {
    this.state = new PanelState(list, status);
  }

  async show(view: StoriesView, fresh = false): Promise<void> {
    const seq = ++this.seq;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.state.loading(this.what);
    try {
      const stories = this.pick(await getStories(view.query, { signal: abort.signal, fresh }));
      if (seq !== this.seq) return;
      this.list.replaceChildren(...stories.map((story) => item(story, view)));
      if (stories.length === 0)
        this.state.empty(`No story in this range for the selected topics and filters.`);
      else this.state.ready();
    } catch (error) {
      if (seq !== this.seq || (error instanceof DOMException && error.name === "AbortError")) return;
      const message = error instanceof ApiRequestError ? error.message : (error as Error).message;
      this.list.replaceChildren();
      this.state.error(this.what, message, () => void this.show(view, true));
    }
  }

  /** The view has nothing to list (its coverage failed): no stale stories under another view. */
  clear(): void {
    this.seq++;
    this.abort?.abort();
    this.list.replaceChildren();
    this.state.empty("");
  }
}

function item(story: Story, view: StoriesView): HTMLLIElement {
  const link = h("a", { class: "story-title", href: view.href(story.id) }, story.title);
  link.addEventListener("click", (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    view.open(story.id);
  });
  return h(
    "li",
    {
      class: "story",
      "data-id": story.id,
      "data-articles": story.articles,
      "data-outlets": story.outlets,
      "data-countries": story.countries,
    },
    link,
    h(
      "p",
      { class: "story-meta" },
      h("span", { class: "story-size" }, storySize(story, view.locale)),
      " · ",
      h("span", { class: "story-first" }, storyFirst(story, view.tz, view.locale)),
    ),
    storySparkline(story.spark.counts, sparkLabel(story.spark)),
  );
}
