// `npm start` runs this first: build when dist/ is missing or older than the sources, so `npm install && npm start`
// on a fresh clone works in one step and an edited checkout never serves an old build. A production install
// (`npm ci --omit=dev` after `npm run build`) has no build tools and needs none while the build is fresh.
import { spawnSync } from "node:child_process";
import { buildState } from "./build-freshness.mjs";

const state = await buildState();
if (state !== "fresh") {
  const hasBuildTools = await import("esbuild").then(
    () => true,
    () => false,
  );
  if (hasBuildTools) {
    console.error(
      state === "missing" ? "no build in dist/: building" : "sources changed since the last build: building",
    );
    const run = spawnSync(process.execPath, [new URL("build.mjs", import.meta.url).pathname], {
      stdio: "inherit",
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
  } else if (state === "missing") {
    console.error("no build in dist/ and no build tools: run `npm install && npm run build` first");
    process.exit(1);
  } else {
    console.error(
      "sources changed since the last build, but the build tools are not installed: starting the old build",
    );
  }
}
