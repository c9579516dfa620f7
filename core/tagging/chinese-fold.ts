import { Converter } from "opencc-js/t2cn";

/**
 * Traditional Chinese characters folded to their Simplified form, one character for one, so a query written
 * in either script finds both (輝達 and 辉达, 華為 and 华为) and match offsets stay those of the original text.
 * The table comes from OpenCC's character dictionary (the maintained conversion data behind most Chinese
 * input and publishing tools), read character by character: OpenCC's phrase rules would change lengths, and
 * the few characters whose conversion is more than one character are left as they are.
 */

let table: Uint16Array | undefined;

// The BMP blocks that hold Han characters: Extension A, the Unified block and the compatibility ideographs.
const HAN_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

function buildTable(): Uint16Array {
  const out = new Uint16Array(0x10000);
  const convert = Converter({ from: "t", to: "cn" });
  const chars: string[] = [];
  for (const [from, to] of HAN_BLOCKS) for (let c = from; c <= to; c++) chars.push(String.fromCharCode(c));
  // One call over newline-separated characters: no phrase rule can span a line break.
  const converted = convert(chars.join("\n")).split("\n");
  if (converted.length !== chars.length) throw new Error("OpenCC changed the number of lines it was given");
  chars.forEach((char, i) => {
    const simplified = converted[i]!;
    if (simplified.length === 1 && simplified !== char) out[char.charCodeAt(0)] = simplified.charCodeAt(0);
  });
  return out;
}

/** Per UTF-16 unit, the Simplified unit it folds to, or 0 when it stays as it is. */
export function simplifiedTable(): Uint16Array {
  table ??= buildTable();
  return table;
}

/** `text` with every Traditional character that has a one-character Simplified form replaced by it. */
export function foldTraditional(text: string): string {
  const t = simplifiedTable();
  let out: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const to = t[text.charCodeAt(i)]!;
    if (to !== 0) {
      out ??= text.slice(0, i);
      out += String.fromCharCode(to);
    } else if (out !== null) out += text[i];
  }
  return out ?? text;
}
