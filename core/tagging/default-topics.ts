import { allOf, anyOf, near, not, oneOf } from "./query-builders";
import type { TopicDefinition } from "./types";

// Term families shared by several topics. Wildcards carry the inflections (Aktie/Aktien, plongé/plongent);
// diacritics are folded before matching, so `acoes` and `ações` are the same term. `@china`, `@chips` and
// `@us-government` are the bundled concepts (default-concepts.ts); the words beside them are what the topics
// read more widely than the concept (`chin*`, `gpu*`) or beside it (China's firms, the US's allies).
const china = anyOf(
  "@china",
  oneOf(`chin* 对华 對華 対中 대중국 "대중 수출" deepseek huawei smic 华为 華為 ファーウェイ 中芯 cinesi =cin cinli* الصينية चीनी 화웨이
    хуавэй هواوي हुआवेई`),
);
const ai = "@ai";
const chips = anyOf(
  "@chips",
  oneOf(`*chip* puce* *conducteur* gpu* processor* prozessor* processeur* procesador* processador*
    accelerator* h20 h800 h100 a100 a800 hbm =cip cipi* cipler* رقاقة شريحة معالجات चिप्स 칩`),
);

const deepseekNames = anyOf(
  oneOf(`deepseek* *-deepseek 深度求索 ディープシーク 딥시크 "ديب سيك" ديبسيك "دييب سيك" डीपसीक "डीप सीक" дипсик
    "liang wenfeng*" 梁文锋 梁文鋒 梁文峰 幻方 "high-flyer" 량원펑 량원평 "лян вэньфэн*" "ليانغ وين فنغ" "ليانغ وينفنغ"
    "लियांग वेनफेंग"`),
);
const r1Model = anyOf("r1", "r1-zero", "v3", "deepseek-v3");
const modelWords = anyOf(
  oneOf(`model* modell* modele* modèle* modelo* reasoning razonamiento raciocinio raisonnement chatbot*
    ki-modell* open-source open-weight* 推理 模型 モデル 推論 modello modelli modeli "mô hình" "suy luận" penalaran
    модель моделей рассуждени* نموذج النموذج نماذج استدلال मॉडल 모델 추론 "akıl yürüt*" ragionamento sprachmodell*
    modeli "sohbet bot*" "dil model*" 챗봇 チャットボット 聊天机器人 聊天機器人 чат-бот* "شات بوت" "روبوت محادثة" चैटबॉट`),
);
// R1 is compared with OpenAI's o1 in nearly every story about it; the motorbike and the SUV never are.
const r1Peers = anyOf(
  "o1",
  "o3*",
  "openai",
  "chatgpt",
  "deepseek",
  "推理模型",
  "推論モデル",
  "오픈AI",
  "챗GPT",
);
// Not "race", "Rennen", "carrera" or "corrida": the AI race is DeepSeek's story in every language.
const r1Traps = anyOf(
  oneOf(`bmw rivian yamaha yzf* r1s r1t visa* motorcycle* motorrad* moto superbike* pickup* suv* =racing racetrack*
    motogp`),
);
// Other Chinese AI makers and models, in each script their press writes them.
const otherChineseAi = anyOf(
  oneOf(`tiktok rednote xiaohongshu temu shein wechat moonshot kimi zhipu minimax qwen* baichuan stepfun
    ernie* baidu 文心 बायडू अर्नी doubao bytedance 字节 百度 阿里 通义 智谱 月之暗面 豆包 alibaba tencent hunyuan 腾讯 騰訊 混元 千问 千問
    アリババ テンセント 알리바바 텐센트 큐원 훈위안 алибаба тенсент "علي بابا" كوين تينسنت अलीबाबा टेनसेंट`),
);
const chineseAiStartup = anyOf(
  near(
    6,
    anyOf(
      oneOf(`chin* hangzhou* 杭州 中国 中國 "hàng châu" هانغتشو هانغجو हांगझोउ हांग्जो ханчжоу ханчжоуск* 항저우 cinese cinesi
        =cin cinli* китайский китайская китайского الصينية الصيني चीनी "trung quốc" 중국`),
    ),
    anyOf(
      oneOf(`startup* *start-up* lab labs labor labo* laborat* firm company unternehmen empresa* entreprise*
        pousse* upstart* 初创* 新创 公司 新興* スタートアップ ベンチャー 企業 rintisan "khởi nghiệp" "kampuni changa"
        스타트업 стартап* girişim* лаборатори* مختبر ناشئة الناشئة स्टार्टअप कंपनी azienda società şirket* perusahaan
        "công ty" kampuni компани* شركة 기업 회사 *schmiede लैब प्रयोगशाला "phòng thí nghiệm" maabara laboratuvar*
        연구소 랩 研究所 ラボ 实验室 實驗室 新興`),
    ),
  ),
);
const sputnik = anyOf(
  oneOf(`"sputnik moment" "sputnik-moment" "momento sputnik" "moment spoutnik" sputnik-moment* スプートニク
    斯普特尼克`),
);
// Not 国产 ("domestic"): Chinese-language outlets name the model instead of calling it "the Chinese one".
const chinaAdj = anyOf(
  oneOf(`chin* 中国 中國 cinese cinesi =cin cinli* китайский китайская китайского китайское الصينية الصيني صيني صينية चीनी
    "trung quốc" 중국 중국산 "buatan china" "asal china" "kutoka china" "çin yapımı" kichina wachina fernost*
    "extrême-orient" "lejano oriente" "extremo oriente" "estremo oriente"`),
);
// "the Chinese chatbot", "l'application chinoise", "app chinês": the press's shorthand for DeepSeek's app.
const chineseAppOrModel = near(
  3,
  chinaAdj,
  anyOf(
    oneOf(`chatbot* app apps application* aplicaci* aplicativo* assistant* asistente* assistente* model
      models modell modele* modelo* ki-modell* "ai model*" 聊天机器人 aplikasi asisten "ứng dụng" "trợ lý" programu
      msaidizi 앱 챗봇 приложение чат-бот ассистент applicazione uygulama asistan* تطبيق مساعد ऐप सहायक 应用程序
      聊天機器人 アプリ modello modeli "mô hình" модель نموذج मॉडल 모델 模型 大模型 モデル`),
  ),
);
// A Chinese model that shakes Silicon Valley is DeepSeek's story, in whatever words the press tells it.
const siliconValley =
  oneOf(`"silicon valley" "vale do silício" "valle del silicio" "vallée du silicium" "lembah silikon"
  "thung lũng silicon" "silikon vadisi" "кремниев* долин*" "силиконов* долин*" "وادي السيليكون" "सिलिकॉन वैली" 硅谷 矽谷
  シリコンバレー 실리콘밸리`);
const aiContext = anyOf(
  ai,
  siliconValley,
  "r1",
  "reasoning",
  "chatbot*",
  "razonamiento",
  "raciocinio",
  "raisonnement",
  "ragionamento",
);
const costFigures = anyOf(
  oneOf(`"6 million" "5.6 million" "6 millions" "6 millones" "6 milhões" "6 millionen" "5,6 millions"
    "5,6 millones" "5,6 milhões" "5,6 millionen" 600万 560万 "6 млн" "5,6 млн" "5,6 juta" "6 juta" "6 triệu"
    "5,6 triệu" "6 milioni" "5,6 milioni" "6 milyon" "5,6 milyon" "600만" "6 ملايين" "5.6 مليون" "60 लाख"
    "six million" "sechs millionen" "seis millones" "seis milhões" "six millions" "sei milioni" "enam juta"
    "sáu triệu" "milioni sita" "altı milyon" "шесть миллионов" "ستة ملايين" "छह मिलियन" 六百万 六百萬 육백만`),
);
// The press's words for DeepSeek's app and chatbot, in each language.
const appWords = anyOf(
  oneOf(`app apps application* aplicaci* aplicativo* applicazione aplikasi "ứng dụng" programu uygulama* приложени*
    تطبيق ऐप 앱 アプリ 应用 應用 chatbot* 챗봇 チャットボット 聊天机器人 聊天機器人 чат-бот* "sohbet bot*" चैटबॉट "شات بوت"`),
);
const cheapModel = anyOf(
  oneOf(`cheap* low-cost budget inexpensive frugal billig* günstig* kostengünstig* faible* bas barat*
    bajo economic* low 低成本 廉价 低价 低コスト 格安 安価 "6 million" "5.6 million" "6 millions" "6 millones"
    "6 milhões" "6 millionen" "600 万" 600万 560万 "5,6 millions" "5,6 millones" "5,6 milhões"
    "5,6 millionen" training`),
);

