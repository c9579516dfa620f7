/**
 * The curated feeds a fresh Tidemark starts with: real outlets' public RSS/Atom feeds, technology, business
 * and world sections first, spread over languages and over the Global North and South so the coverage
 * breakdowns mean something from day one.
 *
 * These URLs could not be checked online when the list was written (the build machine is offline); they are
 * the outlets' long-standing, widely used feed addresses. A feed that has moved shows up on the feeds page
 * with its error and backs off on its own; replace it there or with `npm run cli -- feeds remove ID`.
 */
export interface DefaultFeed {
  url: string;
  name: string;
  lang: string;
  /** ISO 3166-1 alpha-2 of the outlet's home country. */
  country: string;
}

export const defaultFeeds: DefaultFeed[] = [
  // English: wires, US and UK
  {
    url: "https://feeds.bbci.co.uk/news/technology/rss.xml",
    name: "BBC News - Technology",
    lang: "en",
    country: "GB",
  },
  {
    url: "https://feeds.bbci.co.uk/news/business/rss.xml",
    name: "BBC News - Business",
    lang: "en",
    country: "GB",
  },
  {
    url: "https://www.theguardian.com/technology/rss",
    name: "The Guardian - Technology",
    lang: "en",
    country: "GB",
  },
  { url: "https://www.theguardian.com/world/rss", name: "The Guardian - World", lang: "en", country: "GB" },
  {
    url: "https://rss.nytimes.com/services/xml/rss/nyt/Technology.xml",
    name: "The New York Times - Technology",
    lang: "en",
    country: "US",
  },
  {
    url: "https://rss.nytimes.com/services/xml/rss/nyt/Business.xml",
    name: "The New York Times - Business",
    lang: "en",
    country: "US",
  },
  {
    url: "https://www.cnbc.com/id/19854910/device/rss/rss.html",
    name: "CNBC - Technology",
    lang: "en",
    country: "US",
  },
  { url: "https://feeds.arstechnica.com/arstechnica/index", name: "Ars Technica", lang: "en", country: "US" },
  { url: "https://www.theverge.com/rss/index.xml", name: "The Verge", lang: "en", country: "US" },
  { url: "https://techcrunch.com/feed/", name: "TechCrunch", lang: "en", country: "US" },
  { url: "https://restofworld.org/feed/latest/", name: "Rest of World", lang: "en", country: "US" },
  { url: "https://www.aljazeera.com/xml/rss/all.xml", name: "Al Jazeera English", lang: "en", country: "QA" },
  // English: Asia
  { url: "https://www.scmp.com/rss/91/feed", name: "South China Morning Post", lang: "en", country: "HK" },
  { url: "https://asia.nikkei.com/rss/feed/nar", name: "Nikkei Asia", lang: "en", country: "JP" },
  { url: "https://www.japantimes.co.jp/feed/", name: "The Japan Times", lang: "en", country: "JP" },
  {
    url: "https://www.thehindu.com/sci-tech/technology/feeder/default.rss",
    name: "The Hindu - Technology",
    lang: "en",
    country: "IN",
  },
  {
    url: "https://timesofindia.indiatimes.com/rssfeedstopstories.cms",
    name: "The Times of India",
    lang: "en",
    country: "IN",
  },
  { url: "https://www.livemint.com/rss/technology", name: "Mint - Technology", lang: "en", country: "IN" },
  { url: "https://www.dawn.com/feeds/home", name: "Dawn", lang: "en", country: "PK" },
  {
    url: "https://www.straitstimes.com/news/tech/rss.xml",
    name: "The Straits Times - Tech",
    lang: "en",
    country: "SG",
  },
  { url: "https://www.channelnewsasia.com/rssfeeds/8395986", name: "CNA", lang: "en", country: "SG" },
  { url: "https://www.rappler.com/feed/", name: "Rappler", lang: "en", country: "PH" },
  { url: "https://technology.inquirer.net/feed", name: "Inquirer Technology", lang: "en", country: "PH" },
  { url: "https://e.vnexpress.net/rss/news.rss", name: "VnExpress International", lang: "en", country: "VN" },
  { url: "https://en.yna.co.kr/RSS/news.xml", name: "Yonhap News Agency", lang: "en", country: "KR" },
  // English: Africa
  { url: "https://techcabal.com/feed/", name: "TechCabal", lang: "en", country: "NG" },
  { url: "https://techpoint.africa/feed/", name: "Techpoint Africa", lang: "en", country: "NG" },
  { url: "https://www.premiumtimesng.com/feed", name: "Premium Times", lang: "en", country: "NG" },
  { url: "https://www.dailymaverick.co.za/dmrss/", name: "Daily Maverick", lang: "en", country: "ZA" },
  { url: "https://mg.co.za/feed/", name: "Mail & Guardian", lang: "en", country: "ZA" },
  { url: "https://techcentral.co.za/feed/", name: "TechCentral", lang: "en", country: "ZA" },
  // German
  { url: "https://www.heise.de/rss/heise-atom.xml", name: "heise online", lang: "de", country: "DE" },
  { url: "https://rss.golem.de/rss.php?feed=RSS2.0", name: "Golem.de", lang: "de", country: "DE" },
  {
    url: "https://www.spiegel.de/netzwelt/index.rss",
    name: "DER SPIEGEL - Netzwelt",
    lang: "de",
    country: "DE",
  },
  { url: "https://www.tagesschau.de/xml/rss2/", name: "tagesschau.de", lang: "de", country: "DE" },
  {
    url: "https://www.handelsblatt.com/contentexport/feed/schlagzeilen",
    name: "Handelsblatt",
    lang: "de",
    country: "DE",
  },
  { url: "https://t3n.de/rss.xml", name: "t3n", lang: "de", country: "DE" },
  // Chinese
  { url: "https://feeds.bbci.co.uk/zhongwen/simp/rss.xml", name: "BBC 中文网", lang: "zh", country: "GB" },
  { url: "https://36kr.com/feed", name: "36氪", lang: "zh", country: "CN" },
  { url: "https://www.solidot.org/index.rss", name: "Solidot", lang: "zh", country: "CN" },
  { url: "https://www.ifanr.com/feed", name: "爱范儿", lang: "zh", country: "CN" },
  { url: "https://www.zaobao.com.sg/rss/realtime/china", name: "联合早报 - 中国", lang: "zh", country: "SG" },
  { url: "https://rss.dw.com/rdf/rss-chi-all", name: "德国之声中文网", lang: "zh", country: "DE" },
  // French
  { url: "https://www.lemonde.fr/pixels/rss_full.xml", name: "Le Monde - Pixels", lang: "fr", country: "FR" },
  {
    url: "https://www.lemonde.fr/international/rss_full.xml",
    name: "Le Monde - International",
    lang: "fr",
    country: "FR",
  },
  { url: "https://www.france24.com/fr/rss", name: "France 24", lang: "fr", country: "FR" },
  {
    url: "https://syndication.lesechos.fr/rss/rss_une_titres.xml",
    name: "Les Echos",
    lang: "fr",
    country: "FR",
  },
  { url: "https://www.rfi.fr/fr/afrique/rss", name: "RFI - Afrique", lang: "fr", country: "FR" },
  { url: "https://www.jeuneafrique.com/feed/", name: "Jeune Afrique", lang: "fr", country: "FR" },
  // Spanish
  {
    url: "https://feeds.elpais.com/mrss-s/pages/ep/site/elpais.com/section/tecnologia/portada",
    name: "El País - Tecnología",
    lang: "es",
    country: "ES",
  },
  { url: "https://www.xataka.com/feedburner.xml", name: "Xataka", lang: "es", country: "ES" },
  { url: "https://feeds.bbci.co.uk/mundo/rss.xml", name: "BBC Mundo", lang: "es", country: "GB" },
  { url: "https://www.clarin.com/rss/lo-ultimo/", name: "Clarín", lang: "es", country: "AR" },
  { url: "https://www.infobae.com/feeds/rss/", name: "Infobae", lang: "es", country: "AR" },
  { url: "https://expansion.mx/rss", name: "Expansión", lang: "es", country: "MX" },
  { url: "https://www.eltiempo.com/rss/colombia.xml", name: "El Tiempo", lang: "es", country: "CO" },
  // Portuguese
  {
    url: "https://feeds.folha.uol.com.br/tec/rss091.xml",
    name: "Folha de S.Paulo - Tec",
    lang: "pt",
    country: "BR",
  },
  {
    url: "https://feeds.folha.uol.com.br/mercado/rss091.xml",
    name: "Folha de S.Paulo - Mercado",
    lang: "pt",
    country: "BR",
  },
  { url: "https://g1.globo.com/rss/g1/tecnologia/", name: "g1 - Tecnologia", lang: "pt", country: "BR" },
  { url: "https://valor.globo.com/rss/valor/", name: "Valor Econômico", lang: "pt", country: "BR" },
  { url: "https://tecnoblog.net/feed/", name: "Tecnoblog", lang: "pt", country: "BR" },
  { url: "https://feeds.bbci.co.uk/portuguese/rss.xml", name: "BBC News Brasil", lang: "pt", country: "GB" },
  // Japanese
  {
    url: "https://rss.itmedia.co.jp/rss/2.0/news_bursts.xml",
    name: "ITmedia NEWS",
    lang: "ja",
    country: "JP",
  },
  { url: "https://www3.nhk.or.jp/rss/news/cat0.xml", name: "NHKニュース", lang: "ja", country: "JP" },
  { url: "https://gigazine.net/news/rss_2.0/", name: "GIGAZINE", lang: "ja", country: "JP" },
  // Arabic, Korean, Hindi, Swahili, Indonesian
  { url: "https://feeds.bbci.co.uk/arabic/rss.xml", name: "BBC عربي", lang: "ar", country: "GB" },
  { url: "https://feeds.bbci.co.uk/korean/rss.xml", name: "BBC 코리아", lang: "ko", country: "GB" },
  { url: "https://feeds.bbci.co.uk/hindi/rss.xml", name: "BBC हिंदी", lang: "hi", country: "GB" },
  { url: "https://feeds.bbci.co.uk/swahili/rss.xml", name: "BBC Swahili", lang: "sw", country: "GB" },
  {
    url: "https://feeds.bbci.co.uk/indonesia/rss.xml",
    name: "BBC News Indonesia",
    lang: "id",
    country: "GB",
  },
];
