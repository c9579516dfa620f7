import { describe, expect, it } from "vitest";
import { compileTopics, validateConcept, validateQuery } from "../../../core/tagging/compile";
import { conceptNamesIn, countConceptTerms } from "../../../core/tagging/concepts";
import {
  CONCEPT_LANGUAGES,
  defaultConcepts,
  placeTerm,
  regionNames,
} from "../../../core/tagging/default-concepts";
import { conceptLimits, QueryError, queryLimits } from "../../../core/tagging/query-ast";
import { formatQuery } from "../../../core/tagging/query-format";
import { parseQuery } from "../../../core/tagging/query-parser";

const concepts = [
  { name: "global-south", query: 'Angola OR Luanda OR "Côte d’Ivoire" OR Fiji OR =niger' },
  { name: "chips", query: "chip OR semiconductor* OR 芯片" },
];
const error = (run: () => unknown): QueryError => {
  try {
    run();
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
  throw new Error("expected a QueryError");
};

describe("concepts in the query language", () => {
  it("parses @name as one term, in any place a term may stand, and writes it back", () => {
    const node = parseQuery("deepseek AND title:@Global-South");
    expect(node).toEqual({
      type: "and",
      children: [
        expect.objectContaining({ type: "term", value: "deepseek" }),
        { type: "field", field: "title", child: { type: "concept", name: "global-south", position: 19 } },
      ],
    });
    expect(formatQuery(parseQuery("(@chips OR gpu) NEAR/3 @global-south"))).toBe(
      "(@chips OR gpu) NEAR/3 @global-south",
    );
    expect(conceptNamesIn("@chips AND (@global-south OR @chips)")).toEqual(["chips", "global-south"]);
    expect(conceptNamesIn('@chips AND "unclosed')).toEqual(["chips"]);
  });

  it("an unknown @name is a QueryError naming its position, in validation and in compiling", () => {
    const e = error(() => validateQuery("deepseek AND @nowhere", concepts));
    expect(e.message).toBe('unknown concept "@nowhere" at position 13');
    expect(e.position).toBe(13);
    expect(() => compileTopics([{ slug: "a", query: "@chips" }])).toThrow(/unknown concept "@chips"/);
    expect(error(() => parseQuery("a AND @Bad_Name")).message).toMatch(
      /is not a concept name .* at position 6$/,
    );
    expect(error(() => parseQuery("@chips*")).position).toBe(0);
    expect(error(() => parseQuery("ai =@chips")).message).toBe(
      'a concept cannot be marked exact ("=@chips") at position 3',
    );
  });

  it("a concept's own text must parse, may not use another concept, and has its own limits", () => {
    expect(error(() => validateConcept("chip OR @china")).message).toBe(
      'a concept cannot use another concept ("@china") at position 8',
    );
    const unclosed = error(() => validateConcept("chip OR (gpu"));
    expect(unclosed.position).toBe(8);
    expect(unclosed.param).toBe("terms");
    const many = Array.from({ length: 5_000 }, (_, i) => `w${i}x`).join(" OR ");
    // Too many terms for a topic's query, fine for a concept, and a topic using it counts it as one term.
    expect(() => validateQuery(many)).toThrow(/longer than|more than 2000 terms/);
    expect(() => validateConcept(many)).not.toThrow();
    expect(countConceptTerms(many)).toBe(5_000);
    const big = [{ name: "big", query: many }];
    expect(() => validateQuery("@big AND deepseek", big)).not.toThrow();
    const matcher = compileTopics([{ slug: "big", query: "@big" }], { concepts: big });
    expect(matcher.match({ title: "w4999x", summary: "" })).toHaveLength(1);
    const tooMany = Array.from({ length: conceptLimits.maxTerms + 1 }, (_, i) => `t${i}`).join(" OR ");
    expect(error(() => validateConcept(tooMany)).message).toMatch(
      `concept has more than ${conceptLimits.maxTerms} terms`,
    );
    expect(conceptLimits.maxTerms).toBeGreaterThan(queryLimits.maxTerms);
  });

  it("labels a term matched through a concept with the concept's name and its term", () => {
    const matcher = compileTopics([{ slug: "adoption", query: "@global-south AND @chips AND deepseek" }], {
      concepts,
    });
    const [match] = matcher.match({
      title: "DeepSeek chips in Luanda",
      summary: "Semiconductors reach Côte d'Ivoire",
      lang: "en",
    });
    expect(match?.terms.map((t) => t.term)).toEqual([
      "deepseek",
      "@chips: chip",
      "@global-south: Luanda",
      "@chips: semiconductor*",
      "@global-south: Côte d’Ivoire",
    ]);
    // The concept's terms are analysed as any term is: "chip" stems, 芯片 matches inside Chinese text.
    expect(matcher.match({ title: "DeepSeek 芯片 Fiji", summary: "", lang: "zh" })).toHaveLength(1);
    expect(matcher.match({ title: "DeepSeek chips in Paris", summary: "" })).toHaveLength(0);
  });

  it("a concept shared by several topics is compiled once and tags each of them", () => {
    const matcher = compileTopics(
      [
        { slug: "a", query: "@global-south" },
        { slug: "b", query: "@global-south AND deepseek" },
      ],
      { concepts },
    );
    expect(matcher.match({ title: "DeepSeek in Angola", summary: "" }).map((m) => m.slug)).toEqual([
      "a",
      "b",
    ]);
  });
});

describe("the bundled concepts", () => {
  const all = defaultConcepts().map((c) => ({ name: c.name, query: c.query }));
  const matcher = compileTopics(
    all.map((c) => ({ slug: c.name, query: `@${c.name}` })),
    { concepts: all },
  );
  const tagsOf = (title: string, lang: string) =>
    matcher.match({ title, summary: "", lang }).map((m) => m.slug);

  it("each parses within the concept limits and compiles", () => {
    expect(all.map((c) => c.name)).toEqual([
      "global-south",
      "china",
      "us-government",
      "export-controls",
      "ai",
      "curbs",
      "licences",
      "gulf",
      "united-states",
      "adoption",
      "tiers",
      "caps",
      "chipmaking-tools",
      "smuggling",
      "rescinded",
      "access-gap",
      "exports",
      "retaliation",
      "south-regions",
      "semiconductors",
      "blacklists",
      "rules",
      "violations",
      "chips",
    ]);
    for (const concept of all) expect(() => validateConcept(concept.query)).not.toThrow();
    expect(countConceptTerms(all[0]!.query)).toBeGreaterThan(2_000);
  });

  it("@global-south names countries, capitals and demonyms of every region in the 16 languages, not China", () => {
    const found: Array<[string, string]> = [
      ["Investors in Luanda", "en"],
      ["Fiji adopts open models", "en"],
      ["La Côte d'Ivoire mise sur l'IA", "fr"],
      ["Startups in Jakarta", "en"],
      ["Die Golfstaaten: Katar und Saudi-Arabien", "de"],
      ["Los Emiratos Árabes Unidos", "es"],
      ["Startups brasileiras", "pt"],
      ["印度的人工智能", "zh"],
      ["ケニアのスタートアップ", "ja"],
      ["الذكاء الاصطناعي في مصر", "ar"],
      ["भारतीय स्टार्टअप", "hi"],
      ["Startup di Nigeria", "id"],
      ["Doanh nghiệp Ấn Độ", "vi"],
      ["Kampuni za Kenya", "sw"],
      ["베트남 스타트업", "ko"],
      ["Le startup africane in Marocco", "it"],
      ["Стартапы Индии", "ru"],
      ["Pakistan'da yapay zeka", "tr"],
      ["Tuvalu and Kiribati", "en"],
      ["Uzbekistan", "en"],
      ["The Global South", "en"],
      // What global-south-adoption read before it used the concept: Taiwan's names, Russian case forms,
      // two-character capitals, the Gulf's cities.
      ["印尼开发者", "zh"],
      ["肯亞的新創公司", "zh"],
      ["Стартапы Ирана", "ru"],
      ["在开罗", "zh"],
      ["케냐 스타트업", "ko"],
      ["Startups in Dubai and Doha", "en"],
      ["タイでの導入", "ja"],
      ["이란의 개발자", "ko"],
    ];
    for (const [title, lang] of found) expect(tagsOf(title, lang), title).toContain("global-south");
    for (const [title, lang] of [
      ["China and Taiwan", "en"],
      ["中国和台湾", "zh"],
      ["Hong Kong, Macau", "en"],
      ["Japan und Südkorea", "de"],
      ["Startups in Israel and Cyprus", "en"],
    ] as const) {
      expect(tagsOf(title, lang), title).not.toContain("global-south");
    }
  });

  it("@global-south leaves out names that are common words or persons", () => {
    for (const [title, lang] of [
      ["Chad Smith joins Jordan Peterson in Georgia", "en"],
      ["I mali del mondo", "it"],
      ["Réunion du conseil", "fr"],
      ["Guinea pig trials", "en"],
      ["인도적 지원", "ko"],
      ["ウインドウズの更新", "ja"],
      ["Мало данных", "ru"],
      ["Для того чтобы", "ru"],
      ["DeepSeek gana usuarios", "es"],
      ["Plano de saúde", "pt"],
      ["Wall Street", "en"],
      ["تعلم الرياضيات", "ar"],
      ["Виргинские острова США", "ru"],
      ["リアルタイムのタイトル", "ja"],
      ["인공지능이란 무엇인가", "ko"],
    ] as const) {
      expect(tagsOf(title, lang), title).not.toContain("global-south");
    }
    expect(placeTerm("Chad")).toBeNull();
    expect(placeTerm("Iran")).toBe("=Iran");
    // Latin-script country names match as written; the German genitive is listed ("Indiens Regierung").
    expect(placeTerm("Kenya", { exactLatin: true })).toBe("=Kenya");
    expect(tagsOf("Indiens Regierung", "de")).toContain("global-south");
    expect(placeTerm("Papua New Guinea")).toBe('"Papua New Guinea"');
    expect(regionNames("MM")).toEqual(expect.arrayContaining(["Myanmar", "Burma", "缅甸"]));
    expect(CONCEPT_LANGUAGES).toHaveLength(16);
  });

  it("@china, @us-government and @chips find their words across languages", () => {
    expect(tagsOf("Beijing responds", "en")).toContain("china");
    expect(tagsOf("Pékin riposte", "fr")).toContain("china");
    expect(tagsOf("中國回應", "zh")).toContain("china");
    expect(tagsOf("The White House weighs new curbs", "en")).toContain("us-government");
    expect(tagsOf("البيت الأبيض", "ar")).toContain("us-government");
    expect(tagsOf("Halbleiter aus Taiwan", "de")).toContain("chips");
    expect(tagsOf("반도체 수출", "ko")).toContain("chips");
    expect(tagsOf("Bis morgen", "de")).not.toContain("us-government");
    expect(tagsOf("미국 상무부가 수출 규제 발표", "ko")).toContain("us-government");
    expect(tagsOf("중국 상무부", "ko")).not.toContain("us-government");
    expect(tagsOf("Chinas Handelsministerium", "de")).not.toContain("us-government");
  });

  it("@ai, @curbs, @licences and @gulf find their words across languages, as each language's press inflects them", () => {
    expect(tagsOf("تطبيق شات جي بي تي", "ar")).toContain("ai");
    expect(tagsOf("Çin yapımı sohbet robotu zirvede", "tr")).toContain("ai");
    expect(tagsOf("チャットGPTを抜いた", "ja")).toContain("ai");
    expect(tagsOf("Modeli ya akili bandia", "sw")).toContain("ai");
    expect(tagsOf("Marekani yazuia mauzo", "sw")).toContain("curbs");
    expect(tagsOf("輸出許可を厳格化", "ja")).toContain("curbs");
    expect(tagsOf("Washington closes a loophole", "en")).toContain("curbs");
    expect(tagsOf("ABD satışları sınırlandırdı", "tr")).toContain("curbs");
    expect(tagsOf("الإمارات تحصل على موافقة أمريكية", "ar")).toContain("licences");
    expect(tagsOf("Abu Dabi yapay zeka lisansı aldı", "tr")).toContain("licences");
    expect(tagsOf("Cooking with chips", "en")).not.toContain("curbs");
    expect(tagsOf("サウジ向けエヌビディア製品", "ja")).toContain("gulf");
    expect(tagsOf("Falme za Kiarabu zapata idhini", "sw")).toEqual(
      expect.arrayContaining(["gulf", "licences"]),
    );
    expect(tagsOf("الرياضيات في المدارس", "ar")).not.toContain("gulf");
  });
});
