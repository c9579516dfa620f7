import { describe, expect, it } from "vitest";
import { normalizeWord, tokenize } from "../../../core/tagging/tokenize";

const texts = (text: string, lang?: string) => tokenize(text, lang).map((token) => token.text);

describe("normalizeWord", () => {
  it("folds case, compatibility forms and Latin accents", () => {
    expect(normalizeWord("NVIDIA")).toBe("nvidia");
    expect(normalizeWord("Ｎｖｉｄｉａ")).toBe("nvidia");
    expect(normalizeWord("Börsenwert")).toBe("borsenwert");
    expect(normalizeWord("ações")).toBe("acoes");
    expect(normalizeWord("ﬁnance")).toBe("finance");
    expect(normalizeWord("İstanbul")).toBe("istanbul");
  });

  it("maps ß to ss and a final sigma to sigma", () => {
    expect(normalizeWord("STRAẞE")).toBe("strasse");
    expect(normalizeWord("Straße")).toBe("strasse");
    expect(normalizeWord("ΟΔΟΣ")).toBe(normalizeWord("οδοσ"));
  });

  it("folds Russian ё to е and Vietnamese đ to d, as writers of each word do", () => {
    expect(normalizeWord("чёрный")).toBe(normalizeWord("черный"));
    expect(normalizeWord("Đà Nẵng".split(" ")[0]!)).toBe("da");
    expect(normalizeWord("Đồng")).toBe("dong");
  });

  it("keeps marks that change the letter outside Latin script", () => {
    expect(normalizeWord("Йод")).toBe("йод");
    expect(normalizeWord("が")).not.toBe(normalizeWord("か"));
  });
});

describe("tokenize", () => {
  it("splits Latin words out of Chinese text", () => {
    const tokens = tokenize("英伟达Nvidia股价暴跌");
    expect(tokens.map((t) => [t.text, t.kind, t.start, t.end])).toEqual([
      ["英伟达", "cjk", 0, 3],
      ["nvidia", "word", 3, 9],
      ["股价暴跌", "cjk", 9, 13],
    ]);
  });

  it("gives a hyphenated compound whole and in parts, with positions spanning the parts", () => {
    const tokens = tokenize("Die Nvidia-Aktie fällt");
    expect(tokens.map((t) => [t.text, t.pos, t.endPos])).toEqual([
      ["die", 0, 0],
      ["nvidia-aktie", 1, 2],
      ["nvidia", 1, 1],
      ["aktie", 2, 2],
      ["fallt", 3, 3],
    ]);
    expect(tokens[1]).toMatchObject({ start: 4, end: 16 });
  });

  it("splits on apostrophes and dots, keeps digits with letters", () => {
    expect(texts("DeepSeek's R1-Zero beat o1 at $5.6m")).toEqual([
      "deepseek",
      "s",
      "r1-zero",
      "r1",
      "zero",
      "beat",
      "o1",
      "at",
      "5",
      "6m",
    ]);
  });

  it("keeps offsets into the original text when folding changes lengths", () => {
    const text = "ﬁnance Ｎｖｉｄｉａ";
    const [first, second] = tokenize(text);
    expect(text.slice(first!.start, first!.end)).toBe("ﬁnance");
    expect(text.slice(second!.start, second!.end)).toBe("Ｎｖｉｄｉａ");
  });

  it("segments Thai with Intl.Segmenter", () => {
    expect(texts("ปัญญาประดิษฐ์จีน", "th").length).toBeGreaterThan(1);
  });

  it("keeps Japanese kana and kanji runs together and folds half-width katakana", () => {
    expect(texts("エヌビディア株が急落")).toEqual(["エヌビディア株が急落"]);
    expect(texts("ｴﾇﾋﾞﾃﾞｨｱ")[0]).toBe("エヌビディア");
  });
});
