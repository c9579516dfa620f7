// Whether dist/ holds a build of the sources as they are now: `npm start` builds first when it does not, and
// `npm run cli` runs the compiled CLI only when it does. Plain JavaScript, as it runs before anything is compiled
// and where only production dependencies are installed.
import { readdir, stat, writeFile } from "node:fs/promises";

export const ROOT = new URL("../", import.meta.url);
/** Written last by a build that finished, so a half-done build is never taken for a fresh one. */
export const BUILD_STAMP = "dist/.build-stamp";

// Everything that goes into dist/: the sources of both builds, the files copied beside the bundles, the configs.
const INPUTS = ["core", "db", "jobs", "server", "web", "package.json", "package-lock.json", "vite.config.ts"];

async function newestChange(path) {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory()) continue;
    newest = Math.max(newest, (await stat(`${entry.parentPath}/${entry.name}`)).mtimeMs);
  }
  return newest;
}

/** "missing", "stale" (a source changed after the last build) or "fresh". */
export async function buildState(root = ROOT) {
  let built;
  try {
    built = (await stat(new URL(BUILD_STAMP, root))).mtimeMs;
  } catch {
    return "missing";
  }
  for (const input of INPUTS) {
    try {
      if ((await newestChange(new URL(input, root))) > built) return "stale";
    } catch {
      // An input a production image leaves out (web/ sources, say) cannot be newer than the build.
    }
  }
  return "fresh";
}

export async function writeBuildStamp() {
  await writeFile(new URL(BUILD_STAMP, ROOT), `${new Date().toISOString()}\n`);
}
