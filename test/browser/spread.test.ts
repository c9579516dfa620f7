import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chartReady, useDashboard } from "./harness";

interface Group {
  key: string;
  label: string;
  lagMinutes: number;
  firstArticle: { title: string; publishedAt: string };
}
interface Spread {
  languages: Group[];
  countries: Group[];
  regions: Group[];
}
interface Shown {
  lag: number;
  text: string;
  places: Array<{ kind: string; key: string; name: string; title: string }>;
}

/**
 * The spread timeline under the coverage chart, over the sample coverage: each step and place against what
 * /api/topics/:slug/spread answers for the page's first topic, range, zone and filters.
 */
describe("the spread timeline of the first topic", () => {
  const dashboard = useDashboard({ sample: true });
  let page: Page;
  let errors: string[];

  async function open(path: string): Promise<void> {
    ({ page, errors } = await dashboard.newPage({ timezoneId: "Europe/Berlin", locale: "en-GB" }));
    await page.goto(`${dashboard.server.url}${path}`);
    await chartReady(page);
  }

  async function api<T>(path: string): Promise<T> {
    return (await (await fetch(`${dashboard.server.url}${path}`)).json()) as T;
  }

  const shown = (slug: string): Promise<Shown[]> =>
    page.waitForSelector(`#spread[data-state=ready][data-topic=${slug}]`).then(() =>
      page.$$eval("#spread .spread-step", (items) =>
        items.map((li) => ({
          lag: Number((li as HTMLElement).dataset.lag),
          text: li.textContent ?? "",
          places: [...li.querySelectorAll<HTMLElement>(".spread-place")].map((p) => ({
            kind: p.dataset.kind ?? "",
            key: p.dataset.key ?? "",
            name: p.textContent ?? "",
            title: p.title,
          })),
        })),
      ),
    );

  /** The API's places in the order of arrival (languages, countries, regions within a minute), by step. */
  function expectedSteps(spread: Spread) {
    const places = [
      ...spread.languages.map((g) => ({ kind: "lang", name: g.key, g })),
      ...spread.countries.map((g) => ({ kind: "country", name: g.key, g })),
      ...spread.regions.map((g) => ({ kind: "region", name: g.label, g })),
    ].sort((a, b) => a.g.lagMinutes - b.g.lagMinutes);
    const start = places[0]!.g.lagMinutes;
    const steps = new Map<number, typeof places>();
    for (const p of places)
      steps.set(p.g.lagMinutes - start, [...(steps.get(p.g.lagMinutes - start) ?? []), p]);
    return [...steps].map(([lag, ps]) => ({ lag, places: ps }));
  }

  const arrival = (iso: string, tz: string) => {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: tz,
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(Date.parse(iso));
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    return `${part("day")} ${part("month")} ${part("hour")}:${part("minute")} ${tz}`;
  };

  it("shows when the first topic reached each language, country and region, as the API answers", async () => {
    await open("/?range=custom&from=2025-01-15&to=2025-02-15&topics=r1-release,nvidia-valuation");
    const steps = await shown("r1-release");
    const spread = await api<Spread>(
      "/api/topics/r1-release/spread?from=2025-01-15&to=2025-02-15&tz=Europe/Berlin",
    );
    const expected = expectedSteps(spread);
    expect(spread.languages.length).toBeGreaterThan(3);
    expect(steps.map((s) => s.lag)).toEqual(expected.map((s) => s.lag));
    expect(steps.map((s) => s.places.map((p) => [p.kind, p.key, p.name]))).toEqual(
      expected.map((s) => s.places.map((p) => [p.kind, p.g.key, p.name])),
    );
    const first = expected[0]!.places[0]!.g;
    expect(steps[0]!.text).toBe(
      `first in ${expected[0]!.places.map((p) => p.name).join(" · ")} ${arrival(first.firstArticle.publishedAt, "Europe/Berlin")}`,
    );
    for (const step of steps.slice(1)) expect(step.text).toMatch(/ \+\d+ (min|h|d)$/);
    expect(steps[0]!.places[0]!.title).toContain(`"${first.firstArticle.title}"`);
    const topics = await api<{ items: Array<{ slug: string; name: string }> }>("/api/topics");
    const name = topics.items.find((t) => t.slug === "r1-release")!.name;
    expect(await page.textContent("#spread .spread-title")).toBe(`Spread of ${name}`);
    expect(errors).toEqual([]);
  });

  it("follows the page's topics, zone and filters", async () => {
    await open(
      "/?range=custom&from=2025-01-15&to=2025-02-15&topics=global-south-adoption&tz=Asia/Shanghai&region=south",
    );
    const steps = await shown("global-south-adoption");
    const spread = await api<Spread>(
      "/api/topics/global-south-adoption/spread?from=2025-01-15&to=2025-02-15&tz=Asia/Shanghai&region=south",
    );
    const expected = expectedSteps(spread);
    expect(steps.map((s) => s.places.map((p) => p.key))).toEqual(
      expected.map((s) => s.places.map((p) => p.g.key)),
    );
    expect(steps.flatMap((s) => s.places.filter((p) => p.kind === "region").map((p) => p.key))).toEqual([
      "global-south",
    ]);
    expect(steps[0]!.text).toMatch(/ Asia\/Shanghai$/);
    // A change of topics in the page moves the timeline to the new first topic.
    await page.check("#topic-toggles input[value=export-controls]");
    await page.uncheck("#topic-toggles input[value=global-south-adoption]");
    const moved = await shown("export-controls");
    const after = await api<Spread>(
      "/api/topics/export-controls/spread?from=2025-01-15&to=2025-02-15&tz=Asia/Shanghai&region=south",
    );
    expect(moved.map((s) => s.lag)).toEqual(expectedSteps(after).map((s) => s.lag));
    expect(errors).toEqual([]);
  });
});