// DeepSeek built into Chinese cars, hospitals, banks and local government is China's own uptake of the model, which
// readers do not count as the release's story (abroad, the same uptake is Global South adoption and counts).
const integration = anyOf(
  oneOf(`integrat* intègr* integra* integrier* entegre* adopt* adot* branch* "ứng dụng" "tích hợp" *unganisha* tumia
    zatumia gunakan menggunakan внедр* встраива* встро* تدمج دمج أدمجت يدمج تعتمد اعتماد 탑재 جोड़* शामिल 接入 集成 导入 導入 搭載 도입 통합 활용`),
);
const chineseInstitutions = anyOf(
  near(
    4,
    anyOf(chinaAdj, "china", "chine", "cina", "çin", "китай*", "الصين", "चीन", "中国", "中國"),
    oneOf(`hospita* hôpita* ospedal* krankenh* hospitali "bệnh viện" "rumah sakit" hastane* больниц* медучрежд*
      مستشفى مستشفيات अस्पताल 医院 病院 병원 carmaker* automaker* autobauer* constructeur* montadora* automobilist*
      otomobil* автопроизвод* "कार कंपनि*" 车企 汽车 自動車 자동차 bank* banque* banco* banche 银行 銀行 은행 банк*
      بنوك बैंक "ngân hàng" benki "local government*" "地方政府" 政务 政務 自治体 지방정부 "pemerintah kota"
      "chính quyền" "администрац*" "المحلية"`),
  ),
  oneOf(`byd geely "great wall" wechat 比亚迪 比亞迪 吉利 长城汽车 微信 深圳 shenzhen 广州 guangzhou 선전 광저우 深圳や
    бйд बीवाईडी गीली icbc "bank of china"`),
);
const r1Branches = anyOf(
  deepseekNames,
  // "The Hangzhou model", "el razonador chino": the lab's model by its city, unless another Hangzhou firm is named.
  allOf(
    near(
      4,
      oneOf(`hangzhou* 杭州 "hàng châu" هانغتشو هانغجو हांगझोउ हांग्जो ханчжоу ханчжоуск* 항저우`),
      anyOf(modelWords, oneOf(`reasoner* razonador* raciocinador* raisonneur* ragionatore*`)),
    ),
    not(otherChineseAi),
  ),
  // R1 beside a model word and AI words may sit in different fields (a reasoning model in the title, R1 below).
  allOf(r1Model, anyOf(near(8, r1Model, modelWords), r1Peers, allOf(modelWords, ai)), not(r1Traps)),
  allOf(
    chineseAiStartup,
    anyOf(modelWords, cheapModel, r1Peers, "assistant*", '"app store"', appWords),
    not(otherChineseAi),
  ),
  allOf(sputnik, anyOf(ai, chinaAdj)),
  // "KI-Schock aus China ... ein Billigmodell": the cheap Chinese model, unnamed.
  allOf(
    oneOf(
      `billigmodell* *-billigmodell* billig-ki* "cheap chinese model*" "modelo barato" "modèle bon marché"`,
    ),
    chinaAdj,
  ),
  allOf(chineseAppOrModel, aiContext, not(otherChineseAi)),
  // "China's cheap AI", "格安AI", "ucuz Çin yapay zekası": the low-cost Chinese model, unnamed.
  allOf(
    near(
      3,
      chinaAdj,
      oneOf(`cheap* low-cost budget inexpensive frugal "bon marché" "à bas coût" "low cost" barat* "bajo costo"
        "bajo coste" "baixo custo" "basso costo" murah "giá rẻ" nafuu ucuz "düşük maliyet*" дешев* дешёв*
        "منخفض التكلفة" "منخفضة التكلفة" رخيص सस्त* 저가 저비용 값싼 低成本 廉价 平价 格安 低コスト 安価 激安`),
    ),
    anyOf(ai, modelWords),
    not(otherChineseAi),
  ),
  allOf(
    near(
      4,
      costFigures,
      anyOf(
        modelWords,
        oneOf(`training entrenamiento treinamento entraînement addestramento pelatihan "huấn luyện"
        обучение eğitim تدريب प्रशिक्षण 훈련 학습`),
      ),
    ),
    anyOf(chinaAdj, ai),
  ),
);
const r1Query = allOf(r1Branches, not(allOf(integration, chineseInstitutions)));

