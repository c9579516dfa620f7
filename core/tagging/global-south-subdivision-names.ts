import { cityNameExcluded } from "./global-south-city-names";
import { GLOBAL_SOUTH_SUBDIVISIONS } from "./global-south-subdivisions";
import { placeKey } from "./place-key";

/**
 * The states and provinces `@global-south` knows: CLDR's first-level subdivisions (generated into
 * global-south-subdivisions.ts) of the countries of 30 million people or more, whose states the press names
 * instead of the country (an adoption story from Maharashtra, Minas Gerais or Da Nang), and for the most
 * populous (100 million or more) the level below too, where Indonesia's provinces (Bali, West Java) and
 * Bangladesh's districts sit. Their names are English, as CLDR has them, which is how the Latin-script
 * languages write most of them; the names below are left out.
 */
const MIN_POPULATION = 30_000_000;
const MIN_POPULATION_BELOW = 100_000_000;

/** Words that name no place on their own: a name made only of them ("Northern", "Free State", "Red Sea") is out. */
const GENERIC = new Set(
  (
    "north south east west northern southern eastern western central northeast northwest southeast southwest " +
    "far upper lower greater new capital federal district territory territories region province state free " +
    "island islands valley sea red river rivers coast lake lakes metro metropolitan city highlands peninsula " +
    "dependencies borders oriental centre mountain and of the"
  ).split(" "),
);

/** What CLDR appends to a name that the press leaves off: "Dhaka Division" is Dhaka. */
const SUFFIX = / (Division|Province|Region|County|State)$/u;

