import { createConfig, lintFromString, type NormalizedProblem } from "@redocly/openapi-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";

/** "error operation-operationId at #/paths/~1api~1feeds/get: Operation object should contain `operationId` field." */
function describeProblem(problem: NormalizedProblem): string {
  const where = problem.location.map((l) => l.pointer).join(", ");
  return `${problem.severity} ${problem.ruleId} at ${where}: ${problem.message}`;
}

describe("OpenAPI document", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
  });
  afterEach(() => s.t.destroy());

  it("passes Redocly's recommended rules with no error", async () => {
    const source = await (await s.app.request("/api/openapi.json")).text();
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source, absoluteRef: "openapi.json", config });
    const errors = problems.filter((p) => p.severity === "error");
    const warnings = problems.filter((p) => p.severity === "warn");
    expect(errors.map(describeProblem).join("\n"), `${warnings.length} warnings besides`).toBe("");
  });
});
