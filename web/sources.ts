import { readAdminToken, saveAdminToken } from "./admin-token";
import { ApiRequestError, addFeed, type Feed, getFeeds, importOpml } from "./api";
import { byId, externalLink, h } from "./element";
import { formatCount, formatInstant } from "./format";
import { isSignedInAdmin } from "./session";

export interface SourcesContext {
  tz: string;
  locale: string;
}

/**
 * The sources panel: every feed with its health, and the admin forms to add one or import OPML. `onFeeds` hears
 * each list loaded, so what depends on the feeds (the store notice) follows an added feed or an import.
 */
export function setupSources(
  context: () => SourcesContext,
  onFeeds: (feeds: Feed[]) => void = () => undefined,
): {
  reload: (fresh?: boolean) => Promise<void>;
} {
  const body = byId<HTMLTableSectionElement>("feeds-body");
  const status = byId("feeds-status");
  const tokenInput = byId<HTMLInputElement>("admin-token");
  const adminStatus = byId("admin-status");
  tokenInput.value = readAdminToken() ?? "";
  tokenInput.addEventListener("change", () => saveAdminToken(tokenInput.value.trim() || null));

  /** `fresh` after a write: the browser may otherwise reuse the list it fetched before it. */
  async function reload(fresh = false): Promise<void> {
    try {
      const feeds = await getFeeds({ fresh });
      onFeeds(feeds);
      const ctx = context();
      body.replaceChildren(...feeds.map((f) => feedRow(f, ctx)));
      const failing = feeds.filter((f) => f.failingSince !== null).length;
      status.textContent = `${feeds.length} feeds, ${failing} failing.`;
    } catch (error) {
      status.textContent = `Could not load feeds: ${(error as Error).message}`;
    }
  }

  /**
   * Runs an admin write with the token from the page, or else as the signed-in admin; asks for a token when
   * there is neither or the server refuses.
   */
  async function asAdmin<T>(
    write: (token: string) => Promise<T>,
    done: (result: T) => string,
  ): Promise<boolean> {
    const token = tokenInput.value.trim();
    if (!token && !isSignedInAdmin()) {
      adminStatus.textContent =
        "Sign in as an admin, or enter the admin token (TIDEMARK_ADMIN_TOKEN on the server) or a write API token.";
      tokenInput.focus();
      return false;
    }
    if (token) saveAdminToken(token);
    adminStatus.textContent = "Working…";
    try {
      adminStatus.textContent = done(await write(token));
      await reload(true);
      return true;
    } catch (error) {
      const refused = error instanceof ApiRequestError && (error.status === 401 || error.status === 403);
      adminStatus.textContent = refused
        ? `The server refused the token: ${error.message}`
        : `Failed: ${(error as Error).message}`;
      if (refused) tokenInput.focus();
      return false;
    }
  }

  byId<HTMLFormElement>("add-feed").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    const url = text("url");
    if (!url) return;
    void asAdmin(
      (token) => addFeed({ url, name: text("name"), lang: text("lang"), country: text("country") }, token),
      (feed) => `Added ${feed.name ?? feed.url}; the next ingest pass fetches it.`,
    ).then((added) => added && (event.target as HTMLFormElement).reset());
  });

  byId<HTMLFormElement>("import-opml").addEventListener("submit", (event) => {
    event.preventDefault();
    const file = byId<HTMLInputElement>("opml-file").files?.[0];
    if (!file) return;
    void asAdmin(
      async (token) => importOpml(await file.text(), token),
      (r) =>
        `Found ${r.found} feeds, added ${r.added}${r.skipped.length ? `, skipped ${r.skipped.length}: ${r.skipped.map((f) => `${f.url} (${f.reason})`).join("; ")}` : ""}.`,
    );
  });

  return { reload };
}

function feedRow(feed: Feed, ctx: SourcesContext): HTMLTableRowElement {
  const when = (iso: string | null) => (iso ? formatInstant(iso, ctx.tz, ctx.locale) : "never");
  const health = feed.sample
    ? h("span", { class: "health sample" }, "sample data")
    : feed.failingSince
      ? h(
          "span",
          { class: "health failing" },
          `failing since ${when(feed.failingSince)}`,
          h("br"),
          h("small", {}, feed.lastError ?? `HTTP ${feed.lastStatus ?? "?"}`),
        )
      : h("span", { class: "health fine" }, feed.enabled ? "fine" : "paused");
  return h(
    "tr",
    { "data-feed-id": feed.id },
    h("th", { scope: "row" }, externalLink(feed.siteUrl ?? feed.url, feed.name ?? feed.url)),
    h("td", {}, health),
    h("td", {}, feed.sample ? "—" : when(feed.lastFetchedAt)),
    h("td", { class: "num" }, formatCount(feed.articleCount, ctx.locale)),
  );
}
