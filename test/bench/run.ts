import { mkdirSync, writeFileSync } from "node:fs";
import { arch, cpus, totalmem } from "node:os";
import { benchApi } from "./api.bench";
import { benchBlind } from "./blind.bench";
import { benchDashboard } from "./dashboard.bench";
import { benchEvidence } from "./evidence.bench";
import { benchHostile } from "./hostile.bench";
import { benchIngest } from "./ingest.bench";
import { printRows, type Row } from "./report";
import { benchRetag } from "./retag.bench";
import { benchSpikes } from "./spikes.bench";
import { benchStart } from "./start.bench";
import { benchStories } from "./stories.bench";
import { benchTagging } from "./tagging.bench";

/**
 * `npm run bench [ingest|hostile|tagging|blind|spikes|api|retag|stories|start|dashboard ...]`: every benchmark (or the named ones) in one run, printed as one table and written to bench-results/ as JSON.
 * Speed and memory targets are checked here, never by timed assertions in the tests.
 */
const benches: Array<[string, () => Promise<Row[]>]> = [
  ["ingest", benchIngest],
  ["hostile", benchHostile],
  // Speed, and precision and recall on the labeled sets a tuner may score.
  ["tagging", () => benchTagging()],
  // The frozen blind set of issue 9, per topic and per language: the lead's measure, never a tuner's.
  ["blind", benchBlind],
  // The spike rule over every series of a coverage answer, without the database.
  ["spikes", benchSpikes],
  // Builds (once, then reuses) a million-article database in bench-results/: minutes on first run.
  ["api", benchApi],
  // Builds (once, then reuses) a 100,000-article database in bench-results/.
  ["evidence", benchEvidence],
  // A retag of 100,000 articles in the real server while /api/health is polled: does the server stall?
  ["retag", benchRetag],
  // Story clustering: precision and recall on the labeled sets, and a million articles clustered within 300 MiB.
  ["stories", benchStories],
  // The production start: build, then time from process start to the first healthy answer.
  ["start", benchStart],
  // The dashboard in Chromium over the million-article database: bundle sizes, first chart, every redraw.
  ["dashboard", benchDashboard],
];

const only = process.argv.slice(2);
const rows: Row[] = [];
for (const [name, bench] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.error(`bench: ${name} ...`);
  rows.push(...(await bench()));
}
printRows(rows);

const machine = {
  node: process.version,
  arch: arch(),
  cpus: cpus().length,
  memGiB: Math.round(totalmem() / 2 ** 30),
};
mkdirSync("bench-results", { recursive: true });
const file = `bench-results/bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine, rows }, null, 2)}\n`);
console.error(`wrote ${file}`);