const nvidia = anyOf(
  oneOf(`nvidia* *-nvidia nvda 英伟达 英偉達 輝達 辉达 エヌビディア 엔비디아 إنفيديا انفيديا نفيديا एनवीडिया एनविडिया нвидиа
    нвидии нвидию`),
);
const market = anyOf(
  oneOf(`=shares "share price*" =stocks "stock market*" "stock price*" valuation* "market value*"
    "market cap*" capitalization sell-off* selloff* rout wiped wipe* investor* "wall street" nasdaq
    s&p "price target*" analyst* downgrad* trillion dow aktie* *aktie *aktien börse* *börse
    börsenwert marktwert kurs* *kurs anleger* bewertung* billion* *sturz *einbruch chipwerte
    techwerte technologiewerte halbleiterwerte talfahrt actions bourse* capitalisation*
    valorisation* investisseur* dévisse acciones accion bolsa* capitalizacion valoracion inversor*
    inversionista* desplom* ações acoes "valor de mercado" investidor* 股价 股票 市值 蒸发 股 美股 估值 投资者 分析师
    目标价 株価 株 時価総額 投資家 兆ドル azioni azionari* titolo borsa capitalizzazione "valore di mercato" analisti
    investitori "prezzo obiettivo" saham "kapitalisasi pasar" "nilai pasar" investor analis "target harga" "cổ phiếu"
    "vốn hóa" "nhà đầu tư" "giá mục tiêu" "chứng khoán" hisa "thamani ya soko" wawekezaji wachambuzi "soko la hisa"
    hisse hisseleri "piyasa değeri" yatırımcı* analist* "hedef fiyat" акции акций капитализация капитализации
    инвестор* аналитик* "целевую цену" "целевая цена" котировки биржа سهم أسهم الأسهم "القيمة السوقية" المستثمرين
    المستثمرون المحللون "السعر المستهدف" البورصة शेयर शेयरों "बाजार मूल्य" "बाजार पूंजीकरण" निवेशक निवेशकों विश्लेषक
    "लक्ष्य मूल्य" "मार्केट कैप*" "मार्केट वैल्यू" "बाजार पूंजी*" स्टॉक *-papiere *-titel бумаг* 주식 "valeur boursière" "valor bursátil" 주가 시가총액 시총 투자자 목표주가 증시 股價 市值 目標價 trilioni triliun "nghìn tỷ" триллион*
    تريليون ट्रिलियन "조 달러" 万亿 萬億 thamani`),
);
// Movement words also describe market share, so they count only when the story is not about share.
const moves = anyOf(
  oneOf(`plung* slump* tumbl* sank rall* rebound* soar* plonge* chute* recul* bondit envol* cae caida
    desplom* despenc* queda tomb* 暴跌 大跌 重挫 急落 暴落 下落 上昇 急騰 反発 crolla crollo crollano balzo
    vola* anjlok merosot menguat melonjak "lao dốc" "bốc hơi" "tăng mạnh" zaporomoka zapanda porom* eridi
    düştü düşüş yükseliş yükseldi рухнул* упал* обвал* взлет* выросл* انهيار هبوط تراجع ارتفاع गिरे गिरावट चढ़े उछाल
    폭락 급락 급등 상승 하락 大漲 大跌 重挫 蒸發 fell fall* drop* jump* surg* slid* slide* climb* sink* fällt fiel
    steigt stieg verliert* grimpe baisse hausse sube pierde dispar* repunt* cai sobe perde cala guadagna turun naik
    giảm tăng zashuka "değer kaybet*" подешевел* подорожал* هبط ارتفع انخفض गिर* टूट* 떨어 올라 値下がり 値上がり
    下跌 上涨 上漲 lost lose loses losing shed sheds shedding perd perdu perdent perdait dégringol* décroch* verlor*
    einbüß* büßt büßte pierde perdió perdieron =hunde =hunden =hundió =hundieron afund* perdeu perderam brucia*
    kehilangan "mất" kaybett* потерял* теряет теряют خسر يخسر تخسر خسرت خسارة घटा घटी घटे गंवा* लुढ़* धड़ाम फिसल*
    증발 잃 減少 消失 下げ 売られ *poteza* *shuka*`),
);
const marketShare = anyOf(
  oneOf(`"market share*" "parts de marché" "part de marché" "cuota de mercado" "participação de mercado"
    marktanteil* シェア 市场份额 份额 "quota di mercato" "quote di mercato" "pangsa pasar" "thị phần" "sehemu ya soko"
    "pazar payı" "pazardaki payı" доля "доля рынка" حصة "बाजार हिस्सेदारी" 점유율 市占率`),
);
const earnings = near(
  6,
  anyOf(
    oneOf(`earnings revenue* results guidance forecast* quarter* quartal* résultats resultados umsatz* 财报
      決算 trimestrale conti "laporan keuangan" "báo cáo lợi nhuận" "kết quả kinh doanh" mapato bilanço* bilanco*
      отчетност* отчётност* "النتائج الفصلية" नतीजे 실적 財報 财报`),
  ),
  anyOf(
    oneOf(`beat* miss* estimates expectations analyst* erwartung* attentes expectativas 预期 予想 attese analisti
      ekspektasi analis "dự báo" "kỳ vọng" matarajio beklenti* ожидани* прогноз* توقعات उम्मीद 예상 기대 預期 市场预期`),
  ),
);
const stockNotInStock = allOf(
  near(2, nvidia, "stock"),
  not(anyOf("shortage*", "restock*", '"out of stock"', '"in stock"')),
);
// "The graphics-card maker", "le géant américain des semi-conducteurs", "ông lớn chip Mỹ", "美国芯片巨头": Nvidia
// described, not named, as the press does in a second mention or a headline, in each language's words for a giant,
// a maker, a designer or a leader of chips, semiconductors or graphics cards.
const firmNouns = anyOf(
  oneOf(`giant* maker* designer* leader* titan* heavyweight* behemoth* champion* géant* fabricant* concepteur*
    riese* hersteller* primus marktführer* gigante* fabricante* diseñador* líder* projetista* colosso colossi
    produttore* progettista* raksasa produsen pembuat perancang "ông lớn" "gã khổng lồ" "nhà sản xuất" hãng
    "nhà thiết kế" "ông trùm" mtengenezaji watengenezaji jitu =dev =devi üretici* tasarımcı* lider* гигант*
    производител* разработчик* лидер* عملاق عملاقة صانع* صانعة مصنع* مصمم* दिग्गज निर्माता मेकर 거인 제조사 업체 대장주
    巨头 巨頭 龙头 龍頭 制造商 製造商 厂商 廠商 大厂 大廠 霸主 大手 メーカー 王者 巨人`),
);
const chipNouns = anyOf(
  oneOf(`chip chips *chip* puce* semi-conducteur* semiconducteur* semiconductor* semiconduttor* semicondutor*
    halbleiter* grafikkart* grafikchip*
    "graphics card*" graphics-card* "graphics chip*" "graphics processor*" "cartes graphiques" "carte graphique"
    "tarjetas gráficas" "placas de vídeo" "placa de vídeo" "placas gráficas" "schede grafiche" "scheda grafica"
    gpu* semikonduktor cip "bán dẫn" "card đồ họa" chipu semikonda* çip* yonga* чип* видеокарт* полупроводник*
    رقائق الرقائق شرائح "أشباه الموصلات" चिप चिप्स सेमीकंडक्टर 칩 반도체 그래픽 芯片 晶片 半导体 半導体 显卡 顯卡 グラフィック
    チップ`),
);
// A chip firm described by another country (or as a foundry) is not Nvidia: "the Korean chip giant", "台湾芯片巨头",
// "国产芯片龙头", "the contract chipmaker".
const nonUsChipNationality = anyOf(
  chinaAdj,
  oneOf(`korean* coréen* coreano* coreana* koreli* корейск* كوري* कोरियाई 韩国 韓國 한국 국내 국산 taiwan* taïwan* 台湾
    臺灣 台灣 대만 тайван* تايوان* ताइवान* japan* japon* giappon* jepang japon* японск* ياباني* जापानी 日本 일본
    dutch néerlandais* holandés* holandês* olandese* belanda hollanda* нидерланд* هولندي* डच 荷兰 荷蘭 네덜란드
    オランダ europ* 欧洲 歐洲 유럽 欧州 ヨーロッパ 国产 國產 国内 國內 国産 taipei 台北 타이베이 "contract chipmaker*" foundry
    foundries`),
);
const chipFirmDescribed = near(3, firmNouns, chipNouns);
const chipmaker = anyOf(
  oneOf(`chipmaker* "chip maker*" chip-maker* "chip giant" chip-giant* chipriese* chipkonzern*
    chiphersteller* chipdesigner* "chip designer*" "fabricant de puces" "fabricante de chips"
    "fabricante de chips" "géant des puces" "gigante de los chips" "gigante dos chips" 芯片巨头 芯片制造商
    晶片巨頭 半導体大手 半導体メーカー "most valuable company" "santa clara" "ai darling" "ai's darling" "ai chip leader" "chip king*" 半導体の王者 芯片之王 "roi des puces"
    "leader dei chip" "produttore di chip" "produsen chip" "raksasa chip" "hãng chip" "kampuni ya chipu"
    "çip üreticisi*" "çip devi" "производитель чипов" "производителя чипов" "عملاق الرقائق" "चिप निर्माता" "칩 제조"
    반도체 "AI 반도체" 晶片大厂 芯片龙头 "jensen huang" 黄仁勋 黃仁勳 젠슨 ジェンスン ファン氏 サンタクララ هوانغ
    "gpu maker*" "gpu giant" gpu-hersteller* grafikchip-hersteller* "wertvollste* halbleiter*" "fabricant de gpu"
    "fabricant californien" "fabricante de gpu" GPU最大手 GPU大手 GPU王者 GPU巨头 "موجة بيع"
    "дженсен хуанг" "дженсена хуанга" "جنسن هوانغ" "جينسن هوانغ" "जेन्सेन हुआंग" "जेन्सन हुआंग" "चिप दिग्गज"
    "जेनसन हुआंग" "huang's company" "हुआंग की कंपनी" "चिप कंपनी" grafikkartenhersteller* grafikkarten-hersteller*
    grafikchiphersteller* halbleiterriese* halbleiter-riese* halbleiterkonzern* halbleiterhersteller*`),
  chipFirmDescribed,
);
const recordLoss = anyOf(
  oneOf(`"600 billion" 600bn "593 billion" 593bn 589bn "589 billion" "600 milliards" "600 mil millones"
    "600.000 millones" "600 bilhões" "600 milliarden" "600 mrd" 6000亿 5900亿 5890亿 6000億 5900億
    "biggest one-day" "largest one-day" "record loss" "record drop" "historic* loss" rekordverlust*
    "perte record" "pérdida récord" "perda recorde" 史上最大 "market value" marktwert börsenwert
    capitalisation capitalización 市值 時価総額`),
);
const otherChipmakers = anyOf(
  // Arm by its full name: "arm" alone is the arms race's.
  oneOf(`intel amd tsmc asml broadcom qualcomm samsung micron "arm holdings" 英特尔 英特爾 インテル 超威 台积电 台積電 三星 サムスン 博通 高通
    美光 阿斯麦 "sk hynix" infineon nxp stmicro* mediatek "texas instruments" globalfoundries "applied materials"
    "lam research" softbank 하이닉스 삼성전자 인텔 인텔의 台積電 英特爾 интел "إنتل" इंटेल "tokyo electron" 東京エレクトロン
    advantest アドバンテスト smic 中芯 "hua hong" 华虹 kioxia キオクシア renesas ルネサス 키옥시아`),
);

