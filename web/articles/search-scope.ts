import { byId, h } from "../element";

/**
 * The search box's companions: what its syntax means, next to it, and the switch that widens a search from
 * the selected topics to every article. Built from DOM APIs, so the help is text, never markup.
 */
export function setupSearchScope(onChange: () => void): { everywhere: () => boolean } {
  const form = byId<HTMLFormElement>("search");
  const input = byId<HTMLInputElement>("q");
  const box = h("input", { type: "checkbox", id: "search-everywhere", name: "everywhere" });
  const code = (text: string) => h("code", {}, text);
  const help = h(
    "p",
    { id: "search-help", class: "search-help" },
    "Titles and summaries of the selected topics’ articles in this range. Every word must appear, also inside " +
      "longer words (",
    code("aktie"),
    " finds “Chipaktien”); ",
    code('"open weights"'),
    " matches as written; ",
    code("-huawei"),
    " or ",
    code("NOT huawei"),
    " leaves out. Newest first.",
  );
  form.after(
    h("label", { class: "search-everywhere" }, box, " Search every article, not only the selected topics"),
    help,
  );
  input.setAttribute("aria-describedby", "search-help");
  box.addEventListener("change", onChange);
  return { everywhere: () => box.checked };
}
