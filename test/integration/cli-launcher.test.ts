import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// The compiled side of `npm run cli` is run by the container test (test/integration/dockerfile.test.ts).
it("npm run cli runs the CLI from a checkout: the TypeScript sources, or a build of them when it is fresh", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-cli-launcher-"));
  try {
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        "npm",
        ["run", "--silent", "cli", "--", "db", "migrate"],
        {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: `file:${join(dir, "t.db")}`, LOG_LEVEL: "" },
          timeout: 60_000,
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("database is up to date\n");
    expect(result.code).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
