/**
 * Place names of the Global South for the `global-south-adoption` topic, in the sixteen languages the default
 * topics read (Traditional Chinese too, although it folds to Simplified).
 *
 * Country names come from CLDR through `Intl.DisplayNames` (Node ships full ICU), generated from ISO 3166
 * codes rather than typed. Which countries count: Africa, Latin America and the Caribbean, South, Southeast,
 * Central and West Asia, the Middle East including the Gulf states, and the Pacific island states. Left out:
 * China, Hong Kong, Macau and Taiwan (Chinese domestic adoption is another story); Europe, North America
 * (Mexico aside, which is Latin America), Japan, South Korea, Mongolia, Australia and New Zealand; Israel and
 * Cyprus (West Asia on the map, but high-income OECD/EU members that the press does not count as the Global
 * South); Georgia, whose name is a US state and a first name in the Latin-script languages.
 *
 * Capitals, large cities and demonyms are not in CLDR. The hand-written table below covers the most populous
 * Global South countries and the Gulf states in the forms the press uses, taken from the common exonyms in
 * each language (Wikipedia's interlanguage titles and the CLDR names themselves as the guide to spelling).
 */

import { stemmerFor, stemWord } from "./analysis";
import { foldTraditional } from "./chinese-fold";
import { stripLatinMarks } from "./tokenize";

const LANGUAGES = [
  "en",
  "de",
  "fr",
  "es",
  "pt",
  "it",
  "id",
  "vi",
  "sw",
  "tr",
  "ru",
  "ar",
  "hi",
  "zh",
  "zh-Hant",
  "ja",
  "ko",
] as const;

/** ISO 3166-1 alpha-2 codes of the countries the topic counts, by region. */
export const GLOBAL_SOUTH_REGIONS: Readonly<Record<string, readonly string[]>> = {
  africa: `DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR
    MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW`.split(/\s+/),
  latinAmericaCaribbean: `AR BO BR CL CO CR CU DO EC SV GT HT HN MX NI PA PY PE UY VE AG BS BB BZ DM GD GY JM
    KN LC VC SR TT`.split(/\s+/),
  southAsia: "AF BD BT IN MV NP PK LK".split(" "),
  southeastAsia: "BN KH ID LA MY MM PH SG TH TL VN".split(" "),
  centralAsia: "KZ KG TJ TM UZ".split(" "),
  westAsiaMiddleEast: "AE SA QA KW BH OM YE IQ IR SY JO LB PS TR AM AZ".split(" "),
  pacificIslands: "FJ PG SB VU WS TO KI TV NR PW MH FM".split(" "),
};

export const GLOBAL_SOUTH_CODES: readonly string[] = Object.values(GLOBAL_SOUTH_REGIONS).flat();

/**
 * Small states (under about three million people, the Gulf states aside) are named in the languages their
 * own press and their neighbours' use (English, French, Spanish) rather than in all
 * sixteen: a query may hold 2,000 terms and 20,000 characters, and "small island states" and the region
 * words carry the rest.
 */
const SMALL_STATES = new Set(
  `AG BS BB BZ DM GD KN LC VC ST SC CV KM MV BT BN TL FJ WS TO KI TV NR PW MH FM SB VU DJ GQ SR GY GW GM LS SZ
  BW NA GA MU TT`.split(/\s+/),
);
const SMALL_STATE_LANGUAGES = new Set(["en", "fr", "es"]);

/**
 * The larger and the Gulf states, named in every language; the other mid-sized states only in the
 * Latin-script languages, for the same reason.
 */
const MAJOR_STATES = new Set(
  `DZ AO CM CD CI EG ET GH KE MA MZ NG RW SN ZA SD TZ TN UG AR BR CL CO MX PE VE AF BD IN LK NP PK ID MY MM
  PH SG TH VN KZ UZ AE SA QA KW BH OM YE IQ IR SY JO LB TR`.split(/\s+/),
);
const LATIN_LANGUAGES = new Set(["en", "de", "fr", "es", "pt", "it", "id", "vi", "sw", "tr"]);