const title = (query: string) => `title:${query}`;
const otherChipFirms = anyOf(
  otherChipmakers,
  oneOf(`cambricon hygon "moore threads" biren metax kunlunxin enflame iluvatar 寒武纪 寒武紀 海光 摩尔线程 摩爾線程 壁仞
    沐曦 昆仑芯 燧原 天数智芯`),
);

const nvidiaQuery = anyOf(
  allOf(
    nvidia,
    anyOf(
      market,
      earnings,
      near(3, anyOf("cours", "action", "titre", "valeur"), nvidia),
      allOf(near(6, nvidia, moves), not(marketShare)),
    ),
    // "Moore Threads shares soar ... an alternative to Nvidia": another company's stock.
    not(allOf(title(otherChipFirms), not(title(nvidia)))),
  ),
  stockNotInStock,
  // Not "the domestic chip leader" Cambricon's shares, nor Intel's.
  // The market words first: the description's NEAR is read only for the articles that have one.
  allOf(
    anyOf(recordLoss, market, moves),
    chipmaker,
    not(otherChipFirms),
    not(near(1, nonUsChipNationality, anyOf(firmNouns, chipNouns))),
  ),
);

// Huawei, and "the Shenzhen giant" the press calls it in a second mention.
const huawei = anyOf(
  oneOf(`huawei* 华为 華為 華爲 ファーウェイ 화웨이 *هواوي हुआवेई ह्वावे хуавэй* хуавей* "shenzhen giant" "géant de shenzhen"
    "gigante de shenzhen" "gigante di shenzhen" "raksasa shenzhen" shenzhen-riese* "深圳巨头" "深圳巨頭"`),
);
const aiChipContext = anyOf(
  ai,
  oneOf(`910* npu* accelerator* beschleuniger* accélérateur* acelerador* datacenter* "data center*"
    "data centre*" cluster* nvidia deepseek cann mindspore atlas 芯片 算力 チップ training inference
    rechenzentr* supercomput* server* "pusat data" "trung tâm dữ liệu" "vituo vya data" "veri merkez*"
    дата-центр* "центров обработки данных" ускорител* "مراكز البيانات" "مركز بيانات" "डेटा सेंटर" 데이터센터 가속기
    資料中心 数据中心 加速器 加速卡 アクセラレーター データセンター acceleratori akselerator hızlandırıcı*`),
);
const phones = anyOf(
  oneOf(`smartphone* phone* phablet* handset* android handy téléphone* teléfono* celular* móvil*
    fingerprint* "ascend mate*" "ascend p6" "ascend p7" "ascend p8" "ascend g6" "ascend g7"
    "ascend y300" "ascend d2" 手机 スマホ スマートフォン ponsel "điện thoại" simu telefon* смартфон* هاتف الهاتف
    स्मार्टफोन फोन 스마트폰 폴더블 手機 kirin 麒麟 기린 كيرين किरिन harmonyos 鸿蒙 鴻蒙 하모니`),
);
// The product name before a hardware noun; the verb comes after its subject ("chip stocks ascend").
const ascendHardware = anyOf(
  oneOf(`"ascend chip*" "ascend cluster*" "ascend processor*" "ascend accelerator*" "ascend npu*"
    "ascend server*" "ascend ai" "ascend-chip*" "ascend-prozessor*" "puces ascend" "chips ascend"
    "ascend computing" 昇腾 昇騰 어센드 アセンド "أسيند" एसेंड असेंड "ascend 910*" 910b 910c cloudmatrix* "cloud matrix"
    "كلاود ماتريكس" क्लाउडमैट्रिक्स клаудматрикс 클라우드매트릭스 クラウドマトリックス`),
);
// Exact: a stemmed "wellness" is "well" ("handles inference well").
const ascendTraps = anyOf(oneOf(`=wellness cannabis marijuana dispensar* "performance materials" nylon`));
const huaweiAiChips = anyOf(
  oneOf(`"ai chip*" "ai processor*" "ai accelerator*" "ki chip*" "ki-chip*" ki-chips ki-beschleuniger*
    "puce* d ia" "puce* d intelligence" "chips de ia" "chip de ia" "chips de inteligencia" ai芯片
    人工智能芯片 算力芯片 AIチップ AI半導体 "chip ia" "chip di ia" "chip per l ia" "chip ai" "chip kecerdasan"
    "chip ai" "chipu za ai" "yapay zeka çip*" "yapay zekâ çip*" ии-чип* "чипов для ии" "ИИ-чипы" "رقائق الذكاء"
    "شريحة الذكاء" "एआई चिप" "AI 칩" "AI 반도체" "AI 가속기" AI晶片 AI芯片`),
);

// China's own AI accelerators, which replace Nvidia's even where Huawei is not named.
const domesticChipFirms = anyOf(
  oneOf(`cambricon hygon "moore threads" biren metax kunlunxin "kunlun chip*" t-head enflame iluvatar 寒武纪 寒武紀 海光
    摩尔线程 摩爾線程 壁仞 沐曦 昆仑芯 崑崙芯 平头哥 平頭哥 燧原 天数智芯 天數智芯 캠브리콘 カンブリコン كامبريكون
    कैम्ब्रिकॉन кембрикон "मूर थ्रेड्स" मेटाएक्स ムーア・スレッズ 무어스레드`),
);
const domesticWords = anyOf(
  oneOf(`domestic homegrown home-grown indigenous heimisch* einheimisch* "made in china" "in china entwickelt*"
    nazional* domestique* "fabriqués en chine" propios nacionais "dalam negeri" "nội địa" "trong nước" "za ndani"
    yerli отечественн* محلية المحلية محلي "محلية الصنع" घरेलू स्वदेशी 국산 중국산 国产 國產 本土 国産 中国製`),
);
const chipWords = anyOf(
  chips,
  huaweiAiChips,
  oneOf(`accelerator* beschleuniger* accélérateur* acelerador* acceleratori akselerator "bộ tăng tốc" hızlandırıcı*
    ускорител* مسرعات मसर्रात 가속기 アクセラレーター 加速器 加速卡 算力`),
);
const ascendQuery = anyOf(
  // CloudMatrix is Huawei's Ascend cluster, in any script.
  oneOf(`"كلاود ماتريكس" क्लाउडमैट्रिक्स клаудматрикс 클라우드매트릭스 クラウドマトリックス`),
  allOf(
    anyOf("昇腾", "昇騰", "910b", "910c", allOf("ascend", huawei)),
    anyOf(aiChipContext, not(phones)),
    not(ascendTraps),
  ),
  allOf(huawei, near(8, "ascend", aiChipContext), not(ascendTraps)),
  allOf(huawei, huaweiAiChips, not(anyOf("kirin", "麒麟", "smartphone*", "手机"))),
  allOf(huawei, "cloudmatrix*"),
  // Huawei's chips or Ascend's accelerators named as what a model is trained or run on.
  allOf(
    // Ascend before "accelerators" or "processors"; before "chips" it may be the verb ("chip stocks ascend").
    anyOf(
      near(4, huawei, chipWords),
      near(
        2,
        "ascend",
        oneOf(`accelerator* beschleuniger* accélérateur* acelerador* acceleratori akselerator "bộ tăng tốc"
          hızlandırıcı* ускорител* مسرعات 가속기 アクセラレーター 加速器 प्रोसेसर processor* prozessor* processeur*`),
      ),
    ),
    anyOf(aiChipContext, modelWords, deepseekNames),
    not(phones),
    not(ascendTraps),
  ),
  allOf(ascendHardware, not(ascendTraps)),
  allOf(domesticChipFirms, anyOf(aiChipContext, chipWords), not(phones)),
  allOf(near(4, domesticWords, chipWords), china, anyOf(nvidia, ai, "gpu*", aiChipContext), not(phones)),
);

