import { describe, expect, it } from "vitest";
import { queryLimits } from "../../../core/tagging/query-ast";
import { formatQuery } from "../../../core/tagging/query-format";
import { parseQuery, QueryError } from "../../../core/tagging/query-parser";

const term = (value: string, position: number, lead = false, trail = false) => ({
  type: "term",
  value,
  leadingWildcard: lead,
  trailingWildcard: trail,
  position,
});

function errorOf(query: string): QueryError {
  try {
    parseQuery(query);
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
  throw new Error(`"${query}" parsed`);
}

describe("parseQuery", () => {
  it("joins adjacent terms with an implicit AND", () => {
    expect(parseQuery("deepseek model")).toEqual({
      type: "and",
      children: [term("deepseek", 0), term("model", 9)],
    });
  });

  it("binds AND tighter than OR", () => {
    expect(formatQuery(parseQuery("a b OR c AND d"))).toBe("a AND b OR c AND d");
    expect(parseQuery("a b OR c").type).toBe("or");
  });

  it("treats lower-case and, or, not as plain terms", () => {
    expect(parseQuery("rock and roll")).toEqual({
      type: "and",
      children: [term("rock", 0), term("and", 5), term("roll", 9)],
    });
  });

  it("reads quoted phrases, groups and NOT", () => {
    expect(parseQuery('deepseek NOT ("open weights" OR mit)')).toEqual({
      type: "and",
      children: [
        term("deepseek", 0),
        {
          type: "not",
          child: {
            type: "or",
            children: [{ type: "phrase", value: "open weights", position: 14 }, term("mit", 32)],
          },
        },
      ],
    });
  });

  it("reads leading, trailing and double wildcards", () => {
    expect(parseQuery("chip*")).toEqual(term("chip", 0, false, true));
    expect(parseQuery("*aktie")).toEqual(term("aktie", 0, true, false));
    expect(parseQuery("*chip*")).toEqual(term("chip", 0, true, true));
  });

  it("reads NEAR/n, defaulting bare NEAR to 5", () => {
    expect(parseQuery("deepseek NEAR/3 model")).toEqual({
      type: "near",
      distance: 3,
      left: term("deepseek", 0),
      right: term("model", 16),
    });
    expect(parseQuery("a NEAR b")).toMatchObject({ type: "near", distance: 5 });
  });

  it("scopes a term or a group to the title", () => {
    expect(parseQuery("title:nvidia")).toEqual({ type: "field", field: "title", child: term("nvidia", 6) });
    expect(parseQuery("Title:(a OR b)")).toMatchObject({
      type: "field",
      field: "title",
      child: { type: "or" },
    });
  });

  it("formats back to text that parses to the same query", () => {
    for (const query of [
      'title:(a OR "b c") NEAR/4 *dd* NOT (e OR f g)',
      "NOT NOT a b",
      "(a OR b) (c OR d)",
      "a NEAR/2 (b OR c) OR summary:x",
    ]) {
      const once = formatQuery(parseQuery(query));
      expect(formatQuery(parseQuery(once))).toBe(once);
    }
  });
});

describe("parseQuery errors", () => {
  const cases: [string, number, string][] = [
    ["deepseek AND (r1 ))", 18, 'unexpected ")"'],
    ["(deepseek OR r1", 0, 'unclosed "("'],
    ["deepseek AND", 12, 'expected a term after "AND"'],
    ["a OR", 4, 'expected a term after "OR"'],
    ["a ()", 2, 'empty group "()"'],
    ['nvidia "market value', 7, "unterminated phrase"],
    ['a ""', 2, "empty phrase"],
    ["chi*p", 0, '"*" may only start or end a term'],
    ["a *", 2, 'term "*" has no letters or digits'],
    ["x*", 0, "needs at least 2 characters"],
    ["u.s*", 0, "may hold only letters, digits and hyphens"],
    ["a NEAR/0 b", 2, "NEAR distance must be a whole number from 1 to 100"],
    ["a NEAR/x b", 2, "NEAR distance"],
    ["a NEAR/5", 8, 'expected a term after "NEAR/5"'],
    ["author:smith", 0, 'unknown field "author"'],
    ["NOT a", 0, "query would match articles without any of its terms"],
    ["a OR NOT b", 0, "query would match articles without any of its terms"],
    ["", 0, "empty query"],
    ["   ", 0, "empty query"],
  ];
  for (const [query, position, message] of cases) {
    it(`rejects ${JSON.stringify(query)} at position ${position}`, () => {
      const error = errorOf(query);
      expect(error.position).toBe(position);
      expect(error.message).toContain(message);
      expect(error.message).toMatch(new RegExp(`at position ${position}$`));
    });
  }

  it("limits query length, nesting and term count", () => {
    expect(errorOf("a ".repeat(queryLimits.maxLength)).message).toContain("longer than");
    expect(errorOf(`${"(".repeat(40)}a${")".repeat(40)}`).message).toContain("nests deeper");
    expect(
      errorOf(Array.from({ length: queryLimits.maxTerms + 1 }, (_, i) => `t${i}`).join(" OR ")).message,
    ).toContain("more than");
  });
});
