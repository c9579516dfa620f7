import { describe, expect, it } from "vitest";
import { CONCEPT_LANGUAGES } from "../../../core/tagging/concept-languages";
import { countConceptTerms } from "../../../core/tagging/concepts";
import { defaultConcepts, placeTerm } from "../../../core/tagging/default-concepts";
import { compileDefaultTopics } from "../../../core/tagging/default-matcher";
import { derivedDemonyms } from "../../../core/tagging/demonyms";
import { GLOBAL_SOUTH_ZONE_CITIES } from "../../../core/tagging/global-south-cities";
import { cityNameExcluded, zoneExcluded } from "../../../core/tagging/global-south-city-names";
import { GLOBAL_SOUTH_M49 } from "../../../core/tagging/global-south-places";
import { conceptLimits } from "../../../core/tagging/query-ast";

const matcher = compileDefaultTopics([{ slug: "gs", query: "@global-south" }]);
const finds = (lang: string, text: string) => matcher.match({ lang, title: text, summary: "" }).length > 0;
const codes = Object.values(GLOBAL_SOUTH_M49).flatMap((list) => list.split(" "));

/**
 * Every UN member state of the concept and its capital (or seat of government) in English. Where the capital
 * is also a common word or another place, the concept leaves it out: those are listed apart, with why.
 */
const CAPITALS =
  `DZ Algiers|EG Cairo|LY Tripoli|MA Rabat|SD Khartoum|TN Tunis|BI Gitega|KM Moroni|DJ Djibouti|
ER Asmara|ET Addis Ababa|KE Nairobi|MG Antananarivo|MW Lilongwe|MU Port Louis|MZ Maputo|RW Kigali|SO Mogadishu|
SS Juba|UG Kampala|TZ Dodoma|ZM Lusaka|ZW Harare|AO Luanda|CM Yaoundé|CF Bangui|TD N'Djamena|CG Brazzaville|
CD Kinshasa|GQ Malabo|GA Libreville|ST São Tomé|BW Gaborone|SZ Mbabane|LS Maseru|NA Windhoek|ZA Pretoria|
BJ Porto-Novo|BF Ouagadougou|CI Yamoussoukro|GM Banjul|GH Accra|GN Conakry|GW Bissau|LR Monrovia|ML Bamako|
MR Nouakchott|NE Niamey|NG Abuja|SN Dakar|SL Freetown|TG Lomé|AG St. John's|BS Nassau|BB Bridgetown|CU Havana|
DM Roseau|DO Santo Domingo|GD St. George's|HT Port-au-Prince|JM Kingston|KN Basseterre|LC Castries|
VC Kingstown|TT Port of Spain|BZ Belmopan|CR San José|SV San Salvador|GT Guatemala City|HN Tegucigalpa|
MX Mexico City|NI Managua|PA Panama City|AR Buenos Aires|BO Sucre|BR Brasília|CL Santiago de Chile|CO Bogotá|
EC Quito|GY Georgetown|PY Asunción|PE Lima|SR Paramaribo|UY Montevideo|VE Caracas|KZ Astana|KG Bishkek|
TJ Dushanbe|TM Ashgabat|UZ Tashkent|AF Kabul|BD Dhaka|BT Thimphu|IN New Delhi|IR Tehran|MV Malé|NP Kathmandu|
PK Islamabad|LK Colombo|BN Bandar Seri Begawan|KH Phnom Penh|ID Jakarta|LA Vientiane|MY Kuala Lumpur|
MM Naypyidaw|PH Manila|SG Singapore|TH Bangkok|TL Dili|VN Hanoi|AM Yerevan|AZ Baku|BH Manama|GE Tbilisi|
IQ Baghdad|JO Amman|KW Kuwait City|LB Beirut|OM Muscat|QA Doha|SA Riyadh|SY Damascus|TR Ankara|AE Abu Dhabi|
YE Sanaa|FJ Suva|PG Port Moresby|SB Honiara|VU Port Vila|KI Tarawa|MH Majuro|FM Palikir|NR Yaren|PW Ngerulmud|
WS Apia|TO Nuku'alofa|TV Funafuti`
    .split("|")
    .map((entry) => entry.trim())
    .map((entry) => [entry.slice(0, 2), entry.slice(3)] as const);

const CAPITALS_LEFT_OUT: Readonly<Record<string, string>> = {
  "St. John's": "a saint's name and many places",
  Nassau: "the German town and house",
  Roseau: 'French "reed"',
  "St. George's": "a saint's name and many places",
  Kingston: "Kingston upon Thames, Ontario and New York",
  Kingstown: "Kingstown in Ireland (Dún Laoghaire)",
  "San José": "California's and Costa Rica's alike; a given name",
  Sucre: 'French "sugar"',
  Georgetown: "the Washington neighbourhood and university",
  Lima: 'Spanish and Portuguese "file, lime"',
  Asunción: "the Assumption, and a given name",
  Malé: '"male"',
  Colombo: "Columbus in Italian, and the detective",
  Dili: 'Turkish "its language"',
  Muscat: "the grape and the wine",
  Yaren: "a district, not a city; Nauru is found by its name",
};

