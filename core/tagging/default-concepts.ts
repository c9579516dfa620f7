import { ISO_COUNTRIES } from "../coverage/regions";
import { stemmerFor, stemWord } from "./analysis";
import { CONCEPT_LANGUAGES } from "./concept-languages";
import { DEMONYM_LANGUAGES, derivedDemonyms } from "./demonyms";
import {
  accessGap,
  blacklists,
  caps,
  chipEquipment,
  chipmakingTools,
  exportsAndSales,
  locationChecks,
  rescinded,
  retaliation,
  rules,
  semiconductors,
  smuggling,
  tiers,
  violations,
} from "./export-control-terms";
import { globalSouthCityNames } from "./global-south-city-names";
import { CAPITALS_AND_DEMONYMS, GLOBAL_SOUTH_M49, MORE_PLACES } from "./global-south-places";
import { globalSouthSubdivisionNames } from "./global-south-subdivision-names";
import { placeKey } from "./place-key";
import { southRegions } from "./south-regions";

/**
 * The bundled concepts, seeded on first start (and once into older databases): named term lists a query
 * uses as `@name`. Country names are generated from CLDR (Node's ICU, `Intl.DisplayNames`), not typed.
 */
export interface DefaultConcept {
  name: string;
  description: string;
  /** The terms as query text. */
  query: string;
}

export { CONCEPT_LANGUAGES };

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const latin = /^[\p{Script=Latin}\p{M}-]+$/u;

/**
 * Names that would make the concept match noise, by language-independent lower-cased spelling, and why.
 * Each country so listed is still found by its other names, its capital or its demonym.
 */
const NOISY: Readonly<Record<string, string>> = {
  // Short Chinese, Japanese and Korean names that sit inside other words (マリ in マリオ, 马里 in 马里兰, 加纳 in
  // 增加纳税, 인도 in 인도적) are not here: cjkPlaceTerm takes them only with what follows a place name.
  chad: "an English given name",
  jordan: "a given name and surname",
  georgia: "the US state (en, es, it, id, vi)",
  géorgie: "the US state in French too",
  geórgia: "the US state in Portuguese too",
  ジョージア: "the US state, and a coffee brand",
  조지아: "the US state",
  जॉर्जिया: "the US state",
  جورجيا: "the US state",
  mali: 'Italian "evils"',
  माली: 'Hindi "gardener"',
  مالي: 'Arabic "financial"',
  réunion: 'French "meeting"',
  "la réunion": 'French "the meeting"',
  granada: "the Spanish city (es name of Grenada)",
  mısır: 'Turkish "maize"',
  lào: 'Vietnamese "lao" (as in "lao động", labour)',
  montserrat: "a Catalan mountain and given name",
  "saint-martin": "a common place and church name",
  "st. martin": "a common place and church name",
  "st martin": "a common place and church name",
  sino: 'Spanish "but rather"',
  чад: 'Russian "чадо", "чадить"',
  того: 'Russian "of that" (the ru name of Togo)',
  gana: 'Spanish "wins" (the es, pt and it name of Ghana)',
  saná: 'Spanish "healthy" (the es name of Sanaa)',
  "sana'a": 'Spanish and Italian "sana a"',
  수단: 'Korean "means" (the ko name of Sudan)',
  "santa lucía": "Saint Lucy, and many places named for her (the es name of Saint Lucia)",
  "santa lúcia": "Saint Lucy (the pt name of Saint Lucia)",
  "santa lucia": "Saint Lucy and the Italian feast (the it name of Saint Lucia)",
  "sainte-lucie": "Saint Lucy (the fr name of Saint Lucia)",
  maurício: "a Portuguese given name (the pt name of Mauritius)",
  アルバ: "inside アルバイト (part-time job) and アルバム (the ja name of Aruba)",
  오만: 'Korean "arrogance" (the ko name of Oman)',
  maurice: "a French given name (the fr name of Mauritius)",
  mauricio: "a Spanish given name (the es name of Mauritius)",
  grenade: 'French "grenade" (the fr name of Grenada)',
  antigua: 'Spanish "old" (a part of the name of Antigua and Barbuda)',
  anguilla: 'Italian "eel"',
  anguila: 'Spanish "eel"',
};

const NOISY_NAMES = new Map(Object.entries(NOISY).map(([name, why]) => [placeKey(name), why]));

/**
 * Short CJK names that are safe as substrings; every other CJK name needs three characters or more (the
 * hand-written capitals and demonyms of global-south-places.ts aside, chosen one by one). The Taiwanese forms
 * (印尼, 肯亞, 葉門 ...) come with CLDR's Traditional Chinese names.
 */
const SHORT_CJK_NAMES = new Set(
  (
    "印度 伊朗 古巴 巴西 越南 泰国 泰國 缅甸 老挝 秘鲁 智利 埃及 也门 南非 约旦 叙利 斐济 汤加 海地 文莱 阿曼 乍得 " +
    "印尼 巴林 刚果 剛果 肯亚 肯亞 叶门 葉門 迦纳 迦納 " +
    "インド イラン ペルー チリ タイ キューバ ブラジル 이란 쿠바 태국 칠레 페루 이집트 예멘 브라질 베트남 케냐 네팔"
  ).split(" "),
);

/** Russian names inflect, and a short stem collides (Иран, Куба → куб): such a name goes as its case forms. */
const russianStemmer = stemmerFor("ru");
function russianForms(name: string): string[] {
  if (/ия$/u.test(name)) return ["ия", "ии", "ию", "ией"].map((end) => name.slice(0, -2) + end);
  if (/[ая]$/u.test(name)) {
    const stem = name.slice(0, -1);
    const soft = /[гкхжчшщ]$/u.test(stem) || name.endsWith("я");
    return [
      name,
      stem + (soft ? "и" : "ы"),
      `${stem}е`,
      stem + (name.endsWith("я") ? "ю" : "у"),
      `${stem}ой`,
    ];
  }
  if (/[бвгджзклмнпрстфхцчшщ]$/u.test(name)) return [name, `${name}а`, `${name}е`, `${name}у`, `${name}ом`];
  return [name];
}

/**
 * Snowball reads the nominative's last syllable of many Russian names as an ending ("Пакистан" -> "пакиста",
 * "Непал" -> "непа") but not their cases ("в Пакистане" -> "пакистан"): one case form per stem the nominative
 * does not share, as a plain term, finds every case with that stem.
 */
