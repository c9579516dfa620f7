/**
 * The outlets of the bundled sample corpus: one generated feed file per outlet under jobs/sample/feeds. Every
 * article in the files is invented text written for Tidemark, so neither the outlets nor the links pose as
 * real: each outlet is named "Sample <kind>, <city>" for the place and kind of press it stands in for (the
 * file names keep the real outlets whose feed formats and encodings they imitate), and every link is under
 * `.sample.invalid`, a name RFC 2606 reserves so that it can never resolve.
 */
export interface SampleOutlet {
  /** Path relative to jobs/sample/feeds. */
  file: string;
  name: string;
  /** The outlet's invented home page, under `.sample.invalid`. */
  url: string;
  lang: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export const sampleOutlets: SampleOutlet[] = [
  {
    file: "reuters.xml",
    name: "Sample Wire, London",
    url: "https://wire-london.sample.invalid/",
    lang: "en",
    country: "GB",
  },
  {
    file: "cnbc.xml",
    name: "Sample Markets TV, New York",
    url: "https://markets-tv-newyork.sample.invalid/",
    lang: "en",
    country: "US",
  },
  {
    file: "rest-of-world.json",
    name: "Sample Global Tech, New York",
    url: "https://global-tech-newyork.sample.invalid/",
    lang: "en",
    country: "US",
  },
  {
    file: "techcabal.xml",
    name: "Sample Tech, Lagos",
    url: "https://tech-lagos.sample.invalid/",
    lang: "en",
    country: "NG",
  },
  {
    file: "the-hindu.xml",
    name: "Sample Daily, Chennai",
    url: "https://daily-chennai.sample.invalid/",
    lang: "en",
    country: "IN",
  },
  {
    file: "straits-times.xml",
    name: "Sample Times, Singapore",
    url: "https://times-singapore.sample.invalid/",
    lang: "en",
    country: "SG",
  },
  {
    file: "mail-guardian.xml",
    name: "Sample Weekly, Johannesburg",
    url: "https://weekly-johannesburg.sample.invalid/",
    lang: "en",
    country: "ZA",
  },
  {
    file: "daily-maverick.atom",
    name: "Sample Daily, Cape Town",
    url: "https://daily-capetown.sample.invalid/",
    lang: "en",
    country: "ZA",
  },
  {
    file: "rappler.xml",
    name: "Sample News, Manila",
    url: "https://news-manila.sample.invalid/",
    lang: "en",
    country: "PH",
  },
  {
    file: "scmp.xml",
    name: "Sample Morning Post, Hong Kong",
    url: "https://morning-post-hongkong.sample.invalid/",
    lang: "en",
    country: "HK",
  },
  {
    file: "nikkei-asia.atom",
    name: "Sample Asia Review, Tokyo",
    url: "https://asia-review-tokyo.sample.invalid/",
    lang: "en",
    country: "JP",
  },
  {
    file: "handelsblatt.xml",
    name: "Sample Wirtschaftsblatt, Düsseldorf",
    url: "https://wirtschaftsblatt-duesseldorf.sample.invalid/",
    lang: "de",
    country: "DE",
  },
  {
    file: "heise.rdf",
    name: "Sample Techmagazin, Hannover",
    url: "https://techmagazin-hannover.sample.invalid/",
    lang: "de",
    country: "DE",
  },
  {
    file: "caixin.xml",
    name: "样例财经 Sample Finance, Beijing",
    url: "https://finance-beijing.sample.invalid/",
    lang: "zh",
    country: "CN",
  },
  {
    file: "36kr.atom",
    name: "样例科技 Sample Tech, Beijing",
    url: "https://tech-beijing.sample.invalid/",
    lang: "zh",
    country: "CN",
  },
  {
    file: "zaobao.xml",
    name: "样例早报 Sample Morning News, Singapore",
    url: "https://morning-news-singapore.sample.invalid/",
    lang: "zh",
    country: "SG",
  },
  {
    file: "le-monde.xml",
    name: "Sample Quotidien, Paris",
    url: "https://quotidien-paris.sample.invalid/",
    lang: "fr",
    country: "FR",
  },
  {
    file: "les-echos.xml",
    name: "Sample Économie, Paris",
    url: "https://economie-paris.sample.invalid/",
    lang: "fr",
    country: "FR",
  },
  {
    file: "telquel.xml",
    name: "Sample Hebdo, Casablanca",
    url: "https://hebdo-casablanca.sample.invalid/",
    lang: "fr",
    country: "MA",
  },
  {
    file: "el-pais.xml",
    name: "Sample Diario, Madrid",
    url: "https://diario-madrid.sample.invalid/",
    lang: "es",
    country: "ES",
  },
  {
    file: "clarin.xml",
    name: "Sample Diario, Buenos Aires",
    url: "https://diario-buenosaires.sample.invalid/",
    lang: "es",
    country: "AR",
  },
  {
    file: "expansion.xml",
    name: "Sample Negocios, Ciudad de México",
    url: "https://negocios-mexico.sample.invalid/",
    lang: "es",
    country: "MX",
  },
  {
    file: "folha.xml",
    name: "Sample Jornal, São Paulo",
    url: "https://jornal-saopaulo.sample.invalid/",
    lang: "pt",
    country: "BR",
  },
  {
    file: "valor.xml",
    name: "Sample Economia, São Paulo",
    url: "https://economia-saopaulo.sample.invalid/",
    lang: "pt",
    country: "BR",
  },
  {
    file: "nikkei.xml",
    name: "サンプル経済新聞 Sample Keizai, Tokyo",
    url: "https://keizai-tokyo.sample.invalid/",
    lang: "ja",
    country: "JP",
  },
  {
    file: "itmedia.xml",
    name: "サンプルITニュース Sample IT News, Tokyo",
    url: "https://it-news-tokyo.sample.invalid/",
    lang: "ja",
    country: "JP",
  },
];
