import { allOf, anyOf, near, not, oneOf } from "./query-builders";
import type { TopicDefinition } from "./types";

// Term families shared by several topics. Wildcards carry the inflections (Aktie/Aktien, plongé/plongent);
// diacritics are folded before matching, so `acoes` and `ações` are the same term.
const china = anyOf(
  oneOf(
    `chin* beijing peking pekin pequim 中国 中國 对华 對華 対中 北京 deepseek huawei smic 华为 華為 ファーウェイ 中芯`,
  ),
);
const ai = anyOf(
  oneOf(`ai a.i ki ia genai chatbot* llm* chatgpt openai deepseek "artificial intelligence"
    "künstliche* intelligenz" "intelligence artificielle" "inteligencia artificial"
    "inteligência artificial" 人工智能 人工知能 生成AI 大模型 大语言模型 인공지능 "language model*" "ai model*"`),
);
const chips = anyOf(
  oneOf(`chip* *chip *chips semiconductor* halbleiter* puce* *conducteur* semicondut* gpu* processor*
    prozessor* processeur* procesador* processador* accelerator* 芯片 晶片 半导体 半導體 半導体 チップ h20 h800 h100
    a100 a800 hbm`),
);

const deepseekNames = anyOf(
  oneOf(`deepseek* *-deepseek 深度求索 ディープシーク 딥시크 "ديب سيك" дипсик "liang wenfeng" 梁文锋 梁文鋒 梁文峰 幻方
    "high-flyer"`),
);
const r1Model = anyOf("r1", "r1-zero", "v3", "deepseek-v3");
const modelWords = anyOf(
  oneOf(`model* modell* modele* modèle* modelo* reasoning razonamiento raciocinio raisonnement chatbot*
    ki-modell* open-source open-weight* 推理 模型 モデル 推論`),
);
// R1 is compared with OpenAI's o1 in nearly every story about it; the motorbike and the SUV never are.
const r1Peers = anyOf("o1", "o3*", "openai", "chatgpt", "deepseek", "推理模型", "推論モデル");
const r1Traps = anyOf(
  oneOf(`bmw rivian yamaha yzf* r1s r1t visa* motorcycle* motorrad* moto superbike* pickup* suv* racing
    race* rennen carrera* corrida*`),
);
const otherChineseAi = anyOf(
  oneOf(`tiktok rednote xiaohongshu temu shein wechat moonshot kimi zhipu minimax qwen baichuan stepfun
    ernie doubao bytedance 字节 百度 阿里 通义 智谱 月之暗面 豆包`),
);
const chineseAiStartup = anyOf(
  near(
    6,
    anyOf("chin*", "hangzhou*", "杭州", "中国", "中國"),
    anyOf(
      oneOf(`startup* start-up* lab labs labor labo* laborat* firm company unternehmen empresa* entreprise*
        pousse* upstart* 初创* 新创 公司 新興* スタートアップ ベンチャー 企業`),
    ),
  ),
);
const sputnik = anyOf(
  oneOf(`"sputnik moment" "sputnik-moment" "momento sputnik" "moment spoutnik" sputnik-moment* スプートニク
    斯普特尼克`),
);
// Not 国产 ("domestic"): Chinese-language outlets name the model instead of calling it "the Chinese one".
const chinaAdj = anyOf("chin*", "中国", "中國");
// "the Chinese chatbot", "l'application chinoise", "app chinês": the press's shorthand for DeepSeek's app.
const chineseAppOrModel = near(
  3,
  chinaAdj,
  anyOf(
    oneOf(`chatbot* app apps application* aplicaci* aplicativo* assistant* asistente* assistente* model
      models modell modele* modelo* ki-modell* "ai model*" 聊天机器人`),
  ),
);
const aiContext = anyOf(ai, "r1", "reasoning", "chatbot*", "razonamiento", "raciocinio", "raisonnement");
const costFigures = anyOf(
  oneOf(`"6 million" "5.6 million" "6 millions" "6 millones" "6 milhões" "6 millionen" "5,6 millions"
    "5,6 millones" "5,6 milhões" "5,6 millionen" 600万 560万`),
);
const cheapModel = anyOf(
  oneOf(`cheap* low-cost budget inexpensive frugal billig* günstig* kostengünstig* faible* bas barat*
    bajo economic* low 低成本 廉价 低价 低コスト 格安 安価 "6 million" "5.6 million" "6 millions" "6 millones"
    "6 milhões" "6 millionen" "600 万" 600万 560万 "5,6 millions" "5,6 millones" "5,6 milhões"
    "5,6 millionen" training`),
);