// Export controls, sanctions, the entity list, blacklists and smuggling: the `@export-controls` concept.
const controlsCore = "@export-controls";
const entityList = anyOf(
  oneOf(`"entity list" entity-list* 实体清单 實體清單 エンティティー エンティティ "lista de entidades" "liste des entités"
    entity-liste "daftar entitas" "danh sách thực thể" "قائمة الكيانات" "एंटिटी लिस्ट" "엔티티 리스트" "수출 제한 명단" 实体名单`),
);
// A blacklist by name, or a list of whom exports are barred to: the `@blacklists` concept.
const blacklist = "@blacklists";
// Oil, tankers and shipping lines: Treasury blacklists of the goods the reading leaves out.
const otherGoods =
  oneOf(`oil crude tanker* petrol* pétrol* petróleo* petroler* petroleir* petrolier* petrolio =öl minyak dầu mafuta
  нефт* танкер* نفط ناقلات तेल टैंकर 석유 유조선 石油 原油 油轮 タンカー navier* reeder*`);
const smuggling = "@smuggling";
// These parts exist only because of US limits on what may be sold to China.
const chinaSkus = anyOf("h20", "h800", "a800", "h20s", "h20-chip*", "b30a", "6000d", "4090d");
const exportWords = "@exports";
const curb = "@curbs";
const toolMakers = "@chipmaking-tools";
const rawMaterials = anyOf(
  oneOf(`gallium germanium graphite antimony "rare earth*" "seltene* erden" 稀土 镓 锗 ガリウム レアアース "terres rares"
    "tierras raras" "terras raras" "terre rare" galio germanio gallio galium =gali =germani galyum germanyum галли* германи* الغاليوم الجرمانيوم
    गैलियम जर्मेनियम 갈륨 게르마늄`),
);
// The US government, the United States by name (`@united-states`), and the words for a government or its trade
// department that stand for Washington beside them.
const usGov = anyOf(
  "@us-government",
  "@united-states",
  oneOf(`commerce administration regierung gobierno governo gouvernement`),
);
// The allies whose chip rules follow Washington's, and TSMC, which applies them to its Chinese customers.
const allies =
  oneOf(`dutch netherlands niederland* pays-bas "países bajos" holanda 荷兰 オランダ japan* japon* japao
  日本 "paesi bassi" olanda belanda "hà lan" uholanzi hollanda нидерланд* هولندا नीदरलैंड 네덜란드 荷蘭 giappone
  jepang "nhật bản" япони* اليابان जापान 일본 taiwan* 台湾 臺灣 台灣 대만 타이완 тайван* تايوان ताइवान
  tsmc 台积电 台積電 टीएसएमसी`);

// The AI diffusion rule (its tiers and caps), its rescission and the licences that replaced it, even where
// the text names no Chinese buyer: sales to the Gulf, India or Latin America.
const diffusionRule = anyOf(
  oneOf(`"diffusion rule" "ai diffusion" "diffusion framework" "ki-diffusion*" "diffusionsregel*"
    "règle de diffusion" "règle sur la diffusion" "regla de difusión" "regla de difusion" "regra de difusão"
    "regola sulla diffusione" "aturan difusi" "quy tắc lan tỏa" "quy tắc phổ biến" "kanuni ya usambazaji"
    "yayılım kural*" "правило распространения" "правила распространения" "правило диффузии" "قاعدة نشر"
    "डिफ्यूजन नियम" "एआई डिफ्यूजन" "chip rule*" "chip export rule*" "tiered framework" "확산 규칙" "확산 규정" 扩散规则 擴散規則 拡散規則 拡散ルール`),
);
// Rules, regulations and frameworks, and breaking a rule: the `@rules` and `@violations` concepts.
const ruleWords = "@rules";
const diffusionWords = anyOf(
  oneOf(`diffusion* difusi* difusão diffusione yayılım "lan tỏa" usambazaji распространени* диффузи* *انتشار نشر
    डिफ्यूजन 확산 拡散 扩散 擴散`),
);
const rescind = "@rescinded";
const licence = "@licences";
// The Gulf states and the Middle East are the `@gulf` concept; beside them, the diffusion rule's tiers.
const gulfOrTiers = anyOf("@gulf", "@tiers");
const retaliation = "@retaliation";

// A short list of curbs beside `@export-controls`, within the query's wildcard budget.
const sanctionOrCurb =
  oneOf(`ban bans banned curb* restri* tighten* limit* licen* verschärf* *schränk* sınırl* 厳格化
  durci* endurec* inaspr* restrei* memperketat ужесточ* ограничени* ограничил* पाबंदी पाबंदियों पाबंदियां запрет* kısıtl* प्रतिबंध pembatasan larangan vikwazo
  "hạn chế" cấm 限制 管制 规制 規制 禁止 규제 통제 제재 قيود حظر सख्त batasi *zuia* 收紧 收緊
  制限 제한 금지 रोक कड़ा कड़े नियंत्रण *dhibiti* marufuku denetim*`);
// "The metals are used in chips": a raw material's use, not a tie to chip controls.
const usedIn = oneOf(`used use verwendet eingesetzt utilisés utilisé usan usados usadas utilizzati utilizzato
  digunakan "dùng trong" hutumika kullanılan используются используемые تستخدم المستخدمة उपयोग इस्तेमाल 사용되는 用于
  用於 使われる 使用される`);
const servers = oneOf(
  `server* serveur* servidor* sunucu* сервер* サーバー سيرفرات خوادم सर्वर 서버 伺服器 服务器 "máy chủ" seva`,
);

// Caps on how many advanced chips a country may buy: the diffusion rule's tiers, read from the buyer's side.
const capWords = "@caps";
const capCountries = anyOf(
  oneOf(`india* indien inde indi brazil* brasil* bresil* mexic* mexiko messico meksika indonesi* malaysi* vietnam*
    nigeria* saudi* emirat* "latin america*" lateinamerika* latinoam* भारत भारतीय ब्राज़ील ब्राजील मेक्सिको الهند البرازيل
    المكسيك индия индии бразили* мексик* 印度 巴西 墨西哥 インド ブラジル メキシコ 인도 브라질 멕시코 hindistan brezilya
    meksiko "ấn độ" "mỹ latinh"`),
);

// A short chip list for the lesser branches, without the generic processors and accelerators and with Nvidia's
// parts: the `@semiconductors` concept. Not `@chips`: its "semi-conducteur*" would tie French gallium retaliation
// to chip sanctions.
const chipsShort = "@semiconductors";
const usOrExports = anyOf(usGov, exportWords);
// Singapore and Malaysia, where chips bound for China are diverted and the allies' enforcement is news.
const transitStates =
  oneOf(`singapor* singapur* singapour* cingapur* malaysi* malezya* malaisie malasia malesia 新加坡 马来西亚 馬來西亞 シンガポール マレーシア 싱가포르 말레이시아
  сингапур* малайзи* سنغافورة ماليزيا सिंगापुर मलेशिया "kuala lumpur" "куала-лумпур*" كوالالمبور कुआलालंपुर 吉隆坡 クアラルンプール 쿠알라룸푸르`);
const violate = "@violations";
// AI by the word each language uses for it ("yapay zeka şirketleri", "ИИ-компании", "एआई कंपनियां"), without the
// chatbots and models of `@ai`: a ban on a chatbot is no export control.
const aiWords =
  oneOf(`ai ki ia ии 인공지능 人工智能 人工知能 الذكاء एआई "yapay zek*" kecerdasan "trí tuệ" akili
  intelligen*`);
// A continent under the caps as a country is ("most of Africa").
const africa = oneOf(
  `afric* afrik* afriq* африк* أفريقيا افريقيا إفريقيا अफ्रीका 아프리카 非洲 アフリカ "châu phi"`,
);

