import { describe, it } from "vitest";
import { tagged, untagged } from "../../helpers/topic-expectations";

/**
 * The classes of miss fixed in the default topics' sixth recall round (issue 9), each with invented headlines in
 * several languages and the confusable ones that must stay out. None is copied from a labeled set.
 */
describe("export-controls, sixth round", () => {
  const yes = tagged("export-controls");
  const no = untagged("export-controls");

  it("reads firms put on a blacklist or an export restriction list by Washington or an ally, chips unnamed", () => {
    yes("fr", "Washington ajoute trois fabricants chinois de serveurs à sa liste noire");
    yes("it", "Gli Stati Uniti iscrivono due gruppi cinesi nella lista nera del Commercio");
    yes("pt", "Taiwan inclui dois grupos chineses em sua lista de restrição de exportações");
    yes("zh", "台湾将两家中国企业列入出口管制实体名单");
    yes("hi", "ताइवान ने दो चीनी कंपनियों को निर्यात प्रतिबंध सूची में डाला");
    yes("sw", "Taiwan yaongeza kampuni mbili za China kwenye orodha ya kampuni zilizozuiwa");
    yes("en", "Commerce adds a dozen supercomputer firms to the Entity List");
    yes("ru", "Минторг США внёс в «чёрный список» ещё двенадцать китайских компаний");
    // Oil, tankers and shipping lines are the goods the reading leaves out, whoever is named.
    no("es", "EE. UU. incluye en su lista negra a navieras chinas que transportan crudo iraní");
    no("en", "US blacklists Chinese refiners that bought Iranian oil");
  });

  it("reads a transit state's permits for chips leaving it, in each language's words for permits and exports", () => {
    yes("fr", "Kuala Lumpur exige un permis pour l'exportation des puces américaines");
    yes("tr", "Malezya, ABD çiplerinin ihracatını izne bağladı");
    yes("sw", "Malaysia yataka vibali kwa usafirishaji wa chipu za Marekani");
    yes("ru", "Малайзия ввела разрешения на вывоз американских ИИ-чипов");
    yes("ar", "ماليزيا تفرض تصاريح على شحن رقائق الذكاء الاصطناعي الأمريكية");
  });

  it("reads China's measure given as an answer to chip sanctions or to a new US rule on chips", () => {
    yes(
      "de",
      "Peking stoppt Gallium-Lieferungen in die USA",
      "Die Regierung nennt den Schritt eine Antwort auf die jüngsten Halbleiter-Sanktionen.",
    );
    yes("es", "China restringe el grafito en respuesta a la nueva norma de Washington sobre chips");
  });

  it("reads a breach of the export rules or curbs over chips", () => {
    yes("hi", "अमेरिका: हुआवेई चिप का इस्तेमाल निर्यात नियमों का उल्लंघन");
    yes("sw", "Marekani: kutumia chipu za Huawei kunakiuka sheria za mauzo ya nje");
    yes(
      "it",
      "Gruppo americano multato: software per chip venduto a un ateneo cinese violando le restrizioni",
    );
    no("en", "Regulator says chipmaker violated competition rules in Europe");
  });

  it("reads chips shipped without a licence and checks on where chips end up", () => {
    yes("de", "Zwei Männer sollen Grafikchips ohne Genehmigung verschifft haben");
    yes("en", "Two men accused of shipping AI chips without a licence");
    yes("es", "Proponen verificar la ubicación de los chips de IA vendidos al exterior");
    yes("en", "Bill would require location verification for exported AI chips");
  });
});