/**
 * Names that are also common words or other things somewhere among the sixteen languages: Chad (a first
 * name), Guinea (the pig), Jordan (a first name), Mali (Italian "ills", Turkish and Arabic "financial", Hindi
 * "gardener"), Sudan (Turkish "from water", Chinese "sultan", Korean "means"), Lào (Vietnamese "lao" in "lao
 * động", labour), Oman (Korean "arrogance"), Iran (Korean "-이란", "what is called"), Ghana (Korean "가나",
 * Japanese chocolate). They count only beside another Global South place or an obvious country context.
 */
const RISKY = new Set(
  `chad guinea jordan mali sudan lao lào 马里 苏丹 蘇丹 마리 말리 수단 오만 이란 가나 차드 マリ ガーナ チャド مالي माली
  мали чад lima santiago`.split(/\s+/),
);

/** Russian names inflect and their short stems collide (Мали -> мал, Куба -> куб): list the case forms. */
function russianForms(name: string): string[] {
  if (/ия$/.test(name)) return ["ия", "ии", "ию", "ией"].map((end) => name.slice(0, -2) + end);
  if (/[ая]$/.test(name)) {
    const stem = name.slice(0, -1);
    const soft = /[гкхжчшщ]$/.test(stem) || name.endsWith("я");
    return [
      name,
      stem + (soft ? "и" : "ы"),
      `${stem}е`,
      stem + (name.endsWith("я") ? "ю" : "у"),
      `${stem}ой`,
    ];
  }
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(name)) return [name, `${name}а`, `${name}е`, `${name}у`, `${name}ом`];
  return [name];
}

const REPUBLIC =
  /(?:^|\s)(?:republic|republik|république|república|repubblica|cộng hòa|jamhuri ya|cumhuriyeti|республика|جمهورية|गणराज्य|공화국)(?=\s|$)/giu;