const exportQuery = allOf(
  anyOf(
    // Export controls on chips and chipmaking tools, whoever they target (the reading says so); on AI, China's.
    allOf(controlsCore, anyOf(chips, nvidia, allOf(china, aiWords))),
    allOf(china, entityList),
    // Curbs on chips: from Washington or its allies, on exports or on China (tools: the lithography branch).
    allOf(
      near(8, anyOf(chips, nvidia), anyOf(curb, capWords)),
      // Two of: Washington or an ally, an export word, China (or a Global South buyer beside Washington).
      anyOf(
        allOf(anyOf(usGov, allies), anyOf(exportWords, china)),
        allOf(exportWords, china),
        allOf("@us-government", "@global-south"),
      ),
    ),
    // Licences for chips to the Gulf.
    allOf(
      gulfOrTiers,
      licence,
      // Accelerators and processors as each language names them ("첨단 가속기", "processori avanzati"): `@chips`
      // names them in the other scripts.
      // Beyond the chips themselves, only a licence from Washington: the Gulf approves processors of its own.
      anyOf(
        chipsShort,
        allOf(
          anyOf(
            "@chips",
            oneOf(`accelerator* beschleuniger* accélérateur* acelerador* hızlandırıcı* ускорител* مسرعات processor
              processors prozessor prozessoren processeur processeurs procesador procesadores processador
              processadores processori`),
          ),
          anyOf("@us-government", "@united-states"),
        ),
      ),
    ),
    // Caps on chips, for the Gulf, a tier, or India, Brazil, Argentina or any Global South country under a US limit.
    allOf(
      near(6, anyOf(chips, chipsShort), capWords),
      anyOf(gulfOrTiers, allOf(anyOf(capCountries, "@global-south", africa), usOrExports)),
    ),
    // Washington's limits or licences keeping chips from a Global South country ("the Commerce Department's
    // licence policy delays processors for Mumbai's data centres").
    allOf("@us-government", near(10, chips, anyOf(capWords, licence, curb)), "@global-south"),
    // Lithography curbs and chip smuggling are China stories even when a headline leaves China out.
    // An ally's licence list for chipmaking equipment bound for China is a curb as a ban is.
    allOf(anyOf(controlsCore, sanctionOrCurb, licence), toolMakers),
    allOf(smuggling, anyOf(chipsShort, servers)),
    // Allied enforcement: charges, fraud cases, investigations and new export rules over chips or servers in
    // Singapore or Malaysia.
    allOf(
      transitStates,
      anyOf(
        allOf(
          oneOf(`charg* indict* inculp* incrimin* fraud* frode arrest* anklage betrug acus* dakwa penipuan "truy tố" "gian lận" mashtaka *shtak* anklag* angeklagt klagt yargılan* 逮捕 suçla* investigat* enquêt* ermittl* investig*
            indaga* selidik* "điều tra" uchunguzi *chunguza soruştur* расследова* تحقيق जांच 조사 调查 調查 捜査 調査
            обвин* мошенни* اتهام احتيال आरोप धोखाधड़ी 기소 사기 起诉 起訴 欺诈 詐欺`),
          anyOf(chipsShort, servers),
        ),
        allOf(anyOf(curb, licence), near(6, servers, exportWords)),
        // A transit state's permits for chips leaving it (Malaysia's for US AI chips), against diversion.
        allOf(licence, anyOf(chipsShort, "@chips"), anyOf(exportWords, smuggling)),
      ),
    ),
    allOf(chinaSkus, "@us-government", china),
    // Firms put on the entity list or a blacklist by Washington or an ally (Taiwan's list for Huawei and SMIC):
    // Chinese firms, or any firm on the entity list by its name.
    allOf(anyOf(entityList, blacklist), anyOf(china, entityList), anyOf(usGov, allies), not(otherGoods)),
    // Breaking the export rules ("using Ascend chips anywhere violates US export rules", "violato le restrizioni"),
    // or the US rules by name ("may breach US rules").
    allOf(
      anyOf(
        near(6, violate, anyOf(curb, controlsCore, near(3, exportWords, ruleWords))),
        allOf(violate, near(3, anyOf("@united-states", "@us-government"), ruleWords)),
      ),
      anyOf(chipsShort, "@chips"),
      anyOf(china, usGov, exportWords),
    ),
    // Washington warning against Huawei's Ascend chips anywhere in the world: its guidance on its export rules.
    allOf(
      oneOf(`ascend* 昇腾 昇騰 어센드 асценд* أسند एसेंड 910b 910c 910d`),
      "@us-government",
      anyOf(
        violate,
        oneOf(`warn* avert* advier* alert* avvert* mempering* "cảnh báo" *onya tahadhari uyar* предупре* حذر حذّر يحذر
          चेतावनी 경고 警告 指引 指針 guidance orientação guía "hướng dẫn" mwongozo panduan руководств* إرشادات दिशानिर्देश 지침`),
      ),
    ),
    // A US bill on selling chips abroad ("the GAIN AI Act would have chipmakers serve US buyers before foreign ones").
    allOf(
      oneOf(`bill =act ley proyecto "projet de loi" "proposition de loi" gesetz* "disegno di legge" "projeto de lei" rancangan
        ruu "dự luật" muswada tasarı* yasa* законопроект* "مشروع قانون" विधेयक 법안 法案`),
      near(8, anyOf(chipsShort, "@chips"), exportWords),
      anyOf(usGov, "@united-states"),
      anyOf(
        china,
        oneOf(`abroad overseas foreign* étranger* extranjer* exterior estrangeir* ausland* ausländ* estero "luar negeri" "nước ngoài"
          nje "yurt dışı*" зарубеж* الخارج للخارج विदेश* 해외 海外 国外 境外 risikoländ* "countries of concern" "دول مثيرة للقلق"`),
        near(3, oneOf(`países pays paesi`), oneOf(`riesgo risque rischio risco`)),
      ),
    ),
    // The China-only parts beside a licence or a curb in China: the export licence or China's own counter-measure.
    allOf(chinaSkus, anyOf(licence, curb), china),
    // A US licence requirement told by what it costs Nvidia ("a $5.5bn charge from the new US licence rule"): the
    // licence is an export licence whether or not the text says China. Not approvals (an antitrust nod).
    allOf(
      nvidia,
      near(
        4,
        // Not English "licenses": Nvidia licenses its software to US firms.
        oneOf(`=licence =licences =license licencia* licenza licenze lizenz* licenç* lisans* lisensi leseni лиценз*
          "cấp phép" "giấy phép" ترخيص الترخيص
          تراخيص लाइसेंस 허가 許可 许可 ライセンス`),
        anyOf("@united-states", "@us-government"),
      ),
    ),
    // A chip cut down for China to stay within US rules ("bridée", "abgespeckt", "урезанный", 性能抑制版): the
    // China-only parts told without their names.
    allOf(
      near(
        4,
        anyOf(chipsShort, "@chips"),
        oneOf(`china-only china-specific cut-down scaled-back downgraded bridé* recortad* rebajad* abgespeckt*
          ridott* depotenziat* урезанн* 性能抑制 特供 阉割 閹割 저사양 "중국 전용" "中国専用" mutilad* diturunkan`),
      ),
      china,
      anyOf(usGov, curb, ruleWords),
    ),
    near(
      8,
      chinaSkus,
      anyOf(
        oneOf(
          `ban* curb* restrict* licen* lizenz* verbot* interdi* prohib* 禁 限制 受限 규제 제한 halt* stopp* 중단 停止 暂停 запрет* ограничени*`,
        ),
        licence,
      ),
    ),
    // The rule named by what it does ("the rule on the diffusion of AI", "Biden's chip rule"), rescinded or not.
    allOf(anyOf(diffusionRule, near(4, diffusionWords, ruleWords)), anyOf(chipsShort, aiWords)),
    // A country placed in Washington's tier with its cap on chips ("Brasil fica na segunda categoria ... cotas
    // para a importação de GPUs"), in any of the text's fields.
    allOf("@tiers", capWords, anyOf(chips, chipsShort), "@us-government"),
    // The rule named by its tiers ("Biden's three-tier framework for AI chips", "3단계 AI 칩 규제", a better
    // "Einstufung bei KI-Chips"): tiers beside chips and Washington, scrapped, replaced, capping or curbing.
    allOf(near(6, "@tiers", chipsShort), "@us-government", anyOf(rescind, ruleWords, capWords, curb)),
    allOf(
      near(5, chipsShort, ruleWords),
      anyOf("@us-government", rescind),
      anyOf(rescind, exportWords, gulfOrTiers),
    ),
    // "Chip exports" beside Washington and China, with no curb word ("loopholes in chip exports").
    allOf(
      china,
      "@us-government",
      near(
        3,
        anyOf("@chips", "*chip*"),
        oneOf(`export* ausfuhr* exporta* 出口 輸出 수출 экспорт* ihracat* "xuất khẩu" ekspor
        تصدير निर्यात`),
      ),
    ),
  ),
  // Gallium and germanium count only beside Nvidia, the China-only parts, the entity list or the tool makers...
  not(allOf(rawMaterials, not(anyOf("nvidia", chinaSkus, entityList, toolMakers)))),
);
// ...or as China's counter-measures tied in the text to chip curbs (a probe of Nvidia, a metals ban, a blacklist
// "in response to US chip sanctions"); a metal merely used in chips is no tie.
// "After" a curb ties a measure to it as "in response to" does ("Beijing bans gallium exports after new US chip
// curbs"), when the curb follows it closely; "after a review" ties nothing.
const afterCurbs = near(
  3,
  oneOf(`after following amid nach après tras após dopo setelah "sau khi" baada sonra после بعد "के बाद" 이후 之后 之後
    を受け`),
  anyOf(controlsCore, curb),
);
const exportControlsQuery = anyOf(
  exportQuery,
  allOf(
    china,
    anyOf(retaliation, afterCurbs),
    // "In response to the new US rule on chips" ties a measure to the controls as "to US chip sanctions" does.
    near(6, anyOf(chipsShort, "nvidia"), anyOf(controlsCore, sanctionOrCurb, allOf(ruleWords, usGov))),
    not(near(3, usedIn, chipsShort)),
  ),
);

