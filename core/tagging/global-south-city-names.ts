import { GLOBAL_SOUTH_ZONE_CITIES } from "./global-south-cities";
import { placeKey } from "./place-key";

/**
 * The cities `@global-south` knows: CLDR's exemplar cities of every Global South time zone (generated into
 * global-south-cities.ts) in all concept languages, less the places and spellings below, plus the capitals no
 * zone is named after. A zone is named after its region's capital or biggest city, so this covers most
 * capitals and the cities the press names instead of them (Lagos, Abidjan, Karachi, Dubai, São Paulo, Ho Chi
 * Minh City), in Arabic, Hindi, Russian, Chinese, Japanese and Korean as well as the Latin-script languages.
 */

/** Zones left out in every language: the place's names are mostly other places, saints or words. */
const EXCLUDED_ZONES: Readonly<Record<string, string>> = {
  "America/Santiago":
    "a given name, Santiago de Compostela, and 圣地亚哥 is San Diego (Santiago de Chile is kept)",
  "America/Cordoba": "the Spanish city",
  "America/Merida": "the Spanish and the Venezuelan city",
  "America/Argentina/La_Rioja": "the Spanish wine region",
  "America/Argentina/Salta": 'Spanish and Portuguese "jumps"',
  "America/Argentina/San_Juan": "Puerto Rico's capital, and saints' places everywhere",
  "America/Argentina/San_Luis": "St. Louis in Spanish and Chinese",
  "America/Mendoza": "a common Spanish surname",
  "America/Chihuahua": "the dog breed",
  "America/Matamoros": "a Spanish surname",
  "America/Belem": "Bethlehem in Portuguese and Spanish (Belén)",
  "America/Boa_Vista": 'Portuguese "good view"',
  "America/Campo_Grande": 'Portuguese "big field"',
  "America/Fortaleza": 'Portuguese and Spanish "fortress, strength"',
  "America/Porto_Velho": 'Portuguese "old port"',
  "America/Rio_Branco": 'Portuguese "white river", and a Brazilian statesman',
  "America/Santarem": "the Portuguese city",
  "America/St_Barthelemy": "Saint Bartholomew (and the massacre)",
  "America/St_Vincent": "Saint Vincent: saints' names, hospitals and a musician",
  "America/St_Thomas": "Saint Thomas: saints' names and hospitals",
  "America/Cayenne": "the pepper and the Porsche (卡宴, 開雲)",
  "Atlantic/Stanley": "a given name",
  "Atlantic/South_Georgia": "the south of the US state of Georgia",
  "Atlantic/St_Helena": "saints' names and places named for them (Santa Elena, Santa Helena)",
  "Pacific/Easter": 'the holiday (Italian "Pasqua", Arabic استر, Hindi ईस्टर)',
  "Pacific/Enderbury": "Canton: Guangzhou, Swiss cantons, Ohio",
  "Pacific/Midway": 'English "midway"',
  "Pacific/Wake": 'English "wake"',
  "Pacific/Truk": 'Indonesian "truk" (truck), Arabic ترك ("left"), Hindi चक',
  "Pacific/Gambier": "a surname and Mount Gambier (Australia)",
  "Asia/Oral": 'English "oral", and 乌拉尔 is the Urals',
};

/**
 * Spellings left out (any case and accents, any language), each a common word, a given name or another place.
 * Kept on purpose: Recife (Portuguese "reef", but Brazil's fifth city, which AI news names far more often).
 */
