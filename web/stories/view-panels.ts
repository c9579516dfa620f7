import type { Coverage } from "../api";
import { rangeSpan } from "../charts/bucket-span";
import { byId } from "../element";
import type { DashboardState } from "../state/url-state";
import { TermsPanel } from "../terms/terms-panel";
import { StoriesPanel, type StoriesView } from "./stories-panel";

/**
 * The panels that follow the view after its chart: the largest stories of the selection, and for the first topic
 * its distinctive terms and the stories most outlets ran. main.ts loads this module once the chart and breakdown
 * are drawn, so none of it is in the bundle the first chart waits for.
 */
export interface PanelHooks {
  locale: string;
  /** The dashboard link that opens a story's page over the current view. */
  storyHref: (id: number) => string;
  openStory: (id: number) => void;
  /** Lists the articles of `slug` that a search for `search` finds. */
  searchTerm: (search: string, slug: string) => void;
}

export interface PanelView {
  state: DashboardState;
  coverage: Coverage;
  /** The view's first topic, or null when it has none. */
  first: { slug: string; name: string } | null;
  /** Every selected topic's slug: the state's, or every topic when it names none. */
  topics: readonly string[];
  fresh: boolean;
}

export function createViewPanels(hooks: PanelHooks) {
  const stories = new StoriesPanel(
    byId<HTMLOListElement>("story-list"),
    byId("stories-status"),
    "the stories",
  );
  // The API sorts by articles: of the first topic's 30 largest stories, the 5 that most outlets ran.
  const topStories = new StoriesPanel(
    byId<HTMLOListElement>("top-story-list"),
    byId("top-stories-status"),
    "the stories most outlets ran",
    (list) => [...list].sort((a, b) => b.outlets - a.outlets || b.articles - a.articles).slice(0, 5),
  );
  const terms = new TermsPanel(
    byId("says"),
    byId("term-langs"),
    byId<HTMLOListElement>("term-list"),
    byId("terms-status"),
    hooks.searchTerm,
  );

  /** The terms' view as last asked: a live refresh of the same view leaves them (they move slowly, cost much). */
  let termsKey = "";
  /** The panels' whole view as last asked: a new interval or smoothing redraws the chart, not these. */
  let panelsKey = "";

  return {
    show({ state: s, coverage: c, first, topics, fresh }: PanelView): void {
      const span = rangeSpan(c);
      const key = JSON.stringify([first?.slug ?? null, topics, span.from, span.to, c.tz, s.filters]);
      if (!fresh && key === panelsKey) return;
      panelsKey = key;
      const view = (slugs: readonly string[], limit: number): StoriesView => ({
        query: { topics: slugs, from: span.from, to: span.to, sort: "size", limit, ...s.filters },
        tz: c.tz,
        locale: hooks.locale,
        href: hooks.storyHref,
        open: hooks.openStory,
      });
      if (first) {
        byId("terms-title").textContent = `Distinctive words and phrases of ${first.name}`;
        byId("top-stories-title").textContent = `${first.name}: stories most outlets ran`;
        const dates = { from: c.from, to: c.to };
        const filters = s.filters;
        const termsView = JSON.stringify([first.slug, span.from, span.to, c.tz, filters]);
        if (!(fresh && termsView === termsKey))
          void terms.show({ ...first, dates, span, tz: c.tz, filters, locale: hooks.locale }, fresh);
        termsKey = termsView;
        void topStories.show(view([first.slug], 30), fresh);
      } else {
        terms.hide();
        termsKey = "";
      }
      void stories.show(view(topics, 10), fresh);
    },

    /** The view failed: no stale stories or terms under its error. */
    clear(): void {
      terms.hide();
      termsKey = "";
      panelsKey = "";
      stories.clear();
    },
  };
}

export type ViewPanels = ReturnType<typeof createViewPanels>;
