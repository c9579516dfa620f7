import { describe, expect, it } from "vitest";
import { jsonParam } from "../../db/queries/json-param";

describe("jsonParam", () => {
  it("replaces lone surrogates at any depth and keeps pairs", () => {
    const text = jsonParam([1, "a\uD800b", { t: "\uDC00", ok: "😀" }]);
    expect(JSON.parse(text)).toEqual([1, "a\uFFFDb", { t: "\uFFFD", ok: "😀" }]);
    expect(text).not.toMatch(/\\ud[89a-f]/i);
  });
});
