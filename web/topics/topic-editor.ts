import {
  ApiRequestError,
  createTopic,
  type DryRun,
  getTopic,
  getTopicMisses,
  type Topic,
  testTopicQuery,
  updateTopic,
} from "../api";
import { h } from "../element";
import { formatCount } from "../format";
import { dryRunView, missesView, type ViewContext } from "./dry-run-view";
import { errorPosition, queryErrorExcerpt } from "./query-error";

/** How long typing must pause before a dry run leaves: each one scans every stored article. */
const DRY_RUN_DELAY_MS = 400;
const RETAG_POLL_MS = 1_000;

export interface EditorDeps {
  context: () => ViewContext;
  /** The page's way to write (see write-access.ts); null: it may not. */
  writeToken: () => string | null;
  /** A topic was saved or its retag moved on: the list redraws. */
  onChange: () => void;
}

/**
 * The form that makes or edits a topic. As the query is typed, a debounced dry run (`POST /api/topics/test`,
 * with the slug when editing) shows how many stored articles it would tag, examples with the matched terms
 * marked and, for a saved topic, what it adds and removes; a query that does not parse shows where. After a
 * save it follows the retag (`GET /api/topics/:slug`) until the stored articles carry the new query.
 */
export class TopicEditor {
  readonly form: HTMLFormElement;
  readonly #deps: EditorDeps;
  readonly #fields: Record<
    "slug" | "name" | "color" | "description" | "query",
    HTMLInputElement | HTMLTextAreaElement
  >;
  readonly #title = h("h3", { id: "topic-editor-title" }, "New topic");
  readonly #queryError = h("div", {
    id: "topic-query-error",
    class: "query-error",
    role: "alert",
    hidden: true,
  });
  readonly #dryRun = h("div", { id: "topic-dry-run", class: "dry-run", "aria-live": "polite" });
  readonly #misses = h("div", { id: "topic-misses" });
  readonly #missesWrap = h(
    "details",
    { class: "misses-wrap", hidden: true },
    h("summary", {}, "Candidate misses"),
  );
  readonly #status = h("p", { id: "topic-status", role: "status" });
  #editing: Topic | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #runSeq = 0;
  #pollSeq = 0;

  constructor(deps: EditorDeps) {
    this.#deps = deps;
    this.#fields = {
      slug: h("input", {
        name: "slug",
        required: true,
        maxlength: 63,
        pattern: "[a-z0-9][a-z0-9\\-]*",
        spellcheck: "false",
      }),
      name: h("input", { name: "name", required: true, maxlength: 100 }),
      color: h("input", { name: "color", type: "color", value: "#0072b2" }),
      description: h("textarea", { name: "description", maxlength: 1000, rows: 2 }),
      query: h("textarea", {
        name: "query",
        id: "topic-query",
        required: true,
        rows: 4,
        spellcheck: "false",
      }),
    };
    this.#missesWrap.append(
      h("p", { class: "muted" }, "Untagged stored articles most like the saved topic's, with the words why."),
      this.#misses,
    );
    const cancel = h("button", { type: "button", id: "topic-cancel" }, "Close");
    cancel.addEventListener("click", () => this.close());
    this.form = h(
      "form",
      { id: "topic-editor", class: "topic-editor", hidden: true, novalidate: true },
      this.#title,
      h(
        "div",
        { class: "topic-fields" },
        h("label", { id: "topic-slug-label" }, "Slug ", this.#fields.slug),
        h("label", {}, "Name ", this.#fields.name),
        h("label", {}, "Colour ", this.#fields.color),
      ),
      h(
        "div",
        { class: "topic-draft" },
        h("label", { class: "wide" }, "Description ", this.#fields.description),
        h("label", { class: "wide" }, "Query ", this.#fields.query),
        this.#queryError,
      ),
      h("div", { class: "topic-preview" }, this.#dryRun, this.#missesWrap),
      h("div", { class: "topic-buttons" }, h("button", { type: "submit", id: "topic-save" }, "Save"), cancel),
      this.#status,
    );
    this.#fields.query.addEventListener("input", () => this.#scheduleDryRun());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.#save();
    });
  }

  /** Opens the form, empty for a new topic or with a saved one's values. */
  open(topic: Topic | null): void {
    this.#editing = topic;
    this.#pollSeq++;
    this.#title.textContent = topic ? `Edit “${topic.name}”` : "New topic";
    this.#fields.slug.value = topic?.slug ?? "";
    this.#fields.slug.disabled = topic !== null;
    this.#fields.name.value = topic?.name ?? "";
    this.#fields.color.value = (topic?.color ?? "#0072b2").toLowerCase();
    this.#fields.description.value = topic?.description ?? "";
    this.#fields.query.value = topic?.query ?? "";
    this.#status.textContent = "";
    this.#dryRun.replaceChildren();
    this.#showQueryError(null);
    this.form.hidden = false;
    this.#missesWrap.hidden = topic === null;
    this.#misses.replaceChildren();
    if (topic) void this.#loadMisses(topic.slug);
    if (topic) void this.#runDryRun();
    (topic ? this.#fields.query : this.#fields.slug).focus();
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#runSeq++;
    this.form.hidden = true;
  }

  #scheduleDryRun(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#runDryRun(), DRY_RUN_DELAY_MS);
  }

  async #runDryRun(): Promise<void> {
    const seq = ++this.#runSeq;
    const query = this.#fields.query.value;
    if (!query.trim()) {
      this.#dryRun.replaceChildren();
      this.#showQueryError(null);
      return;
    }
    const token = this.#deps.writeToken();
    if (token === null) return;
    this.#dryRun.dataset.state = "loading";
    try {
      const run: DryRun = await testTopicQuery(
        { query, slug: this.#editing?.slug, examples: 5 },
        token || undefined,
      );
      if (seq !== this.#runSeq) return;
      this.#showQueryError(null);
      this.#dryRun.replaceChildren(dryRunView(run, this.#deps.context()));
      this.#dryRun.dataset.state = "ready";
    } catch (error) {
      if (seq !== this.#runSeq) return;
      this.#dryRun.dataset.state = "error";
      if (!this.#showQueryError(error))
        this.#dryRun.replaceChildren(h("p", {}, `Dry run failed: ${(error as Error).message}`));
      else this.#dryRun.replaceChildren();
    }
  }

  async #loadMisses(slug: string): Promise<void> {
    try {
      const misses = await getTopicMisses(slug, 5);
      if (this.#editing?.slug === slug)
        this.#misses.replaceChildren(missesView(misses, this.#deps.context()));
    } catch (error) {
      this.#misses.replaceChildren(
        h("p", {}, `Could not load candidate misses: ${(error as Error).message}`),
      );
    }
  }

  /** Shows a query error at its position; false when `error` is not one (null clears the display). */
  #showQueryError(error: unknown): boolean {
    const position =
      error instanceof ApiRequestError && error.code === "invalid_query"
        ? errorPosition(error.details)
        : null;
    if (position === null) {
      this.#queryError.hidden = true;
      this.#queryError.replaceChildren();
      this.#fields.query.removeAttribute("aria-invalid");
      return false;
    }
    const e = queryErrorExcerpt(this.#fields.query.value, position);
    this.#queryError.hidden = false;
    this.#fields.query.setAttribute("aria-invalid", "true");
    this.#queryError.replaceChildren(
      h("p", { class: "query-error-message" }, (error as Error).message.replace(/^query: /, "")),
      h("pre", {}, e.before, h("mark", { class: "query-error-at" }, e.at || " "), e.after),
      h("p", { class: "muted" }, `line ${e.line}, column ${e.column}`),
    );
    return true;
  }

  async #save(): Promise<void> {
    const token = this.#deps.writeToken();
    if (token === null) {
      this.#status.textContent =
        "Sign in as an admin, or enter the admin token under Sources, to save topics.";
      return;
    }
    const fields = {
      name: this.#fields.name.value.trim(),
      color: this.#fields.color.value.toUpperCase(),
      description: this.#fields.description.value,
      query: this.#fields.query.value,
    };
    this.#status.textContent = "Saving…";
    try {
      const saved = this.#editing
        ? await updateTopic(this.#editing.slug, fields, token || undefined)
        : await createTopic({ ...fields, slug: this.#fields.slug.value.trim() }, token || undefined);
      this.#showQueryError(null);
      this.#deps.onChange();
      const wasNew = this.#editing === null;
      this.open(saved);
      this.#status.textContent = `${wasNew ? "Made" : "Saved"} “${saved.name}”${wasNew ? " (reload the page to chart it)" : ""}.`;
      void this.#followRetag(saved);
    } catch (error) {
      if (this.#showQueryError(error)) {
        this.#status.textContent = "Not saved: the query does not parse (see above).";
        return;
      }
      this.#status.textContent = `Not saved: ${(error as Error).message}`;
    }
  }

  /** Polls the topic while its stored articles are retagged, showing how far it got. */
  async #followRetag(topic: Topic): Promise<void> {
    const seq = ++this.#pollSeq;
    const saved = this.#status.textContent ?? "";
    const progress = h("progress", { id: "topic-retag-progress", max: 1, value: 0 });
    const words = h("span", { id: "topic-retag" });
    let current = topic;
    while (seq === this.#pollSeq) {
      const { state, done, total } = current.retag;
      const locale = this.#deps.context().locale;
      if (state === "done") {
        words.textContent = ` Retag done: ${formatCount(current.articleCount, locale)} articles carry it.`;
        this.#status.replaceChildren(saved, words);
        this.#deps.onChange();
        return;
      }
      progress.max = Math.max(total, 1);
      progress.value = done;
      words.textContent =
        state === "pending"
          ? " Retag waiting to start…"
          : ` Retagging stored articles: ${formatCount(done, locale)} of ${formatCount(total, locale)}.`;
      this.#status.replaceChildren(saved, words, " ", progress);
      await new Promise((resolve) => setTimeout(resolve, RETAG_POLL_MS));
      try {
        current = await getTopic(topic.slug);
      } catch (error) {
        words.textContent = ` Could not follow the retag: ${(error as Error).message}`;
        return;
      }
    }
  }
}
