import { describe, expect, it } from "vitest";
import { errorPosition, queryErrorExcerpt } from "../../../web/topics/query-error";

describe("queryErrorExcerpt", () => {
  it("splits the query around the character the server named, with its line and column", () => {
    expect(queryErrorExcerpt("deepseek AND (r1 OR", 14)).toEqual({
      before: "deepseek AND (",
      at: "r",
      after: "1 OR",
      line: 1,
      column: 15,
    });
  });

  it("marks the end when the query ended where the term was expected", () => {
    const e = queryErrorExcerpt("deepseek AND (r1 OR", 19);
    expect(e).toMatchObject({ before: "deepseek AND (r1 OR", at: "", after: "", column: 20 });
  });

  it("stays on the error's line of a query written over several lines", () => {
    const query = "deepseek\nAND (r1 OR ))\nOR nvidia";
    const e = queryErrorExcerpt(query, query.indexOf(")"));
    expect(e).toEqual({ before: "AND (r1 OR ", at: ")", after: ")", line: 2, column: 12 });
  });

  it("cuts a long line to about 40 characters each side", () => {
    const query = `${"a OR ".repeat(40)}) ${"b OR ".repeat(40)}b`;
    const e = queryErrorExcerpt(query, 200);
    expect(e.at).toBe(")");
    expect(e.before.startsWith("…")).toBe(true);
    expect(e.after.endsWith("…")).toBe(true);
    expect(e.before.length).toBe(41);
  });

  it("clips a position outside the query instead of throwing", () => {
    expect(queryErrorExcerpt("abc", 99)).toMatchObject({ before: "abc", at: "" });
    expect(queryErrorExcerpt("abc", -3)).toMatchObject({ before: "", at: "a" });
  });
});

describe("errorPosition", () => {
  it("reads the position of a query error's details, and nothing else", () => {
    expect(errorPosition({ position: 7 })).toBe(7);
    expect(errorPosition({ position: "7" })).toBeNull();
    expect(errorPosition([{ path: "query", message: "x" }])).toBeNull();
    expect(errorPosition(undefined)).toBeNull();
  });
});