describe("@global-south", () => {
  it("names every country and territory of the concept in each of the 16 languages, or says why not", () => {
    const missing: string[] = [];
    const leftOut: string[] = [];
    for (const code of codes) {
      for (const lang of CONCEPT_LANGUAGES) {
        const name = new Intl.DisplayNames([lang], { type: "region" }).of(code)!;
        expect(name, `${code} in ${lang}`).not.toBe(code);
        // A short Chinese, Japanese or Korean name counts with what follows it (cjkPlaceTerm).
        const follower = { zh: "政府", ja: "の", ko: "의" }[lang as string] ?? "";
        // Names that are common words (Chad, Jordan, Georgia, French "Grenade") are left out by placeTerm.
        if (placeTerm(name) === null) leftOut.push(name);
        else if (finds(lang, name + follower)) continue;
        missing.push(`${code}/${lang}: ${name}`);
      }
    }
    expect(missing.filter((entry) => !leftOut.some((name) => entry.endsWith(`: ${name}`))).join("\n")).toBe(
      "",
    );
    expect(new Set(leftOut).size).toBeLessThan(40);
  });

  it("knows the capital of every UN member state it covers, except those that are common words", () => {
    const sovereign = new Set(CAPITALS.map(([code]) => code));
    for (const code of sovereign) expect(codes, code).toContain(code);
    for (const [code, capital] of CAPITALS) {
      if (capital in CAPITALS_LEFT_OUT) {
        expect(finds("en", `A startup in ${capital}`), `${code} ${capital} is left out`).toBe(false);
        continue;
      }
      expect(finds("en", `A startup in ${capital} adopts the model`), `${code} ${capital}`).toBe(true);
    }
  });

  it("knows capitals and big cities in Arabic, Hindi, Russian, Chinese, Japanese and Korean from CLDR", () => {
    const cases: Array<[string, string]> = [
      ["ar", "شركة ناشئة في لواندا"],
      ["ar", "مطورون في لاغوس"],
      ["ar", "بنوك في كراتشي"],
      ["hi", "लुसाका में स्टार्टअप"],
      ["hi", "अबिदजान के डेवलपर"],
      ["ru", "Стартап из Луанды"],
      ["ru", "разработчики в Хараре"],
      ["ru", "банки Карачи"],
      ["zh", "卢萨卡的初创公司"],
      ["zh", "胡志明市的开发者"],
      ["ja", "ラゴスの開発者"],
      ["ja", "ハラレのスタートアップ"],
      ["ko", "루사카의 스타트업"],
      ["ko", "아비장 개발자들"],
      ["de", "Entwickler in Daressalam"],
      ["es", "Desarrolladores de Abiyán"],
      ["it", "Sviluppatori a Città del Messico"],
    ];
    for (const [lang, text] of cases) expect(finds(lang, text), `${lang}: ${text}`).toBe(true);
  });

  it("takes every zone city of CLDR unless its zone is left out with a reason", () => {
    for (const zones of Object.values(GLOBAL_SOUTH_ZONE_CITIES)) {
      for (const [zone, names] of Object.entries(zones)) {
        if (zoneExcluded(zone)) continue;
        const english = names[0]!;
        if (cityNameExcluded(english) || placeTerm(english) === null) continue;
        expect(finds("en", `News from ${english}`), zone).toBe(true);
      }
    }
  });

  it("finds demonyms derived by each language's rule", () => {
    const cases: Array<[string, string]> = [
      ["en", "Zambian banks try DeepSeek"],
      ["en", "Malawian developers"],
      ["de", "sambische Banken"],
      ["fr", "des banques zambiennes"],
      ["es", "bancos zambianos"],
      ["tr", "Zambiyalı geliştiriciler"],
      ["sw", "Wazambia wanatumia AI"],
      ["ar", "البنوك الزامبية"],
      ["ar", "مطورون سوريون"],
      ["ru", "замбийские банки"],
      ["ru", "кенийцы"],
    ];
    for (const [lang, text] of cases) expect(finds(lang, text), `${lang}: ${text}`).toBe(true);
    expect(derivedDemonyms("sw", "Angola")).toEqual(["Mwangola", "Waangola"]);
    expect(derivedDemonyms("tr", "Suriye")).toEqual(["Suriyeli"]);
    expect(derivedDemonyms("en", "Sierra Leone")).toEqual([]);
  });

  it("leaves out cities and forms that are common words", () => {
    const words: Array<[string, string]> = [
      ["es", "Firmaron la paz en la bahía"],
      ["en", "An oral exam at Easter in Stanley Park"],
      ["en", "A chihuahua and a glass of muscat"],
      ["de", "Eine kubische Gleichung mit Muskat"],
      ["ru", "Цены газа выросли"],
      ["ar", "في مسقط رأسه"],
      ["ar", "سور المدينة القديم"],
      ["ar", "ترك العمل"],
      ["ar", "البحر الأحمر"],
      ["ja", "マスカットの季節とアルバイト"],
      ["ko", "딜리버리 앱"],
      ["tr", "Türk dili"],
      ["zh", "自由市场经济"],
      ["it", "La festa di Santa Lucia a San Paolo"],
      ["fr", "Une grenade et une réunion"],
      ["hi", "उसने डकार ली"],
    ];
    for (const [lang, text] of words) expect(finds(lang, text), `${lang}: ${text}`).toBe(false);
  });

  it("stays within a concept's term limit", () => {
    const concept = defaultConcepts().find((c) => c.name === "global-south")!;
    expect(countConceptTerms(concept.query)).toBeLessThanOrEqual(conceptLimits.maxTerms);
  });
});
