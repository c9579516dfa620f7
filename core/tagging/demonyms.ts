/**
 * Demonyms derived from CLDR's country names by each language's regular word formation, for the countries the
 * hand list of global-south-places.ts does not cover. No maintained dataset has demonyms in these languages.
 * A rule may produce a form the language does not use ("ghananisch" beside the real "ghanaisch"): such a form
 * never occurs in text, so it costs a term and nothing else. What a rule must not produce is a common word;
 * default-concepts.ts derives only from names that are themselves safe, and the unit tests hold the known cases.
 *
 * Languages left out, and why: Chinese, Japanese and Korean say 肯尼亚人, ケニア人, 케냐인, which the name finds
 * as a substring; Indonesian and Vietnamese say "warga Kenya", "người Kenya"; the Hindi stemmer already brings
 * केन्याई to केन्या. Irregular demonyms (Filipino, Malagasy, Uzbek) are in the hand list.
 */

type Rule = (name: string) => string[];

const VOWEL = /[aeiouáéíóúâêôãõàèìòùäöüy]$/iu;

/** Turkish suffix -lI with vowel harmony: Kenya -> Kenyalı, Suriye -> Suriyeli, Peru -> Perulu, Ürdün -> Ürdünlü. */
function turkish(name: string): string[] {
  const vowels = name.toLowerCase().match(/[aıoueiöü]/gu);
  const last = vowels?.[vowels.length - 1];
  if (!last) return [];
  const suffix = "aı".includes(last) ? "lı" : "ei".includes(last) ? "li" : "ou".includes(last) ? "lu" : "lü";
  return [name + suffix];
}

/** Swahili noun classes 1/2: Mkenya, Wakenya; Mw- before a vowel (Mwangola). */
function swahili(name: string): string[] {
  const lower = name.toLowerCase();
  return /^[aeiou]/u.test(lower) ? [`Mw${lower}`, `Wa${lower}`] : [`M${lower}`, `Wa${lower}`];
}

/** Arabic nisba: كينيا -> كيني, السعودية -> سعودي, السودان -> سوداني. */
function arabic(name: string): string[] {
  const bare = name.replace(/^ال/u, "");
  if (/(?:ية|يا)$/u.test(bare)) return [`${bare.slice(0, -2)}ي`];
  if (/[اة]$/u.test(bare)) return [`${bare.slice(0, -1)}ي`];
  if (/ي$/u.test(bare)) return [];
  return [`${bare}ي`];
}

/** Russian relational adjectives and nouns: Кения -> кенийский, кенийцы; Пакистан -> пакистанский, пакистанцы. */
function russian(name: string): string[] {
  const lower = name.toLowerCase();
  if (lower.endsWith("ия")) return [`${lower.slice(0, -2)}ийский`, `${lower.slice(0, -2)}ийцы`];
  if (/[ая]$/u.test(lower)) return [`${lower.slice(0, -1)}ский`, `${lower.slice(0, -1)}цы`];
  if (lower.endsWith("и")) return [`${lower}йский`, `${lower}йцы`];
  if (/[бвгдзклмнпрстфх]$/u.test(lower)) {
    const soft = /[лн]$/u.test(lower) ? [`${lower}ьский`] : [];
    return [`${lower}ский`, `${lower}цы`, ...soft];
  }
  return [];
}

function english(name: string): string[] {
  if (name.endsWith("stan")) return [`${name}i`];
  if (name.endsWith("a")) return [`${name}n`];
  if (/[ieu]$/u.test(name)) return [`${name}an`];
  if (VOWEL.test(name)) return [];
  return [`${name}i`, `${name}ese`, `${name}ian`];
}

function german(name: string): string[] {
  if (name.endsWith("ien")) return [`${name.slice(0, -3)}isch`, `${name.slice(0, -3)}ianisch`];
  if (name.endsWith("ia")) return [`${name.slice(0, -2)}isch`, `${name}nisch`];
  if (name.endsWith("a")) return [`${name.slice(0, -1)}isch`, `${name}nisch`, `${name}isch`];
  if (name.endsWith("e")) return [`${name}nisch`];
  if (VOWEL.test(name)) return [];
  return [`${name}isch`, `${name}esisch`, `${name}itisch`];
}

function french(name: string): string[] {
  if (name.endsWith("ie") || name.endsWith("ée") || name.endsWith("ye")) return [`${name}n`];
  if (name.endsWith("a")) return [`${name}n`, `${name}is`];
  if (name.endsWith("e")) return [`${name.slice(0, -1)}ien`];
  if (name.endsWith("o")) return [`${name}lais`];
  if (VOWEL.test(name)) return [];
  return [`${name}ais`, `${name}ien`, `${name}ain`];
}

/** Spanish, Portuguese and Italian share the pattern: Kenia -> keniano, Irán -> iraní, Senegal -> senegalés. */
function romance(suffixes: { consonant: string[] }): Rule {
  return (name) => {
    if (name.endsWith("a")) return [`${name.slice(0, -1)}ano`];
    if (/[eií]$/u.test(name)) return [`${name}no`];
    if (VOWEL.test(name)) return [];
    return suffixes.consonant.map(
      (suffix) => name.replace(/[áéíóú](?=\p{L}$)/u, (v) => v.normalize("NFD")[0]!) + suffix,
    );
  };
}

const RULES: Readonly<Record<string, Rule>> = {
  en: english,
  de: german,
  fr: french,
  es: romance({ consonant: ["í", "és", "iano"] }),
  pt: romance({ consonant: ["iano", "ês", "i"] }),
  it: romance({ consonant: ["iano", "ese", "ino"] }),
  tr: turkish,
  sw: swahili,
  ar: arabic,
  ru: russian,
};

/** Derived forms that are common words, and why they are dropped. */
const COMMON_WORDS: Readonly<Record<string, string>> = {
  kubisch: 'German "cubic" (from Kuba)',
};

/** The languages whose demonyms a rule derives. */
export const DEMONYM_LANGUAGES = Object.keys(RULES);

/**
 * Demonym forms of a one-word country name in `lang`; none for a name of several words ("Sierra Leone"), where
 * no rule is safe, or for a language without a rule.
 */
export function derivedDemonyms(lang: string, name: string): string[] {
  const rule = RULES[lang];
  if (!rule || !/^[\p{L}\p{M}]+$/u.test(name) || [...name].length < 4) return [];
  return rule(name).filter((form) => !(form.toLowerCase() in COMMON_WORDS));
}
