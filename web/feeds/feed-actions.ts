import type { Feed, FeedChange } from "../api";
import { h } from "../element";

export interface FeedActions {
  edit: (feed: Feed) => void;
  setEnabled: (feed: Feed, enabled: boolean) => void;
  fetchNow: (feed: Feed) => void;
  remove: (feed: Feed) => void;
}

/** The admin's buttons of one feed row. Sample feeds are never fetched and leave with `sample remove`: none. */
export function feedActionsCell(feed: Feed, act: FeedActions | null): HTMLTableCellElement {
  const cell = h("td", { class: "feed-actions" });
  if (!act || feed.sample) return cell;
  const button = (label: string, cls: string, run: () => void, disabled = false) => {
    const b = h("button", { type: "button", class: cls, disabled }, label);
    b.addEventListener("click", run);
    return b;
  };
  cell.append(
    button("Edit", "edit-feed", () => act.edit(feed)),
    button(feed.enabled ? "Pause" : "Resume", feed.enabled ? "pause-feed" : "resume-feed", () =>
      act.setEnabled(feed, !feed.enabled),
    ),
    // A paused feed is not fetched (the API answers 409): resume it first.
    button("Fetch now", "fetch-feed", () => act.fetchNow(feed), !feed.enabled),
    button("Delete", "delete-feed", () => act.remove(feed)),
  );
  return cell;
}

/**
 * The row under a feed that edits it: name, language, country and folder, as PATCH /api/feeds/:id takes them.
 * An emptied field is sent as null, which clears it.
 */
export function feedEditorRow(
  feed: Feed,
  columns: number,
  save: (change: FeedChange) => Promise<boolean>,
  cancel: () => void,
): HTMLTableRowElement {
  const input = (name: string, value: string | null, attrs: Record<string, string | number> = {}) =>
    h("input", { name, value: value ?? "", ...attrs });
  const fields = {
    name: input("name", feed.name, { maxlength: 200 }),
    lang: input("lang", feed.lang, { size: 6, placeholder: "en" }),
    country: input("country", feed.country, { size: 3, placeholder: "DE" }),
    folder: input("folder", feed.folder, { maxlength: 100, list: "feed-folders" }),
  };
  const status = h("span", { role: "status", class: "feed-edit-status" });
  const cancelButton = h("button", { type: "button" }, "Cancel");
  cancelButton.addEventListener("click", cancel);
  const form = h(
    "form",
    { class: "feed-editor", "data-feed-id": feed.id },
    h("label", {}, "Name ", fields.name),
    h("label", {}, "Language ", fields.lang),
    h("label", {}, "Country ", fields.country),
    h("label", {}, "Folder ", fields.folder),
    h("button", { type: "submit" }, "Save"),
    cancelButton,
    status,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = (field: HTMLInputElement) => field.value.trim() || null;
    status.textContent = "Saving…";
    void save({
      name: value(fields.name),
      lang: value(fields.lang),
      country: value(fields.country),
      folder: value(fields.folder),
    }).then((saved) => {
      if (!saved) status.textContent = "";
    });
  });
  return h("tr", { class: "feed-editor-row" }, h("td", { colspan: columns }, form));
}
