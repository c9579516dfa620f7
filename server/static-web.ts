import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Context, Hono } from "hono";
import type { Logger } from "pino";

/** Where `npm run build:web` (vite build) writes the dashboard. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../dist/web", import.meta.url));

/**
 * The dashboard's policy: its own scripts, styles and images only, no inline script (Vite emits none), and
 * only this server to talk to (the API and the event stream). Chart.js sizes canvases through the CSSOM,
 * which style-src does not govern, so no 'unsafe-inline' is needed for styles either.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * `/embed`'s policy: the dashboard's, except that any site may frame it (a newsroom's article). Only this one
 * read-only page is frameable; `/` keeps refusing, so no other site can overlay the dashboard's controls.
 */
export const EMBED_CSP = DASHBOARD_CSP.replace("frame-ancestors 'none'", "frame-ancestors *");

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

// Vite names every asset by its content hash, so a name never changes meaning: cache it for a year.
const ASSET_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.(js|css|svg|png|woff2|map)$/;

/** The first and last stored article's times (epoch ms), as web/state/data-span.ts reads them from a page. */
export interface DataSpan {
  first: number;
  last: number;
}

export interface WebDeps {
  /** The built dashboard folder; default dist/web next to server/. */
  webRoot?: string;
  log?: Logger;
  /** Where the stored articles lie; each page carries it, so "All" needs no probe before the first chart. */
  dataSpan?: () => Promise<DataSpan | null>;
}

/**
 * The page with the data's span in a meta element (the CSP forbids inline script): the dashboard's first chart
 * of "All" then asks for its days at once instead of first probing where the data is, a round trip in series.
 * Empty content means an empty store; no element (an older server) makes the page probe as before.
 */
export function withDataSpan(html: string, span: DataSpan | null): string {
  const content = span ? `${Math.trunc(span.first)} ${Math.trunc(span.last)}` : "";
  return html.replace("</head>", `<meta name="tidemark-data-span" content="${content}" />\n  </head>`);
}

/**
 * Serves the built dashboard: `/` is index.html and `/embed` the chart alone (embed/index.html), both
 * revalidated on every load, so a deploy shows at once, and `/assets/*` the hashed files (immutable). Asset names are matched against a strict pattern before any file
 * is read, so no path ever leaves the assets folder. Before a build, `/` says how to make one.
 */
export function webRoutes(deps: WebDeps = {}) {
  const root = deps.webRoot ?? DEFAULT_WEB_ROOT;
  const app = new Hono();

  // A failed read leaves the span out: the page then finds it with a probe, as it would from an older server.
  const spanOrNothing = async (): Promise<DataSpan | null | undefined> => {
    if (!deps.dataSpan) return undefined;
    try {
      return await deps.dataSpan();
    } catch (error) {
      deps.log?.warn({ err: error }, "the data span could not be read: pages go without it");
      return undefined;
    }
  };

  const page = (file: string, csp: string) => async (c: Context) => {
    let html: string;
    try {
      html = await readFile(join(root, file), "utf8");
    } catch {
      deps.log?.warn({ root }, "dashboard not built: its pages answer 503 until `npm run build:web`");
      return c.text(
        "The dashboard is not built yet: run `npm run build:web` (npm start does it for you).\n",
        503,
        {
          "Cache-Control": "no-store",
        },
      );
    }
    const span = await spanOrNothing();
    return c.html(span === undefined ? html : withDataSpan(html, span), 200, {
      "Content-Security-Policy": csp,
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
  };
  app.get("/", page("index.html", DASHBOARD_CSP));
  app.get("/embed", page("embed/index.html", EMBED_CSP));

  app.get("/assets/:name", async (c) => {
    const name = c.req.param("name");
    if (!ASSET_NAME.test(name)) return c.notFound();
    let body: Buffer;
    try {
      body = await readFile(join(root, "assets", name));
    } catch {
      return c.notFound();
    }
    return c.body(new Uint8Array(body), 200, {
      "Content-Type": TYPES[extname(name)] ?? "application/octet-stream",
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    });
  });

  return app;
}