/** Spellings left out (any case and accents), each a common word, a person or another place. */
const NOISY_SUBDIVISIONS: Readonly<Record<string, string>> = {
  mascara: "the cosmetic",
  constantine: "a given name",
  mila: "a given name",
  afar: 'English "from afar"',
  harari: "a surname (Yuval Noah Harari)",
  meru: "Mount Meru, and places in India and Tanzania",
  nandi: "the sacred bull, and an Indian given name",
  tete: 'French "tête" (head)',
  mara: "a given name, and the river and reserve",
  tanga: 'Spanish and Portuguese "thong"',
  pwani: 'Swahili "coast"',
  lindi: "a given name",
  littoral: 'French "coastline"',
  équateur: 'French "equator"',
  volta: 'Italian and Portuguese "turn, time"',
  savannah: "the US city and the grassland",
  bono: "the singer",
  delta: "the letter, the airline, any river mouth",
  plateau: 'English and French "plateau"',
  durango: "the US city and the car",
  guerrero: 'Spanish "warrior", a surname',
  hidalgo: "a surname, Spanish for nobleman",
  tabasco: "the sauce",
  sonora: 'Spanish and Portuguese "sonorous"',
  chihuahua: "the dog breed",
  morelos: "a surname",
  misiones: 'Spanish "missions"',
  formosa: 'Portuguese "beautiful", and Taiwan',
  corrientes: 'Spanish "currents"',
  "santa fe": "the US city",
  "santa cruz": "Bolivia's city, the US city and saints' places",
  "entre ríos": 'Spanish "between rivers"',
  "la pampa": 'Spanish "the pampa"',
  "río negro": 'Spanish "black river"',
  chaco: "the Gran Chaco region across four countries",
  acre: "the unit of area",
  amazonas: "the river and the rainforest (four countries have a state of the name)",
  pará: 'Portuguese "for" once accents fold',
  "espírito santo": 'Portuguese "Holy Spirit"',
  "santa catarina": "Saint Catherine, and places named for her",
  bolívar: "the currency and Simón Bolívar",
  caldas: "a surname, and hot springs",
  cesar: "a given name",
  córdoba: "the Spanish city",
  magdalena: "a given name",
  meta: "the company",
  santander: "the bank",
  sucre: 'French "sugar"',
  atlántico: "the ocean",
  chocó: 'Spanish "crashed"',
  "la libertad": 'Spanish "freedom"',
  "san martín": "Saint Martin, and the general",
  loreto: "a given name, and the Italian town",
  "madre de dios": 'Spanish "mother of God"',
  miranda: "a given name",
  falcón: 'Spanish "falcon"',
  trujillo: "a surname, and the Peruvian city",
  portuguesa: 'Spanish and Portuguese "Portuguese"',
  lara: "a given name",
  vargas: "a surname",
  apure: 'Spanish "hurry" (subjunctive)',
  farah: "a given name",
  bhola: 'Hindi "innocent"',
  java: "the programming language",
  perak: 'Malay and Indonesian "silver"',
  sabah: 'Turkish "morning"',
  chin: "the body part",
  shan: "a given name",
  surin: "a given name",
  yala: 'Arabic "come on"',
  trang: 'Vietnamese "page"',
  "roi et": 'French "king and"',
  "hòa bình": 'Vietnamese "peace"',
  "thái bình": 'Vietnamese "peaceful", as in Thái Bình Dương (the Pacific)',
  "sơn la": 'Spanish and French "son la" once accents fold',
  babylon: "the ancient city",
  saladin: "the sultan",
  fars: "the news agency",
  bursa: 'Indonesian "stock exchange"',
  aydın: "a given name, Turkish for bright",
  batman: "the comic character",
  tokat: 'Turkish "slap"',
  karaman: "a surname",
  adan: "a given name (Adán)",
  amran: "a given name",
  kerman: "a surname",
  salta: 'Spanish and Portuguese "jumps"',
  "san luis": "St. Louis",
  "la rioja": "the Spanish wine region",
  "san juan": "Puerto Rico's capital, and saints' places everywhere",
  mendoza: "a common Spanish surname",
  mérida: "the Spanish and the Mexican city",
  "san andrés": "Saint Andrew, and places named for him",
  providencia: 'Spanish "providence"',
  ağrı: 'Turkish "pain"',
  ordu: 'Turkish "army"',
  uşak: 'Turkish "servant"',
  "la union": 'Spanish "the union"',
  aurora: "a given name, and the dawn",
  isabela: "a given name",
  quirino: "a given name",
  antique: 'English and French "antique"',
  laguna: 'Spanish "lagoon", and places named so',
  rizal: "the national hero, and places named for him",
  abra: 'Spanish and Portuguese "opens"',
  kalinga: "the ancient Indian kingdom (Odisha)",
  quezon: "the president, and places named for him",
};

const NOISY = new Set(Object.keys(NOISY_SUBDIVISIONS).map(placeKey));

/** A CLDR name as the press writes it, or null: footnote marks and suffixes off, "Zanzibar Urban/West" in parts. */
function cleaned(name: string): string[] {
  const out: string[] = [];
  for (const part of name
    .replace(/[²³]/gu, "")
    .replace(/^’/u, "")
    .split(/\s*[/&]\s*/u)) {
    const trimmed = part.trim().replace(SUFFIX, "");
    const words = placeKey(trimmed).split(/[\s-]+/u);
    if (/[\d,]/u.test(trimmed) || words.every((word) => GENERIC.has(word))) continue;
    if (words.length === 1 && [...trimmed].length < 4) continue;
    if (NOISY.has(placeKey(trimmed)) || cityNameExcluded(trimmed)) continue;
    out.push(trimmed);
  }
  return out;
}

/** Every subdivision name the concept takes, as raw names (placeTerm in default-concepts.ts makes them terms). */
export function globalSouthSubdivisionNames(): string[] {
  const names = new Set<string>();
  for (const { population, names: first, below } of Object.values(GLOBAL_SOUTH_SUBDIVISIONS)) {
    if (population < MIN_POPULATION) continue;
    const all = population >= MIN_POPULATION_BELOW ? [...first, ...below] : first;
    for (const name of all) for (const part of cleaned(name)) names.add(part);
  }
  return [...names];
}