const r1Query = anyOf(
  deepseekNames,
  allOf(r1Model, anyOf(near(8, r1Model, modelWords), r1Peers), not(r1Traps)),
  allOf(
    chineseAiStartup,
    anyOf(modelWords, cheapModel, r1Peers, "assistant*", '"app store"'),
    not(otherChineseAi),
  ),
  allOf(sputnik, anyOf(ai, chinaAdj)),
  allOf(chineseAppOrModel, aiContext, not(otherChineseAi)),
  allOf(
    near(4, costFigures, anyOf(modelWords, "training", "entrenamiento", "treinamento", "entraînement")),
    anyOf(chinaAdj, ai),
  ),
);

const nvidia = anyOf(
  oneOf(`nvidia* *-nvidia nvda 英伟达 英偉達 輝達 辉达 エヌビディア 엔비디아 إنفيديا нвидиа`),
);
const market = anyOf(
  oneOf(`shares "share price*" stocks "stock market*" "stock price*" valuation* "market value*"
    "market cap*" capitalization sell-off* selloff* rout wiped wipe* investor* "wall street" nasdaq
    s&p "price target*" analyst* downgrad* trillion dow aktie* *aktie *aktien börse* *börse
    börsenwert marktwert kurs* *kurs anleger* bewertung* billion* *sturz *einbruch chipwerte
    techwerte technologiewerte halbleiterwerte talfahrt actions bourse* capitalisation*
    valorisation* investisseur* dévisse acciones accion bolsa* capitalizacion valoracion inversor*
    inversionista* desplom* ações acoes "valor de mercado" investidor* 股价 股票 市值 蒸发 股 美股 估值 投资者 分析师
    目标价 株価 株 時価総額 投資家 兆ドル`),
);
// Movement words also describe market share, so they count only when the story is not about share.
const moves = anyOf(
  oneOf(`plung* slump* tumbl* sank rall* rebound* soar* plonge* chute* recul* bondit envol* cae caida
    desplom* despenc* queda tomb* 暴跌 大跌 重挫 急落 暴落 下落 上昇 急騰 反発`),
);
const marketShare = anyOf(
  oneOf(`"market share*" "parts de marché" "part de marché" "cuota de mercado" "participação de mercado"
    marktanteil* シェア 市场份额 份额`),
);
const earnings = near(
  6,
  anyOf(
    oneOf(`earnings revenue* results guidance forecast* quarter* quartal* résultats resultados umsatz* 财报
      決算`),
  ),
  anyOf(oneOf(`beat* miss* estimates expectations analyst* erwartung* attentes expectativas 预期 予想`)),
);
const stockNotInStock = allOf(
  near(2, nvidia, "stock"),
  not(anyOf("shortage*", "restock*", '"out of stock"', '"in stock"')),
);
const chipmaker = anyOf(
  oneOf(`chipmaker* "chip maker*" chip-maker* "chip giant" chip-giant* chipriese* chipkonzern*
    chiphersteller* chipdesigner* "chip designer*" "fabricant de puces" "fabricante de chips"
    "fabricante de chips" "géant des puces" "gigante de los chips" "gigante dos chips" 芯片巨头 芯片制造商
    晶片巨頭 半導体大手 半導体メーカー "most valuable company"`),
);
const recordLoss = anyOf(
  oneOf(`"600 billion" 600bn "593 billion" 593bn 589bn "589 billion" "600 milliards" "600 mil millones"
    "600.000 millones" "600 bilhões" "600 milliarden" "600 mrd" 6000亿 5900亿 5890亿 6000億 5900億
    "biggest one-day" "largest one-day" "record loss" "record drop" "historic* loss" rekordverlust*
    "perte record" "pérdida récord" "perda recorde" 史上最大 "market value" marktwert börsenwert
    capitalisation capitalización 市值 時価総額`),
);
const otherChipmakers = anyOf(
  oneOf(`intel amd tsmc asml broadcom qualcomm samsung micron arm 英特尔 英特爾 インテル 超威 台积电 台積電 三星 サムスン 博通 高通
    美光 阿斯麦`),
);

const nvidiaQuery = anyOf(
  allOf(
    nvidia,
    anyOf(market, earnings, near(3, anyOf("cours", "action"), nvidia), allOf(moves, not(marketShare))),
  ),
  stockNotInStock,
  allOf(chipmaker, anyOf(recordLoss, market, moves), not(otherChipmakers)),
);

