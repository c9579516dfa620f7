import { stemmer as arabic } from "@orama/stemmers/arabic";
import { stemmer as bulgarian } from "@orama/stemmers/bulgarian";
import { stemmer as danish } from "@orama/stemmers/danish";
import { stemmer as dutch } from "@orama/stemmers/dutch";
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as finnish } from "@orama/stemmers/finnish";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as german } from "@orama/stemmers/german";
import { stemmer as greek } from "@orama/stemmers/greek";
import { stemmer as hindi } from "@orama/stemmers/indian";
import { stemmer as indonesian } from "@orama/stemmers/indonesian";
import { stemmer as italian } from "@orama/stemmers/italian";
import { stemmer as norwegian } from "@orama/stemmers/norwegian";
import { stemmer as portuguese } from "@orama/stemmers/portuguese";
import { stemmer as romanian } from "@orama/stemmers/romanian";
import { stemmer as russian } from "@orama/stemmers/russian";
import { stemmer as spanish } from "@orama/stemmers/spanish";
import { stemmer as swedish } from "@orama/stemmers/swedish";
import { stemmer as turkish } from "@orama/stemmers/turkish";
import { stemmer as ukrainian } from "@orama/stemmers/ukrainian";

import { foldArabic, stripLatinMarks } from "./tokenize";

/**
 * Per-language analysis for space-separated scripts: a Snowball stemmer (Orama's port of the Snowball
 * algorithms) maps a folded word to its stem, so `curbed` meets `curb` and `chinoises` meets `chinois`.
 * The article's language picks the stemmer; a query term is stemmed with the same one when it is compared,
 * which is what "analysed for every language it could belong to" comes to. Languages without a stemmer here
 * (Swahili, Vietnamese) match folded words exactly; Chinese, Japanese and Korean match as substrings.
 */
export type Stemmer = (word: string) => string;

/**
 * Portuguese: Snowball leaves -ção and -ções apart (restriçã, restriçõ); RSLP's plural step, which turns
 * -ões and -ães into -ão first, brings the plural to the singular's stem.
 */
const portugueseWithPlurals: Stemmer = (word) => portuguese(word.replace(/(?:ões|ães)$/, "ão"));

/**
 * Turkish stacks suffixes (kısıtla-ma-lar-ı), and one Snowball pass strips a different number of them from
 * a word and from its inflections; stripping until nothing changes brings them to one stem.
 */
const turkishToFixedPoint: Stemmer = (word) => {
  let current = word;
  for (let pass = 0; pass < 4; pass++) {
    const next = turkish(current);
    if (next === current || next.length < 3) return current;
    current = next;
  }
  return current;
};

/**
 * Arabic: the Snowball stemmer treats a word with and without the light prefix (و, then ال, بال, كال, فال or
 * لل) differently, since how much it strips depends on the word's length: it keeps a leading conjunction with
 * the article (والصين -> والص), cuts a final -يك ("your") from a bare ديبسيك (-> ديبس) but not from الديبسيك, and
 * cuts -ات from الشركات (-> شرك) but not from شركات. So the prefix is stripped, as light Arabic stemmers do, the
 * bare word is stemmed with and without the article, and the shorter stem wins (one that keeps a prefix does not).
 */
const ARABIC_PREFIXED = /^(?:و?(?:ال|بال|كال|فال|لل))(?=...)/;
/**
 * The preposition ل ("for", "to") written onto a word without the article (لواشنطن, لديبسيك, لتصدير), which the
 * stemmer keeps; it is stripped when five letters or more remain, so that shorter ل-initial words stay whole
 * (لجنة, committee; لبنان, Lebanon; ليانغ, Liang, which would meet يانغون, Yangon).
 */
const ARABIC_LI = /^[وف]?ل(?=[^ل]....)/;
const arabicWithPrefixes: Stemmer = (word) => {
  // The bare word and the word with the article give the same two stems, whichever of them the text wrote.
  const bare = word.replace(ARABIC_PREFIXED, "").replace(ARABIC_LI, "");
  const stemOfBare = arabic(bare);
  const withArticle = arabic(`ال${bare}`);
  if (/^(?:ال|وال|بال|كال|فال|لل)/.test(withArticle)) return stemOfBare;
  return withArticle.length < stemOfBare.length ? withArticle : stemOfBare;
};

/**
 * Hindi: the stemmer strips vowel signs as suffixes, and a short word loses most of itself to it (घाना, Ghana
 * -> घ; हवाना, Havana, and हवा, air, both -> हव; गयाना, Guyana, and गया, went, both -> गय). A stem of fewer than
 * three characters says too little to match by, so such a word matches as it is written.
 */
const hindiKeepingShortWords: Stemmer = (word) => {
  const stem = hindi(word);
  return [...stem].length < 3 ? word : stem;
};

const STEMMERS: Readonly<Record<string, Stemmer>> = {
  ar: arabicWithPrefixes,
  bg: bulgarian,
  da: danish,
  de: german,
  el: greek,
  en: english,
  es: spanish,
  fi: finnish,
  fr: french,
  hi: hindiKeepingShortWords,
  id: indonesian,
  it: italian,
  nb: norwegian,
  nl: dutch,
  nn: norwegian,
  no: norwegian,
  pt: portugueseWithPlurals,
  ro: romanian,
  ru: russian,
  sv: swedish,
  tr: turkishToFixedPoint,
  uk: ukrainian,
};

/** `zh-Hant-TW` -> `zh`; null for a missing or empty tag. */
export function primaryLanguage(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const primary = lang.split(/[-_]/, 1)[0]!.toLowerCase();
  return primary === "" ? null : primary;
}

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
/** The letters each stemmer's rules are written in (by primary language; Latin when not listed). */
const STEMMER_SCRIPTS: Readonly<Record<string, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  bg: CYRILLIC,
  el: /\p{Script=Greek}/u,
  hi: /\p{Script=Devanagari}/u,
  ru: CYRILLIC,
  uk: CYRILLIC,
};

/**
 * Whether `lang`'s stemmer can change this word: not when the word has no letter of the script its rules are
 * written in (a Chinese or Arabic concept term under the French stemmer), which then stems to itself. The
 * topic compiler stems every term of every language once per article language, so it skips those
 * (test/unit/tagging/analysis.test.ts checks the claim over every bundled term and stemmer).
 */
export function stemmerMayChange(lang: string, word: string): boolean {
  return (STEMMER_SCRIPTS[primaryLanguage(lang) ?? ""] ?? LATIN).test(word);
}

/** The stemmer for an article language, or null when words of that language are matched exactly. */
export function stemmerFor(lang: string | null | undefined): Stemmer | null {
  const primary = primaryLanguage(lang);
  return primary === null ? null : (STEMMERS[primary] ?? null);
}

/**
 * Stems a folded word, or returns it as it is when stemming would only add noise: words with digits (model
 * names such as `r1` or `h20`) and words of one or two letters, which stemmers cut into nothing.
 */
export function stemWord(stem: Stemmer, word: string): string {
  if (word.length < 3 || /\d/.test(word)) return word;
  const out = stem(word);
  return out.length === 0 ? word : out;
}

/** The key a word is looked up by in `stemmer`'s language: its stem, folded like `normalizeWord` folds. */
export function stemKey(stemmer: Stemmer, folded: string): string {
  return keyOfStem(stemWord(stemmer, folded));
}

/** stemKey of a word whose stem (stemWord) is in hand: a caller that needs both stems the word once. */
export function keyOfStem(stem: string): string {
  return foldArabic(stripLatinMarks(stem));
}
