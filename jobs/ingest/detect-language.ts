import { francAll } from "franc-min";
import { SCRIPTS, type Script, scriptCounts } from "./script-counts";

/** Only the start of the text is looked at: it is enough, and franc costs ~1 µs per character. */
const SAMPLE = 300;
/** Below this many letters franc's trigram statistics are noise. */
const FRANC_MIN_LETTERS = 20;
/** franc's runner-up must score this far below its pick (scores are relative, the top is 1). */
const FRANC_MIN_GAP = 0.08;
/** Below this many letters franc misreads names ("OpenAI o3-mini vs DeepSeek R1" came out Hungarian). */
const FRANC_ALONE_MIN_LETTERS = 60;

/** The Latin-script languages most news feeds are in; a short list keeps franc from exotic guesses. */
const LATIN = "eng deu fra spa por ita nld pol tur ind vie ron ces hun swe swh".split(" ");

/**
 * Frequent function words that belong to one language of LATIN only, so a hit is evidence for exactly one
 * language. Words shared between two of them (de, la, en, die, per, con, para, …) are left out on purpose.
 */
const FUNCTION_WORDS: Record<string, string> = {
  en: "the and of with that this from has have were will says said after into its are for by which who",
  de: "der die das und ist nicht mit von dem ein eine einen auf für sich auch nach bei wird sind über aus zum zur im vom",
  fr: "les est une et du dans pour sur aux avec qui pas cette sont par ont après des ce selon leur",
  es: "el los las y más tras sus según también pero fue han hasta muy sin ya hoy",
  pt: "os uma em não ao pelo pela foi são seu sua também mas já às até nas num após diz ainda isso essa esse pelos pelas",
  it: "di della delle dei degli che è gli nel nella sono dopo anche alla dal dalla più hanno stato",
  nl: "het een van op voor niet zijn dat naar bij ook wordt werd heeft hebben maar nog uit deze dit tot door",
  pl: "się nie że jest dla oraz przez już są w z od po przy który która które został została",
  tr: "ve bir bu için olarak daha çok gibi sonra kadar ama yeni olan değil ile ise ancak yüzde göre",
  id: "yang dan ke dari ini itu dengan untuk pada dalam tidak akan juga oleh setelah adalah karena bisa telah",
  vi: "của và là có không được cho với các những một người này trong đã sẽ",
  ro: "și în cu pe din să că pentru nu fost după",
  cs: "jsou podle který která také byl byla bylo když již tento může jeho",
  hu: "az és hogy nem egy meg volt már csak után szerint mint pedig ezt még",
  sv: "och att det som är på av till har inte om efter ett från också",
  sw: "ya wa kwa katika za cha kuwa kwamba baada ambayo ambao hiyo huo hii zaidi pia leo mwaka serikali wake yake",
};
const LANG_OF_WORD = new Map<string, string>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
  for (const word of words.split(" ")) LANG_OF_WORD.set(word, lang);
}

/** Scripts that (nearly) always mean one language. */
const SCRIPT_LANG: Partial<Record<Script, string>> = {
  greek: "el",
  hebrew: "he",
  thai: "th",
  lao: "lo",
  khmer: "km",
  myanmar: "my",
  georgian: "ka",
  armenian: "hy",
  ethiopic: "am",
  bengali: "bn",
  gurmukhi: "pa",
  gujarati: "gu",
  tamil: "ta",
  telugu: "te",
  kannada: "kn",
  malayalam: "ml",
  sinhala: "si",
  hangul: "ko",
};

/**
 * The article's language as a lowercase BCP-47 primary subtag. A valid declared language (`hint`, e.g.
 * "en-US", "de_DE", "zh-Hant") wins; otherwise it is detected from the text, and null means "not sure".
 */
export function detectLanguage(text: string, hint?: string | null): string | null {
  const declared = hint ? languageFromHint(hint) : null;
  return declared ?? languageFromText(text.slice(0, SAMPLE));
}

const hintCache = new Map<string, string | null>();
const languageNames = new Intl.DisplayNames("en", { type: "language", fallback: "none" });

/** "en-US" -> "en", "de_DE" -> "de", "zh-Hans" -> "zh", "eng" -> "en", "iw" -> "he"; null when not a language. */
export function languageFromHint(hint: string): string | null {
  const cached = hintCache.get(hint);
  if (cached !== undefined) return cached;
  const primary = /^\s*([A-Za-z]{2,3})(?:[-_\s.]|$)/.exec(hint)?.[1]?.toLowerCase();
  let lang: string | null = null;
  if (primary && !["und", "mul", "mis", "zxx"].includes(primary) && languageNames.of(primary)) {
    // ICU maps deprecated and three-letter codes to the BCP-47 form: iw -> he, deu/ger -> de, tl -> fil.
    lang = Intl.getCanonicalLocales(primary)[0]?.split("-")[0] ?? null;
  }
  if (hintCache.size > 1000) hintCache.clear();
  hintCache.set(hint, lang);
  return lang;
}