const huawei = anyOf("huawei*", "华为", "華為", "ファーウェイ", "화웨이", "هواوي", "хуавэй");
const aiChipContext = anyOf(
  ai,
  oneOf(`910* npu* accelerator* beschleuniger* accélérateur* acelerador* datacenter* "data center*"
    "data centre*" cluster* nvidia deepseek cann mindspore atlas 芯片 算力 チップ training inference
    rechenzentr* supercomput* server*`),
);
const phones = anyOf(
  oneOf(`smartphone* phone* phablet* handset* android handy téléphone* teléfono* celular* móvil*
    fingerprint* "ascend mate*" "ascend p6" "ascend p7" "ascend p8" "ascend g6" "ascend g7"
    "ascend y300" "ascend d2" 手机 スマホ スマートフォン`),
);
// The product name before a hardware noun; the verb comes after its subject ("chip stocks ascend").
const ascendHardware = anyOf(
  oneOf(`"ascend chip*" "ascend cluster*" "ascend processor*" "ascend accelerator*" "ascend npu*"
    "ascend server*" "ascend ai" "ascend-chip*" "ascend-prozessor*" "puces ascend" "chips ascend"
    "ascend computing"`),
);
const ascendTraps = anyOf(oneOf(`wellness cannabis marijuana dispensar* "performance materials" nylon`));
const huaweiAiChips = anyOf(
  oneOf(`"ai chip*" "ai processor*" "ai accelerator*" "ki chip*" "ki-chip*" ki-chips ki-beschleuniger*
    "puce* d ia" "puce* d intelligence" "chips de ia" "chip de ia" "chips de inteligencia" ai芯片
    人工智能芯片 算力芯片 AIチップ AI半導体`),
);

const ascendQuery = anyOf(
  allOf(
    anyOf("昇腾", "昇騰", "910b", "910c", allOf("ascend", huawei)),
    anyOf(aiChipContext, not(phones)),
    not(ascendTraps),
  ),
  allOf(huawei, near(8, "ascend", aiChipContext), not(ascendTraps)),
  allOf(huawei, huaweiAiChips, not(anyOf("kirin", "麒麟", "smartphone*", "手机"))),
  allOf(huawei, "cloudmatrix*"),
  allOf(ascendHardware, not(ascendTraps)),
);

const region = anyOf(
  oneOf(`africa* afrika* afrique* afric* kenya* nigeria* ghana* ethiopia* rwanda* egypt* morocco* maroc
    marruecos marrocos agypten egipto egito kenia* quenia mozambi* mocambique angola* senegal*
    uganda* tanzania* zambia* lagos nairobi kigali "latin america*" latam latinoam* "america latina"
    "amerique latine" lateinamerika* brazil* brasil* bresil* mexic* argentin* colombia* kolumbien
    colombie peru* chile chilean* india indian* indien* inde pakistan* bangladesh* nepal* sri
    indonesia* indonésie indonesien vietnam* philippin* filipin* malaysia* malaisie thailand*
    thaïlande "southeast asia*" "south asia*" "asie du sud*" südostasien asean "global south"
    "sud global" "sur global" "sul global" "globalen süden*" "globale süden" "globaler süden"
    entwicklungsländer* "developing countr*" "developing nations" "developing world"
    "emerging market*" "emerging econom*" "pays en développement" "pays émergents"
    "países en desarrollo" "países em desenvolvimento" "países emergentes" schwellenländer*
    "middle east" nahost moyen-orient "oriente medio" "oriente médio" saudi* arabie emirat* uae
    qatar* katar arab* gulf golfe golfo 全球南方 发展中国家 發展中國家 新兴市场 非洲 拉美 拉丁美洲 东南亚 東南亞 印度 巴西 印尼 中东 中東
    グローバルサウス 途上国 新興国 アフリカ 中南米 ラテンアメリカ 東南アジア インド ブラジル インドネシア ナイジェリア ケニア ベトナム`),
);
const aiOrOpenModels = anyOf(
  ai,
  oneOf(`"open-weight*" open-weight* "open model*" "open-source model*" "modelos abiertos"
    "modèles ouverts" "offene* modelle*" "modelos abertos" sprachmodell* 开源模型 オープンソースAI`),
);
const adoption = anyOf(
  oneOf(`adopt* adoption uptake use* using deploy* access* afford* cheap* low-cost open-source
    "open source" open-weight* startup* start-up* developer* universit* government* ministr*
    sovereign* inclusion divide gap leapfrog* local farmers students free gratis strategy services
    nutz* einsatz* einsetz* setzt setzen zugang studierende* studenten schüler* kostenlos*
    *strategie behörde* souverän* erschwinglich* günstig* entwickler* utilis* accès déploi* deploi*
    stratégie gratuit* souveraineté abordable* développeur* étudiants gouvernement* uso usan usar
    utiliza* adopcion despliegue estrategia gratuit* universi* estudiantes acceso asequible*
    soberan* gobierno* desarrollador* adoção adocao adot* acesso acessi* usam barat* governo*
    desenvolvedor* estudantes soberania 采用 使用 普及 应用 應用 部署 接入 主权 導入 活用 利用 開発者`),
);
// Chip-access stories that name India or the Gulf belong to export-controls, not to adoption.
const globalSouthQuery = allOf(
  aiOrOpenModels,
  region,
  adoption,
  not(anyOf('"export control*"', '"diffusion rule"', "smuggl*")),
);

