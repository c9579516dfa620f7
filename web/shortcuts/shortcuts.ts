import { h } from "../element";
import "./shortcuts.css";

/** A key the dashboard answers anywhere but in a text field, and what it does. */
export interface Shortcut {
  key: string;
  does: string;
  run: () => void;
}

/**
 * True when a key press belongs to what the reader is typing or operating: a text field, a select, an
 * editable element, or a press with a modifier (the browser's and the system's own shortcuts).
 */
export function isTyping(event: Pick<KeyboardEvent, "target" | "ctrlKey" | "metaKey" | "altKey">): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target as HTMLElement | null;
  if (!target || typeof target.closest !== "function") return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement)
    return !["checkbox", "radio", "button", "submit"].includes(target.type);
  return target.closest("textarea, select, [contenteditable]") !== null;
}

/**
 * The page's keyboard shortcuts, and `?` for a dialog that lists them (Escape closes it, as any dialog).
 * `/` is taken from the browser's quick find only here, where the page has a search of its own.
 */
export function setupShortcuts(shortcuts: readonly Shortcut[]): { openHelp: () => void } {
  let dialog: HTMLDialogElement | null = null;
  const all = [...shortcuts, { key: "?", does: "Show this list", run: () => openHelp() }];
  const openHelp = () => {
    dialog ??= helpDialog(all);
    if (!dialog.open) dialog.showModal();
  };
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.repeat || isTyping(event)) return;
    const shortcut = all.find((s) => s.key === event.key);
    if (!shortcut) return;
    event.preventDefault();
    if (dialog?.open && shortcut.key !== "?") dialog.close();
    shortcut.run();
  });
  return { openHelp };
}

function helpDialog(shortcuts: readonly Shortcut[]): HTMLDialogElement {
  const close = h("button", { type: "button", class: "shortcuts-close" }, "Close");
  const dialog = h(
    "dialog",
    { id: "shortcuts-help", class: "shortcuts-help", "aria-labelledby": "shortcuts-title" },
    h("h2", { id: "shortcuts-title" }, "Keyboard shortcuts"),
    h(
      "dl",
      {},
      ...shortcuts.flatMap((s) => [h("dt", {}, h("kbd", {}, s.key)), h("dd", {}, s.does)]),
      h("dt", {}, h("kbd", {}, "Esc")),
      h("dd", {}, "Close this list"),
    ),
    h("p", { class: "muted" }, "They work anywhere on the page except while you type in a field."),
    close,
  );
  close.addEventListener("click", () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener("click", (event) => event.target === dialog && dialog.close());
  document.body.append(dialog);
  return dialog;
}

/** Moves focus to an element, opening the <details> it is folded into first. */
export function reveal(element: HTMLElement | null): void {
  if (!element) return;
  for (
    let folded = element.closest("details:not([open])");
    folded;
    folded = folded.closest("details:not([open])")
  )
    (folded as HTMLDetailsElement).open = true;
  element.focus();
  element.scrollIntoView({ block: "nearest" });
}
