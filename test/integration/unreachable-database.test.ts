import { execFile } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A port that was free a moment ago: nothing listens there, so a connection is refused. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

describe("an unreachable database server", { timeout: 60_000 }, () => {
  it("stops the server at start with the host and the reason, not a failed migration query", async () => {
    const port = await closedPort();
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "server/index.ts"],
        {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: `libsql://127.0.0.1:${port}`, PORT: "0", LOG_LEVEL: "warn" },
          timeout: 50_000,
        },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`cannot reach the database server at 127.0.0.1:${port}`);
    expect(stderr).toContain("ECONNREFUSED");
    expect(stderr).not.toContain("Failed query");
    expect(stderr).not.toContain("__drizzle_migrations");
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("makes the CLI say the same in one line, without the auth token in the URL", async () => {
    const port = await closedPort();
    const result = await runCli(["feeds", "list"], {
      DATABASE_URL: `http://127.0.0.1:${port}?authToken=secret-token-value`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      // The CLI's one-line error form: `tidemark: COMMAND SUB: message`.
      `tidemark: feeds list: cannot reach the database server at 127.0.0.1:${port} (DATABASE_URL=http://127.0.0.1:${port}/): connect ECONNREFUSED 127.0.0.1:${port} (fetch failed)\n`,
    );
  });
});