// Countries, territories, capitals and demonyms come from the `@global-south` concept (default-concepts.ts), which
// leaves China out as this topic does. Beside it: the region words, which name the regions themselves; Latin-script
// stems that find a country's name and demonyms in their inflected forms in many languages at once (`niger*`:
// Nigeria, Nigerian, nigeriano; `brasil*`: brasileira, brasilianischen), which the concept matches as written; and
// names that are also common words (Chad, Mali, Jordan, Korean 이란 "what is called"), which count only beside a
// country context ("the government of Chad").
const placeStems =
  oneOf(`niger* nijerya* kenya* kenia* kenian* queni* brazil* brasil* bresil* brezilya* mexic* mexik* messic*
  meksik* indonesi* endonezya* pakistan* paquistan* bangladesh* banglades* ethiopi* athiopi* etiop* etiyop*
  philippin* filipin* filippin* egypt* agypt* egipt* egiz* vietnam* iran* turqu* turchi* thailand* tailand*
  tayland* tanzani* tansani* colombi* kolumbi* kolombiya* argentin* arjantin* maroc* marocc* morocc* marokk*
  marruec* marroq* saudi* saoudi* suudi* emirat* emirad* malaysi* malaisi* malasi* malesi* malezya* ghana* ghane*
  nepal* afghan* afgan* afeg* uganda* ougand* rwand* ruand* senegal* angola* mozambi* mosambi* mocambi* algeri*
  argeli* cezayir* iraq* irak* kuwait* koweit* kuveyt* qatar* katar* catar* bahrain* bahrein* bahreyn* barein*
  yemen* jemen* iemen* uzbek* usbek* ouzbek* ozbek* kazakh* kasach* kazaj* cazaqu* kazak* sudafric* sudafrik*
  giamaic* caraib* cabo-verdian* caboverdian* кыргыз* киргиз* бишкек* cambod* kambod* camboj* myanmar* birman* burmese* zimbabw* zambi* sambi* camerun* cameroun* kamerun* tunisi*
  tunes* tunez* tunus* libye* liby* libi* venezuel* ecuador* equateur* ekvador* bolivi* guatemal* hondur*
  nicaragu* paraguay* urugua* salvador* domini* jamaic* jamaik* haiti* cuban* kuban* palestin* palastin*
  filistin* afric* afrik* afriq* arab* hintli* египт*`);
const riskyPlaces = oneOf(
  `=chad guinea =mali sudan jordan =lào mısır 苏丹 加纳 ガーナ 가나 수단 오만 이란 인도 =lima santiago`,
);
const riskyContext =
  oneOf(`government* gobierno governo gouvernement regierung pemerintah hükümet правительств*
  حكومة सरकार 政府 정부 president* country pays país nchi ülke`);
