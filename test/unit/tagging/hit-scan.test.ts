import { describe, expect, it } from "vitest";
import { CjkAutomaton } from "../../../core/tagging/cjk-automaton";
import { HitScanner } from "../../../core/tagging/hit-scan";
import { HitStore } from "../../../core/tagging/hit-store";
import { TokenCache } from "../../../core/tagging/token-cache";
import { tokenize } from "../../../core/tagging/tokenize";

/** Every word the fused scanner reports, by giving every token dictionary id 0. */
function scannedWords(text: string, cacheBits = 16): string[] {
  const hits = new HitStore(1);
  const raws: string[] = [];
  const cache = new TokenCache((raw) => {
    raws.push(raw);
    return [0];
  }, cacheBits);
  new HitScanner(cache, hits, new CjkAutomaton([]), []).scan(text, 1, "th", null);
  const out: string[] = [];
  for (let h = hits.head[0]!; h !== -1; h = hits.next[h]!) {
    out.push(`${text.slice(hits.start[h]!, hits.end[h]!)}@${hits.pos[h]}-${hits.endPos[h]}`);
  }
  expect(hits.fields[0]).toBe(out.length > 0 ? 2 : 0);
  return out.reverse();
}

const words = (text: string) =>
  tokenize(text, "th")
    .filter((token) => token.kind === "word")
    .map((token) => `${text.slice(token.start, token.end)}@${token.pos}-${token.endPos}`);

const samples = [
  "Die Nvidia-Aktie fällt; KI-Modelle aus China -- und R1-Zero.",
  "英伟达Nvidia股价暴跌，ｴﾇﾋﾞﾃﾞｨｱ株が急落 DeepSeek-V3",
  "𠀋𠀍 mixed 𝐀𝐁𝐂 math letters, a lone \ud800 surrogate and \udc00 another",
  "ข่าวปัญญาประดิษฐ์ DeepSeek ในประเทศไทย",
  "a-b-c-d ‐ hy‐phen non‑breaking - -dash- trailing-",
  "",
];

describe("HitScanner", () => {
  it("splits text into the same words, offsets and positions as tokenize", () => {
    for (const text of samples) expect(scannedWords(text), text).toEqual(words(text));
  });

  it("finds every cached token again after the token cache fills up and starts over", () => {
    const text = Array.from({ length: 40 }, (_, i) => `word${i} Wort-${i % 7}`).join(" ");
    expect(scannedWords(text, 3)).toEqual(words(text));
  });
});
