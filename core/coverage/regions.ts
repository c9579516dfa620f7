/**
 * Global North / Global South of an outlet, from its ISO 3166-1 alpha-2 country.
 *
 * The rule is the UN M49 standard's grouping (UN Statistics Division, "Standard country or area codes for
 * statistical use", https://unstats.un.org/unsd/methodology/m49/): the "developed regions" are Europe, Northern
 * America, Japan, and Australia and New Zealand; everything else is a "developing region". Global North here
 * means exactly the M49 developed regions, Global South every other ISO country. One published rule, applied
 * without exceptions, is easier to defend and reproduce than a hand-made list, and it matches how
 * "Global South" is used in UN and press writing about development.
 *
 * Edge cases, decided by following M49's geography as it stands:
 * - Israel, South Korea, Singapore, Taiwan, Hong Kong and Macao are in M49's Asian regions, not its developed
 *   regions, so they are Global South here even though they are high-income. An income rule would also pull in
 *   Qatar, the UAE and Saudi Arabia, which nobody reads as Global North.
 * - Cyprus, Türkiye, Georgia, Armenia and Azerbaijan are in M49's Western Asia: Global South, although Cyprus is
 *   in the EU.
 * - Russia, Belarus, Ukraine, Moldova and the Balkans are in M49's Europe: Global North.
 * - French Guiana, Guadeloupe, Martinique, Réunion and Mayotte sit in M49's Latin America and Africa: Global
 *   South; Saint Pierre and Miquelon (Northern America) is Global North.
 * - Christmas Island, Cocos Islands, Heard and McDonald Islands and Norfolk Island belong to M49's "Australia
 *   and New Zealand" subregion: Global North.
 * - Kosovo's user-assigned code XK (not in ISO 3166-1, but common) is Europe: Global North. "UK", which ISO
 *   reserves for the United Kingdom, is read as GB.
 * - Antarctica (AQ) has no M49 region: unknown.
 */

export type Region = "global-north" | "global-south" | "unknown";

export const REGION_LABELS: Readonly<Record<Region, string>> = {
  "global-north": "Global North",
  "global-south": "Global South",
  unknown: "Unknown",
};

/** M49 developed regions, by M49 subregion. */
const M49_DEVELOPED = [
  // Eastern Europe (151)
  "BG BY CZ HU MD PL RO RU SK UA",
  // Northern Europe (154), Channel Islands included
  "AX DK EE FI FO GB GG IE IM IS JE LT LV NO SE SJ",
  // Southern Europe (039), plus Kosovo's XK
  "AD AL BA ES GI GR HR IT ME MK MT PT RS SI SM VA XK",
  // Western Europe (155)
  "AT BE CH DE FR LI LU MC NL",
  // Northern America (021)
  "BM CA GL PM US",
  // Japan; Australia and New Zealand (053)
  "JP AU NZ CX CC HM NF",
].join(" ");

/** Every officially assigned ISO 3166-1 alpha-2 code (249). */
const ISO_3166_1 = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT
  BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ
  FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS
  IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN
  MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW
  PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN
  TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`;

const NO_M49_REGION = new Set(["AQ"]);
const ALIASES: Readonly<Record<string, string>> = { UK: "GB" };

export const GLOBAL_NORTH: ReadonlySet<string> = new Set(M49_DEVELOPED.split(/\s+/));
export const ISO_COUNTRIES: ReadonlySet<string> = new Set(ISO_3166_1.split(/\s+/));

export function regionOf(country: string | null): Region {
  if (country === null) return "unknown";
  const upper = country.trim().toUpperCase();
  const code = ALIASES[upper] ?? upper;
  if (GLOBAL_NORTH.has(code)) return "global-north";
  if (ISO_COUNTRIES.has(code) && !NO_M49_REGION.has(code)) return "global-south";
  return "unknown";
}
