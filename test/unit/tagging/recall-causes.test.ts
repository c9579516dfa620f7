import { describe, it } from "vitest";
import { tagged, untagged } from "../../helpers/topic-expectations";

/**
 * The classes of miss fixed in the default topics' third recall round (issue 9), each with invented headlines in
 * several languages and the confusable ones that must stay out. None is copied from a labeled set.
 */
describe("nvidia-valuation", () => {
  const yes = tagged("nvidia-valuation");
  const no = untagged("nvidia-valuation");

  it("reads Nvidia described as a giant, maker, designer or leader of chips or graphics cards", () => {
    yes("en", "The graphics-chip maker shed a fifth of its worth by Tuesday's close");
    yes("fr", "Le géant californien des semi-conducteurs a perdu 400 milliards en deux séances");
    yes("es", "El gigante estadounidense de los chips pierde un 12% en la bolsa");
    yes("it", "Il colosso dei semiconduttori crolla al Nasdaq");
    yes("id", "Raksasa cip asal AS kehilangan nilai pasar ratusan miliar dolar");
    yes("vi", "Gã khổng lồ chip Mỹ mất 400 tỷ USD vốn hóa");
    yes("ru", "Американский производитель видеокарт потерял сотни миллиардов капитализации");
    yes("ar", "عملاق الرقائق الأمريكي يخسر مئات المليارات من قيمته السوقية");
    yes("ko", "미국 AI 칩 대장주 시총 하루 새 증발");
    yes("de", "Der Grafikkartenhersteller büßt an der Börse 400 Milliarden ein");
    yes("hi", "अमेरिकी चिप कंपनी के शेयर धड़ाम");
  });

  it("reads loss verbs beside Nvidia in each language", () => {
    yes("fr", "Nvidia perd 12 % à l'ouverture");
    yes("de", "Nvidia verlor am Montag ein Sechstel");
    yes("ar", "إنفيديا تخسر 10% في جلسة واحدة");
    yes("id", "Nvidia kehilangan 12 persen dalam sehari");
    yes("tr", "Nvidia bir günde yüzde 12 kaybetti");
  });

  it("leaves out a chip firm described by another country, or as a foundry", () => {
    no("en", "Korean chip giant loses ground as memory prices slide");
    no("en", "Chinese chip designer soars on hopes for domestic demand");
    no("en", "The world's largest contract chipmaker lost 3% in Taipei");
    no("fr", "Le fabricant taïwanais de puces recule en Bourse");
    no("ko", "국내 반도체 업체 주가 하락");
    no("zh", "国产芯片龙头股价大涨");
    no("tr", "Koreli çip devi Samsung'un hisseleri düştü");
  });
});

describe("export-controls", () => {
  const yes = tagged("export-controls");
  const no = untagged("export-controls");

  it("reads tightening verbs that no stem of the listed curbs reaches", () => {
    yes("fr", "Les Pays-Bas restreignent la vente de machines de lithographie");
    yes("pt", "EUA apertam regras para exportação de chips de IA à China");
    yes("de", "Washington schränkt den Export von KI-Chips nach China ein");
    yes("id", "AS memperketat penjualan cip AI ke China");
  });

  it("reads sales words of Italian and Indonesian beside China and a curb", () => {
    yes("it", "Nuovi limiti alla vendita di chip di fascia alta alla Cina");
    yes("id", "Larangan baru atas penjualan cip mutakhir ke China");
  });

  it("reads a US licence for the Gulf's accelerators and processors, not the Gulf approving its own", () => {
    yes("ko", "사우디, 美 상무부 승인으로 첨단 가속기 수입");
    yes("it", "Via libera di Washington ai processori avanzati per gli Emirati");
    no("en", "Qatar approves new processors for its state cloud");
  });

  it("reads tightening told as turning the screw, and French charges and trafficking in allied enforcement", () => {
    yes("fr", "Washington serre la vis sur les ventes de puces à la Chine");
    yes("it", "Giro di vite di Washington sulle vendite di chip alla Cina");
    yes("fr", "La Malaisie inculpe deux hommes pour un trafic de serveurs d'IA");
  });

  it("reads China's measure taken after chip curbs as a counter-measure, not one taken after a review", () => {
    yes("en", "Beijing limits antimony exports after new US chip curbs");
    no(
      "en",
      "China bans a foreign memory maker's chips from state networks",
      "Officials acted after a review.",
    );
  });
});