describe("export-controls, sixth round, from sets written with the emphasis on it", () => {
  const yes = tagged("export-controls");
  const no = untagged("export-controls");

  it("reads Washington's warning that using Huawei's Ascend chips anywhere breaks its rules", () => {
    yes("es", "Washington advierte que usar chips Ascend de Huawei puede violar sus normas");
    yes("ru", "Бюро промышленности и безопасности предупредило о рисках чипов Ascend");
    yes("en", "Firms that deploy Huawei's Ascend chips risk breaching US rules");
  });

  it("reads a foundry's duty to check who orders its chips", () => {
    yes("fr", "Le département du Commerce oblige les fondeurs à vérifier leurs clients de puces");
    yes("zh", "美商务部要求芯片代工厂核查客户");
    yes("ko", "미국 산업안보국, 파운드리에 칩 고객 실사 의무화");
  });

  it("reads a US bill that would have chipmakers serve home buyers before selling abroad", () => {
    yes("de", "Gesetzentwurf: Chiphersteller sollen US-Kunden bedienen, bevor sie ins Ausland verkaufen");
    yes("tr", "ABD'de tasarı: çip üreticileri yurt dışına satıştan önce Amerikan talebini karşılamalı");
    no("en", "Senate bill would fund new chip plants and boost US sales of cars");
  });

  it("reads the China-only parts beside a licence or a curb, and export licences in each language", () => {
    yes("fr", "Pékin demande aux groupes chinois de cesser d'acheter la RTX Pro 6000D");
    yes("hi", "चीन के लिए बने B30A चिप पर वॉशिंगटन में बहस");
    yes("ar", "إنفيديا تحصل على تراخيص التصدير لرقائق جديدة");
  });

  it("reads Singapore in French and Portuguese, Italian charges, permits in Hindi and shipments in German", () => {
    yes("fr", "Singapour inculpe deux hommes pour fraude sur des serveurs à puces Nvidia");
    yes("pt", "Cingapura acusa dois homens de fraude com servidores de chips");
    yes("it", "Singapore, due uomini incriminati per frode su server con chip");
    yes("hi", "मलेशिया ने अमेरिकी चिप्स के निर्यात के लिए परमिट अनिवार्य किया");
    yes("de", "Malaysia führt Genehmigungspflicht für Lieferungen von US-Chips ein");
  });

  it("reads a country placed in Washington's tier with its chip cap, in any field, and shipping chips abroad", () => {
    yes("pt", "Brasil fica na segunda categoria de Washington, com cotas para importar GPUs");
    yes(
      "de",
      "Indonesien steht in Washingtons mittlerer Länderkategorie",
      "Die Obergrenzen bremsen den Nachschub an KI-Chips.",
    );
    yes(
      "en",
      "Senators push a bill to serve US buyers first before shipping AI chips to countries of concern",
    );
  });

  it("reads Korean regulation scrapped and ASML in Arabic script", () => {
    yes("ko", "미 정부, 바이든 AI 칩 규제 폐기");
    yes("ar", "هولندا توسع القيود على آلات إيه إس إم إل المتجهة إلى الصين");
  });
});

