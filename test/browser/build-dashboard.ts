import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";

/**
 * Builds web/ with the project's vite.config.ts into a folder of its own, never dist/web, so a test run and
 * `npm start` (or two test runs) never overwrite each other's build.
 */
export async function buildDashboard(): Promise<{ dir: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-web-"));
  await build({
    configFile: join(import.meta.dirname, "../../vite.config.ts"),
    logLevel: "warn",
    build: { outDir: dir, emptyOutDir: true, reportCompressedSize: false },
  });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