function obliqueStems(lower: string): string[] {
  const own = stemWord(russianStemmer!, lower);
  const byStem = new Map<string, string>();
  for (const form of russianForms(lower)) {
    const stem = stemWord(russianStemmer!, form);
    if (stem !== own && [...stem].length >= 4 && !byStem.has(stem)) byStem.set(stem, form);
  }
  return [...byStem.values()];
}

const arabicStemmer = stemmerFor("ar");
/**
 * An Arabic name whose stem is three letters or fewer meets common words through it (البحرين -> بحر "sea",
 * سوري -> سور "wall", تركي -> ترك "left", دبي -> دب "bear"), so it goes as the forms a text writes: with the
 * article and the attached conjunction and prepositions, and a nisba (سوري) with its feminine and plurals.
 * Null for a name the stemmer leaves long enough.
 */
function arabicForms(word: string): string[] | null {
  if ([...stemWord(arabicStemmer!, word)].length >= 4) return null;
  const bare = word.replace(/^ال/u, "");
  const inflected = /ي$/u.test(word) && bare === word ? [word, `${word}ة`, `${word}ون`, `${word}ين`] : [bare];
  const withArticle = inflected.map((form) => `ال${form}`);
  const out = new Set<string>(bare === word ? inflected : []);
  for (const form of withArticle) for (const prefix of ["", "و", "ب", "ف", "وب"]) out.add(prefix + form);
  for (const form of withArticle) out.add(`ل${form.slice(1)}`);
  if (bare === word) for (const prefix of ["و", "ب", "ل"]) out.add(prefix + word);
  return [...out];
}

/** What follows a short name in each script when it is the place: a particle, "people", "government". */
const CJK_FOLLOWERS = {
  hangul: ["의", "에서", "에는", "정부", "인", "산", "기업", "국민", "대통령"],
  kana: ["の", "で", "は", "に", "が", "と", "へ", "人", "政府", "企業"],
  han: ["政府", "人", "总统", "總統", "首都", "企业", "企業", "的"],
} as const;

/**
 * A Chinese, Japanese or Korean name as a term: matched as a substring, so a name of one or two characters is
 * taken only with what follows it (마셜 in 마셜의, マリ in マリの, 加蓬 in 加蓬政府), unless it is known safe
 * alone; a name of several words (Korean spaces, the Japanese ・) is its words near each other, or written together.
 */
function cjkPlaceTerm(name: string, shortSafe: boolean): string {
  const parts = name.split(/[\s・･-]+/u).filter((part) => part.length > 0);
  const compact = parts.join("");
  if (parts.length > 1) return `(${compact} OR (${parts.join(" NEAR/3 ")}))`;
  if ([...compact].length >= 3 || shortSafe || SHORT_CJK_NAMES.has(compact)) return compact;
  const script = /\p{Script=Hangul}/u.test(compact)
    ? "hangul"
    : /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(compact)
      ? "kana"
      : "han";
  const attached = CJK_FOLLOWERS[script].map((next) => compact + next);
  // Korean writes a space before a noun (통가 정부, "Tonga's government"; 인도 개발자, India's developers, who adopt
  // a model), and lists names with ・ (피지·통가).
  if (script === "hangul")
    attached.push(
      `(${compact} NEAR/1 (정부 OR 국민 OR 대통령 OR 총리 OR 기업 OR 당국 OR 개발자 OR 스타트업 OR 은행 OR 대학 OR 병원 OR 농민 OR 학생 OR 학교))`,
    );
  return `(${attached.join(" OR ")})`;
}

/**
 * One name as a query term: a plain word (stemmed in the article's language), a phrase for several words,
 * `=word` for a word that must match as written, or null when it must be left out. `exactLatin`: a one-word
 * Latin-script name matches as written; country names take it, since a stemmed name meets common words
 * ("Saudi" and Portuguese "saúde", "Wallis" and "Wall") while Latin-script country names barely inflect.
 */
