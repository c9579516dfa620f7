import { describe, expect, it } from "vitest";
import { stemmerFor, stemmerMayChange, stemWord } from "../../../core/tagging/analysis";
import { foldTraditional } from "../../../core/tagging/chinese-fold";
import { compileTopics } from "../../../core/tagging/compile";
import { defaultConceptDefinitions } from "../../../core/tagging/default-matcher";
import { defaultTopics } from "../../../core/tagging/default-topics";
import { parseQuery } from "../../../core/tagging/query-parser";
import { foldCase, normalizeWord, scanText } from "../../../core/tagging/tokenize";

const tag = (query: string, title: string, lang?: string) =>
  compileTopics([{ slug: "t", query }]).match({ title, summary: "", lang });
const matches = (query: string, title: string, lang?: string) => tag(query, title, lang).length > 0;

describe("stemming in the article's language", () => {
  it("matches a plain term's inflections in English, French, German, Spanish, Portuguese and Italian", () => {
    expect(matches("curb", "US curbed chip sales to China", "en")).toBe(true);
    expect(matches("restriction", "New restrictions on chipmaking tools", "en")).toBe(true);
    expect(matches("chinois", "Les géants chinoises de l'IA", "fr")).toBe(true);
    expect(matches("Exportkontrolle", "Neue Exportkontrollen für Chips", "de")).toBe(true);
    expect(matches("restricción", "Las restricciones de Washington", "es")).toBe(true);
    expect(matches("restrição", "As restrições dos EUA a chips", "pt")).toBe(true);
    expect(matches("restrizione", "Le restrizioni sui chip", "it")).toBe(true);
  });

  it("matches inflections in Russian, Turkish, Indonesian, Arabic and Hindi", () => {
    expect(matches("санкции", "Новые санкциями против чипов", "ru")).toBe(true);
    expect(matches("kısıtlama", "ABD'den çip kısıtlamaları", "tr")).toBe(true);
    expect(matches("pembatasan", "Pembatasan ekspor cip AS", "id")).toBe(true);
    expect(matches("प्रतिबंध", "चिप निर्यात पर प्रतिबंधों का असर", "hi")).toBe(true);
    expect(matches("الشركة", "قيود على الشركات", "ar")).toBe(true);
    expect(matches("الصين", "قيود على صادرات الرقائق والصين", "ar")).toBe(true);
  });

  it("strips the Arabic preposition ل from a word without the article, when five letters or more remain", () => {
    expect(matches("واشنطن", "رسالة لواشنطن من بكين", "ar")).toBe(true);
    expect(matches("ديبسيك", "نجاح كبير لديبسيك", "ar")).toBe(true);
    expect(matches("تصدير", "شروط جديدة لتصدير الرقائق", "ar")).toBe(true);
    // Liang is not Yangon with ل in front, nor is Lebanon a word of four letters.
    expect(matches("يانغون", "فريق ليانغ وينفنغ", "ar")).toBe(false);
    expect(matches("بنان", "لبنان", "ar")).toBe(false);
  });

  it("folds the Devanagari nukta, which Hindi writers put on or leave off", () => {
    expect(matches('"बाजार मूल्य"', "कंपनी का बाज़ार मूल्य घटा", "hi")).toBe(true);
    expect(matches("बाज़ार", "शेयर बाजार में गिरावट", "hi")).toBe(true);
    expect(matches("फंड", "नया फ़ंड बना", "hi")).toBe(true);
    expect(normalizeWord("बाज़ार")).toBe(normalizeWord("बाजार"));
  });

  it("does not stem without a language, in a language it has no stemmer for, or an exact term", () => {
    expect(matches("curb", "US curbed chip sales", undefined)).toBe(false);
    expect(matches("curb", "US curbed chip sales", "sw")).toBe(false);
    expect(matches("=curb", "US curbed chip sales", "en")).toBe(false);
    expect(matches("=curb", "A new curb on sales", "en")).toBe(true);
    expect(matches('"curb"', "US curbed chip sales", "en")).toBe(false);
    expect(matches('"export curb"', "export curbs", "en")).toBe(false);
  });

  it("reads the language from a full tag (en-GB, pt-BR)", () => {
    expect(matches("curb", "Washington curbed exports", "en-GB")).toBe(true);
    expect(matches("restrição", "As restrições dos EUA", "pt-BR")).toBe(true);
  });

  it("keeps a short stem cut from a longer term from matching another word", () => {
    // Portuguese stems both the French "dévisse" and "deve" to "dev".
    expect(matches("dévisse", "Nvidia deve cair", "pt")).toBe(false);
    expect(matches("dévisse", "Nvidia dévisse en Bourse", "fr")).toBe(true);
  });

  it("explains a stemmed match with the query term and the offsets of the word found", () => {
    const title = "US curbed chip sales";
    const [match] = tag("curb", title, "en");
    const term = match!.terms[0]!;
    expect(term.term).toBe("curb");
    expect(title.slice(term.start, term.end)).toBe("curbed");
  });

  it("leaves model names and short words alone", () => {
    const english = stemmerFor("en")!;
    expect(english("chips")).toBe("chip");
    expect(matches("r1", "R1s", "en")).toBe(false);
    expect(matches("h20", "H20 chips", "en")).toBe(true);
  });

  it("keeps the = marker in the query tree", () => {
    expect(parseQuery("=curb")).toMatchObject({ type: "term", value: "curb", exact: true });
    expect(parseQuery("curb")).not.toHaveProperty("exact");
  });
});

