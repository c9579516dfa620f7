import { byId, h } from "../element";
import "./phone-layout.css";

/**
 * On a narrow screen the settings fold behind one button, so the overview and the chart fill the first
 * screen. Wide screens never see the button (the stylesheet), and the form stays open there.
 */
export function setupPhoneLayout(): void {
  const form = byId<HTMLFormElement>("controls");
  const button = h(
    "button",
    {
      type: "button",
      id: "controls-toggle",
      class: "controls-toggle",
      "aria-controls": "controls",
      "aria-expanded": "false",
    },
    "Chart settings",
  );
  button.addEventListener("click", () => {
    const open = !form.classList.contains("open");
    form.classList.toggle("open", open);
    button.setAttribute("aria-expanded", String(open));
  });
  form.classList.add("foldable");
  form.before(button);
}
