import { describe, expect, it } from "vitest";
import { detectLanguage, languageFromHint } from "../../jobs/ingest/detect-language";

describe("languageFromHint", () => {
  it.each([
    ["en", "en"],
    ["en-US", "en"],
    ["EN-gb", "en"],
    ["de_DE", "de"],
    [" fr-fr ", "fr"],
    ["zh-CN", "zh"],
    ["zh-Hans", "zh"],
    ["zh-TW", "zh"],
    ["zh-Hant-HK", "zh"],
    ["pt-BR", "pt"],
    ["eng", "en"],
    ["deu", "de"],
    ["ger", "de"],
    ["iw", "he"],
    ["in", "id"],
    ["ja-JP", "ja"],
    ["en_US.UTF-8", "en"],
  ])("reads %j as %j", (hint, expected) => {
    expect(languageFromHint(hint)).toBe(expected);
  });

  it.each(["", "  ", "xx", "und", "mul", "zxx", "x-default", "english", "1234", "e"])(
    "rejects %j",
    (hint) => {
      expect(languageFromHint(hint)).toBeNull();
    },
  );
});

describe("detectLanguage", () => {
  it("prefers a valid declared language over the text", () => {
    expect(detectLanguage("Die Aktie von Nvidia fiel am Montag um 17 Prozent.", "en-US")).toBe("en");
  });

  it("detects from the text when the declared language is invalid", () => {
    expect(
      detectLanguage(
        "Die Aktie von Nvidia fiel am Montag um 17 Prozent, nachdem DeepSeek ein neues Modell vorgestellt hatte.",
        "und",
      ),
    ).toBe("de");
  });

  it.each([
    [
      "en",
      "DeepSeek shakes Silicon Valley as Nvidia loses $600 billion in market value. The Chinese startup's R1 model matched OpenAI's o1 at a fraction of the cost.",
    ],
    [
      "en",
      "US tightens export controls on AI chips. The Commerce Department said the rules will cover advanced accelerators sold to China and its partners.",
    ],
    [
      "en",
      "Global South governments weigh cheap open models. Officials in Kenya and Indonesia say they are testing DeepSeek for public services.",
    ],
    [
      "de",
      "Chinesisches KI-Start-up DeepSeek schickt Nvidia-Aktie auf Talfahrt. Die Aktie fiel am Montag um 17 Prozent, nachdem das Unternehmen ein neues Modell vorgestellt hatte.",
    ],
    [
      "de",
      "Huawei will mit eigenen Ascend-Chips die Abhängigkeit von Nvidia verringern, berichtet die Nachrichtenagentur.",
    ],
    [
      "fr",
      "L'IA chinoise DeepSeek fait trembler la Silicon Valley. La start-up a dévoilé un modèle qui rivalise avec ceux d'OpenAI pour une fraction du coût.",
    ],
    [
      "fr",
      "Les valeurs technologiques chutent à Wall Street après l'annonce de DeepSeek, selon les analystes.",
    ],
    [
      "es",
      "La inteligencia artificial china DeepSeek desploma las acciones de Nvidia. El modelo R1 provocó una caída histórica en Wall Street.",
    ],
    [
      "es",
      "Los fabricantes de chips pierden más de 1 billón de dólares tras el lanzamiento del modelo chino.",
    ],
    [
      "pt",
      "A startup chinesa DeepSeek derruba ações da Nvidia em Wall Street. O modelo R1 foi treinado com uma fração do custo dos concorrentes americanos.",
    ],
    ["pt", "Governo brasileiro estuda uso de modelos abertos chineses após queda das ações de tecnologia."],
    [
      "it",
      "Le azioni di Nvidia crollano dopo il lancio di DeepSeek. Il modello cinese è stato addestrato con una frazione dei costi, secondo gli analisti.",
    ],
    [
      "nl",
      "Aandeel Nvidia keldert door Chinese AI-start-up DeepSeek. Het bedrijf heeft een model gepresenteerd dat veel goedkoper is.",
    ],
    [
      "pl",
      "Akcje Nvidii spadają po premierze chińskiego modelu DeepSeek. Inwestorzy obawiają się, że popyt na chipy będzie mniejszy.",
    ],
    [
      "id",
      "Saham Nvidia anjlok setelah peluncuran DeepSeek. Investor khawatir permintaan chip akan turun karena model ini lebih murah.",
    ],
    ["vi", "Cổ phiếu Nvidia lao dốc sau khi DeepSeek ra mắt mô hình mới"],
    ["zh", "英伟达股价暴跌17%，DeepSeek引发市场恐慌。这家中国初创公司以极低成本训练出与OpenAI相当的模型。"],
    ["zh", "DeepSeek发布R1模型"],
    ["zh", "華為昇騰晶片助力DeepSeek推理，美國出口管制再收緊"],
    ["ja", "中国のDeepSeek、米エヌビディア株が急落。低コストの生成AIモデルが市場に衝撃を与えた。"],
    ["ja", "日本銀行、政策金利を据え置き"],
    ["ko", "딥시크 충격에 엔비디아 주가 17% 폭락"],
    ["ru", "Акции Nvidia обвалились после выхода китайской модели DeepSeek"],
    ["uk", "Акції Nvidia впали після виходу китайської моделі DeepSeek"],
    ["ar", "أسهم إنفيديا تهوي بعد إطلاق نموذج ديب سيك الصيني"],
    ["fa", "سهام انویدیا پس از عرضه مدل چینی دیپ‌سیک سقوط کرد"],
    ["ur", "ڈیپ سیک کے بعد این ویڈیا کے حصص میں بڑی کمی"],
    ["hi", "डीपसीक के कारण एनवीडिया के शेयरों में भारी गिरावट"],
    ["el", "Κατρακυλούν οι μετοχές της Nvidia μετά το DeepSeek"],
    ["he", "מניית אנבידיה צנחה בעקבות DeepSeek"],
    ["th", "หุ้น Nvidia ร่วงหนักหลัง DeepSeek เปิดตัว"],
    ["sw", "Serikali ya Kenya yazindua mpango wa akili bandia kwa huduma za afya"],
    ["sw", "Wanafunzi wa Dar es Salaam watumia DeepSeek katika masomo yao"],
    ["tr", "Çinli yapay zekâ girişimi DeepSeek, Nvidia hisselerini düşürdü"],
    ["pt", "Holanda amplia restrições à ASML para a China"],
    ["es", "Washington endurece las restricciones a la exportación de chips"],
  ])("detects %s in a realistic headline", (expected, text) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it.each([
    ["an empty text", ""],
    ["digits and punctuation", "2025 — 17% / $600bn"],
    ["a lone brand name", "Apple"],
    ["a headline made of names", "OpenAI o3-mini vs DeepSeek R1: benchmarks"],
    ["a single Chinese character", "新"],
  ])("returns null rather than guess on %s", (_name, text) => {
    expect(detectLanguage(text)).toBeNull();
  });
});
