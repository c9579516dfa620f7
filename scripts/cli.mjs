// `npm run cli`: the compiled CLI when dist/ holds a build of the current sources, else the TypeScript sources
// through tsx (development). A production install has no tsx and runs the build it has.
import { existsSync } from "node:fs";
import { buildState } from "./build-freshness.mjs";

const compiled = new URL("../dist/cli.js", import.meta.url);
const fresh = (await buildState()) === "fresh";
const tsx = fresh ? undefined : await import("tsx/esm/api").catch(() => undefined);
let cli;
if (tsx) {
  tsx.register();
  cli = await import("../jobs/cli.ts");
} else if (existsSync(compiled)) {
  cli = await import(compiled.href);
} else {
  console.error("no build in dist/ and no tsx: run `npm install && npm run build` first");
  process.exit(2);
}
process.exit(await cli.runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }));