const regionWords = "@south-regions";
const region = anyOf(regionWords, placeStems, "@global-south", allOf(riskyPlaces, riskyContext));
// The open models the South builds on, by name. Llama only beside a model or a maker's word: Spanish "llama" is
// "calls" and "flame".
const openModelNames = anyOf(
  oneOf(`qwen* 通义千问 通义 千问 큐원 كوين mistral* gemma`),
  near(
    3,
    oneOf(`llama* لاما लामा 라마 ラマ`),
    oneOf(`meta model* modèle* modelo* modell* modeli* "mô hình" модел* نموذج मॉडल 모델 模型 モデル based basado*
      baseado* basé* basiert* basat* berbasis "dựa trên" основ* مبني* आधारित 기반 基于 基於 ベース qwen* mistral*`),
  ),
);
const aiOrOpenModels = anyOf(
  ai,
  openModelNames,
  // "The Hangzhou lab's app", "l'équipe de Liang Wenfeng": DeepSeek by where and who it is.
  deepseekNames,
  near(
    6,
    oneOf(`hangzhou* 杭州 "hàng châu" هانغتشو هانغجو हांगझोउ हांग्जो ханчжоу* 항저우`),
    oneOf(`startup* start-up* lab labs labor labo* laborat* 初创* 新创 スタートアップ rintisan "khởi nghiệp" "kampuni changa"
      스타트업 стартап* girişim* лаборатори* مختبر ناشئة الناشئة स्टार्टअप लैब प्रयोगशाला "phòng thí nghiệm" maabara
      laboratuvar* 연구소 랩 研究所 ラボ 实验室 實驗室`),
  ),
  oneOf(`"open-weight*" open-weight* "open model*" sprachmodell* "open-source model*" "modelos abiertos" 开源模型
    "mã nguồn mở" "chanzo huria" "açık kaynak"
    "مفتوحة المصدر" "ओपन-सोर्स" "ओपन सोर्स" 오픈소스 开源 開源 deepseek chatbot* llm* "ديب سيك" ديبسيك डीपसीक 딥시크
    ディープシーク 深度求索 дипсик オープンモデル オープンソース r1`),
  // "a free model", "modelos de bajo coste", "ucuz açık modeller", "نماذج مجانية": a language model named as a model.
  near(
    3,
    oneOf(`model* modèle* modelo* modell* modeli* "mô hình" модел* نموذج نماذج मॉडल 모델 模型 モデル`),
    oneOf(`open* ouvert* abiert* aberto* offen* aperto libre* libres libero libera liberi gratuit* gratis free kostenlos* terbuka mở
      huria bure açık ücretsiz открыт* бесплатн* مفتوح* مجاني* المجاني المجانية ओपन मुफ्त 오픈 공개 무료 开源 開源 免费 オープン 無料 cheap*
      low-cost barat* günstig* murah "giá rẻ" nafuu ucuz дешев* дешёв* رخيص* सस्त* 저비용 저렴 安価 格安 無償 低成本 "bajo coste" "bajo costo"
      "baixo custo" "basso costo" "düşük maliyet*" "منخفض التكلفة" "منخفضة التكلفة" "قليل التكلفة" "कम लागत"
      "chi phí thấp" "gharama nafuu" "gharama ya chini" "biaya rendah" "berbiaya rendah" "à bas coût" "bon marché"
      "peu coûteux" "peu cher" "pas cher"
      "a basso costo" недорог* affordable abordable* asequible* acessíve* accessibil* terjangkau preiswert*
      erschwinglich* reasoning raisonnement razonamiento raciocínio ragionamento
      penalaran "suy luận" rassuzhd* рассужда* استدلال तर्क रीज़निंग रीजनिंग "akıl yürütme" 추론 推理 推論`),
  ),
);
// Using, adopting, deploying, testing, launching and building on a model, and who does it: the `@adoption` concept.
// Uptake told as a model's spread or popularity ("DeepSeek spreads across the Global South", "el modelo gana
// terreno en África"), beside the model itself: what else spreads (rumours, misinformation) is no uptake.
const adoption = anyOf(
  "@adoption",
  // The users of AI assistants ("число пользователей ИИ-ассистентов"), not of an app a regulator questions.
  near(
    2,
    oneOf(`users utilisateurs usuario* usuário* utenti nutzer* pengguna "người dùng" watumiaji kullanıcı*
      пользовател* مستخدم* उपयोगकर्ता यूजर 사용자 이용자 用户 用戶 ユーザー 利用者`),
    "@ai",
  ),
  near(
    3,
    anyOf(
      "@ai",
      oneOf(`deepseek* ديبسيك "ديب سيك" डीपसीक 딥시크 ディープシーク 深度求索 дипсик model* modèle* modelo* modell*
        "mô hình" модел* نموذج मॉडल 모델 模型 モデル`),
    ),
    oneOf(`spread* verbreit* "gain* ground" "se répand*" "gagne du terrain" "gana terreno" "ganha terreno" "guadagna terreno"
      "an boden" populer* popular* umaarufu 人気 인기 "phổ biến" yaenea inaenea yayılıyor yaygınlaş* распространя* ينتشر تنتشر फैल* लोकप्रिय 확산
      流行 広が 広ま 普及`),
  ),
);
// Chip caps read as an access gap for India, Brazil or Mexico are this topic's too (and export-controls').
// Any Global South country under the caps reads so, as India, Brazil or Mexico do (the rule's second tier held
// Egypt, Kazakhstan, Vietnam and most of Africa too), and so does a country placed in a tier ("India is in
// the second tier").
// Licences for the Gulf are export-controls' alone, and the rule's overview that bars "China, Russia and Iran"
// names no buyer of the South.
const accessGap = allOf(
  anyOf(
    near(6, anyOf(chips, chipsShort), capWords),
    allOf("@us-government", near(10, chips, licence), capCountries, not("@gulf")),
    allOf(anyOf(chips, chipsShort), near(4, "@tiers", anyOf(capCountries, "@global-south")), not("@gulf")),
    // Washington's curbs told by what they do to the country ("US curbs on chips threaten India's AI ambitions"),
    // when no Chinese buyer is their target.
    allOf(
      near(6, anyOf(chips, chipsShort), curb),
      anyOf("@us-government", "@united-states"),
      "@access-gap",
      not(china),
      not("@gulf"),
    ),
  ),
  // A region counts as a country does ("most of Africa"), but not the Gulf or the Middle East: their caps go with
  // their licences, to export-controls.
  anyOf(capCountries, "@global-south", allOf(anyOf(regionWords, africa), not("@gulf"))),
  not(
    near(
      3,
      oneOf(`iran* irã إيران ईरान 伊朗 イラン 이란 иран*`),
      oneOf(`russ* rusia rússia روسيا रूस 俄罗斯 ロシア 러시아 росси*`),
    ),
  ),
  anyOf(ai, "@tiers", "@access-gap"),
  // A transit country's licences against re-exports to China keep nobody from chips, nor do its export permits.
  not("@smuggling"),
  not(allOf(transitStates, licence, exportWords)),
);
// "Without AI", "sans recours à l'intelligence artificielle", "isiyotumia akili bandia": software that says it
// uses none is no AI adoption.
const withoutAi = near(
  1,
  oneOf(`without sans sin sem ohne senza tanpa "without using" "sans recours à" "sans recourir à" "sin uso de"
    "sin componentes de" "sem uso de" "ohne einsatz von" "senza uso di" "không sử dụng" "không có" bila *siyotumia*
    içermiyor kullanmıyor без "не использует" "не используют" بدون دون "لا تستخدم" बिना 없이 없는 不使用 不含 无需 なし
    使わない`),
  "@ai",
);
const appCharts = oneOf(`"app store" appstore "play store" "apple's store" "loja da apple" "tienda de apple"
  "متجر آبل" "ऐप स्टोर" 앱스토어 "앱 스토어" アプリストア 应用商店 應用商店 "магазин приложений" "uygulama mağaza*"
  "cửa hàng ứng dụng" "toko aplikasi" "most downloaded" "mais baixado" "más descargada" meistgeladen*
  "le plus téléchargé*" "paling banyak diunduh" "सबसे ज्यादा डाउनलोड" "tải nhiều nhất" "en çok indirilen"
  "самое скачиваемое" "الأكثر تنزيلا" 下载榜 ダウンロード数`);
const globalSouthQuery = anyOf(
  // The places, with their thousands of names, are read last: only for articles that pass the rest.
  allOf(
    aiOrOpenModels,
    adoption,
    not(withoutAi),
    region,
    // Chip-access stories that name India or the Gulf belong to export-controls, not to adoption.
    not(
      oneOf(`"export control*" "diffusion rule" "ai diffusion" smuggl* "entity list" exportkontroll* "contrôle* des
        exportations" "controles de exportación" "controles de exportação" 出口管制 輸出規制 "kiểm soát xuất khẩu"
        "kontrol ekspor" "ihracat kontrol*" "экспортн* контрол*" "ضوابط التصدير" "निर्यात नियंत्रण" "수출 통제" 수출통제
        deepfake*`),
    ),
    // AI scams are crime stories; a bank that runs a model for its fraud checks is adoption.
    not(
      near(
        2,
        oneOf(`scam* fraud* betrug* arnaque* estafa* truffa* penipuan "lừa đảo" dolandırıc* мошенни* احتيال धोखाधड़ी
          사기 诈骗 詐欺`),
        oneOf(`ai ki ia ии एआई 인공지능 人工智能 الذكاء "yapay zek*" kecerdasan "trí tuệ" akili deepseek* chatbot*
          voice* stimm* voix voz voce suara giọng sauti ses голос* صوت आवाज़ 음성 语音 音声 deepfake*`),
      ),
    ),
    // A ban on AI (schools that forbid chatbots in exams) is no uptake, whoever names its use.
    not(
      near(
        3,
        "@ai",
        oneOf(`ban bans banned banning prohib* proíb* proib* interdi* verbiet* verbot* vieta* larang* melarang
          cấm marufuku *piga marufuku* yasakla* запрет* حظر تحظر يحظر प्रतिबंध पाबंदी 금지 禁止 禁用 禁じ`),
      ),
    ),
    // An app store's chart in the US and a Global South country ("the most downloaded free app in the US and
    // India") is the app's rise everywhere, r1-release's story, not the South's uptake.
    not(allOf(appCharts, "@united-states")),
    // Licences for chips to the Gulf, a transit state's permits for chips leaving it and chip smuggling through
    // Malaysia are export-controls' stories.
    not(
      anyOf(allOf(licence, chipsShort, gulfOrTiers), allOf(transitStates, licence, exportWords), smuggling),
    ),
  ),
  accessGap,
);

export const defaultTopics: TopicDefinition[] = [
  {
    slug: "r1-release",
    name: "DeepSeek R1 release",
    description:
      "DeepSeek and its R1 model family: release, reception, benchmarks, open weights, training cost, the app, bans and probes.",
    color: "#0072B2",
    query: r1Query,
  },
  {
    slug: "nvidia-valuation",
    name: "Nvidia valuation",
    description:
      "Nvidia's share price, market value, sell-offs and rallies, analysts' targets, earnings as they move the stock.",
    color: "#E69F00",
    query: nvidiaQuery,
  },
  {
    slug: "ascend-chips",
    name: "Huawei Ascend chips",
    description:
      "Huawei's Ascend AI accelerators, their production, models run on them, and China's domestic AI chips.",
    color: "#009E73",
    query: ascendQuery,
  },
  {
    slug: "global-south-adoption",
    name: "Global South adoption",
    description:
      "Uptake of DeepSeek and other low-cost or open AI in Africa, Latin America, South and Southeast Asia and the Middle East.",
    color: "#CC79A7",
    query: globalSouthQuery,
  },
  {
    slug: "export-controls",
    name: "Chip export controls",
    description:
      "US and allied export controls and sanctions on chips and chipmaking tools for China, and chip smuggling.",
    color: "#D55E00",
    query: exportControlsQuery,
  },
];
