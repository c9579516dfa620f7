import { readAdminToken, saveAdminToken } from "./admin-token";
import {
  ApiRequestError,
  addFeed,
  deleteFeed,
  type Feed,
  type FeedChange,
  fetchFeedNow,
  getFeeds,
  importOpml,
  updateFeed,
} from "./api";
import { byId, externalLink, h } from "./element";
import { type FeedActions, feedActionsCell, feedEditorRow } from "./feeds/feed-actions";
import { choiceOf, choiceValue, type FolderChoice, foldersOf, inFolder } from "./feeds/folder-filter";
import "./feeds/feeds.css";
import { formatCount, formatInstant } from "./format";
import { currentSession, isSignedInAdmin } from "./session";

export interface SourcesContext {
  tz: string;
  locale: string;
}

/**
 * The sources panel: every feed with its health, filtered by folder; each feed's edit, pause/resume, fetch-now
 * and delete buttons (not for a signed-in viewer) and the forms to add one or import OPML, which write as a
 * signed-in admin or with the admin token. `onFeeds` hears each list loaded, so what depends on the feeds (the store notice) follows a change.
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
  const folderSelect = byId<HTMLSelectElement>("feeds-folder");
  const folderList = byId<HTMLDataListElement>("feed-folders");
  const actionStatus = byId("feed-action-status");
  tokenInput.value = readAdminToken() ?? "";
  tokenInput.addEventListener("change", () => saveAdminToken(tokenInput.value.trim() || null));
  let feeds: Feed[] = [];
  let folder: FolderChoice = { kind: "all" };
  let editing: number | null = null;
  folderSelect.addEventListener("change", () => {
    folder = choiceOf(folderSelect.value);
    draw();
  });

  /** `fresh` after a write: the browser may otherwise reuse the list it fetched before it. */
  async function reload(fresh = false): Promise<void> {
    try {
      feeds = await getFeeds({ fresh });
      onFeeds(feeds);
      draw();
    } catch (error) {
      status.textContent = `Could not load feeds: ${(error as Error).message}`;
    }
  }

  function draw(): void {
    const ctx = context();
    const folders = foldersOf(feeds);
    if (folder.kind === "folder" && !folders.includes(folder.name)) folder = { kind: "all" };
    folderSelect.replaceChildren(
      h("option", { value: "" }, "All folders"),
      ...folders.map((name) => h("option", { value: name }, name)),
      h("option", { value: choiceValue({ kind: "none" }) }, "No folder"),
    );
    folderSelect.value = choiceValue(folder);
    folderList.replaceChildren(...folders.map((name) => h("option", { value: name })));
    const shown = feeds.filter((f) => inFolder(f, folder));
    // The buttons are offered as the add form is: to anyone but a signed-in viewer, and a press without a way
    // to write asks for one (asAdmin). Drawing them only once a token is typed would move the page under the
    // pointer as the token field loses focus.
    const viewer = currentSession().user?.role === "viewer" && !readAdminToken();
    const act = viewer ? null : actions;
    body.replaceChildren(
      ...shown.flatMap((f) => {
        const row = feedRow(f, ctx, act);
        if (editing !== f.id) return [row];
        return [row, feedEditorRow(f, row.cells.length, (change) => saveFeed(f, change), closeEditor)];
      }),
    );
    const failing = shown.filter((f) => f.failingSince !== null).length;
    const where =
      folder.kind === "all" ? "" : folder.kind === "none" ? " without a folder" : ` in ${folder.name}`;
    status.textContent = `${shown.length} feeds${where}, ${failing} failing.`;
  }

  function closeEditor(): void {
    editing = null;
    draw();
  }

  async function saveFeed(feed: Feed, change: FeedChange): Promise<boolean> {
    const saved = await asAdmin(
      (token) => updateFeed(feed.id, change, token || undefined),
      (f) => `Saved ${f.name ?? f.url}.`,
      actionStatus,
    );
    if (saved) closeEditor();
    return saved;
  }

  const actions: FeedActions = {
    edit: (feed) => {
      editing = feed.id;
      draw();
      body.querySelector<HTMLInputElement>(".feed-editor input[name=name]")?.focus();
    },
    setEnabled: (feed, enabled) =>
      void asAdmin(
        (token) => updateFeed(feed.id, { enabled }, token || undefined),
        (f) =>
          `${enabled ? "Resumed" : "Paused"} ${f.name ?? f.url}${enabled ? ": the next pass fetches it" : ""}.`,
        actionStatus,
      ),
    fetchNow: (feed) =>
      void asAdmin(
        (token) => fetchFeedNow(feed.id, token || undefined),
        (r) => fetchMessage(r.result, r.articlesAdded, r.feed),
        actionStatus,
        `Fetching ${feed.name ?? feed.url}…`,
      ),
    remove: (feed) => {
      const name = feed.name ?? feed.url;
      if (!confirm(`Delete the feed “${name}” and its ${feed.articleCount} articles? This cannot be undone.`))
        return;
      void asAdmin(
        (token) => deleteFeed(feed.id, token || undefined),
        () => `Deleted ${name} and its articles.`,
        actionStatus,
      );
    },
  };

  /**
   * Runs an admin write with the token from the page, or else as the signed-in admin; asks for a token when
   * there is neither or the server refuses.
   */
  async function asAdmin<T>(
    write: (token: string) => Promise<T>,
    done: (result: T) => string,
    say: HTMLElement = adminStatus,
    working = "Working…",
  ): Promise<boolean> {
    const token = tokenInput.value.trim() || readAdminToken() || "";
    if (!token && !isSignedInAdmin()) {
      say.textContent =
        "Sign in as an admin, or enter the admin token (TIDEMARK_ADMIN_TOKEN on the server) or a write API token.";
      tokenInput.focus();
      return false;
    }
    if (token) saveAdminToken(token);
    say.textContent = working;
    try {
      say.textContent = done(await write(token));
      await reload(true);
      return true;
    } catch (error) {
      const refused = error instanceof ApiRequestError && (error.status === 401 || error.status === 403);
      say.textContent = refused
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
      (token) =>
        addFeed(
          { url, name: text("name"), lang: text("lang"), country: text("country"), folder: text("folder") },
          token,
        ),
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

function fetchMessage(result: string, added: number, feed: Feed): string {
  const name = feed.name ?? feed.url;
  if (result === "stored") return `Fetched ${name}: ${added} new articles.`;
  if (result === "not-modified") return `Fetched ${name}: nothing new since the last fetch.`;
  if (result === "busy") return `${name} is being fetched by another process right now.`;
  return `Fetching ${name} failed: ${feed.lastError ?? `HTTP ${feed.lastStatus ?? "?"}`}`;
}

function feedRow(feed: Feed, ctx: SourcesContext, act: FeedActions | null): HTMLTableRowElement {
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
    h("td", { class: "feed-folder" }, feed.folder ?? ""),
    h("td", { class: "num" }, formatCount(feed.articleCount, ctx.locale)),
    feedActionsCell(feed, act),
  );
}
