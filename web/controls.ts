import type { Topic } from "./api";
import { byId, h } from "./element";
import {
  type Breakdown,
  type DashboardState,
  type Metric,
  parseState,
  type RangePreset,
} from "./state/url-state";

/**
 * The settings form, kept in step with the state both ways: `show` writes a state into the controls (first
 * load, back/forward), `onChange` reads the controls back into a new state whenever the user changes one.
 */
export function setupControls(
  topics: readonly Topic[],
  onChange: (change: (state: DashboardState) => DashboardState) => void,
) {
  const form = byId<HTMLFormElement>("controls");
  const toggles = byId("topic-toggles");
  const select = (id: string) => byId<HTMLSelectElement>(id);
  const tz = byId<HTMLInputElement>("tz");

  toggles.replaceChildren(
    ...topics.map((t) => {
      const box = h("input", { type: "checkbox", name: "topic", value: t.slug });
      const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.background = t.color;
      return h("label", { class: "topic-toggle", title: t.description || t.name }, box, swatch, t.name);
    }),
  );

  const checked = () =>
    [...toggles.querySelectorAll<HTMLInputElement>("input[name=topic]")]
      .filter((b) => b.checked)
      .map((b) => b.value);

  form.addEventListener("change", (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === "topic") {
      const slugs = checked();
      // The chart never goes empty: the last topic cannot be switched off.
      if (slugs.length === 0) {
        (target as HTMLInputElement).checked = true;
        return;
      }
      onChange((s) => ({ ...s, topics: slugs.length === topics.length ? [] : slugs }));
    } else if (target.name === "tz") {
      const zone = tz.value.trim();
      if (!isZone(zone)) {
        tz.setCustomValidity("Not a time zone Intl knows, such as Europe/Berlin");
        tz.reportValidity();
        return;
      }
      tz.setCustomValidity("");
      onChange((s) => ({ ...s, tz: zone }));
    } else if (target.name === "from" || target.name === "to") {
      const from = byId<HTMLInputElement>("from").value;
      const to = byId<HTMLInputElement>("to").value;
      if (from && to && from <= to) onChange((s) => ({ ...s, range: "custom", from, to }));
    } else if (target.name === "range") {
      const range = target.value as RangePreset;
      if (range === "custom") {
        form.dataset.range = "custom";
        byId<HTMLInputElement>("from").focus();
        return;
      }
      onChange((s) => ({ ...s, range, from: null, to: null }));
    } else if (target.name === "interval") {
      onChange((s) => ({ ...s, interval: target.value as DashboardState["interval"] }));
    } else if (target.name === "metric") {
      onChange((s) => ({ ...s, metric: target.value as Metric }));
    } else if (target.name === "unit") {
      onChange((s) => ({ ...s, unit: parseState(`?unit=${target.value}`, s.tz).unit }));
    } else if (target.name === "smooth") {
      onChange((s) => ({ ...s, smooth: Number(target.value) }));
    } else if (target.name === "stacked") {
      onChange((s) => ({ ...s, stacked: (target as HTMLInputElement).checked }));
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  select("breakdown-by").addEventListener("change", (event) => {
    const by = (event.target as HTMLSelectElement).value as Breakdown;
    onChange((s) => ({ ...s, breakdown: parseState(`?by=${by}`, s.tz).breakdown }));
  });
  select("breakdown-share").addEventListener("change", (event) => {
    const share = (event.target as HTMLSelectElement).value;
    onChange((s) => ({ ...s, share: parseState(`?share=${share}`, s.tz).share }));
  });

  let zonesFilled = false;
  tz.addEventListener("focus", () => {
    if (zonesFilled) return;
    zonesFilled = true;
    const zones =
      (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
    byId("zones").replaceChildren(...zones.map((z) => h("option", { value: z })));
  });

  return {
    show(state: DashboardState, from: string, to: string): void {
      const all = state.topics.length === 0;
      for (const box of toggles.querySelectorAll<HTMLInputElement>("input[name=topic]")) {
        box.checked = all || state.topics.includes(box.value);
      }
      select("range").value = state.range;
      form.dataset.range = state.range;
      byId<HTMLInputElement>("from").value = from;
      byId<HTMLInputElement>("to").value = to;
      select("interval").value = state.interval;
      select("metric").value = state.metric;
      select("smooth").value = String(state.smooth);
      select("unit").value = state.unit;
      byId<HTMLInputElement>("stacked").checked = state.stacked;
      if (document.activeElement !== tz) tz.value = state.tz;
      select("breakdown-by").value = state.breakdown;
      select("breakdown-share").value = state.share;
      byId("breakdown-share-group").textContent = `Share of each ${GROUP_NAMES[state.breakdown]}’s coverage`;
    },
  };
}

const GROUP_NAMES: Record<Breakdown, string> = { feed: "outlet", lang: "language", region: "region" };

function isZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
