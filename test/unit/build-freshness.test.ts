import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { BUILD_STAMP, buildState } from "../../scripts/build-freshness.mjs";

describe("the build's freshness, which decides whether npm start builds first", () => {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-freshness-"));
  const root = pathToFileURL(`${dir}/`);
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (path: string, secondsAgo: number) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), "x");
    const at = Date.now() / 1000 - secondsAgo;
    // The file and the folders it made: a folder's time changes when a file is added to or removed from it.
    for (let part = path; part !== "."; part = dirname(part)) utimesSync(join(dir, part), at, at);
  };

  it("is missing without a finished build, fresh after one, stale once a source changes", async () => {
    write("core/config.ts", 100);
    write("server/routes/health.ts", 100);
    expect(await buildState(root)).toBe("missing");
    write(BUILD_STAMP, 50);
    expect(await buildState(root)).toBe("fresh");
    write("server/routes/health.ts", 10);
    expect(await buildState(root)).toBe("stale");
    write(BUILD_STAMP, 0);
    write("package-lock.json", 0);
    utimesSync(join(dir, "package-lock.json"), Date.now() / 1000 + 5, Date.now() / 1000 + 5);
    expect(await buildState(root)).toBe("stale");
  });

  it("is fresh in a production image that carries dist/ but none of the sources", async () => {
    write(BUILD_STAMP, 0);
    expect(await buildState(root)).toBe("fresh");
  });
});
