import { h } from "../element";
import "./states.css";

/**
 * What the chart's figure says about its data besides drawing it: loading, empty (with where the data is and a
 * button to go there), error (the chart cleared, with a retry) and partial (ingest outages in the range).
 * `figure[data-state]` is loading | ready | empty | error; the stylesheet greys and overlays by it.
 */
export class FigureState {
  readonly #overlay = h("div", { class: "figure-state", role: "status", "aria-live": "polite" });
  readonly #partial = h("p", { class: "partial-note", id: "partial-note", hidden: true });

  constructor(private readonly figure: HTMLElement) {
    figure.append(this.#overlay);
    figure.after(this.#partial);
  }

  /** `quiet`: a refresh nobody asked for (a live article) dims the chart without announcing it. */
  loading(quiet = false): void {
    if (quiet) this.#set("loading");
    else this.#set("loading", h("span", { class: "spinner", "aria-hidden": "true" }), "Loading coverage…");
  }

  ready(): void {
    this.#set("ready");
  }

  /** `where` is filled in once the data's extent is known; `show` switches the view to it. */
  empty(what: string, where?: { text: string; action: string; show: () => void }): void {
    const parts: (Node | string)[] = [h("strong", {}, what)];
    if (where) {
      const button = h("button", { type: "button", class: "show-extent" }, where.action);
      button.addEventListener("click", where.show);
      parts.push(" ", where.text, " ", button);
    }
    this.#set("empty", ...parts);
  }

  error(message: string, retry: () => void): void {
    const button = h("button", { type: "button", class: "retry" }, "Retry");
    button.addEventListener("click", retry);
    this.#set("error", h("strong", {}, "Could not load coverage. "), message, " ", button);
  }

  /** A sentence about outages in the range, or null when the counts are whole. */
  partial(text: string | null): void {
    this.#partial.hidden = text === null;
    this.#partial.textContent = text ?? "";
    if (text === null) delete this.figure.dataset.partial;
    else this.figure.dataset.partial = "";
  }

  #set(state: string, ...content: (Node | string)[]): void {
    this.figure.dataset.state = state;
    this.#overlay.replaceChildren(...content);
    this.#overlay.hidden = content.length === 0;
  }
}
