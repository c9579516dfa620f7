import { describe, expect, it } from "vitest";
import { compileTopics, validateQuery } from "../../../core/tagging/compile";
import { defaultConceptDefinitions } from "../../../core/tagging/default-matcher";
import { defaultTopics } from "../../../core/tagging/default-topics";
import { QueryError, queryLimits } from "../../../core/tagging/query-ast";
import { parseQuery } from "../../../core/tagging/query-parser";

function errorOf(query: string): QueryError {
  try {
    validateQuery(query);
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(query.slice(0, 40))} to be refused`);
}

describe("what a query may hold", () => {
  it("refuses control characters and unassigned code points, naming their position", () => {
    expect(errorOf("nvidia\u0000 chips").position).toBe(6);
    expect(errorOf("nvidia \u0007").message).toContain("U+0007");
    expect(errorOf("ab \u{E0080}").position).toBe(3);
    expect(errorOf("a \ud800 b").message).toContain("U+D800");
    expect(() => validateQuery("nvidia\tchips\r\nshares")).not.toThrow();
  });

  it("limits NEAR operators and counts each link of a chain as a level of nesting", () => {
    const chain = (n: number) => Array.from({ length: n + 1 }, (_, i) => `t${i}`).join(" NEAR ");
    expect(() => validateQuery(chain(queryLimits.maxDepth))).not.toThrow();
    expect(errorOf(chain(queryLimits.maxDepth + 1)).message).toContain("nests deeper");
    const manyNears = Array.from({ length: queryLimits.maxNear + 1 }, (_, i) => `(a${i} NEAR b${i})`).join(
      " OR ",
    );
    expect(errorOf(manyNears).message).toContain(`more than ${queryLimits.maxNear} NEAR`);
  });

  it("limits wildcard terms, in phrases too", () => {
    const terms = (n: number) => Array.from({ length: n }, (_, i) => `w${i}x*`);
    expect(() => validateQuery(terms(queryLimits.maxWildcards).join(" OR "))).not.toThrow();
    expect(errorOf(terms(queryLimits.maxWildcards + 1).join(" OR ")).message).toContain("wildcard terms");
    const phrases = terms(queryLimits.maxWildcards + 1).map((t) => `"open ${t}"`);
    expect(errorOf(phrases.join(" OR ")).message).toContain("wildcard terms");
  });

  it("validates by compiling: what the parser refuses is refused, the default topics pass", () => {
    expect(() => parseQuery("nvidia OR ·")).toThrow(QueryError);
    expect(errorOf("nvidia OR ·").message).toContain("has no letters");
    for (const topic of defaultTopics)
      expect(() => validateQuery(topic.query, defaultConceptDefinitions()), topic.slug).not.toThrow();
  });
});

describe("a topic that does not compile", () => {
  const good = { slug: "good", query: "nvidia" };
  const bad = { slug: "bad", query: "nvidia\u0000" };

  it("stops a strict compilation with its error", () => {
    expect(() => compileTopics([good, bad])).toThrow(QueryError);
  });

  it("is skipped and listed when broken topics are skipped, while the others still tag", () => {
    const matcher = compileTopics([bad, good], { skipBroken: true });
    expect(matcher.broken).toEqual([{ slug: "bad", error: expect.stringContaining("U+0000") }]);
    expect(matcher.match({ title: "Nvidia falls", summary: "" }).map((m) => m.slug)).toEqual(["good"]);
  });
});
