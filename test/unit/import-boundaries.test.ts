import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The folders' import rules live in biome.json; this runs the real linter with that file over probe modules in a
 * scratch tree, so a rule that stops matching (a renamed folder, a typo in a pattern) fails here, not in review.
 */

const root = path.resolve(import.meta.dirname, "../..");
const biome = path.join(root, "node_modules/.bin/biome");

const cases: Array<{ file: string; imports: string; allowed: boolean }> = [
  { file: "jobs/ingest/probe.ts", imports: "../../server/app", allowed: false },
  { file: "jobs/ingest/probe.ts", imports: "../../web/api", allowed: false },
  { file: "jobs/ingest/probe.ts", imports: "../../core/time/time-zone", allowed: true },
  { file: "jobs/ingest/probe.ts", imports: "../../db/queries/feeds", allowed: true },
  { file: "core/probe.ts", imports: "../db/client", allowed: false },
  { file: "core/probe.ts", imports: "../jobs/seed/first-start", allowed: false },
  { file: "core/probe.ts", imports: "@libsql/client", allowed: false },
  { file: "core/probe.ts", imports: "undici", allowed: false },
  { file: "core/probe.ts", imports: "node:fs", allowed: false },
  { file: "core/probe.ts", imports: "./time/time-zone", allowed: true },
  { file: "db/queries/probe.ts", imports: "../../server/app", allowed: false },
  { file: "db/queries/probe.ts", imports: "../../jobs/seed/first-start", allowed: false },
  { file: "db/queries/probe.ts", imports: "../../core/coverage/regions", allowed: true },
  { file: "server/routes/probe.ts", imports: "../../jobs/seed/first-start", allowed: false },
  { file: "server/routes/probe.ts", imports: "../../core/urls/feed-url", allowed: true },
  { file: "server/index.ts", imports: "../jobs/seed/first-start", allowed: true },
  { file: "web/charts/probe.ts", imports: "../../server/app", allowed: false },
  { file: "web/charts/probe.ts", imports: "../../db/client", allowed: false },
  { file: "web/charts/probe.ts", imports: "../../core/time/time-buckets", allowed: true },
  { file: "web/api.ts", imports: "../server/app", allowed: true },
  { file: "web/api.ts", imports: "../server/routes/feeds", allowed: false },
];

type Case = (typeof cases)[number];

/**
 * Lints every case's probe module and returns, per case, the boundary errors it drew. Probes named probe.ts
 * share one scratch tree (renamed probe-N.ts) so biome runs a few times, not once per case; a case whose file
 * name is the point (server/index.ts, web/api.ts) gets a tree of its own.
 */
function lintProbes(scratch: string, all: readonly Case[]): string[][] {
  const errors: string[][] = all.map(() => []);
  const trees = new Map<string, Array<{ i: number; file: string }>>();
  all.forEach(({ file }, i) => {
    const shared = file.endsWith("/probe.ts");
    const tree = shared ? "shared" : `own-${i}`;
    const list = trees.get(tree) ?? [];
    list.push({ i, file: shared ? file.replace(/probe\.ts$/, `probe-${i}.ts`) : file });
    trees.set(tree, list);
  });
  for (const [tree, probes] of trees) {
    const dir = path.join(scratch, tree);
    mkdirSync(dir, { recursive: true });
    copyFileSync(path.join(root, "biome.json"), path.join(dir, "biome.json"));
    for (const { i, file } of probes) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      const source = `import type * as probe from "${all[i]!.imports}";\nexport type Probe = typeof probe;\n`;
      writeFileSync(path.join(dir, file), source);
    }
    for (const d of runBiome(dir)) {
      const probe = probes.find((p) => p.file === d.path);
      if (probe) errors[probe.i]!.push(d.message);
    }
  }
  return errors;
}

function runBiome(cwd: string): Array<{ path: string; message: string }> {
  let stdout: string;
  try {
    stdout = execFileSync(biome, ["lint", "--reporter=json", "--max-diagnostics=1000", "."], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch (error) {
    // biome exits 1 when it reports an error; the report is still on stdout.
    stdout = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(stdout) as {
    diagnostics: Array<{ category: string; message: string; location: { path: string } }>;
  };
  return report.diagnostics
    .filter((d) => d.category === "lint/style/noRestrictedImports")
    .map((d) => ({ path: d.location.path, message: d.message }));
}

let scratch: string;
let errors: string[][];

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "tidemark-boundaries-"));
  errors = lintProbes(scratch, cases);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the linter keeps each folder in its room", () => {
  it.each(cases.map((c, i) => ({ ...c, i })))(
    "$file importing $imports is allowed: $allowed",
    ({ allowed, i }) => {
      if (allowed) expect(errors[i]).toEqual([]);
      else expect(errors[i]).toHaveLength(1);
    },
  );
});