const NOISY_CITY_NAMES: Readonly<Record<string, string>> = {
  lima: 'Spanish and Portuguese "file, lime", and a surname',
  şam: 'Damascus in Turkish, folded to "Sam" (Sam Altman) in every other language',
  kabil: 'Kabul in Turkish, and Turkish "possible" (mümkün kabil), "tribe" (kabile)',
  "la paz": 'Spanish "peace"',
  bahia: 'Portuguese "bay"',
  bahía: 'Spanish "bay"',
  "san paolo": "Saint Paul in Italian (and the bank)",
  asunción: "the Assumption, and a given name",
  assunção: "the Assumption in Portuguese",
  maurice: "a French given name",
  mauricio: "a Spanish given name",
  maurício: "a Portuguese given name",
  anguilla: 'Italian "eel"',
  anguila: 'Spanish "eel"',
  antigua: 'Spanish "old"',
  antígua: 'Portuguese "old"',
  nassau: "the German town and house, and Nassau County",
  cayman: "the reptile (caiman)",
  caïmans: 'French "caimans"',
  caimán: 'Spanish "caiman"',
  dominique: "a French given name",
  grenade: 'French "grenade"',
  guadalupe: "a given name and the Mexican basilica",
  guadalupa: "a given name",
  "saint-christophe": "Saint Christopher",
  "san cristóbal": "Saint Christopher, and places named for him",
  "são cristóvão": "Saint Christopher, and places named for him",
  "sainte-lucie": "Saint Lucy",
  "santa lucía": "Saint Lucy",
  "santa lúcia": "Saint Lucy",
  "santa lucia": "Saint Lucy (the Italian feast)",
  "gran turca": 'Spanish "big Turkish woman"',
  colombo: "Columbus in Italian, and the detective",
  коломбо: "the detective Columbo",
  コロンボ: "the detective Columbo",
  콜롬보: "the detective Columbo",
  可伦坡: "the detective Columbo",
  可倫坡: "the detective Columbo",
  dili: 'Turkish "its language"',
  ديلي: 'Arabic for "Daily" (ديلي ميل, the Daily Mail)',
  딜리: "inside 딜리버리 (delivery)",
  muscat: "the grape and the wine",
  muskat: 'German "nutmeg"',
  mascate: 'Portuguese "peddler"',
  マスカット: "the grape",
  مسقط: 'Arabic "place of falling", as in مسقط رأس (birthplace)',
  damas: 'Spanish "ladies", French "damask"',
  damasco: 'Spanish "apricot", and damask',
  marquises: 'French "marchionesses"',
  marchesi: 'Italian "marquises"',
  газа: 'Russian "of gas"',
  アンマン: "the steamed bun",
  アルバ: "inside アルバイト (part-time job) and アルバム",
  自由市: "inside 自由市场 (free market)",
  自由城: 'Chinese "free city"',
  العيون: 'Arabic "the eyes"',
  ماهي: 'Arabic "what is"',
  माहे: 'Hindi "month"',
  लोम: 'Hindi "body hair"',
  डकार: 'Hindi "burp"',
  말라보: 'inside 말라 보이다 ("looks thin")',
};

/**
 * Capitals no time zone is named after, in their English (Latin-script) spelling; CLDR has no other names for
 * them, so the other scripts know these countries by name and demonym only. Left out as words or other places:
 * Sucre (French "sugar"), Praia ("beach"), Victoria, Malé ("male"), Kingston, Georgetown, Roseau (French "reed"),
 * St. John's, San José and Panama City (Florida).
 */
const CAPITALS_WITHOUT_ZONE = [
  "Abuja",
  "Islamabad",
  '"New Delhi"',
  "Brasília",
  "Ankara",
  "Hanoi",
  "Naypyidaw",
  "Dodoma",
  "Yamoussoukro",
  '"Abu Dhabi"',
  "Pretoria",
  "Rabat",
  "Sanaa",
  "Lilongwe",
  "Quito",
  "Astana",
  "Manama",
  "Doha",
  "Gitega",
  "Moroni",
  '"Port Louis"',
  "Suva",
  "Honiara",
  '"Port Vila"',
  "Palikir",
  "Ngerulmud",
  "Nuku'alofa",
  '"Bandar Seri Begawan"',
  "Belmopan",
  "Castries",
  "Basseterre",
  "Bridgetown",
  '"Guatemala City"',
  '"San Salvador"',
  '"Kuwait City"',
  "Ramallah",
  "Lobamba",
  '"Santiago de Chile"',
];

const NOISY = new Set(Object.keys(NOISY_CITY_NAMES).map(placeKey));

/** "Tripoli (Libye)" and "Wallis & Futuna" are two names each. */
const partsOf = (name: string) =>
  name
    .split(/\s*[()（）]\s*|\s+&\s+/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

/** Every city name the concept takes, as raw names (placeTerm in default-concepts.ts makes them terms). */
export function globalSouthCityNames(): string[] {
  const names = new Set<string>();
  for (const zones of Object.values(GLOBAL_SOUTH_ZONE_CITIES)) {
    for (const [zone, cities] of Object.entries(zones)) {
      if (zoneExcluded(zone)) continue;
      for (const city of cities)
        for (const part of partsOf(city)) if (!cityNameExcluded(part)) names.add(part);
    }
  }
  for (const capital of CAPITALS_WITHOUT_ZONE) names.add(capital.replace(/"/g, ""));
  return [...names];
}

/** Whether the concept leaves a zone's cities out. */
export const zoneExcluded = (zone: string): boolean => zone in EXCLUDED_ZONES;

/** Whether the concept leaves a city's spelling out, in any case and with or without accents. */
export const cityNameExcluded = (name: string): boolean => NOISY.has(placeKey(name));
