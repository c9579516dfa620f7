import { deleteTopic, getTopics, type Topic } from "../api";
import { h } from "../element";
import { formatCount } from "../format";
import type { ViewContext } from "./dry-run-view";
import { TopicEditor } from "./topic-editor";
import "./topics.css";

export interface TopicsPanelDeps {
  context: () => ViewContext;
  /** The page's way to write (write-access.ts); null: read-only. */
  writeToken: () => string | null;
}

/**
 * The Topics panel, built into `section`: every topic with its query, article count and retag progress; for an
 * admin (signed in, or with the admin token) buttons to make, edit and delete them. Viewers see the list only.
 * Call it once the session is known, so the panel knows which of the two to show.
 */
export function setupTopicsPanel(
  section: HTMLElement,
  deps: TopicsPanelDeps,
): { reload: () => Promise<void> } {
  const body = h("tbody", { id: "topics-body" });
  const status = h("p", { id: "topics-status", role: "status" });
  const add = h("button", { type: "button", id: "new-topic" }, "New topic");
  const note = h("p", { class: "muted", id: "topics-note" });
  const editor = new TopicEditor({ ...deps, onChange: () => void reload() });
  add.addEventListener("click", () => editor.open(null));
  section.replaceChildren(
    h("div", { class: "panel-head" }, h("h2", { id: "topics-panel-title" }, "Topics"), add),
    note,
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "topics-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["Topic", "Query", "Articles", "Retag", ""].map((t) => h("th", { scope: "col" }, t)),
          ),
        ),
        body,
      ),
    ),
    status,
    editor.form,
  );

  const canWrite = () => deps.writeToken() !== null;

  async function reload(): Promise<void> {
    try {
      const topics = await getTopics({ fresh: true });
      const writable = canWrite();
      add.hidden = !writable;
      note.textContent = writable
        ? "Topics are queries over every stored article: words, phrases, wildcards, AND/OR/NOT, @concepts. A dry run shows what a draft would tag before you save."
        : "Sign in as an admin (or enter the admin token under Sources) to make and edit topics.";
      body.replaceChildren(...topics.map((t) => topicRow(t, deps.context(), writable, { edit, remove })));
    } catch (error) {
      status.textContent = `Could not load topics: ${(error as Error).message}`;
    }
  }

  function edit(topic: Topic): void {
    editor.open(topic);
  }

  function remove(topic: Topic): void {
    const token = deps.writeToken();
    if (token === null) return;
    if (!confirm(`Delete the topic “${topic.name}” with its tags and counts? This cannot be undone.`)) return;
    void deleteTopic(topic.slug, token || undefined)
      .then(() => {
        status.textContent = `Deleted “${topic.name}”.`;
        editor.close();
        return reload();
      })
      .catch((error: unknown) => {
        status.textContent = `Not deleted: ${(error as Error).message}`;
      });
  }

  // A token typed under Sources makes the page an admin's: offer the buttons at once.
  document.getElementById("admin-token")?.addEventListener("change", () => void reload());
  void reload();
  return { reload };
}

function topicRow(
  topic: Topic,
  ctx: ViewContext,
  writable: boolean,
  act: { edit: (t: Topic) => void; remove: (t: Topic) => void },
): HTMLTableRowElement {
  const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
  swatch.style.background = topic.color;
  const { state, done, total } = topic.retag;
  const retag =
    state === "done"
      ? "done"
      : state === "pending"
        ? "waiting"
        : `${formatCount(done, ctx.locale)} of ${formatCount(total, ctx.locale)}`;
  const actions = h("td", { class: "topic-actions" });
  if (writable) {
    const edit = h("button", { type: "button", class: "edit-topic" }, "Edit");
    edit.addEventListener("click", () => act.edit(topic));
    const remove = h("button", { type: "button", class: "delete-topic" }, "Delete");
    remove.addEventListener("click", () => act.remove(topic));
    actions.append(edit, " ", remove);
  }
  return h(
    "tr",
    { "data-topic": topic.slug },
    h(
      "th",
      { scope: "row" },
      swatch,
      " ",
      topic.name,
      h("br"),
      h("code", { class: "muted" }, topic.slug),
      topic.description ? h("small", { class: "muted topic-description" }, topic.description) : null,
    ),
    h("td", {}, h("code", { class: "topic-query" }, topic.query)),
    h("td", { class: "num" }, formatCount(topic.articleCount, ctx.locale)),
    h("td", { "data-retag": state }, retag),
    actions,
  );
}
