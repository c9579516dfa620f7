import { describe, expect, it } from "vitest";
import { jsonParam } from "../../db/queries/json-param";

describe("jsonParam", () => {
  it("replaces lone surrogates at any depth and keeps pairs", () => {
    const text = jsonParam([1, "a\uD800b", { t: "\uDC00", ok: "😀" }]);
    expect(JSON.parse(text)).toEqual([1, "a\uFFFDb", { t: "\uFFFD", ok: "😀" }]);
    expect(text).not.toMatch(/\\ud[89a-f]/i);
  });

  it("keeps text that only looks like an escape, and well-formed text, as JSON.stringify writes it", () => {
    const value = [["\\ud800 is how a lone surrogate is written", "ü 英伟达 😀", 3, null]];
    expect(jsonParam(value)).toBe(JSON.stringify(value));
    expect(JSON.parse(jsonParam(value))).toEqual(value);
  });
});
