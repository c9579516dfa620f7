import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, type Row } from "./report";

const RUNS = 5;
/** The production start's target (issue 13): from process start to the first healthy answer. */
const TARGET_MS = 2_000;

/**
 * Time from process start to the first 200 of /api/health, on a seeded database: the compiled server started by
 * node as the Dockerfile's CMD does, and `npm start` (npm, the build freshness check, then the same). The first
 * start of an empty database (migrations, the bundled sample) is measured once beside them.
 */
export async function benchStart(): Promise<Row[]> {
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  const dir = mkdtempSync(join(tmpdir(), "tidemark-start-"));
  const env = {
    ...process.env,
    DATABASE_URL: `file:${join(dir, "tidemark.db")}`,
    PORT: "3991",
    TIDEMARK_SCHEDULE: "off",
    TIDEMARK_DEFAULT_FEEDS: "0",
    LOG_LEVEL: "warn",
  };
  try {
    const firstStart = await timeToHealthy(["node", "dist/server.js"], env);
    const node: number[] = [];
    const npm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      node.push(await timeToHealthy(["node", "dist/server.js"], env));
      npm.push(await timeToHealthy(["npm", "start", "--silent"], env));
    }
    const note = (ms: number) =>
      ms < TARGET_MS ? `under the ${TARGET_MS} ms target` : `OVER the ${TARGET_MS} ms target`;
    return [
      {
        bench: "start",
        metric: "node dist/server.js to first /api/health 200 (median)",
        value: median(node),
        unit: "ms",
        note: note(median(node)),
      },
      {
        bench: "start",
        metric: "npm start to first /api/health 200 (median)",
        value: median(npm),
        unit: "ms",
        note: note(median(npm)),
      },
      {
        bench: "start",
        metric: "first start of an empty database (migrate, sample) to 200",
        value: firstStart,
        unit: "ms",
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timeToHealthy(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child: ChildProcess = spawn(argv[0]!, argv.slice(1), { env, stdio: "ignore", detached: true });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${env.PORT}/api/health`);
        if (response.ok) return performance.now() - started;
      } catch {
        // Not listening yet.
      }
      if (performance.now() - started > 60_000) throw new Error(`${argv.join(" ")} never answered`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    // npm start runs node under npm (and sh): end the whole group this bench started.
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