function languageFromText(sample: string): string | null {
  const counts = scriptCounts(sample);
  // One CJK character carries about as much as a short word: weigh it so "DeepSeek发布R1模型" counts as Chinese.
  const cjk = 3 * (counts.han + counts.kana);
  let dominant: Script = "latin";
  let most = counts.latin;
  for (const script of SCRIPTS) {
    const weight = script === "hangul" ? 3 * counts[script] : counts[script];
    if (script !== "han" && script !== "kana" && weight > most) {
      dominant = script;
      most = weight;
    }
  }
  if (cjk > most) {
    if (counts.han + counts.kana < 2) return null;
    return counts.kana > 0 && counts.kana * 20 >= counts.han + counts.kana ? "ja" : "zh";
  }
  if (most < 2) return null;
  switch (dominant) {
    case "latin":
      return latinLanguage(sample, counts.latin);
    case "cyrillic":
      return cyrillicLanguage(sample, counts.cyrillic);
    case "arabic":
      return arabicLanguage(sample);
    case "devanagari":
      return /आहे|आणि|च्या/.test(sample) ? "mr" : /छन्|गरेको|भएको|छ।/.test(sample) ? "ne" : "hi";
    default:
      return SCRIPT_LANG[dominant] ?? null;
  }
}

function latinLanguage(sample: string, letters: number): string | null {
  // Vietnamese stacks tone marks (ổ, ệ, ắ: U+1EA0-1EF9) and uses ơ, ư, đ: nothing else in LATIN does.
  if ((sample.match(/[\u1ea0-\u1ef9ơưđ]/gi)?.length ?? 0) >= 2) return "vi";
  const [best, second] = functionWordVotes(sample);
  // Three distinctive function words and a clear lead is stronger evidence than franc has on a headline.
  if (best && best.hits >= 3 && best.hits >= 2 * (second?.hits ?? 0)) return best.lang;
  // A headline too short for franc, with evidence for one language only, is that language.
  if (best && !second && letters < FRANC_ALONE_MIN_LETTERS) return best.lang;
  const pick = francPick(sample, letters, LATIN);
  if (!pick) return null;
  if (best?.lang === pick.lang) return pick.lang;
  // franc alone: only on enough text, with a clear lead, and not against the function words' verdict.
  if (best && best.hits > (second?.hits ?? 0)) return null;
  return letters >= FRANC_ALONE_MIN_LETTERS && pick.gap >= FRANC_MIN_GAP ? pick.lang : null;
}

/**
 * Spellings that belong to one language of LATIN, each occurrence a vote like a function word: a headline
 * often has no function word at all, but "restrições" or "año" still says which language it is.
 */
const SPELLINGS: ReadonlyArray<readonly [lang: string, pattern: RegExp]> = [
  ["pt", /[ãõ]/giu],
  ["es", /ñ|ci[oó]n(?:es)?\b|[¿¡]/giu],
  ["tr", /[ğış]/giu],
];

function functionWordVotes(sample: string): { lang: string; hits: number }[] {
  const hits = new Map<string, number>();
  for (const [lang, pattern] of SPELLINGS) {
    const n = sample.match(pattern)?.length ?? 0;
    if (n > 0) hits.set(lang, n);
  }
  for (const word of sample.toLowerCase().split(/[^\p{L}\p{M}]+/u)) {
    const lang = LANG_OF_WORD.get(word);
    if (lang) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  }
  return [...hits].map(([lang, n]) => ({ lang, hits: n })).sort((a, b) => b.hits - a.hits);
}

/** Letters that exist in one Cyrillic-script language only decide first; franc only for longer text. */
function cyrillicLanguage(sample: string, letters: number): string | null {
  if (/[ђћ]/i.test(sample)) return "sr";
  if (/[ѓќѕ]/i.test(sample)) return "mk";
  if (/[јљњџ]/i.test(sample)) return "sr";
  if (/[әғқңөұүһ]/i.test(sample)) return "kk";
  if (/[їєґ]/i.test(sample)) return "uk";
  if (/[ў]/i.test(sample)) return "be";
  const russian = /[ыэё]/i.test(sample);
  const i = /[і]/i.test(sample);
  if (russian && !i) return "ru";
  if (i && !russian) return "uk";
  return francPick(sample, letters, ["rus", "ukr", "bel", "bul", "srp"], FRANC_MIN_GAP)?.lang ?? null;
}

/** Urdu and Persian add letters to the Arabic alphabet; Urdu's own are checked first as it shares Persian's. */
function arabicLanguage(sample: string): string {
  if (/[ٹڈڑںےہ]/.test(sample)) return "ur";
  if (/[پچژگیک]/.test(sample)) return "fa";
  return "ar";
}

function francPick(
  sample: string,
  letters: number,
  only: string[],
  minGap = 0,
): { lang: string; gap: number } | null {
  if (letters < FRANC_MIN_LETTERS) return null;
  const [top, runnerUp] = francAll(sample, { only, minLength: FRANC_MIN_LETTERS });
  if (!top || top[0] === "und") return null;
  const gap = top[1] - (runnerUp?.[1] ?? 0);
  if (gap < minGap) return null;
  const lang = Intl.getCanonicalLocales(top[0])[0]?.split("-")[0];
  return lang ? { lang, gap } : null;
}
