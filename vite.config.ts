import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const web = (path: string) => fileURLToPath(new URL(`./web/${path}`, import.meta.url));

/**
 * The dashboard: web/ built into dist/web, which server/static-web.ts serves. Two pages, each its own entry:
 * `/` (index.html) and the read-only chart for iframes, `/embed` (embed/index.html), whose bundle takes only
 * the chart code the two share, never the dashboard's panels.
 */
export default defineConfig({
  root: web(""),
  base: "/",
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    // The Content-Security-Policy forbids inline script, so nothing may be inlined into index.html.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: "es2022",
    reportCompressedSize: true,
    rolldownOptions: {
      input: { main: web("index.html"), embed: web("embed/index.html") },
    },
  },
});