describe("export-controls, fifth round", () => {
  const yes = tagged("export-controls");
  const no = untagged("export-controls");

  it("reads the diffusion rule named by its tiers, scrapped, replaced or placing a country, in each language", () => {
    yes("en", "White House to replace Biden's three-tier scheme for AI chips with country deals");
    yes("fr", "Washington remplace le système à trois niveaux de Biden sur les puces d'IA");
    yes("es", "Trump sustituye el sistema de tres niveles de Biden para los chips de IA");
    yes("ja", "米政府、AI半導体の3層の枠組みを撤廃");
    yes("ko", "트럼프 정부, 바이든의 3단계 AI 칩 수출 체계 폐기");
    yes("ru", "Вашингтон отменяет трёхуровневую систему Байдена для ИИ-чипов");
    yes("tr", "Trump yönetimi Biden'ın üç kademeli çip sistemini kaldırıyor");
    yes("sw", "Washington yafuta mfumo wa madaraja matatu kwa chipu za AI");
    yes("hi", "ट्रंप प्रशासन ने एआई चिप के लिए तीन-स्तरीय व्यवस्था रद्द की");
    yes("vi", "Chính quyền Trump bỏ khung ba cấp đối với chip AI của Biden");
    yes("de", "Indien drängt Washington auf eine höhere Einstufung bei KI-Chips ohne Obergrenze");
    no("en", "Biden visits a tier-one chip supplier in Arizona");
  });

  it("reads an ally's licences for chipmaking equipment named in any word order", () => {
    yes("en", "Tokyo adds chip-cleaning machines to the list needing licences for China");
    yes("ru", "Япония требует лицензии на вывоз оборудования для выпуска чипов");
    yes("hi", "जापान ने चिप बनाने के उपकरणों के निर्यात के लिए लाइसेंस अनिवार्य किया");
    yes("es", "Países Bajos exigirá licencias para equipos de fabricación de chips");
    yes("sw", "Japan yaweka masharti ya leseni kwa vifaa vya kutengeneza chipu");
    no("en", "Samsung buys new chip equipment for its Texas fab");
  });

  it("reads a blacklist in Hindi's loanword", () => {
    yes("hi", "अमेरिका ने चीनी चिप कंपनी को ब्लैकलिस्ट में डाला");
  });

  it("reads the controls' words in Korean phrases, Japanese, Swahili, Turkish and Hindi grammar", () => {
    yes("ko", "미국, 중국 AI 기업 수십 곳 수출 통제 명단에 추가");
    yes("ko", "네덜란드, ASML 장비 대중 수출 제한 확대");
    yes("ko", "중국, 미국 반도체 규제에 맞서 갈륨·게르마늄 수출 금지");
    yes("ko", "미 정부, 고대역폭메모리 대중 수출 규제 발표");
    yes("ja", "オランダ政府、ASMLの一部装置の対中出荷を制限");
    yes("ja", "米政府、高帯域メモリーの対中輸出を規制へ");
    yes("sw", "Nvidia sasa inahitaji leseni kuuza chipu za H20 China");
    yes("sw", "China yapiga marufuku mauzo ya gallium kujibu vikwazo vya chipu vya Marekani");
    yes("sw", "Japan yaimarisha udhibiti wa vifaa vya kutengeneza semikonda");
    yes("tr", "ABD, Çinli yapay zeka şirketlerini ihracat kara listesine ekledi");
    yes("tr", "Nvidia'nın H20 çiplerinin Çin'e satışı lisansa bağlandı");
    yes("tr", "Japonya çip üretim ekipmanlarına ihracat denetimi getirdi");
    yes("hi", "अमेरिका ने चीन की एआई कंपनियों को निर्यात प्रतिबंध सूची में डाला");
    yes("hi", "एनवीडिया को चीन को एच20 चिप बेचने के लिए लाइसेंस चाहिए");
    yes("hi", "नीदरलैंड ने एएसएमएल मशीनों के चीन निर्यात पर रोक लगाई");
    yes("hi", "जापान ने चिप बनाने की मशीनों के निर्यात पर नियंत्रण कड़ा किया");
    yes("ru", "США внесли китайские ИИ-компании в чёрный список");
    no("ko", "대중교통에 AI 반도체 도입 제한 없어");
    no("hi", "भारत ने मशीन लर्निंग चिप्स पर आयात शुल्क घटाया");
    no("tr", "Makine öğrenimi çiplerinde Türk girişimi yatırım aldı");
    no("en", "Japanese chipmaking equipment makers post record sales to China");
    no("tr", "Çinli yapay zeka uygulamasına Türkiye'de yasak");
  });

  it("reads blocking, halting and loopholes closed, Turkish -yor forms, caps on shipments and TSMC's halts", () => {
    yes("tr", "ABD, Çinli şirketlerin bulut üzerinden GPU erişimini de kısıtlıyor");
    yes("ko", "미국, 클라우드 통한 중국 기업 GPU 접근도 차단");
    yes("vi", "Mỹ chặn cả việc doanh nghiệp Trung Quốc thuê GPU qua đám mây");
    yes("sw", "Marekani yafunga mwanya wa kampuni za China kukodisha GPU mtandaoni");
    yes("ar", "واشنطن تغلق ثغرة تتيح للشركات الصينية استئجار معالجات رسومية عبر السحابة");
    yes("ja", "米商務省、エヌビディアの中国向け出荷に上限");
    yes("ko", "美 상무부, 엔비디아 중국행 출하량 상한 설정");
    yes("ja", "TSMC、中国顧客への先端チップ出荷停止を要請される");
    yes("de", "TSMC soll Lieferungen moderner Chips an chinesische Kunden stoppen");
    yes("ru", "TSMC обязали прекратить поставки передовых чипов китайским клиентам");
    yes("hi", "टीएसएमसी से चीनी ग्राहकों को उन्नत चिप भेजना बंद करने को कहा गया");
    yes("id", "TSMC diminta hentikan pengiriman cip canggih ke pelanggan China");
    yes("it", "Gli Usa vietano l'export di chip IA avanzati verso la Cina");
    yes("de", "Peking kontert US-Chipsanktionen mit Gallium-Exportstopp");
  });

  it("reads the United States by its own name, Russian cases of China, and access made harder or narrowed", () => {
    yes("fr", "Les États-Unis durcissent l'accès de Pékin aux semi-conducteurs avancés");
    yes("es", "Estados Unidos endurece el acceso de China a los semiconductores avanzados");
    yes("de", "Die Vereinigten Staaten erschweren Chinas Zugang zu modernen Halbleitern");
    yes("ru", "США ограничивают доступ Китая к передовым полупроводникам");
    yes("ar", "واشنطن تضيق على وصول بكين إلى أشباه الموصلات المتقدمة");
    yes("tr", "ABD, Çin'in gelişmiş yarı iletkenlere erişimini daraltıyor");
    yes("sw", "Marekani yabana upatikanaji wa China wa semikonda za kisasa");
  });

  it("reads a US licence requirement told by what it costs Nvidia, in each language", () => {
    yes("de", "Nvidia rechnet wegen neuer US-Lizenzpflicht mit 5,5 Milliarden Dollar Belastung");
    yes("fr", "Nvidia s'attend à une charge de 5,5 milliards liée aux nouvelles licences américaines");
    yes("es", "Nvidia prevé un cargo de 5.500 millones por las nuevas licencias de EE.UU.");
    yes("ar", "إنفيديا تتوقع تكلفة 5.5 مليار دولار بسبب قواعد الترخيص الأمريكية الجديدة");
    yes("hi", "नए अमेरिकी लाइसेंस नियम से एनवीडिया को 5.5 अरब डॉलर का नुकसान");
    yes("tr", "Nvidia, ABD'nin yeni lisans kuralı nedeniyle 5,5 milyar dolar zarar bekliyor");
    yes("ru", "Nvidia ожидает списания 5,5 млрд долларов из-за новых американских лицензий");
    yes("sw", "Nvidia yatarajia hasara ya dola bilioni 5.5 kutokana na leseni mpya za Marekani");
    yes("vi", "Nvidia dự kiến chịu khoản phí 5,5 tỷ USD do quy định cấp phép mới của Mỹ");
    no("en", "Nvidia licenses its driving software to US carmakers");
    no("en", "Nvidia wins US approval for its Run:ai deal");
  });

  it("reads a chip cut down for China to stay within US rules", () => {
    yes("ru", "Nvidia разработала урезанный чип для Китая в рамках американских правил");
    yes("de", "Nvidia entwickelt abgespeckten Chip für China, um US-Regeln einzuhalten");
    yes("ko", "엔비디아, 미국 규제 맞춘 중국 전용 저사양 칩 개발");
  });

  it("reads a continent under the caps as a Global South country is", () => {
    yes("sw", "Kanuni mpya ya Marekani yaweka kikomo cha chipu za AI kwa nchi nyingi za Afrika");
  });
});

