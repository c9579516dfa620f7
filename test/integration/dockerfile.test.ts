import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  commandArgv,
  type DockerStage,
  envPairs,
  healthcheckCommand,
  readDockerfile,
} from "../helpers/dockerfile-steps";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * No container engine runs here, so this test is the Dockerfile's check: it runs every step of the build stage
 * (npm ci, the build, the prune to production dependencies) in a copy of the repository, assembles the runtime
 * stage from what its COPY lines name, starts its CMD with its ENV, and asks the server and the HEALTHCHECK.
 * What it cannot do is be a container: the user switch and the volume are the engine's.
 */
describe("the Dockerfile's steps", () => {
  const work = mkdtempSync(join(tmpdir(), "tidemark-docker-"));
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill("SIGKILL");
    rmSync(work, { recursive: true, force: true });
  });

  it("build a production install that serves the dashboard and answers /api/health and the HEALTHCHECK", async () => {
    const stages = readDockerfile(join(ROOT, "Dockerfile"));
    expect(stages.map((s) => s.name)).toEqual(["build", undefined]);
    const [buildStage, runtimeStage] = stages as [DockerStage, DockerStage];
    expect(runtimeStage.instructions[0]!.args).toMatch(/^node:26-slim$/);

    const context = join(work, "context");
    copyBuildContext(context);
    const buildRoot = join(work, "build");
    const buildEnv = runStage(buildStage, buildRoot, { context, stages: {} });
    expect(buildEnv.workdir).toBe(join(buildRoot, "app"));

    const runtimeRoot = join(work, "runtime");
    const runtime = runStage(runtimeStage, runtimeRoot, { context, stages: { build: buildRoot } });
    const app = runtime.workdir;
    // Production dependencies only: the build tools stayed in the build stage.
    expect(existsSync(join(app, "node_modules/@libsql/client"))).toBe(true);
    for (const devTool of ["vite", "tsx", "esbuild", "typescript", "vitest"]) {
      expect(existsSync(join(app, "node_modules", devTool)), devTool).toBe(false);
    }

    const port = await freePort();
    const env = {
      ...process.env,
      ...runtime.env,
      // The container's /data is the runtime root's; it listens on loopback here, and fetches nothing.
      DATABASE_URL: runtime.env.DATABASE_URL!.replace("file:/data/", `file:${join(runtimeRoot, "data")}/`),
      HOST: "127.0.0.1",
      PORT: String(port),
      TIDEMARK_SCHEDULE: "off",
      LOG_LEVEL: "warn",
    };
    // The container runs what `npm start` runs.
    const start = (
      JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }
    ).scripts.start;
    expect(runtime.cmd).toEqual(start.split(" "));
    server = spawn(runtime.cmd[0]!, runtime.cmd.slice(1), {
      cwd: app,
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    const health = await waitForHealth(port, 60_000);
    expect(health).toMatchObject({ status: "ok", db: "ok" });

    const check = spawnExit(runtime.healthcheck!, { cwd: app, env });
    expect(await check).toBe(0);
    const articles = (await (await fetch(`http://127.0.0.1:${port}/api/articles?limit=1`)).json()) as {
      items: unknown[];
    };
    expect(articles.items).toHaveLength(1);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(await page.text()).toContain("<script");
    // The compiled CLI, as `docker exec ... npm run cli -- topics list` runs it.
    const topics = execFileSync("npm", ["run", "--silent", "cli", "--", "topics", "list"], { cwd: app, env });
    expect(topics.toString()).toContain("r1-release");
  }, 600_000);
});

/** The repository as `docker build .` sees it: the files git knows, less what .dockerignore leaves out. */
function copyBuildContext(to: string): void {
  // .dockerignore holds folder names and `*.ext` patterns only; a checkout's node_modules may be a symlink
  // that git does not ignore, and copying it would let the steps below prune the real install.
  const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8").split("\n").filter(Boolean);
  const isIgnored = (file: string) =>
    ignored.some((pattern) =>
      pattern.startsWith("*") ? file.endsWith(pattern.slice(1)) : file.split("/")[0] === pattern,
    );
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: ROOT,
  })
    .toString()
    .split("\0")
    .filter((file) => file !== "" && !isIgnored(file) && existsSync(join(ROOT, file)))
    .filter((file) => !lstatSync(join(ROOT, file)).isSymbolicLink());
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    // Docker's COPY keeps modification times; the build's freshness check depends on them.
    cpSync(join(ROOT, file), join(to, file), { preserveTimestamps: true });
  }
}

interface StageResult {
  workdir: string;
  env: Record<string, string>;
  cmd: string[];
  healthcheck: string[] | undefined;
}

/** Runs one stage's instructions with `root` standing for the image's `/`. */
function runStage(
  stage: DockerStage,
  root: string,
  sources: { context: string; stages: Record<string, string> },
): StageResult {
  const result: StageResult = { workdir: root, env: {}, cmd: [], healthcheck: undefined };
  const inImage = (path: string) => (isAbsolute(path) ? join(root, path) : join(result.workdir, path));
  for (const { keyword, args } of stage.instructions) {
    switch (keyword) {
      case "FROM":
      case "EXPOSE":
      case "VOLUME":
      case "USER":
        break;
      case "WORKDIR":
        result.workdir = inImage(args);
        mkdirSync(result.workdir, { recursive: true });
        break;
      case "ENV":
        for (const [name, value] of envPairs(args)) result.env[name] = value;
        break;
      case "COPY": {
        const words = args.split(/\s+/);
        const from = words.find((w) => w.startsWith("--from="))?.slice("--from=".length);
        const paths = words.filter((w) => !w.startsWith("--"));
        const rawDest = paths.pop()!;
        const dest = inImage(rawDest);
        const base = from ? sources.stages[from] : sources.context;
        if (!base) throw new Error(`COPY from an unknown stage: ${args}`);
        for (const source of paths) {
          // Docker's rules: a folder's contents go into the destination; a file goes into it when it names a
          // folder (a trailing slash, or several sources), else becomes it.
          const path = join(base, source);
          const intoFolder = !statSync(path).isDirectory() && (rawDest.endsWith("/") || paths.length > 1);
          cpSync(path, intoFolder ? join(dest, basename(source)) : dest, {
            recursive: true,
            preserveTimestamps: true,
          });
        }
        break;
      }
      case "RUN":
        if (stage.name === undefined) {
          // The runtime stage may only prepare the volume's mount point: anything else would go untested here.
          expect(args).toBe("mkdir -p /data && chown node:node /data");
          mkdirSync(join(root, "data"), { recursive: true });
          break;
        }
        execFileSync(commandArgv(args)[0]!, commandArgv(args).slice(1), {
          cwd: result.workdir,
          // The npm cache that CI's own `npm ci` filled: the same packages without the network.
          env: { ...process.env, ...result.env, npm_config_prefer_offline: "true" },
          stdio: ["ignore", "ignore", "inherit"],
        });
        break;
      case "CMD":
        result.cmd = commandArgv(args);
        break;
      case "HEALTHCHECK":
        result.healthcheck = healthcheckCommand(args);
        break;
      default:
        throw new Error(`the container test does not know ${keyword}: teach it before using it`);
    }
  }
  return result;
}

function spawnExit(argv: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<number | null> {
  return new Promise((resolve) => {
    spawn(argv[0]!, argv.slice(1), { ...options, stdio: "ignore" }).on("exit", resolve);
  });
}

async function waitForHealth(port: number, timeoutMs: number): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return await response.json();
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error("the server did not answer /api/health");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}
