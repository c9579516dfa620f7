import "./palette.css";
import "./theme.css";

/**
 * Light or dark: the reader's choice, remembered in localStorage, else the system's (prefers-color-scheme).
 * The choice is `data-theme` on <html>, which palette.css reads; charts read their colours from the palette,
 * so they redraw through onThemeChange.
 */
export type ThemeChoice = "light" | "dark";

const KEY = "tidemark:theme";
const CHANGE = "tidemark:themechange";
const systemDark = () => matchMedia("(prefers-color-scheme: dark)");

/** The stored choice; none when nothing (or something unreadable) is stored, or storage is refused. */
export function storedTheme(): ThemeChoice | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === "light" || value === "dark" ? value : null;
  } catch {
    // Storage refused (a sandboxed frame, a strict privacy setting): follow the system.
    return null;
  }
}

export function isDark(): boolean {
  const chosen = document.documentElement.dataset.theme;
  return chosen ? chosen === "dark" : systemDark().matches;
}

/** Shows a choice (null: the system's) and remembers it when `remember` is set. */
export function applyTheme(choice: ThemeChoice | null, remember = false): void {
  if (choice) document.documentElement.dataset.theme = choice;
  else delete document.documentElement.dataset.theme;
  if (remember) {
    try {
      if (choice) localStorage.setItem(KEY, choice);
      else localStorage.removeItem(KEY);
    } catch {
      // Not remembered; the choice still holds for this page.
    }
  }
  window.dispatchEvent(new Event(CHANGE));
}

/** Calls `listener` whenever the shown theme changes: a switch, or the system's while no choice is stored. */
export function onThemeChange(listener: () => void): void {
  window.addEventListener(CHANGE, listener);
  systemDark().addEventListener("change", () => {
    if (!document.documentElement.dataset.theme) listener();
  });
}

/** The header's switch: pressed is dark. Each press stores the opposite of what is shown. */
export function setupThemeSwitch(button: HTMLButtonElement): void {
  const show = () => button.setAttribute("aria-pressed", String(isDark()));
  show();
  onThemeChange(show);
  button.addEventListener("click", () => applyTheme(isDark() ? "light" : "dark", true));
}

// At import, before any chart reads the palette: the stored choice is the page's first colours.
const stored = storedTheme();
if (stored) document.documentElement.dataset.theme = stored;