describe("global-south-adoption", () => {
  const yes = tagged("global-south-adoption");
  const no = untagged("global-south-adoption");

  it("reads the South, the Third World, emerging economies and Pacific island states as regions", () => {
    yes("fr", "Les pays du Sud adoptent les modèles d'IA ouverts");
    yes("es", "Los países del Sur apuestan por la IA de código abierto");
    yes("en", "Third World universities turn to free AI models");
    yes("de", "Schwellenländer setzen auf günstige KI-Modelle");
    yes("en", "Pacific island states pilot a free AI assistant for clinics");
    yes("es", "Estados insulares del Pacífico prueban un asistente de IA gratuito");
  });

  it("reads a low-cost model in Arabic and Vietnamese as an open or cheap model", () => {
    yes("ar", "بنوك مغربية تعتمد النموذج الصيني منخفض التكلفة");
    yes("vi", "Doanh nghiệp Indonesia dùng mô hình chi phí thấp");
  });

  it("reads US chip caps that leave a Global South country behind, or deal it a blow, as an access gap", () => {
    yes("en", "Brazilian labs fear US chip caps will leave them behind");
    yes("hi", "पाकिस्तान को उन्नत चिप्स की खरीद पर सीमा से झटका");
  });

  it("reads US chip caps by their toll on a Global South country's plans: data centres, threats, worry, exemptions", () => {
    yes("en", "Lagos cloud firms worry US chip quotas will stall new server halls");
    yes("es", "Los topes de Washington a los chips amenazan los centros de datos de Monterrey");
    yes("fr", "Dakar réclame une exemption au plafond américain sur les puces");
    yes("id", "Kuota cip dari Washington hambat proyek pusat data di Surabaya");
    yes("sw", "Kikomo cha chipu za Marekani chawatia wasiwasi wawekezaji wa Nairobi");
    no("en", "US chip quotas worry Israeli start-ups");
  });

  it("reads a country placed in the rule's tiers, or a continent under the caps, as an access gap; not the Gulf", () => {
    yes("hi", "अमेरिकी नियम में पाकिस्तान दूसरी श्रेणी में, उन्नत चिप्स की खरीद सीमित");
    yes("ja", "インド、米国の半導体上限で中間層に据え置き");
    yes("sw", "Kanuni mpya ya Marekani yaweka kikomo cha chipu za AI kwa nchi nyingi za Afrika");
    no("en", "Washington caps chip sales to Gulf states, worrying investors");
  });

  it("reads trying, running, rolling out and switching to a model as uptake", () => {
    yes("ja", "ナイロビの病院、無料のAIモデルを自前のサーバーで動かす");
    yes("ja", "ベトナムの保険会社、中国製のオープンモデルに切り替え");
    yes("ja", "インドネシアの通信会社、顧客向けにDeepSeekを展開");
    yes("vi", "Bệnh viện ở Campuchia chạy mô hình AI mở");
    yes("it", "Gli ospedali di Nairobi sperimentano un modello IA aperto");
    yes("de", "Versicherer in Lagos wechseln zu einem kostenlosen KI-Modell");
    no("en", "Nairobi hospital expands its maternity ward");
    no("en", "Seoul hospitals experiment with a cheap AI model");
  });

  it("leaves a transit country's licences against re-exports to the controls, and reads no cap in Vietnamese cấp", () => {
    no(
      "de",
      "Vietnam führt Genehmigungspflicht für die Wiederausfuhr amerikanischer KI-Chips ein",
      "Hanoi reagiert auf Druck aus Washington.",
    );
    no("vi", "Ả Rập Xê Út được Washington cấp phép nhập chip AI");
    // Portuguese desvantagem is a disadvantage, not a diversion.
    yes("pt", "Teto americano para chips de IA deixa data centers do México em desvantagem");
  });

  it("leaves an app's chart rank in the US and a Global South country to r1-release", () => {
    no("pt", "App de IA chinês lidera downloads na App Store nos EUA e no Brasil");
    yes("en", "Kenyans download the Chinese AI app in record numbers, topping the Play Store");
  });

  it("reads cheap models, building in and adopters after a short Korean name in Japanese, Korean, Turkish, Russian", () => {
    yes("ja", "インドの開発者、安価な中国製モデルへ移行進む");
    yes("ja", "ベトナム企業、R1を自社アプリに組み込み");
    yes("ko", "인도 개발자들 저렴한 중국 모델로 갈아타");
    yes("ko", "베트남 기업들 R1을 자사 앱에 탑재");
    yes("tr", "Hintli geliştiriciler ucuz Çin modeline geçiyor");
    yes("ru", "Индийские разработчики переходят на дешёвую китайскую модель");
    yes("ru", "Больницы Египта используют бесплатный ИИ для диагностики");
    no("ko", "인도적 지원 단체, 저렴한 AI 모델 도입");
  });

  it("reads deploying, integrating and rushing to a model in each language, and a school's ban on AI as no uptake", () => {
    yes("ja", "サウジアラムコ、データセンターでディープシークを運用");
    yes("ja", "ジャカルタの配車大手、中国の推論モデルをアプリに統合");
    yes("ja", "ラゴスのプログラマー、杭州の研究所の無料モデルに殺到");
    yes("ko", "사우디 아람코, 데이터센터에 딥시크 배치");
    yes("ko", "피지 학교들 무료 AI 튜터 시험");
    yes("ru", "Saudi Aramco развернула DeepSeek в своих дата-центрах");
    yes("ar", "مبرمجو لاغوس يتدفقون على النموذج المجاني لمختبر هانغتشو");
    yes("sw", "Watengenezaji programu wa Lagos wakimbilia modeli ya bure ya maabara ya Hangzhou");
    yes("id", "Raksasa ojol Jakarta tanamkan model penalaran China di aplikasinya");
    yes("de", "Programmierer in Lagos stürzen sich auf das kostenlose Modell des Hangzhouer Labors");
    yes("en", "Jakarta's ride-hailing giant plugs a Chinese reasoning model into its app");
    no("en", "Nigerian schools ban AI chatbots in exams");
    no("pt", "Escolas do Brasil proíbem uso de IA em provas");
    no("id", "Sekolah di Jakarta larang penggunaan chatbot AI saat ujian");
    no("ko", "인도 학교, AI 챗봇 사용 금지");
  });

  it("reads Japanese free, cheap and popular, Korean adopting, Swahili popularity, and island states in kana and Hangul", () => {
    yes("ja", "東南アジアでディープシーク人気　安さが決め手");
    yes("ja", "アフリカの開発者、中国製の無償モデルに注目");
    yes("ja", "太平洋の島しょ国、無料AIで行政サービス");
    yes("ko", "중동 기업들 딥시크 잇따라 채택");
    yes("ko", "태평양 섬나라들, 무료 AI로 행정 서비스");
    // 글로벌 사우스 is a phrase: 글로벌 alone is "global".
    yes("ko", "글로벌 사우스에 딥시크 확산");
    no("ko", "글로벌 기업들 딥시크 도입");
    yes("sw", "DeepSeek yapata umaarufu Asia ya Kusini-Mashariki");
  });

  it("reads no Thai in Vietnamese thái (a move, a state, an attitude)", () => {
    no("vi", "Động thái mới: doanh nghiệp Mỹ sử dụng mô hình AI mở");
    yes("en", "Thai banks adopt an open AI model");
  });

  it("reads Russian cases of place names whose nominative the stemmer cuts short", () => {
    yes("ru", "Стартапы в Пакистане переходят на бесплатную модель ИИ");
    yes("ru", "Банки Казахстана внедряют открытую модель ИИ");
    yes("ru", "Во Вьетнаме университеты тестируют DeepSeek");
    yes("ru", "В Непале фермеры используют бесплатный чат-бот");
  });

  it("reads a model's spread or popularity as uptake, and a French cheap model as a cheap model", () => {
    yes("ja", "東南アジアで広がるディープシーク");
    yes("en", "DeepSeek spreads through Nairobi's start-up scene");
    yes("fr", "Au Sénégal, des hôpitaux testent un modèle peu coûteux");
    no("en", "Misinformation spreads in Lagos ahead of the vote", "Rumours travel fast on messaging apps.");
  });

  it("leaves out the same regions without AI, and Taiwan's or Japan's adoption", () => {
    no("en", "Third World debt talks resume in Geneva");
    no("fr", "Les pays du Sud réclament une taxe carbone");
    no("de", "Schwellenländer leiden unter dem starken Dollar");
    no("en", "Taiwan's government tests an AI assistant for civil servants");
  });
});
