/**
 * The outlets of the bundled sample corpus: one generated feed file per outlet under jobs/sample/feeds.
 * Names and site URLs are those of real outlets, used only as labels and site links (never fetched); every
 * article in the files is fictional text written for Tidemark.
 */
export interface SampleOutlet {
  /** Path relative to jobs/sample/feeds. */
  file: string;
  name: string;
  /** The outlet's home page. */
  url: string;
  lang: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export const sampleOutlets: SampleOutlet[] = [
  { file: "reuters.xml", name: "Reuters", url: "https://www.reuters.com/", lang: "en", country: "GB" },
  { file: "cnbc.xml", name: "CNBC", url: "https://www.cnbc.com/", lang: "en", country: "US" },
  {
    file: "rest-of-world.json",
    name: "Rest of World",
    url: "https://restofworld.org/",
    lang: "en",
    country: "US",
  },
  { file: "techcabal.xml", name: "TechCabal", url: "https://techcabal.com/", lang: "en", country: "NG" },
  { file: "the-hindu.xml", name: "The Hindu", url: "https://www.thehindu.com/", lang: "en", country: "IN" },
  {
    file: "straits-times.xml",
    name: "The Straits Times",
    url: "https://www.straitstimes.com/",
    lang: "en",
    country: "SG",
  },
  { file: "mail-guardian.xml", name: "Mail & Guardian", url: "https://mg.co.za/", lang: "en", country: "ZA" },
  {
    file: "daily-maverick.atom",
    name: "Daily Maverick",
    url: "https://www.dailymaverick.co.za/",
    lang: "en",
    country: "ZA",
  },
  { file: "rappler.xml", name: "Rappler", url: "https://www.rappler.com/", lang: "en", country: "PH" },
  {
    file: "scmp.xml",
    name: "South China Morning Post",
    url: "https://www.scmp.com/",
    lang: "en",
    country: "HK",
  },
  {
    file: "nikkei-asia.atom",
    name: "Nikkei Asia",
    url: "https://asia.nikkei.com/",
    lang: "en",
    country: "JP",
  },
  {
    file: "handelsblatt.xml",
    name: "Handelsblatt",
    url: "https://www.handelsblatt.com/",
    lang: "de",
    country: "DE",
  },
  { file: "heise.rdf", name: "heise online", url: "https://www.heise.de/", lang: "de", country: "DE" },
  { file: "caixin.xml", name: "财新网 Caixin", url: "https://www.caixin.com/", lang: "zh", country: "CN" },
  { file: "36kr.atom", name: "36氪", url: "https://36kr.com/", lang: "zh", country: "CN" },
  { file: "zaobao.xml", name: "联合早报", url: "https://www.zaobao.com.sg/", lang: "zh", country: "SG" },
  { file: "le-monde.xml", name: "Le Monde", url: "https://www.lemonde.fr/", lang: "fr", country: "FR" },
  { file: "les-echos.xml", name: "Les Echos", url: "https://www.lesechos.fr/", lang: "fr", country: "FR" },
  { file: "telquel.xml", name: "TelQuel", url: "https://telquel.ma/", lang: "fr", country: "MA" },
  { file: "el-pais.xml", name: "El País", url: "https://elpais.com/", lang: "es", country: "ES" },
  { file: "clarin.xml", name: "Clarín", url: "https://www.clarin.com/", lang: "es", country: "AR" },
  { file: "expansion.xml", name: "Expansión", url: "https://expansion.mx/", lang: "es", country: "MX" },
  {
    file: "folha.xml",
    name: "Folha de S.Paulo",
    url: "https://www1.folha.uol.com.br/",
    lang: "pt",
    country: "BR",
  },
  { file: "valor.xml", name: "Valor Econômico", url: "https://valor.globo.com/", lang: "pt", country: "BR" },
  { file: "nikkei.xml", name: "日本経済新聞", url: "https://www.nikkei.com/", lang: "ja", country: "JP" },
  {
    file: "itmedia.xml",
    name: "ITmedia NEWS",
    url: "https://www.itmedia.co.jp/news/",
    lang: "ja",
    country: "JP",
  },
];