describe("stemmers and scripts", () => {
  it("leaves every bundled term without a letter of a stemmer's script as it is, in every stemmed language", () => {
    const words = new Set<string>();
    for (const text of [...defaultConceptDefinitions(), ...defaultTopics].map((q) => q.query)) {
      const add = (start: number, end: number) => words.add(foldCase(text.slice(start, end)));
      scanText(text, { word: add, cjk: add });
    }
    expect(words.size).toBeGreaterThan(5_000);
    const languages = "ar bg da de el en es fi fr hi id it nb nl pt ro ru sv tr uk".split(" ");
    const changed: string[] = [];
    let skipped = 0;
    for (const lang of languages) {
      const stemmer = stemmerFor(lang)!;
      for (const word of words) {
        if (stemmerMayChange(lang, word)) continue;
        skipped++;
        if (stemWord(stemmer, word) !== word) changed.push(`${lang} ${word}`);
      }
    }
    expect(skipped).toBeGreaterThan(words.size * 5);
    expect(changed).toEqual([]);
  });
});

describe("Chinese scripts fold to one form", () => {
  it("matches a Simplified term in Traditional text and the other way round", () => {
    expect(matches("辉达", "輝達股價大跌", "zh-TW")).toBe(true);
    expect(matches("華為", "华为发布昇腾芯片", "zh")).toBe(true);
    expect(matches("华为", "華爲推出新晶片")).toBe(true);
  });

  it("points the explanation at the characters of the original text", () => {
    const title = "美股：輝達股價大跌";
    const [match] = tag("辉达", title);
    const term = match!.terms[0]!;
    expect(title.slice(term.start, term.end)).toBe("輝達");
  });

  it("folds character by character, so lengths never change", () => {
    const text = "臺灣積體電路製造 發展 乾淨 華爲";
    expect(foldTraditional(text)).toHaveLength(text.length);
    expect(foldTraditional("華為")).toBe("华为");
    expect(foldTraditional("英伟达")).toBe("英伟达");
  });
});

describe("Arabic spelling variants", () => {
  it("fold alef, ya and ta marbuta variants, harakat and tatweel", () => {
    expect(normalizeWord("أمريكا")).toBe(normalizeWord("امريكا"));
    expect(normalizeWord("إنفيديا")).toBe(normalizeWord("انفيديا"));
    expect(normalizeWord("شركة")).toBe(normalizeWord("شركه"));
    expect(normalizeWord("على")).toBe(normalizeWord("علي"));
    expect(normalizeWord("الصِّين")).toBe(normalizeWord("الصين"));
    expect(normalizeWord("الصـــين")).toBe(normalizeWord("الصين"));
  });

  it("let a query match the other spelling", () => {
    expect(matches("إنفيديا", "اسهم انفيديا تتراجع", "ar")).toBe(true);
    expect(matches("الصين", "قيود على الصِّين", undefined)).toBe(true);
  });
});

describe("stems and the token cache", () => {
  it("stay right across languages and after the cache is emptied and its entries reused", () => {
    const matcher = compileTopics([{ slug: "t", query: "curb OR restricción" }]);
    const tagged = (title: string, lang: string) => matcher.match({ title, summary: "", lang }).length > 0;
    expect(tagged("curbed", "en")).toBe(true);
    // The same word in another language: stemmed with that language's stemmer, or not at all.
    expect(tagged("curbed", "sw")).toBe(false);
    expect(tagged("restricciones", "es")).toBe(true);
    // 70,000 distinct words fill the token cache (it empties at 32,768 entries) more than twice.
    for (let i = 0; i < 70; i++) {
      const words = Array.from({ length: 1000 }, (_, k) => `w${i}x${k}y`).join(" ");
      matcher.match({ title: words, summary: "", lang: i % 2 ? "en" : "es" });
    }
    expect(tagged("restricciones", "es")).toBe(true);
    expect(tagged("curbed", "en")).toBe(true);
    expect(tagged("curbed", "sw")).toBe(false);
    expect(tagged("w3x3y", "en")).toBe(false);
  });
});
