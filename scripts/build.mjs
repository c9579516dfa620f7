// `npm run build`: the server, the CLI and the worker threads compiled to JavaScript in dist/, and the dashboard
// built by Vite into dist/web. Then `npm start` runs node on dist/ and needs production dependencies only.
//
// esbuild, not tsc: the sources import each other without extensions (moduleResolution Bundler), which Node's
// ESM loader refuses, and tsc does not add them. Bundling also makes start-up one file read instead of ~300.
// Most packages stay external, resolved from node_modules at run time as in development: libSQL's native binary,
// pino's transport threads, and the server's and mailer's libraries load exactly as they do from source. The
// pure-JavaScript ESM packages the CLI's ingest loads before its first claim are bundled (BUNDLED below): Node's
// ESM loader resolved and read drizzle-orm's hundreds of files one by one, ~50 ms of every CLI start. (Not zod:
// @hono/zod-openapi extends its own copy, and the API's schemas must come from that one.)
//
// Layout contract: a few modules find files beside themselves through import.meta.url, which in a bundle is the
// bundle's own file. Entries and shared chunks therefore all sit directly in dist/, with the files they look for:
//   db/migrate.ts           ./migrations        -> dist/migrations   (copied)
//   jobs/sample/*.ts        ./feeds/            -> dist/feeds        (copied)
//   jobs/topics/...client   ./topic-worker.js   -> dist/topic-worker.js (an entry)
//   jobs/ingest/...client   ./document-worker.js -> dist/document-worker.js (an entry)
//   jobs/ingest/...client   ./ingest-worker.js  -> dist/ingest-worker.js (an entry)
//   server/reads/read-pool  ./read-worker.js    -> dist/read-worker.js (an entry)
//   server/static-web.ts    ../dist/web         -> dist/web          (vite's output)
import { cp, readFile, rm } from "node:fs/promises";
import { build } from "esbuild";
import { build as buildWeb } from "vite";
import { BUILD_STAMP, ROOT, writeBuildStamp } from "./build-freshness.mjs";

const dist = new URL("dist/", ROOT);
/** Production dependencies compiled into dist/ (pure JavaScript, no files of their own found at run time). */
const BUNDLED = ["drizzle-orm", "croner", "entities", "@orama/stemmers", "opencc-js"];
const { dependencies } = JSON.parse(await readFile(new URL("package.json", ROOT), "utf8"));
const external = Object.keys(dependencies)
  .filter((name) => !BUNDLED.includes(name))
  .flatMap((name) => [name, `${name}/*`]);

await Promise.all(
  ["migrations", "feeds"].map((dir) => rm(new URL(dir, dist), { recursive: true, force: true })),
);
await rm(new URL(BUILD_STAMP, ROOT), { force: true });
const result = await build({
  absWorkingDir: new URL(".", ROOT).pathname,
  entryPoints: {
    server: "server/index.ts",
    cli: "jobs/cli.ts",
    "topic-worker": "jobs/topics/topic-worker.ts",
    "document-worker": "jobs/ingest/document-worker.ts",
    "ingest-worker": "jobs/ingest/ingest-worker.ts",
    "read-worker": "server/reads/read-worker.ts",
  },
  outdir: "dist",
  bundle: true,
  splitting: true,
  chunkNames: "chunk-[hash]",
  format: "esm",
  platform: "node",
  // The oldest Node the project supports (package.json engines).
  target: "node20.19",
  external,
  sourcemap: true,
  logLevel: "warning",
  metafile: true,
});
await cp(new URL("db/migrations/", ROOT), new URL("migrations/", dist), { recursive: true });
await cp(new URL("jobs/sample/feeds/", ROOT), new URL("feeds/", dist), { recursive: true });
await buildWeb({ configFile: new URL("vite.config.ts", ROOT).pathname, logLevel: "warn" });
await writeBuildStamp();
const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith(".js"));
console.log(`built ${files.length} server files and the dashboard in dist/`);
