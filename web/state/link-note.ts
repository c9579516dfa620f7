import { h } from "../element";
import "./link-note.css";

const NOTE_ID = "link-note";

/**
 * Tells the reader which parts of the link the view did not use (readState's `ignored`, topics that no longer
 * exist), so a mistyped or outdated shared link opens the default view without hiding why. The values are the
 * link's own text and stay text.
 */
export function showLinkNote(host: HTMLElement, ignored: readonly string[]): void {
  document.getElementById(NOTE_ID)?.remove();
  if (ignored.length === 0) return;
  const note = h(
    "p",
    { id: NOTE_ID, class: "link-note", role: "status" },
    `Ignored in this link, so the view shows the defaults instead: ${ignored.join("; ")}.`,
  );
  host.prepend(note);
}
