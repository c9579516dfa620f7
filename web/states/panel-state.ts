import { h } from "../element";
import "./states.css";

/**
 * The states of a panel beside the chart (stories, terms) in the chart's words: loading, ready, empty (what is
 * missing) and error (the panel's content cleared, with a retry). `root[data-state]` is loading | ready | empty |
 * error, so tests and the stylesheet read it; the line says it to screen readers.
 */
export class PanelState {
  constructor(
    private readonly root: HTMLElement,
    private readonly line: HTMLElement,
  ) {
    line.setAttribute("role", "status");
  }

  loading(what: string): void {
    this.#set("loading", h("span", { class: "spinner", "aria-hidden": "true" }), ` Loading ${what}…`);
  }

  ready(): void {
    this.#set("ready");
  }

  empty(text: string): void {
    this.#set("empty", text);
  }

  error(what: string, message: string, retry: () => void): void {
    const button = h("button", { type: "button", class: "retry" }, "Retry");
    button.addEventListener("click", retry);
    this.#set("error", h("strong", {}, `Could not load ${what}. `), message, " ", button);
  }

  #set(state: string, ...content: (Node | string)[]): void {
    this.root.dataset.state = state;
    this.line.replaceChildren(...content);
    this.line.hidden = content.length === 0;
  }
}