/** CLDR country names, cleaned: "Congo - Kinshasa" and "刚果（金）" give "Congo" and "刚果". */
function cldrNames(lang: string, code: string): string[] {
  const out: string[] = [];
  for (const style of ["long"] as const) {
    const name = new Intl.DisplayNames([lang], { type: "region", style }).of(code);
    if (!name || name === code) continue;
    const cleaned = name
      .replace(/[（(][^）)]*[）)]/g, "")
      .replace(/[’']/g, " ")
      .replace(/\bSt\.\s*/g, "Saint ")
      .trim();
    // "Trinidad and Tobago" is found by its first part; "Dominican Republic" by its adjective.
    const firstPart = cleaned.split(/\s+(?:[-—–&]|and|und|et|y|e|và|na|ve|dan|и|و|और)\s+/)[0]!;
    const bare = firstPart.replace(REPUBLIC, " ").replace(/\s+/g, " ").trim();
    for (const part of [bare.length >= 4 ? bare : firstPart]) {
      const piece = part.trim();
      if (piece.length >= 2) out.push(piece);
    }
  }
  return out;
}

/** Hand-written capitals, big cities and demonyms (see the header comment for the sources). */
const PLACES_BY_HAND = `
  "new delhi" delhi mumbai bengaluru bangalore نيودلهي مومباي "नई दिल्ली" दिल्ली मुंबई बेंगलुरु нью-дели
  мумбаи бангалор 新德里 孟买 班加罗尔 ニューデリー ムンバイ ベンガルール 뉴델리 뭄바이 벵갈루루
  islamabad karachi إسلام آباد كراتشي इस्लामाबाद कराची исламабад карачи 伊斯兰堡 卡拉奇 イスラマバード 카라치
  lagos abuja لاغوس أبوجا लागोस лагос абуджа 拉各斯 阿布贾 ラゴス 라고스
  "são paulo" "sao paulo" "rio de janeiro" brasília "ساو باولو" "साओ पाउलो" сан-паулу 圣保罗 サンパウロ 상파울루
  dhaka دكا ढाका дакка 达卡 ダッカ
  "mexico city" "ciudad de méxico" cdmx "مكسيكو سيتي" мехико 墨西哥城 メキシコシティ 멕시코시티
  "addis ababa" "addis abeba" "أديس أبابا" аддис-абеба 亚的斯亚贝巴 アディスアベバ 아디스아바바
  manila مانيلا मनीला манила 马尼拉 マニラ 마닐라
  cairo "le caire" "el cairo" "il cairo" kairo kahire القاهرة काहिरा каир 开罗 カイロ 카이로
  hanoi "ha noi" "ho chi minh" "tp hcm" هانوي हनोई ханой хошимин 河内 胡志明市 ハノイ ホーチミン 하노이 호찌민
  tehran teheran téhéran teherán طهران तेहरान тегеран 德黑兰 テヘラン 테헤란
  ankara istanbul أنقرة إسطنبول अंकारा इस्तांबुल анкара стамбул 安卡拉 伊斯坦布尔 アンカラ イスタンブール 앙카라 이스탄불
  jakarta جاكرتا जकार्ता джакарта 雅加达 ジャカルタ 자카르타
  bangkok بانكوك बैंकॉक бангкок 曼谷 バンコク 방콕
  "dar es salaam" "دار السلام" дар-эс-салам 达累斯萨拉姆
  johannesburg pretoria "cape town" kapstadt جوهانسبرغ йоханнесбург кейптаун 约翰内斯堡 开普敦 ヨハネスブルグ 요하네스버그
  nairobi نيروبي नैरोबी найроби 内罗毕 ナイロビ 나이로비
  yangon يانغون янгон 仰光 ヤンゴン 양곤
  bogotá بوغوتا богота 波哥大 ボゴタ 보고타
  algiers alger الجزائر алжир 阿尔及尔
  baghdad bagdad بغداد बगदाद багдад 巴格达 バグダッド 바그다드
  "buenos aires" "بوينس آيرس" буэнос-айрес 布宜诺斯艾利斯 ブエノスアイレス 부에노스아이레스
  kabul kaboul كابول काबुल кабул 喀布尔
  rabat casablanca الرباط "الدار البيضاء" рабат касабланка 拉巴特 卡萨布兰卡 カサブランカ 카사블랑카
  riyadh riad riyad الرياض रियाद эр-рияд 利雅得 リヤド 리야드
  indian indiano indienne भारतीय индийский هندي turkish chilean "sri lankan" thai
  lima santiago "santiago de chile" peruano peruvian péruvien peruanisch مصرية المصرية
  "kuala lumpur" كوالالمبور куала-лумпур 吉隆坡 クアラルンプール 쿠알라룸푸르
  accra أكرا аккра 阿克拉 アクラ
  kathmandu katmandu كاتماندو काठमांडू катманду 加德满都
  "abu dhabi" dubai dubaï أبوظبي "أبو ظبي" دبي "अबू धाबी" दुबई абу-даби дубай 阿布扎比 迪拜 杜拜 アブダビ ドバイ 아부다비 두바이
  doha الدوحة दोहा доха 多哈 ドーハ
  kigali كيغالي кигали 基加利 キガリ 키갈리
  dakar داكار дакар 达喀尔 ダカール
  "n djamena"
`;

/** Country-context words that make a risky name a place: "the government of Chad", "in Mali". */
export const RISKY_CONTEXT = `government* gobierno governo gouvernement regierung pemerintah hükümet правительств*
  حكومة सरकार 政府 정부 president* country pays país nchi ülke`;

/**
 * Latin-script stems that find a country's name and its demonyms in many languages at once: `niger*` finds
 * Niger, Nigeria, Nigerian, nigeriano, nigérian; `brasil*` finds Brasil, brasileiro, brasileño, brasiliano,
 * brasilianisch. A generated or hand-written Latin name that one of them already finds is left out.
 */
export const LATIN_PLACE_PREFIXES = `niger* nijerya* kenya* kenia* kenian* queni* brazil* brasil* bresil*
  brezilya* mexic* mexik* messic* meksik* indonesi* endonezya* pakistan* paquistan* bangladesh* banglades*
  ethiopi* athiopi* etiop* etiyop* philippin* filipin* filippin* egypt* agypt* egipt* egiz* vietnam* iran*
  turqu* turchi* thailand* tailand* tayland* tanzani* tansani* colombi* kolumbi* kolombiya* argentin*
  arjantin* maroc* marocc* morocc* marokk* marruec* marroq* saudi* saoudi* suudi* emirat* emirad* malaysi*
  malaisi* malasi* malesi* malezya* ghana* ghane* nepal* afghan* afgan* afeg* uganda* ougand* rwand* ruand*
  senegal* angola* mozambi* mosambi* mocambi* algeri* argeli* cezayir* iraq* irak* kuwait* koweit* kuveyt*
  qatar* katar* catar* bahrain* bahrein* bahreyn* barein* yemen* jemen* iemen* uzbek* usbek* ouzbek* ozbek*
  kazakh* kasach* kazaj* cazaqu* kazak* sudafric* sudafrik* cambod* kambod* camboj* myanmar* birman* burmese*
  zimbabw* zambi* sambi* camerun* cameroun* kamerun* tunisi* tunes* tunez* tunus* libye* liby* libi*
  venezuel* ecuador* equateur* ekvador* bolivi* guatemal* hondur* nicaragu* paraguay* urugua* salvador*
  domini* jamaic* jamaik* haiti* cuban* kuban* palestin* palastin* filistin* afric* afrik* afriq* arab*`;

export interface PlaceNames {
  /** Country and place names safe to match alone. */
  safe: string[];
  /** Names that need another place or a country context beside them. */
  risky: string[];
}

let cached: PlaceNames | null = null;

const russianStem = stemmerFor("ru")!;
const arabicLetters = /^[\u0600-\u06ff]+$/;
const arabicStem = stemmerFor("ar")!;

/**
 * Query fragments for every Global South country (CLDR, all languages) and the hand-written cities and
 * demonyms. Longer names are quoted phrases and CJK names substrings (Traditional folded to Simplified, so one
 * spelling serves both). One-word names are plain words, stemmed in the article's language, except where the
 * stem would collide: Russian names with a short stem go as their case forms (Куба, Кубы, Кубе ...), and
 * Arabic names exactly, bare and with the conjunction و, since the Arabic stemmer cuts البحرين to بحر ("sea").
 */
export function globalSouthPlaceNames(): PlaceNames {
  if (cached) return cached;
  const safe = new Set<string>();
  const risky = new Set<string>();
  const prefixes = LATIN_PLACE_PREFIXES.split(/\s+/).map((p) => p.slice(0, -1));
  const add = (raw: string) => {
    const name = foldTraditional(raw.normalize("NFC").toLowerCase().trim());
    if (name.length < 2) return;
    // A name with a word the stems above already find ("arabie saoudite", "territoires palestiniens").
    const words = stripLatinMarks(name).split(/\s+/);
    if (words.some((w) => /^[a-z-]+$/.test(w) && prefixes.some((p) => w.startsWith(p)))) return;
    const target = RISKY.has(name) ? risky : safe;
    if (/\s/.test(name)) {
      target.add(`"${name}"`);
    } else if (/^[\u0400-\u04ff]+$/.test(name) && stemWord(russianStem, name).length < 4) {
      for (const form of russianForms(name)) target.add(`=${form}`);
    } else if (arabicLetters.test(name) && arabicStem(name).length < 4) {
      target.add(`=${name}`);
    } else if (/^[a-zà-ɏ]{1,4}$/.test(name)) {
      // Short Latin names are matched as written: Turkish "Çad" would otherwise stem into Spanish "cada".
      target.add(`=${name}`);
    } else {
      target.add(name);
    }
  };
  for (const lang of LANGUAGES) {
    for (const code of GLOBAL_SOUTH_CODES) {
      if (SMALL_STATES.has(code) && !SMALL_STATE_LANGUAGES.has(lang)) continue;
      if (!SMALL_STATES.has(code) && !MAJOR_STATES.has(code) && !LATIN_LANGUAGES.has(lang)) continue;
      for (const name of cldrNames(lang, code)) add(name);
    }
  }
  for (const item of PLACES_BY_HAND.match(/"[^"]*"|\S+/g) ?? []) add(item.replace(/"/g, ""));
  cached = { safe: [...safe], risky: [...risky] };
  return cached;
}
