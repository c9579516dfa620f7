import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/** The dashboard: web/ built into dist/web, which server/static-web.ts serves at /. */
export default defineConfig({
  root: fileURLToPath(new URL("./web", import.meta.url)),
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
  },
});