describe("global-south-adoption, sixth round", () => {
  const yes = tagged("global-south-adoption");
  const no = untagged("global-south-adoption");

  it("reads a language model named in each language's words as AI", () => {
    yes("ja", "ベトナムの企業連合、大規模言語モデルを公開 政府機関で活用へ");
    yes("es", "Perú entrena un modelo de lenguaje propio para el quechua");
    yes("pt", "Universidades do Quênia testam um modelo de linguagem");
  });

  it("reads installing a model, putting it into service, turning to it and its users' growth as uptake", () => {
    yes("ko", "인도네시아 콜센터 업계, 오픈소스 AI 모델 설치");
    yes("ko", "사우디 아람코, 사내 데이터센터에서 딥시크 모델 가동");
    yes("tr", "Ürdün, açık kaynaklı yapay zeka asistanını devreye aldı");
    yes("fr", "Le Sénégal se tourne vers les modèles d'IA ouverts");
    yes("ru", "В Кении вдвое выросло число пользователей ИИ-ассистентов");
    no("pt", "ANPD pergunta à DeepSeek onde ficam os dados dos usuários brasileiros");
  });

  it("reads a state or province of a populous country as its place, in the Latin-script languages", () => {
    yes("pt", "Secretaria de Saúde de Minas Gerais testa modelo aberto de IA na triagem");
    yes("en", "Maharashtra's health department pilots an open AI model for triage");
    yes("vi", "Lập trình viên Đà Nẵng xây trợ lý pháp lý bằng mô hình mở miễn phí");
    yes(
      "id",
      "Pemprov Jawa Timur uji model AI terbuka",
      "Dinas di East Java menjalankannya di server sendiri.",
    );
    yes("es", "Jalisco adopta un modelo de IA de código abierto para trámites");
    // Subdivisions named as words, people or other places are left out.
    no("en", "Delta adopts an open AI model for its customer chats");
    no("en", "Java developers switch to open AI models");
  });

  it("reads Washington's chip curbs told by what they do to a Global South country as its access gap", () => {
    yes("en", "Washington's curbs on AI chips threaten Indonesia's data-centre plans");
    yes("ar", "قيود أمريكية على الرقائق تهدد خطط مصر في الذكاء الاصطناعي");
    yes("sw", "Vikomo vya Marekani kwa chipu za AI vyatishia mipango ya Kenya");
    // Curbs aimed at China that hurt a third country's factories are China's story.
    no("en", "US curbs on chips for China threaten Vietnam's assembly plants");
  });

  it("does not read French open source as OpenAI, which French stemming cut to 'open'", () => {
    no("fr", "Le Kenya adopte des logiciels open source pour l'état civil");
    yes("fr", "Le Kenya adopte des outils d'OpenAI pour l'état civil");
  });

  it("reads the Hangzhou lab's app topping a Global South country's downloads, not any Chinese firm", () => {
    yes("fr", "L'application du laboratoire de Hangzhou en tête des téléchargements au Sénégal");
    yes("es", "La app de la startup de Hangzhou encabeza las descargas en Perú");
    no(
      "de",
      "Chinesische Firmen beziehen Nvidia-Chips über Malaysia",
      "Die US-Regierung prüft die Lieferungen.",
    );
  });

  it("reads the open models the South builds on by name, and virtual assistants, as AI", () => {
    yes("en", "Lagos state rolls out a tax assistant built on Meta's Llama");
    yes("it", "Il ministero della Salute del Ghana sperimenta un assistente basato su Mistral");
    yes("zh", "巴西政府推出以通义千问为底座的公共服务助手");
    yes("es", "Bancos peruanos lanzan asistentes virtuales en quechua");
    yes("ar", "مصارف قطرية تطلق مساعدين رقميين بالعربية");
    // Spanish "llama" (calls, flame) is no model.
    no("es", "En Lima, la cooperativa se llama Andina y usa un sistema de riego nuevo");
  });

  it("reads building on an open model, the Italian South and German spread, and the diffusion rule's band", () => {
    yes("es", "Chile lidera un modelo de lenguaje construido sobre código abierto");
    yes("it", "Sud globale: aziende e governi preferiscono modelli di IA a basso costo");
    yes("de", "Globaler Süden: Günstige Open-Source-Modelle treiben die KI-Verbreitung");
    yes("es", "Colombia y Chile, en la franja intermedia de Washington para los procesadores de IA");
    yes("it", "Samoa e Tonga testano un modello libero nelle scuole");
    yes("fr", "Dakar : le ministère s'appuie sur un modèle ouvert pour ses démarches en ligne");
    // "Transition" is no transit.
    yes("fr", "Le ministère ivoirien de la Transition numérique teste un modèle ouvert à Abidjan");
  });

  it("leaves a transit state's permits for chip exports to export-controls", () => {
    no(
      "vi",
      "Malaysia yêu cầu giấy phép khi xuất khẩu chip AI của Mỹ",
      "Mục tiêu là ngăn chip bị chuyển hướng sang nước thứ ba.",
    );
    no(
      "ru",
      "Малайзия ввела разрешения на вывоз американских ИИ-чипов",
      "Власти хотят пресечь перенаправление чипов в третьи страны.",
    );
  });
});
