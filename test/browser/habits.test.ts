import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chartReady, useDashboard } from "./harness";

/** The colour the chart's canvas painted its background with, at its top-left corner. */
async function chartBackground(page: Page): Promise<string> {
  return page.$eval("#coverage-chart", (canvas) => {
    const c = canvas as HTMLCanvasElement;
    const [r, g, b] = c.getContext("2d")!.getImageData(2, 2, 1, 1).data;
    return `${r},${g},${b}`;
  });
}

describe("habits: dark mode, keyboard shortcuts, printing", { timeout: 120_000 }, () => {
  const dashboard = useDashboard({ sample: true });
  let page: Page;
  let errors: string[];

  async function open(colorScheme: "light" | "dark" = "light") {
    ({ page, errors } = await dashboard.newPage({
      viewport: { width: 1200, height: 800 },
      timezoneId: "UTC",
      locale: "en-GB",
      colorScheme,
    }));
    await page.goto(`${dashboard.server.url}/`);
    await chartReady(page);
  }

  it("switches to dark mode, redraws the chart in dark colours, and keeps the choice across a reload", async () => {
    await open("light");
    expect(await page.getAttribute("#theme-switch", "aria-pressed")).toBe("false");
    expect(await chartBackground(page)).toBe("255,255,255");
    await page.click("#theme-switch");
    expect(await page.getAttribute("html", "data-theme")).toBe("dark");
    expect(await page.getAttribute("#theme-switch", "aria-pressed")).toBe("true");
    // #14171b, the dark palette's background, painted by the chart itself (what an export shows).
    await page.waitForFunction(() => {
      const c = document.querySelector<HTMLCanvasElement>("#coverage-chart")!;
      return c.getContext("2d")!.getImageData(2, 2, 1, 1).data[0] === 0x14;
    });
    expect(await chartBackground(page)).toBe("20,23,27");

    await page.reload();
    await chartReady(page);
    expect(await page.getAttribute("html", "data-theme")).toBe("dark");
    expect(await page.getAttribute("#theme-switch", "aria-pressed")).toBe("true");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      "rgb(20, 23, 27)",
    );

    // Back to light on a dark system: the choice beats the system's preference, and is remembered too.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.click("#theme-switch");
    await page.reload();
    await chartReady(page);
    expect(await page.getAttribute("html", "data-theme")).toBe("light");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      "rgb(255, 255, 255)",
    );
    expect(errors).toEqual([]);
  });

  it("follows the system's preference until a choice is made", async () => {
    await open("dark");
    expect(await page.getAttribute("html", "data-theme")).toBeNull();
    expect(await page.getAttribute("#theme-switch", "aria-pressed")).toBe("true");
    expect(await chartBackground(page)).toBe("20,23,27");
  });

  it("answers / with the search, t with the topics, ? with the list, and never while typing", async () => {
    await open();
    await page.waitForSelector("#topic-toggles input");
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    // Typing in the search box types: "t" and "?" are letters there, not shortcuts.
    await page.keyboard.type("t?");
    expect(await page.inputValue("#q")).toBe("t?");
    expect(await page.$("#shortcuts-help[open]")).toBeNull();

    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.keyboard.press("t");
    expect(
      await page.evaluate(
        () => (document.activeElement as HTMLInputElement).closest("#topic-toggles") !== null,
      ),
    ).toBe(true);

    await page.keyboard.press("?");
    await page.waitForSelector("#shortcuts-help[open]");
    const listed = await page.$$eval("#shortcuts-help kbd", (keys) => keys.map((k) => k.textContent));
    expect(listed).toEqual(["/", "t", "?", "Esc"]);
    await page.keyboard.press("Escape");
    expect(await page.$("#shortcuts-help[open]")).toBeNull();
    await page.click("#shortcuts-button");
    await page.waitForSelector("#shortcuts-help[open]");
    expect(errors).toEqual([]);
  });

  it("prints the chart and its tables without the controls", async () => {
    await open();
    await page.waitForFunction(() => performance.getEntriesByName("tidemark:breakdown").length > 0);
    expect(await page.$eval("#table-details", (d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    const shown = (selector: string) =>
      page.$eval(
        selector,
        (el) => getComputedStyle(el).display !== "none" && (el as HTMLElement).offsetHeight > 0,
      );
    expect(await shown("#coverage-chart")).toBe(true);
    expect(await shown("#table-wrap table")).toBe(true);
    expect(await page.$$eval("#table-wrap tbody tr", (rows) => rows.length)).toBeGreaterThan(80);
    expect(await shown("#breakdown-table table")).toBe(true);
    for (const hidden of ["#controls", "#export-png", "#theme-switch", "#sources", "#search"])
      expect(await shown(hidden)).toBe(false);
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    await page.emulateMedia({ media: "screen" });
    expect(await page.$eval("#table-details", (d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await shown("#controls")).toBe(true);
    expect(errors).toEqual([]);
  });
});