const controlsCore = anyOf(
  oneOf(`"export control*" "export curb*" "export ban*" "export restriction*" "export rule*"
    "export limit*" "export licen*" export-control* exportkontroll* exportbeschränkung*
    exportverbot* exportstopp* exportregel* ausfuhr* "contrôle* des exportations"
    "contrôles à l exportation" "restrictions à l exportation" "restrictions aux exportations"
    "controles de exportación" "controles a la exportación" "restricciones a la exportación"
    "restricciones a las exportaciones" "controle* de exportação" "controles às exportações"
    "restrições à exportação" "restrições às exportações" 出口管制 出口限制 出口禁令 禁售 输出管制 輸出規制 輸出管理 禁輸
    "entity list" entity-list 实体清单 實體清單 エンティティー エンティティ sanction* sanktion* sancion* sanções sancoes
    制裁 "diffusion rule" "ai diffusion" "diffusion framework" smuggl* schmuggel* contreband*
    contrabando* 走私 密輸 blacklist* "liste noire" "lista negra" "schwarze liste" 黑名单
    "lista de entidades" "liste des entités" entity-liste "entity liste"`),
);
const entityList = anyOf(
  oneOf(`"entity list" entity-list* 实体清单 實體清單 エンティティー エンティティ "lista de entidades" "liste des entités"
    entity-liste`),
);
const smuggling = anyOf("smuggl*", "schmuggel*", "contreband*", "contrabando*", "走私", "密輸");
// These parts exist only because of US limits on what may be sold to China.
const chinaSkus = anyOf("h20", "h800", "a800", "h20s", "h20-chip*");
const exportWords = anyOf(
  oneOf(`export* exportaci* exportaç* exporta* ausfuhr* sales verkauf* ventas vendas ventes 出口 销售 輸出 販売
    对华 対中`),
);
const curb = anyOf(
  oneOf(`ban bans banned banning curb* restri* limit* block* tighten* crackdown licen* halt* cut lizenz*
    许可 許可 受限 ライセンス verbot* beschränk* verschärf* sperr* interdi* prohib* proib* veto* 禁止 限制 管制 禁令 规制
    規制 制限 封锁 禁运`),
);
const toolMakers = anyOf(
  oneOf(`asml "tokyo electron" lithograph* lithografie* litograf* euv duv "chipmaking tool*"
    "chipmaking equipment" "chip equipment" 光刻机 露光装置 chip-tool*`),
);
const rawMaterials = anyOf(
  oneOf(`gallium germanium graphite antimony "rare earth*" "seltene* erden" 稀土 镓 锗 ガリウム レアアース terres
    tierras galio germanio`),
);
const usGov = anyOf(
  oneOf(`washington biden trump commerce administration "white house" regierung gobierno governo
    gouvernement 美国 美國 米国 米政府 us-regierung usa eeuu eua us u.s ee.uu dutch netherlands niederland*
    pays-bas "países bajos" holanda 荷兰 オランダ japan* japon japao 日本`),
);

const exportQuery = allOf(
  anyOf(
    allOf(controlsCore, anyOf(chips, toolMakers, "nvidia", "ai"), china),
    allOf(near(8, anyOf(chips, toolMakers), curb), china, anyOf(usGov, exportWords)),
    allOf(near(3, chips, exportWords), usGov, china),
    allOf(entityList, china),
    // Lithography curbs and chip smuggling are China stories even when a headline leaves China out.
    allOf(anyOf(controlsCore, curb), toolMakers),
    allOf(smuggling, chips),
    near(8, chinaSkus, curb),
  ),
  not(allOf(rawMaterials, not(anyOf("nvidia", chinaSkus, entityList, toolMakers)))),
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
    query: exportQuery,
  },
];
