/**
 * The places of `@global-south`, as data. Country names come from CLDR (default-concepts.ts builds them
 * with Intl.DisplayNames); CLDR has no capitals or demonyms, so those are typed here, for the 40 most
 * populous countries of the concept (UN World Population Prospects 2024 order). Capitals follow each
 * language's Wikipedia article title for the city; demonyms are the adjective or noun each language's
 * press uses (Wiktionary and the Wikipedia country articles). A plain word is stemmed in the article's
 * language, so one form per language stands for its inflections where a stemmer exists.
 */

/** UN M49 regions (https://unstats.un.org/unsd/methodology/m49/) whose countries and territories form the concept. */
export const GLOBAL_SOUTH_M49: Readonly<Record<string, string>> = {
  "Northern Africa (015)": "DZ EG LY MA SD TN EH",
  "Eastern Africa (014)": "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW",
  "Middle Africa (017)": "AO CM CF TD CG CD GQ GA ST",
  "Southern Africa (018)": "BW SZ LS NA ZA",
  "Western Africa (011)": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
  "Caribbean (029)": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
  "Central America (013)": "BZ CR SV GT HN MX NI PA",
  "South America (005)": "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE",
  "Central Asia (143)": "KZ KG TJ TM UZ",
  "Southern Asia (034)": "AF BD BT IN IR MV NP PK LK",
  "South-eastern Asia (035)": "BN KH ID LA MY MM PH SG TH TL VN",
  // Western Asia: the Middle East, the Gulf states included. China, Hong Kong, Macao and Taiwan (Eastern Asia)
  // are not in the concept, nor are the rest of Eastern Asia (Japan, both Koreas, Mongolia). Nor are Israel
  // (IL) and Cyprus (CY): West Asia on the map, but high-income OECD and EU members that the press does not
  // count as the Global South.
  "Western Asia (145)": "AM AZ BH GE IQ JO KW LB OM QA SA PS SY TR AE YE",
  "Melanesia (054)": "FJ NC PG SB VU",
  "Micronesia (057)": "GU KI MH FM NR MP PW UM",
  "Polynesia (061)": "AS CK PF NU PN WS TK TO TV WF",
};

/**
 * Capitals (or the main city where the capital is seldom named) and demonyms. `latin`: the forms of the
 * Latin-script languages (en, de, fr, es, pt, it, id, tr, vi, sw), one list; then one list per other script.
 * Chinese, Japanese and Korean demonyms are the country's name and 人 / 인, found by the name itself (these
 * scripts match inside runs of text), so they are listed only where the name is not.
 * Left out on purpose: Lima (Spanish and Portuguese "file, lime", and a surname), Sanaa in Hindi and Russian
 * and 사나 (a given name), 다카 (inside other Korean words), Arabic الجزائر for Algiers (the country's name).
 */
export const CAPITALS_AND_DEMONYMS: Readonly<
  Record<string, { latin: string; ar: string; hi: string; ru: string; zh: string; ja: string; ko: string }>