export function placeTerm(
  raw: string,
  options: { exactLatin?: boolean; shortCjk?: boolean } = {},
): string | null {
  const name = raw.replace(/_/g, " ").replace(/["*]/g, "").trim();
  if (!name || NOISY_NAMES.has(placeKey(name))) return null;
  if (cjk.test(name)) return cjkPlaceTerm(name, options.shortCjk === true);
  if (arabicStemmer && /^[\u0600-\u06ff]+$/u.test(name)) {
    const forms = arabicForms(name);
    if (forms) return `(${forms.map((form) => `=${form}`).join(" OR ")})`;
  }
  if (/[^\p{L}\p{M}\p{N}-]/u.test(name)) return `"${name}"`;
  const letters = [...name.replace(/-/g, "")].length;
  // A Russian name with a short stem goes as its case forms: "Ирана", "Иране" as well as "Иран".
  if (russianStemmer && /^[\u0400-\u04ff]+$/u.test(name)) {
    const lower = name.toLowerCase();
    if (letters <= 4 || [...stemWord(russianStemmer, lower)].length < 4) {
      const forms = russianForms(lower);
      return forms.length === 1 ? `=${name}` : `(${forms.map((form) => `=${form}`).join(" OR ")})`;
    }
    const obliques = obliqueStems(lower);
    if (obliques.length > 0) return `(${[name, ...obliques].join(" OR ")})`;
  }
  // Short names stem to three letters or fewer and meet common words ("Мали" → "мал", as in "мало"; a
  // wildcard would be worse: "Того*" is Russian "того"): they match as written.
  if (letters <= 4 || (options.exactLatin && latin.test(name))) return `=${name}`;
  return name;
}

/** Every CLDR name (and part of a name) of the regions outside the concept, folded: "США" in "(США)". */
let outsideNames: Set<string> | undefined;
function namesOutside(): Set<string> {
  if (!outsideNames) {
    const inside = new Set(globalSouthCodes());
    outsideNames = new Set<string>();
    for (const code of ISO_COUNTRIES) {
      if (inside.has(code)) continue;
      for (const name of cldrNames(code)) outsideNames.add(placeKey(name));
    }
  }
  return outsideNames;
}

function cldrNames(code: string): string[] {
  const out: string[] = [];
  // Traditional Chinese too: Taiwan's names differ from the mainland's (印尼, 肯亞, 奈及利亞), not only in script.
  for (const lang of [...CONCEPT_LANGUAGES, "zh-Hant"]) {
    for (const style of ["long", "short"] as const) {
      const name = new Intl.DisplayNames([lang], { type: "region", style }).of(code);
      if (name && name !== code) out.push(name);
      // German genitive of a neuter country name ("Indiens Regierung"), since country names match as written.
      if (lang === "de" && name && /^\p{L}+$/u.test(name) && !/[sxzß]$/u.test(name)) out.push(`${name}s`);
    }
  }
  return out;
}

/**
 * CLDR's names of one region in every concept language, long and short forms, with parentheses and
 * "Congo - Kinshasa" split out; a part that names a region outside the concept ("Virgin Islands (US)") is not kept.
 */
export function regionNames(code: string): string[] {
  const names = new Set<string>();
  for (const name of cldrNames(code)) {
    const parts = name.split(/\s*[()（）]\s*|\s+[-–]\s+|\s+&\s+/u).filter((p) => p.trim().length > 0);
    if (parts.length === 1) names.add(name);
    else for (const part of parts) if (!namesOutside().has(placeKey(part.trim()))) names.add(part.trim());
  }
  return [...names];
}

/** Guinea is also "guinea pig", "guinea fowl": the country's English name counts only without them. */
const GUINEA = '(guinea NOT "guinea pig*" NOT "guinea fowl")';
/**
 * Names with a term of their own: インド (India) also sits inside ウインドウ (window, Windows) and インドア
 * (indoor); a stemmed Riyadh and Rabat would find Arabic الرياضيات (mathematics), الرياضة (sport) and رباط
 * (bond); a stemmed "Saudi" finds Portuguese "saúde" (health).
 */
const special: Readonly<Record<string, string>> = {
  guinea: GUINEA,
  // タイ (Thailand) sits inside タイトル, タイプ, タイミング and リアルタイム; Korean 이란 (Iran) is also the
  // particle "-이란" ("인공지능이란", what AI is). Both count with what follows the name: a particle, 人, 政府.
  タイ: "(タイの OR タイで OR タイは OR タイに OR タイが OR タイと OR タイへ OR タイ人 OR タイ政府 OR タイ王国 OR タイ企業)",
  이란: "(이란의 OR 이란은 OR 이란이 OR 이란과 OR 이란에 OR 이란을 OR 이란산 OR 이란인)",
  niger: "=niger",
  // Vietnamese thái (động thái, a move; trạng thái, a state; thái độ, an attitude) folds to English "Thai".
  thai: '(=thai NOT "động thái" NOT "trạng thái" NOT "thái độ")',
  インド: "(インド NOT ウインドウ NOT インドア)",
  الرياض: "=الرياض",
  الرباط: "=الرباط",
  saudi: "=Saudi",
};

function termsOf(
  names: Iterable<string>,
  options: { exactLatin?: boolean; shortCjk?: boolean } = {},
): string[] {
  const out = new Map<string, string>();
  for (const name of names) {
    const term = special[placeKey(name)] ?? placeTerm(name, options);
    if (term && !out.has(placeKey(term))) out.set(placeKey(term), term);
  }
  return [...out.values()];
}

const listOf = (text: string) => (text.match(/"[^"]*"|\S+/g) ?? []).map((item) => item.replace(/"/g, ""));

const globalSouthCodes = () => Object.values(GLOBAL_SOUTH_M49).flatMap((list) => list.split(" "));

/** Demonyms the rules of demonyms.ts derive from each country's CLDR names, noisy names (Georgia, Mali) aside. */
export function globalSouthDemonyms(): string[] {
  const out = new Set<string>();
  for (const code of globalSouthCodes()) {
    for (const lang of DEMONYM_LANGUAGES) {
      for (const style of ["long", "short"] as const) {
        const name = new Intl.DisplayNames([lang], { type: "region", style }).of(code);
        if (!name || name === code || NOISY_NAMES.has(placeKey(name))) continue;
        for (const demonym of derivedDemonyms(lang, name)) out.add(demonym);
      }
    }
  }
  return [...out];
}

function globalSouth(): string {
  const countries = termsOf(globalSouthCodes().flatMap(regionNames), { exactLatin: true });
  // The hand-written names first: where several terms find one word, the explanation names the first, and a
  // real word reads better there than a rule's form ("Kenyan" rather than "Kenyais").
  const places: string[] = [];
  for (const place of Object.values(CAPITALS_AND_DEMONYMS)) {
    for (const list of Object.values(place)) places.push(...listOf(list));
  }
  places.push(...listOf(MORE_PLACES), ...globalSouthDemonyms());
  const names: string[] = [];
  // Region words, in the 16 languages: an adoption story may name the region rather than a country.
  names.push(
    ...listOf(
      '"Global South" "globalen Süden" "globaler Süden" 全球南方 "Sud global" "Sud Global" "Sur global" "Sul global" ' +
        'グローバルサウス \'الجنوب_العالمي\' "ग्लोबल साउथ" "Global Selatan" "Nam bán cầu" "Kusini mwa Dunia" ' +
        '글로벌사우스 "Sud del mondo" "Глобальный Юг" "Küresel Güney" "developing countries" Entwicklungsländer ' +
        '发展中国家 "pays en développement" "países en desarrollo" "países em desenvolvimento" 途上国 ' +
        '"الدول النامية" "विकासशील देश" "negara berkembang" "nước đang phát triển" "nchi zinazoendelea" 개발도상국 ' +
        '"paesi in via di sviluppo" "развивающиеся страны" "gelişmekte olan ülkeler" "emerging markets" Schwellenländer ' +
        '"Sud globale" "Selatan Global"',
    ).map((item) => item.replace(/'/g, "")),
  );
  // CLDR's cities match as written in Latin script, like country names: a stemmed "Grenada" is French "grenade".
  const cities = termsOf(globalSouthCityNames(), { exactLatin: true });
  // States and provinces match as written too (Minas Gerais, Maharashtra, Da Nang).
  const cityTerms = new Set(cities.map(placeKey));
  const subdivisions = termsOf(globalSouthSubdivisionNames(), { exactLatin: true }).filter(
    (term) => !cityTerms.has(placeKey(term)),
  );
  return [
    ...new Set([
      ...countries,
      ...termsOf(places, { shortCjk: true }),
      ...cities,
      ...subdivisions,
      ...termsOf(names),
    ]),
  ].join(" OR ");
}

const china = [
  "Wachina Mchina China Chinese chinesisch Chinesen Peking Beijing 中国 中方 北京 Chine chinois Pékin chino Pekín Pequim",
  'chinês chinesa 中国人 الصين صيني بكين चीन बीजिंग Tiongkok Cina Tionghoa "Trung Quốc" "Bắc Kinh" Uchina',
  "Kichina 중국 베이징 중국인 cinese Pechino لبكين Китай китайский Пекин Çin Çinli Pekin",
  // Russian cases that the stemmer cuts to another stem than the nominative's (Китая, Пекина).
  "=Китая =Китаю =Китаем =Китае =Пекина =Пекину =Пекином =Пекине",
  // Hindi चीनी is also "sugar" and Spanish "sino" is "but rather": neither is listed (the Hindi stemmer
  // still finds चीनी from चीन).
].join(" ");

const usGovernment = [
  '"White House" "Weißes Haus" "Weißen Haus" 白宫 "Maison Blanche" "Casa Blanca" "Casa Branca" ホワイトハウス',
  '"البيت الأبيض" "व्हाइट हाउस" "Gedung Putih" "Nhà Trắng" "Ikulu ya Marekani" 백악관 "Casa Bianca" "Белый дом"',
  '"Beyaz Saray" Washington 华盛顿 ワシントン واشنطن वाशिंगटन 워싱턴 Вашингтон Vaşington',
  '"Commerce Department" "Department of Commerce" "Commerce Secretary" US-Handelsministerium "amerikanische Handelsministerium"',
  '美国商务部 "département du Commerce" "Departamento de Comercio" "Departamento de Comércio" 米商務省',
  '"وزارة التجارة الأمريكية" "وزارة التجارة الأميركية" "الإدارة الأمريكية" "الإدارة الأميركية" "अमेरिकी वाणिज्य विभाग" "Departemen Perdagangan AS" "Kementerian Perdagangan AS"',
  '"Bộ Thương mại Mỹ" "Wizara ya Biashara ya Marekani" "Dipartimento del Commercio USA" "Минторг США"',
  '"Министерство торговли США" "ABD Ticaret Bakanlığı" "Bureau of Industry and Security" 工业与安全局',
  // The Bureau of Industry and Security as each language names it, and the US authorities in short (米当局, 美商务部).
  '"Oficina de Industria y Seguridad" "Escritório de Indústria e Segurança" "Bureau de l\'industrie et de la sécurité"',
  '"Бюро промышленности и безопасности" "مكتب الصناعة والأمن" "Biro Industri dan Keamanan" "Idara ya Usalama wa Viwanda"',
  '"Cục Công nghiệp và An ninh" "Sanayi ve Güvenlik Bürosu" "उद्योग और सुरक्षा ब्यूरो" 米当局 米商務省 美商务部 美国工业与安全局',
  '産業安全保障局 산업안보국 "US Congress" "U.S. Congress" "Capitol Hill" US-Kongress "Congrès américain"',
  '"Congreso estadounidense" "Congreso de Estados Unidos" "Congresso americano" "Congresso dos EUA" 美国国会',
  '米議会 "الكونغرس الأمريكي" "अमेरिकी कांग्रेस" "Kongres AS" "Quốc hội Mỹ" "Bunge la Marekani"',
  '"Congresso statunitense" "Конгресс США" "ABD Kongresi" "Trump administration" "Biden administration"',
  '"US government" "U.S. government" US-Regierung "gouvernement américain" "administration américaine"',
  '"gobierno estadounidense" "gobierno de Estados Unidos" "governo americano" "governo dos EUA" 美国政府 米政府',
  '"الحكومة الأمريكية" "الحكومة الأميركية" "अमेरिकी सरकार" "pemerintah AS" "chính phủ Mỹ" "serikali ya Marekani"',
  '"governo statunitense" "правительство США" "администрация США" "ABD hükümeti" "ABD yönetimi"',
  // The presidents stand for their administrations; Washington in Hindi is written both ways.
  "Trump Biden ट्रंप ट्रम्प बाइडन बाइडेन Трамп Трампа Байден Байдена ترامب بايدن トランプ バイデン 트럼프 바이든",
  "特朗普 川普 拜登 वॉशिंगटन",
  // "BIS" alone is German "until"; "Congress" alone is India's party and China's party congress; a bare
  // "commerce ministry" (Handelsministerium, 商務省, 상무부) is China's as often as the US's.
].join(" ");

const chips = [
  'chip chipmaker* chipmaking chipset* semiconductor* GPU GPUs TPU NPU wafer* "graphics processor*" "AI accelerator*"',
  // High-bandwidth memory, the AI chips' memory, is controlled as they are.
  '"high-bandwidth memory" "high bandwidth memory" 高帯域メモリ 高帯域メモリー 高带宽内存 高頻寬記憶體 고대역폭메모리 "고대역폭 메모리"',
  "Chip Chips Halbleiter* Chiphersteller* Grafikprozessor* Grafikkarte* KI-Beschleuniger",
  "芯片 半导体 晶片 显卡 图形处理器 加速器 晶圆 算力",
  'puce puces semi-conducteur* semiconducteur* "processeur graphique" "processeurs graphiques" "cartes graphiques"',
  'semiconductor* "procesador gráfico" "procesadores gráficos" chips',
  'semicondutor* "processador gráfico" "processadores gráficos"',
  "半導体 チップ 画像処理半導体 アクセラレーター",
  'رقائق شرائح "أشباه الموصلات" "معالجات الرسوميات"',
  "चिप सेमीकंडक्टर अर्धचालक जीपीयू प्रोसेसर",
  // Processors as each language names them: the diffusion rule capped "processors" as often as "chips".
  'prosesor* işlemci* "bộ xử lý" процессор* معالجات المعالجات 프로세서 处理器 處理器 プロセッサ',
  "cip semikonduktor",
  '"bán dẫn" "vi mạch"',
  "chipu semikondakta semikonda* vichakataji kichakataji",
  "반도체 그래픽처리장치 가속기",
  'semiconduttor* "processori grafici" "processore grafico"',
  'чип* микрочип* микросхем* полупроводник* видеокарт* "графический процессор" "графических процессоров"',
  '"yarı iletken*" çip* yonga* "grafik işlemci*"',
].join(" ");

const exportControls = [
  `"export control*" "export curb*" "export ban*" "export restriction*" "export rule*" "export limit*"`,
  `"export licen*" export-control* exportkontroll* exportbeschränkung* exportverbot* exportstopp*`,
  // Export licences in each language ("تراخيص التصدير", "licences d'exportation").
  `"تراخيص التصدير" "ترخيص التصدير" "رخص التصدير" "licencias de exportación" "licences d'exportation"`,
  `"licence d'exportation" "licenças de exportação" "licença de exportação" "licenze di esportazione" exportlizenz*`,
  `"izin ekspor" "giấy phép xuất khẩu" "leseni za kuuza nje" "ihracat lisans*" "экспортн* лицензи*" "निर्यात लाइसेंस"`,
  `"수출 허가" 出口许可 輸出許可 輸出ライセンス`,
  `exportregel* ausfuhr* "contrôle* des exportations" "contrôles à l exportation"`,
  `"controles de exportación" "restricciones a la exportación" "controle* de exportação"`,
  `"restrições à exportação" 出口管制 出口限制 出口禁令 禁售 输出管制 輸出規制 輸出管理 禁輸 "entity list" entity-list 实体清单 實體清單`,
  `エンティティー エンティティ sanction* sanktion* sancion* sanções sancoes 制裁 "diffusion rule" "ai diffusion"`,
  `"diffusion framework" smuggl* schmuggel* contreband* contrabando* 走私 密輸 blacklist* "liste noire"`,
  `"lista negra" "schwarze liste" 黑名单 "lista de entidades" "liste des entités" entity-liste`,
  `"orodha nyeusi" "controlli sulle esportazioni" "lista nera" sanzioni contrabbando "kontrol ekspor"`,
  `"daftar entitas" "larangan ekspor" "pembatasan ekspor" sanksi penyelundupan "kiểm soát xuất khẩu"`,
  `"danh sách thực thể" "hạn chế xuất khẩu" "buôn lậu" "trừng phạt" "danh sách đen" magendo`,
  `"orodha ya vikwazo" "udhibiti wa mauzo" "ihracat kontrol*" "ihracat denetim*" "निर्यात पर नियंत्रण" "ihracat kısıtlama*" "ihracat yasağı"`,
  `"kara liste*" yaptırım* kaçakçılı* "экспортный контроль" "экспортные ограничения"`,
  `"ограничения на экспорт" санкци* "черный список" "чёрный список" контрабанд* "ضوابط التصدير"`,
  `"قيود التصدير" "قيود تصدير" "حظر تصدير" "قائمة الكيانات" تهريب عقوبات "निर्यात नियंत्रण"`,
  // German compounds: US-Chipsanktionen, Halbleiter-Exportverbot.
  `*sanktion* *exportkontroll* *exportverbot* *chipbeschränkung* *chipexportverbot* *chip-beschränkung* पाबंदी पाबंदियों *ausfuhrverbot* *exportbeschränkung* vikwazo`,
  `"القائمة السوداء" "قائمة سوداء" ブラックリスト "daftar hitam" "काली सूची" ब्लैकलिस्ट* "निर्यात प्रतिबंध" "एंटिटी लिस्ट" तस्करी 수출통제 "수출 통제" "수출 규제" "수출 제한" 블랙리스트 밀반출 밀수 "엔티티 리스트" 黑名單`,
].join(" ");

// Artificial intelligence, models and chatbots as the press of each language names them, ChatGPT in each script
// (a story that sets a model beside it is about AI whatever other words it uses).
const ai = [
  // OpenAI and GenAI as written: French Snowball cuts them to "open" and "gen" (open source is no AI).
  'ai a.i ki ia =genai chatbot* llm* chatgpt =openai deepseek "artificial intelligence" "language model*" "ai model*"',
  '"künstliche* intelligenz" "intelligence artificielle" "inteligencia artificial" "inteligência artificial"',
  '"intelligenza artificiale" 人工智能 人工知能 生成AI 生成式AI 大模型 大语言模型 人工智慧 聊天机器人 聊天機器人',
  'チャットボット チャットGPT 対話型AI 인공지능 챗봇 챗GPT 챗지피티 언어모델 "언어 모델"',
  '"kecerdasan buatan" "trí tuệ nhân tạo" "akili bandia" "akili mnemba" "yapay zeka*" "yapay zekâ*" "sohbet bot*"',
  '"sohbet robot*" ии нейросет* "искусственный интеллект" "искусственного интеллекта" чат-бот* чатgpt',
  'الذكاء "ذكاء اصطناعي" "روبوت الدردشة" "روبوت محادثة" "شات بوت" "شات جي بي تي" "تشات جي بي تي"',
  'एआई "कृत्रिम बुद्धिमत्ता" "आर्टिफिशियल इंटेलिजेंस" चैटबॉट चैटजीपीटी',
  // A language model as each language names it ("modelo de lenguaje", "model bahasa", 大規模言語モデル).
  '"modelo* de lenguaje" "modelo* de linguagem" "modèle* de langage" "modell* linguistic*" "model* bahasa"',
  '"mô hình ngôn ngữ" "языков* модел*" "dil model*" "نموذج لغوي" "نماذج لغوية" "भाषा मॉडल" "modeli ya lugha"',
  '言語モデル 语言模型 sprachmodell* "نموذجا لغويا"',
  // Virtual and digital assistants.
  '"virtual assistant*" "digital assistant*" "asistente* virtual*" "assistant* virtuel*" "assistente* virtua*"',
  '"virtuelle* assistent*" "digitale* assistent*" "asisten virtual" "trợ lý ảo" "sanal asistan*" "виртуальн* ассистент*"',
  '"مساعد* رقمي*" "مساعد* افتراضي*" "वर्चुअल असिस्टेंट" "가상 비서" 虚拟助手 虛擬助理 バーチャルアシスタント',
  '"msaidizi wa kidijitali" "asistente digital" "assistente digital" "assistente virtuale"',
].join(" ");

// What export curbs are called: bans, curbs, restrictions, limits, licences, halts and tightening, and the
// loopholes closed in them, in the 16 supported languages (verbs as the press of each language inflects them).
const curbs = [
  "ban bans banned banning curb* restri* limit* block* tighten* crackdown licen* halt* cut stop loophole*",
  // Ceasing a sale or a service is a curb too ("cesser la maintenance des machines à puces en Chine").
  "cesser cessent cessation cesar cessar cessare interromp* einstell*",
  // Tightening told as turning the screw.
  '"serre la vis" "serrer la vis" "tour de vis" "giro di vite" "vuelta de tuerca" "aperta o cerco"',
  "suspend suspender sospendere suspendre frenar aussetzen lizenz* verbot* *schränk* verschärf*",
  // French restreindre (restreint, restreignent), Italian stringere, Portuguese apertar and Indonesian memperketat,
  // which no stem of the words above reaches; German *schränk* is beschränken, einschränken and their compounds.
  "restrei* =stringe =stringono =stretta apertam apertou apertaram apertar memperketat diperketat",
  "sperr* verbiet* untersag* interdi* prohib* proib* veto* vieta* durci* endurec* inaspr* divieto restrizion* stretta",
  "许可 許可 受限 禁止 限制 管制 禁令 规制 規制 封锁 禁运 收紧 收緊 ライセンス 制限 厳格化 締め付け 禁輸",
  // Swahili passives: zuiwa, zuiliwa (barred, blocked).
  'larangan batasi pembatasan perketat "hạn chế" siết "lệnh cấm" cấm vikwazo *zuia* *zuiw* *zuiliw* marufuku masharti *dhibiti*',
  // Turkish narrows a verb's last vowel before -yor (kısıtla- -> kısıtlıyor, sınırla- -> sınırlıyor).
  "규제 제한 통제 금지 제재 огранич* запрет* ужесточ* kısıtl* yasak* sıkılaştır* sınırl* engelle*",
  // Making access harder, narrowing it, squeezing it (erschweren, persulit, تضيق, daraltıyor, yabana).
  "erschwer* persulit mempersulit تضيق يضيق ضيق daralt* yabana kubana inabana",
  // Blocking and halting, and the loopholes closed (access to rented GPUs in the cloud, shipments to a customer).
  "stopp* durdur* блокир* прекрат* приостанов* chặn ngừng dừng 차단 중단 停止 中止 暂停 遮断 阻断 blokir hentikan",
  'menghentikan *sitisha* وقف بوقف توقف حجب बंद scappatoi* resquicio* schlupfloch* celah "kẽ hở" "lỗ hổng" mwanya',
  'boşluk* лазейк* ثغرة ثغرات खामी लूपहोल 허점 抜け穴 漏洞 "ferme la porte" "cierra la puerta" "fecha a porta"',
  '"chiude la porta" "закрыли доступ" "закрыть доступ" "закрывает доступ"',
  // Arabic present-tense verbs carry a prefix the stemmer leaves on (تحظر, she bans; يقيد, he restricts).
  "قيود حظر تحظر يحظر حظرت منع تمنع يمنع منعت تقييد تقيد يقيد قيدت تشديد يشدد تشدد شددت تفرض يفرض فرضت",
  "प्रतिबंध सख्त रोक पाबंदी पाबंदियों पाबंदियां 허가 कड़ा कड़े कड़ी",
  // A licence requirement is a curb in every script, as licen* is in the Latin ones.
  'लाइसेंस lisans* leseni лиценз* "giấy phép" ترخيص تراخيص',
].join(" ");

// Licences, permits and approvals, and the green light a government gives, in the 16 supported languages.
const licences = [
  'licen* lisensi lizenz* licenç* lisans* "cấp phép" permis* permit* izin* izn* "giấy phép" leseni лиценз* разрешени* ترخيص تراخيص رخصة',
  // Permits in the plural and in Turkish cases (تصاريح, vibali; izne, iznini).
  "تصاريح تصريح vibali",
  "लाइसेंस 허가 승인 许可 許可 approv* genehmig* autoriz* aprob* aprova* approva* persetujuan onay* одобр* موافقة",
  'الموافقة بموافقة मंजूरी 批准 承認 "green light" "feu vert" "luz verde" "sinal verde" "via libera"',
  '"grünes licht" "lampu hijau" "bật đèn xanh" kibali idhini ruhusa idhinish* "yeşil ışık" "зелёный свет" "зеленый свет"',
  '"الضوء الأخضر" "हरी झंडी" 허용 ライセンス',
  // Permits and permission in Hindi, approval as an Arabic verb, a green light without the article.
  'परमिट अनुमति وافق وافقت يوافق توافق "ضوءا أخضر" "ضوء أخضر"',
].join(" ");

// The Gulf states, their capitals and the Middle East, where US chip licences and caps are news.
const gulf = [
  'gulf golfe golfo golfstaat* teluk "vùng vịnh" ghuba körfez залив* الخليج खाड़ी 걸프 海湾 湾岸 中東 中东',
  'emirat* uae "abu dhabi" g42 saudi* saoudi* suudi* qatar* katar* humain الإمارات الامارات السعودية قطر 아랍에미리트',
  '사우디 阿联酋 阿聯酋 沙特 沙烏地 यूएई bae uea "falme za kiarabu" "abu dabi" ОАЭ саудовск* эмират*',
  '"संयुक्त अरब अमीरात" सऊदी "middle east" 중동 "orta doğu" "الشرق الأوسط" "ближн* восток*" "trung đông" "timur tengah"',
  '"ả rập xê út" "xê út" riyadh サウジ アラブ首長国連邦 カタール アブダビ 아부다비 카타르 أبوظبي ابوظبي =الرياض',
].join(" ");

// The United States by name and adjective. Indonesian writes it "AS" after its noun ("larangan AS", the US ban),
// and "as" alone is English, so it goes as those phrases.
const unitedStates = [
  '美国 美國 米国 米政府 usa eeuu eua us u.s ee.uu "ee uu" "stati uniti" "amerika serikat" mỹ marekani abd amerikan*',
  'сша американск* "الولايات المتحدة" الأمريكية الأميركية أميركا أمريكا अमेरिका अमेरिकी 미국 american* américain*',
  "estadounidense* norte-american* statunitens*",
  // The country's own name in French, Spanish, Portuguese, German, Vietnamese, Russian, Hindi and Japanese.
  'états-unis "estados unidos" "vereinigte* staaten" "hoa kỳ" "соединённые штаты" "соединенные штаты"',
  '"соединенных штатов" "संयुक्त राज्य" アメリカ',
  '"larangan as" "pembatasan as" "sanksi as" "pemerintah as" "presiden as" "ekspor as" "otoritas as" "chip as" "cip as"',
].join(" ");

// Adoption: using, adopting, deploying, piloting, launching and building on a model, in the 16 supported languages
// (verbs as each language inflects them), and who adopts (governments, start-ups, developers, universities, banks,
// farmers, students).
const adoption = `adopt* adopci* adoç* adot* adopsi uptake use using usa usan utiliz* uso nutz* einsatz* einsetz* setz* pakai gunakan menggunakan memanfaatkan dùng "sử dụng" "áp dụng" "ứng dụng" *tumia* kullan* benimse* использ* пользу* внедр* تستخدم يستخدم استخدام تعتمد اعتماد تبني अपना* उपयोग इस्तेमाल 도입 활용 사용 이용 채택 적용 采用 使用 普及 应用 應用 部署 導入 利用 活用 download* téléchargé* descarga* unduh* "lượt tải" التنزيلات तنزيل डाउनलोड 다운로드 скачива* загрузк* indir* 下载 ダウンロード deploy* déploi* despliegue access* accès acceso acesso zugang afford* cheap* low-cost gratuit* gratis free murah "giá rẻ" "miễn phí" bure nafuu ucuz ücretsiz бесплатн* дешев* дешёв* مجاني "منخفضة التكلفة" मुफ्त सस्त* 무료 저렴 저비용 低成本 免费 廉价 無料 無償 安価 startup* start-up* rintisan "khởi nghiệp" "kampuni changa" girişim* стартап* ناشئة स्टार्टअप 스타트업 初创 developer* entwickler* développeur* desarrollador* desenvolvedor* разработчик* 개발자 开发者 開発者 universi* "đại học" "vyuo vikuu" üniversite* университет* جامعات الجامعات विश्वविद्यालय 대학 大学 government* gouvernement* gobierno* governo* regierung* pemerintah "chính phủ" serikali hükümet* правительств* حكومة الحكومة सरकार 정부 政府 ministr* министерств* وزارة मंत्रालय pilot* test* teste* prueba* prova* uji "thử nghiệm" majaribio dene* тестир* اختبار परीक्षण 시범 테스트 试点 試験 実証 switch* embrac* rely relies andalkan launch* lanc* lanza* luncur* "ra mắt" zindua* запуск* أطلق* لॉन्च 출시 推出 上线 上線 "roll* out" rollout* "built on" "based on" "powered by" basé* basad* baseado* basat* basiert* berbasis "dựa trên" kulingana dayalı "на базе" "основан*" "مبني على" आधारित 기반 基于 基於 integrat* intègr* integra* integrier* entegre* "tích hợp" внедр* تدمج इंटीग्रेट 통합 集成 接入 搭載 yararlan* yönel* "düşük maliyet*" farmers agriculteurs agricultores agricoltori petani "nông dân" wakulima çiftçi* фермер* المزارعين किसान 농민 students studierende* schüler* étudiants estudiantes estudantes studenti mahasiswa siswa "sinh viên" wanafunzi öğrenci* студент* الطلاب छात्र 학생 学生 bank* banque* banco* "ngân hàng" benki банк* بنوك البنوك बैंक 은행 银行 strateg* stratej* стратеги* استراتيجية रणनीति gap local محلي المحلية utilis* beralih "turn to" "turns to" "turning to" harness* 使っ 使い 使う 使わ 使え 取り入れ 乗り換え スタートアップ 新興企業 開発者 大学 تطلق يطلق أطلقت إطلاق اطلاق مبنيا مبنية مبنى تتبنى يتبنى تبنت تستعين يستعين تختبر يختبر تجرب تجربة *kumbatia* *jaribu* *tegemea* *hamia* переход* пилотн* "triển khai" "chuyển sang" umsteig* recour* misent apuestan apostam sfrutt* आजमा* geçiş تستضيف يستضيف تشغل يشغل تشغيل runs running hosts hosting héberg* aloja* hospeda* banche "puntano su" "punta su" запусти* =deniyor çalıştır* bakanlı* kementerian wizara مطور مطورون مطوري المطورين pengembang "nhà phát triển" wasanidi msanidi geliştirici* sviluppator* डेवलपर* ${[
  // Building a model into a product (組み込み, 탑재, 統合), deploying it (運用, 배치, развернула), and a rush to it
  // (殺到, 몰려, akın, wakimbilia, يتدفقون, đổ xô, flock).
  "組み込 탑재 統合 *unganish* tanamkan menanamkan plug* 運用 配備 배치 배포 разверн* तैनात",
  '殺到 몰려 몰리 akın *kimbilia* يتدفق* تتدفق* "stürzen sich" "se ruent" "se rue" "se vuelcan" "correm para"',
  '"si riversano" beramai-ramai "đổ xô" flock* उमड़',
  // Trying, running, hosting and switching to a model as Japanese, Vietnamese, Italian and German put it (試行,
  // 動かしている, chạy, sperimenta, ospitano, wechseln zum), and farmers in Japanese and Chinese. Not who else
  // might adopt (schools, hospitals, the public sector) nor offering or publishing: those nouns and verbs come
  // as often with a ban, a breach or a lawsuit as with uptake.
  "experiment* expériment* experimenta* sperimenta* erprob* eksperimen* эксперимент* प्रयोग 실험 试用 試用 試行 試し 試す 試み",
  '"uji coba" thử chạy 動かし 動かす 動かせ 稼働 运行 運行 구동 =roda =rodam =rodar =rodando "fait tourner" "font tourner"',
  "betreib* menjalankan jalankan *endesha* ospita* 展開 wechseln wechselt wechselten umstellen 切り替え 切り替 移行",
  "改用 转用 轉用 農家 農民 农民",
  // Installing a model and putting it into service (설치, 가동, devreye almak), training one of one's own
  // (entrena, melatih, 训练), turning to it or founding a project on it. Its users count only beside AI (in
  // global-south-adoption's query): a regulator's questions about users' data are no uptake.
  'install* instal* "cài đặt" kurdu kuruldu установ* تثبيت इंस्टॉल 설치 安装 安裝 インストール 가동 devreye',
  'train* entrena* entrenó entraîn* treina* addestra* trainier* melatih "huấn luyện" обучил* обучен* "eğitti*"',
  'eğitiyor eğitilen درب تدريب प्रशिक्षित 훈련 训练 訓練 "se tourne*" "se vuelve* hacia" "se volta* para" "si rivolg*"',
  '"fondé* sur" "fondée* sur" "fundado* en" "fundamentado* em" "construid* sobre" "construíd* sobre" "bâti* sur"',
  '"costruit* su" "gebaut auf" "dibangun di atas" "xây dựng trên" *jengwa "üzerine inşa" "построен* на" "на основе"',
  '"créé* à partir" "treinad* a partir" "sviluppat* a partire" *preferisc* prefieren prefer*',
  // Relying on a model, as the Romance languages say it (s'appuie sur, se apoya en, apoia-se em, si appoggia a).
  '"s\'appuie* sur" "s\'appuy* sur" "se apoya* en" "apoia-se em" "apoiam-se em" "si appoggia*"',
].join(" ")}`;

function anyOf(text: string): string {
  return [...new Set(text.match(/"[^"]*"|\S+/g) ?? [])].join(" OR ");
}

/**
 * The bundled concepts, built on first use: `@global-south` reads some 10,000 CLDR names through Intl (about
 * 170 ms), which only a first start's seeding, tests and tools need, not every server or CLI start.
 */
let built: readonly DefaultConcept[] | undefined;
export function defaultConcepts(): readonly DefaultConcept[] {
  built ??= buildDefaultConcepts();
  return built;
}

function buildDefaultConcepts(): readonly DefaultConcept[] {
  return [
    {
      name: "global-south",
      description:
        "Countries and territories of Africa, Latin America and the Caribbean, South, Southeast, Central and " +
        "West Asia (the Gulf included) and the Pacific islands (UN M49), not China, Israel or Cyprus: names " +
        "from CLDR in 16 languages; capitals and big cities from CLDR's time-zone cities in 16 languages, and " +
        "the capitals no zone is named after; the states and provinces of the countries of 30 million people or " +
        "more, from CLDR's subdivisions; demonyms by each language's word formation and, for the 40 most " +
        "populous, by hand; region words.",
      query: globalSouth(),
    },
    {
      name: "china",
      description: "China, Chinese and Beijing in the 16 supported languages.",
      query: anyOf(china),
    },
    {
      name: "us-government",
      description:
        "The US government: Washington, the White House, the Commerce Department and its BIS, Congress, the " +
        "administration, in the 16 supported languages.",
      // Korean writes "미국 상무부" (US Commerce Department) with a space, and the bare words are generic.
      // Korean headlines write the US as 美 before the department too.
      query: `${anyOf(usGovernment)} OR (미국 NEAR/1 (상무부 OR 정부 OR 의회)) OR ((미 OR 美) NEAR/1 (상무부 OR 의회 OR 정부))`,
    },
    {
      name: "export-controls",
      description:
        "Export controls, export bans and licences, sanctions, the entity list, blacklists and chip smuggling, in " +
        "the 16 supported languages.",
      query: anyOf(exportControls),
    },
    {
      name: "ai",
      description:
        "Artificial intelligence, AI models and chatbots, and ChatGPT in each script, in the 16 supported languages.",
      query: anyOf(ai),
    },
    {
      name: "curbs",
      description:
        "Bans, curbs, restrictions, limits, licences, halts and tightening, in the 16 supported languages.",
      query: anyOf(curbs),
    },
    {
      name: "licences",
      description: "Licences, permits, approvals and the green light, in the 16 supported languages.",
      query: anyOf(licences),
    },
    {
      name: "gulf",
      description: "The Gulf states, their capitals and the Middle East, in the 16 supported languages.",
      query: anyOf(gulf),
    },
    {
      name: "united-states",
      description: "The United States by name and adjective, in the 16 supported languages.",
      query: anyOf(unitedStates),
    },
    {
      name: "adoption",
      description:
        "Using, adopting, deploying, piloting, launching and building on a model, and who adopts it (governments, " +
        "start-ups, developers, universities, banks), in the 16 supported languages.",
      query: anyOf(adoption),
    },
    {
      name: "tiers",
      description:
        "The AI diffusion rule's country tiers, levels and categories, in the 16 supported languages.",
      query: anyOf(tiers),
    },
    {
      name: "caps",
      description:
        "Caps, ceilings and quotas on how many chips a country may buy, in the 16 supported languages.",
      query: anyOf(caps),
    },
    {
      name: "chipmaking-tools",
      description:
        "The makers of chipmaking tools, lithography, and equipment or machines for making chips, in the 16 " +
        "supported languages.",
      query: `${anyOf(chipmakingTools)} OR ${chipEquipment}`,
    },
    {
      name: "smuggling",
      description:
        "Chip smuggling, diversion, illegal re-exports and checks on where chips end up, in the 16 supported languages.",
      query: `${anyOf(smuggling)} OR ${locationChecks}`,
    },
    {
      name: "rescinded",
      description: "Rescinding, repealing, scrapping and replacing a rule, in the 16 supported languages.",
      query: anyOf(rescinded),
    },
    {
      name: "access-gap",
      description:
        "What chip caps do to a country: a gap, a blow, falling behind, data-centre plans threatened, slowed or " +
        "deterred, worry, an exemption sought, in the 16 supported languages.",
      query: anyOf(accessGap),
    },
    {
      name: "exports",
      description: "Exports and sales, in the 16 supported languages.",
      query: anyOf(exportsAndSales),
    },
    {
      name: "retaliation",
      description: "Retaliation, responses and counter-measures, in the 16 supported languages.",
      query: anyOf(retaliation),
    },
    {
      name: "south-regions",
      description:
        "The regions of the Global South by name (Africa, Latin America, Southeast Asia, the Gulf, the Pacific " +
        "island states, the Third World, emerging economies), in the 16 supported languages.",
      query: anyOf(southRegions),
    },
    {
      name: "semiconductors",
      description:
        "Chips, semiconductors and GPUs, and Nvidia's parts by name (H20, H100, Blackwell), without generic " +
        "processors and accelerators, in the 16 supported languages.",
      query: anyOf(semiconductors),
    },
    {
      name: "blacklists",
      description:
        "Blacklists, and lists of those that exports are barred or restricted to, in the 16 supported languages.",
      query: blacklists,
    },
    {
      name: "rules",
      description: "Rules, regulations, frameworks and schemes, in the 16 supported languages.",
      query: anyOf(rules),
    },
    {
      name: "violations",
      description: "Breaking, violating or breaching a rule, in the 16 supported languages.",
      query: anyOf(violations),
    },
    {
      name: "chips",
      description: "Chips, semiconductors, GPUs and AI accelerators in the 16 supported languages.",
      query: anyOf(chips),
    },
  ];
}