> = {
  IN: {
    latin:
      '"New Delhi" Neu-Delhi "Nueva Delhi" "Nova Deli" "Nuova Delhi" Indian indisch Inder indien indiano',
    ar: "نيودلهي هندي",
    hi: '"नई दिल्ली" भारतीय',
    ru: "Нью-Дели индийский индиец",
    zh: "新德里 印度人",
    ja: "ニューデリー インド人",
    ko: "뉴델리 인도인",
  },
  PK: {
    latin: "Islamabad Pakistani pakistanisch pakistanais paquistaní paquistanês pakistano",
    ar: "إسلام_آباد باكستاني",
    hi: "इस्लामाबाद पाकिस्तानी",
    ru: "Исламабад пакистанский пакистанец",
    zh: "伊斯兰堡",
    ja: "イスラマバード",
    ko: "이슬라마바드",
  },
  ID: {
    latin:
      "Jakarta Djakarta Yakarta Giacarta Indonesian indonesisch indonésien indonesio indonésio indonesiano",
    ar: "جاكرتا إندونيسي",
    hi: "जकार्ता इंडोनेशियाई",
    ru: "Джакарта индонезийский",
    zh: "雅加达",
    ja: "ジャカルタ",
    ko: "자카르타",
  },
  NG: {
    latin: "Abuja Lagos Nigerian nigerianisch nigérian nigeriano",
    ar: "أبوجا لاغوس نيجيري",
    hi: "अबुजा लागोस नाइजीरियाई",
    ru: "Абуджа Лагос нигерийский",
    zh: "阿布贾 拉各斯",
    ja: "アブジャ ラゴス",
    ko: "아부자 라고스",
  },
  BR: {
    latin: 'Brasília "São Paulo" Brazilian brasilianisch brésilien brasileño brasileiro brasiliano',
    ar: "برازيليا برازيلي",
    hi: "ब्रासीलिया ब्राज़ीलियाई",
    ru: "Бразилиа бразильский",
    zh: "巴西利亚 圣保罗",
    ja: "ブラジリア サンパウロ",
    ko: "브라질리아 상파울루",
  },
  BD: {
    latin: "Dhaka Dacca Bangladeshi bangladeschisch bangladais bangladesí bengalês",
    ar: "دكا بنغلاديشي",
    hi: "ढाका बांग्लादेशी",
    ru: "Дакка бангладешский",
    zh: "达卡",
    ja: "ダッカ",
    ko: "방글라데시인",
  },
  MX: {
    latin:
      '"Mexico City" "Ciudad de México" "Mexiko-Stadt" "Cidade do México" Mexican mexikanisch mexicain mexicano messicano',
    ar: "مكسيكي",
    hi: '"मेक्सिको सिटी" मैक्सिकन',
    ru: "Мехико мексиканский",
    zh: "墨西哥城",
    ja: "メキシコシティ",
    ko: "멕시코시티",
  },
  ET: {
    latin: '"Addis Ababa" "Addis Abeba" Ethiopian äthiopisch éthiopien etíope etiope',
    ar: '"أديس أبابا" إثيوبي',
    hi: '"अदीस अबाबा" इथियोपियाई',
    ru: "Аддис-Абеба эфиопский",
    zh: "亚的斯亚贝巴",
    ja: "アディスアベバ",
    ko: "아디스아바바",
  },
  PH: {
    latin: "Manila Manille Filipino philippinisch philippin filipino",
    ar: "مانيلا فلبيني",
    hi: "मनीला फ़िलिपीनी",
    ru: "Манила филиппинский",
    zh: "马尼拉",
    ja: "マニラ",
    ko: "마닐라",
  },
  EG: {
    latin: "Cairo Kairo Caire Egyptian ägyptisch égyptien egipcio egípcio egiziano",
    ar: "القاهرة مصري مصرية المصري المصرية",
    hi: "काहिरा मिस्री",
    ru: "Каир египетский",
    zh: "开罗",
    ja: "カイロ",
    ko: "카이로",
  },
  CD: {
    latin: "Kinshasa Congolese kongolesisch congolais congoleño congolês congolese",
    ar: "كينشاسا كونغولي",
    hi: "किंशासा",
    ru: "Киншаса конголезский",
    zh: "金沙萨",
    ja: "キンシャサ",
    ko: "킨샤사",
  },
  VN: {
    latin: '"Hà Nội" Hanoi Hanói Vietnamese vietnamesisch vietnamien vietnamita',
    ar: "هانوي فيتنامي",
    hi: "हनोई वियतनामी",
    ru: "Ханой вьетнамский",
    zh: "河内",
    ja: "ハノイ",
    ko: "하노이",
  },
  IR: {
    latin: "Tehran Teheran Téhéran Teherán Teerã Iranian iranisch iranien iraní iraniano",
    ar: "طهران إيراني",
    hi: "तेहरान ईरानी",
    ru: "Тегеран иранский",
    zh: "德黑兰",
    ja: "テヘラン",
    ko: "테헤란",
  },
  TR: {
    // English "Turkey" is the bird as often as the country: the country is found by its other names here.
    latin: "Ankara Istanbul İstanbul Turkish türkisch turc turco",
    ar: "أنقرة تركي",
    hi: "अंकारा तुर्की",
    ru: "Анкара турецкий",
    zh: "安卡拉",
    ja: "アンカラ",
    ko: "앙카라",
  },
  TH: {
    latin: "Bangkok Banguecoque Thai thailändisch thaïlandais tailandés tailandês thailandese",
    ar: "بانكوك تايلاندي",
    hi: "बैंकॉक थाई",
    ru: "Бангкок таиландский тайский",
    zh: "曼谷",
    ja: "バンコク",
    ko: "방콕",
  },
  TZ: {
    latin: '"Dar es Salaam" Dodoma Tanzanian tansanisch tanzanien tanzano tanzaniano',
    ar: "دودوما تنزاني",
    hi: "डोडोमा तंज़ानियाई",
    ru: "Додома танзанийский",
    zh: "多多马 达累斯萨拉姆",
    ja: "ドドマ ダルエスサラーム",
    ko: "도도마",
  },
  ZA: {
    latin:
      'Pretoria Johannesburg "Cape Town" Kapstadt "South African" südafrikanisch sud-africain sudafricano sul-africano',
    ar: 'بريتوريا جوهانسبرغ "جنوب أفريقي"',
    hi: 'प्रिटोरिया जोहान्सबर्ग "दक्षिण अफ़्रीकी"',
    ru: "Претория Йоханнесбург южноафриканский",
    zh: "比勒陀利亚 约翰内斯堡 开普敦",
    ja: "プレトリア ヨハネスブルク ケープタウン",
    ko: "프리토리아 요하네스버그 케이프타운",
  },
  KE: {
    latin: "Nairobi Kenyan kenianisch kényan keniano queniano",
    ar: "نيروبي كيني",
    hi: "नैरोबी केन्याई",
    ru: "Найроби кенийский",
    zh: "内罗毕",
    ja: "ナイロビ",
    ko: "나이로비",
  },
  MM: {
    latin: "Naypyidaw Yangon Rangoon Burmese birmanisch birman birmano",
    ar: "نايبيداو يانغون ميانماري",
    hi: "नेपीडॉ यांगून",
    ru: "Нейпьидо Янгон мьянманский",
    zh: "内比都 仰光",
    ja: "ネピドー ヤンゴン",
    ko: "네피도 양곤",
  },
  CO: {
    latin: "Bogotá Bogota Colombian kolumbianisch colombien colombiano",
    ar: "بوغوتا كولومبي",
    hi: "बोगोटा कोलंबियाई",
    ru: "Богота колумбийский",
    zh: "波哥大",
    ja: "ボゴタ",
    ko: "보고타",
  },
  SD: {
    latin: "Khartoum Khartum Jartum Cartum Sudanese sudanesisch soudanais sudanés sudanês",
    ar: "الخرطوم سوداني",
    hi: "खार्तूम सूडानी",
    ru: "Хартум суданский",
    zh: "喀土穆",
    ja: "ハルツーム",
    ko: "하르툼",
  },
  UG: {
    latin: "Kampala Ugandan ugandisch ougandais ugandés ugandês",
    ar: "كمبالا أوغندي",
    hi: "कंपाला युगांडाई",
    ru: "Кампала угандийский",
    zh: "坎帕拉",
    ja: "カンパラ",
    ko: "캄팔라",
  },
  DZ: {
    latin: "Algiers Algier Alger Argel Algeri Algerian algerisch algérien argelino algerino",
    ar: "جزائري",
    hi: "अल्जीयर्स अल्जीरियाई",
    ru: "алжирский",
    zh: "阿尔及尔",
    ja: "アルジェ",
    ko: "알제리인",
  },
  AR: {
    latin: '"Buenos Aires" Argentine Argentinian argentinisch argentin argentino',
    ar: '"بوينس آيرس" أرجنتيني',
    hi: '"ब्यूनस आयर्स" अर्जेंटीनी',
    ru: "Буэнос-Айрес аргентинский",
    zh: "布宜诺斯艾利斯",
    ja: "ブエノスアイレス",
    ko: "부에노스아이레스",
  },
  IQ: {
    latin: "Baghdad Bagdad Bagdá Baghdad Iraqi irakisch irakien iraquí iraquiano iracheno",
    ar: "بغداد عراقي",
    hi: "बगदाद इराकी",
    ru: "Багдад иракский",
    zh: "巴格达",
    ja: "バグダッド",
    ko: "바그다드",
  },
  AF: {
    latin: "Kabul Kaboul Cabul Afghan afghanisch afghan afgano afegão",
    ar: "كابول أفغاني",
    hi: "काबुल अफ़ग़ान",
    ru: "Кабул афганский",
    zh: "喀布尔",
    ja: "カブール",
    ko: "카불",
  },
  UZ: {
    latin: "Tashkent Taschkent Tachkent Taskent Uzbek usbekisch ouzbek uzbeko",
    ar: "طشقند أوزبكي",
    hi: "ताशकंद उज़्बेक",
    ru: "Ташкент узбекский",
    zh: "塔什干",
    ja: "タシケント",
    ko: "타슈켄트",
  },
  AO: {
    latin: "Luanda Angolan angolanisch angolais angoleño angolano",
    ar: "لواندا أنغولي",
    hi: "लुआंडा अंगोलाई",
    ru: "Луанда ангольский",
    zh: "罗安达",
    ja: "ルアンダ",
    ko: "루안다",
  },
  YE: {
    latin: "Sanaa Sana'a Saná Yemeni jemenitisch yéménite yemení iemenita yemenita",
    ar: "صنعاء يمني",
    hi: "यमनी",
    ru: "йеменский",
    zh: "萨那",
    ja: "サヌア",
    ko: "예멘인",
  },
  PE: {
    // Lima is left out (see above): Peru is found by its name and demonym.
    latin: "Peruvian peruanisch péruvien peruano peruviano",
    ar: "بيروفي",
    hi: "पेरूवियन",
    ru: "перуанский",
    zh: "秘鲁人",
    ja: "ペルー人",
    ko: "페루인",
  },
  MY: {
    latin: '"Kuala Lumpur" Malaysian malaysisch malaisien malasio malaio malese',
    ar: "كوالالمبور ماليزي",
    hi: "कुआलालंपुर मलेशियाई",
    ru: "Куала-Лумпур малайзийский",
    zh: "吉隆坡",
    ja: "クアラルンプール",
    ko: "쿠알라룸푸르",
  },
  MA: {
    latin: "Rabat Casablanca Moroccan marokkanisch marocain marroquí marroquino marocchino",
    ar: "الرباط الدار_البيضاء",
    hi: "रबात मोरक्कन",
    ru: "Рабат Касабланка марокканский",
    zh: "拉巴特 卡萨布兰卡",
    ja: "ラバト カサブランカ",
    ko: "라바트 카사블랑카",
  },
  GH: {
    latin: "Accra Acra Ghanaian ghanaisch ghanéen ghanés ganês ghanese",
    ar: "أكرا غاني",
    hi: "अक्रा घानाई",
    ru: "Аккра ганский",
    zh: "阿克拉",
    ja: "アクラ",
    ko: "아크라",
  },
  SA: {
    latin: "Riyadh Riad Riyad Riade Saudi saudisch saoudien saudí saudita",
    ar: "الرياض سعودي",
    hi: "रियाद सऊदी",
    ru: "Эр-Рияд саудовский",
    zh: "利雅得 沙特",
    ja: "リヤド サウジ",
    ko: "리야드 사우디",
  },
  MZ: {
    latin: "Maputo Mozambican mosambikanisch mozambicain mozambiqueño moçambicano mozambicano",
    ar: "مابوتو موزمبيقي",
    hi: "मापुटो मोज़ाम्बिकी",
    ru: "Мапуту мозамбикский",
    zh: "马普托",
    ja: "マプト",
    ko: "마푸투",
  },
  NP: {
    latin: "Kathmandu Katmandu Katmandou Nepali Nepalese nepalesisch népalais nepalí nepalês nepalese",
    ar: "كاتماندو نيبالي",
    hi: "काठमांडू नेपाली",
    ru: "Катманду непальский",
    zh: "加德满都",
    ja: "カトマンズ",
    ko: "카트만두",
  },
  MG: {
    latin: "Antananarivo Tananarive Malagasy madagassisch malgache malgaxe malgascio",
    ar: "أنتاناناريفو ملغاشي",
    hi: "अंतानानारिवो मालागासी",
    ru: "Антананариву малагасийский",
    zh: "塔那那利佛",
    ja: "アンタナナリボ",
    ko: "안타나나리보",
  },
  CI: {
    latin: "Abidjan Yamoussoukro Ivorian ivorisch ivoirien marfileño marfinense ivoriano",
    ar: "أبيدجان إيفواري",
    hi: "आबिदजान",
    ru: "Абиджан ивуарийский",
    zh: "阿比让",
    ja: "アビジャン",
    ko: "아비장",
  },
  VE: {
    latin: "Caracas Venezuelan venezolanisch vénézuélien venezolano venezuelano",
    ar: "كاراكاس فنزويلي",
    hi: "काराकास वेनेज़ुएलाई",
    ru: "Каракас венесуэльский",
    zh: "加拉加斯",
    ja: "カラカス",
    ko: "카라카스",
  },
  CM: {
    latin: "Yaoundé Yaounde Jaunde Douala Cameroonian kamerunisch camerounais camerunés camaronês camerunese",
    ar: "ياوندي كاميروني",
    hi: "याउंडे कैमरूनी",
    ru: "Яунде камерунский",
    zh: "雅温得",
    ja: "ヤウンデ",
    ko: "야운데",
  },
};

/**
 * Cities the press names beside the capitals above, and the capitals and demonyms of smaller countries that
 * AI stories name often (the Gulf states, Rwanda, Senegal, Chile, Sri Lanka), in every script: one list.
 */
export const MORE_PLACES = `
  Surabaya Bandung Medan Cebu Davao Kano Ibadan Alexandria Durban Guadalajara Monterrey Medellín Cali
  Delhi Mumbai Bengaluru Bangalore Hyderabad Chennai مومباي दिल्ली मुंबई बेंगलुरु Мумбаи Бангалор 孟买 班加罗尔
  ムンバイ ベンガルール 뭄바이 벵갈루루
  Karachi Lahore كراتشي कराची Карачи 卡拉奇 카라치
  "Rio de Janeiro" "ساو باولو" "साओ पाउलो" Сан-Паулу
  CDMX Kahire "Ho Chi Minh" "TP HCM" "TP.HCM" Хошимин 胡志明市 ホーチミン 호찌민
  إسطنبول इस्तांबुल Стамбул 伊斯坦布尔 イスタンブール 이스탄불
  "دار السلام" Дар-эс-Салам Кейптаун ヨハネスブルグ
  "Abu Dhabi" Dubai Dubaï أبوظبي "أبو ظبي" دبي "अबू धाबी" दुबई Абу-Даби Дубай 阿布扎比 迪拜 杜拜 アブダビ ドバイ
  아부다비 두바이 Doha الدوحة दोहा Доха 多哈 ドーハ
  Kigali كيغالي Кигали 基加利 キガリ 키갈리 Dakar داكار Дакар 达喀尔 ダカール "N'Djamena"
  Chilean chilenisch chilien chileno cileno "Sri Lankan" srilankisch sri-lankais esrilanqués cingalês
`;
