/**
 * The vocabulary of chip export controls that export-controls and global-south-adoption read, kept as the
 * bundled concepts `@tiers`, `@caps`, `@chipmaking-tools`, `@smuggling`, `@rescinded`, `@access-gap`, `@exports` and
 * `@retaliation` so that
 * neither query spends its term and wildcard budget on it. Each is query text in the 16 supported languages.
 */

/** The AI diffusion rule's country tiers, levels and categories, and a country's placement in them. */
export const tiers = [
  'tier* stufe* einstufung* "second-tier" "primer nivel" "segundo nivel" "primeiro nível" "segundo nível"',
  '"premier niveau" "deuxième niveau" nivel* niveau* nível níveis categor* *kategorie* fascia fasce franja* escalón* tingkat',
  "kategori kademe* уровн* *уровнев* فئات الفئة فئة श्रेणी श्रेणियों *स्तरीय 등급 단계 티어 階層 层级 層級 等级 等級",
  // Japanese writes a tier as 層 after its number or rank (3層, 中間層), Vietnamese as cấp after its number.
  '三級 分级 分級 ティア 層 makundi daraja madaraja "nhóm hai" "ba nhóm" "ba cấp" "hai cấp" "cấp hai"',
].join(" ");

/** Caps, ceilings and quotas on how many chips a country may buy. */
export const caps = [
  // "Cap" goes as its phrases: alone it is Vietnamese cấp (grant, level: "cấp phép", licensed) once accents fold.
  '"cap on" "cap of" "cap for" "a cap" "the cap" "chip cap" "chip-cap*" caps capped ceiling* quota* limit*',
  "*obergrenze* kontingent* plafond* plafonn* tope topes cupo cupos cota cotas",
  'limite* tetto tetti teto tetos deckel* batas kuota "giới hạn" "hạn mức" trần kikomo vikomo "kiwango cha juu"',
  // Arabic "limits" as a verb (يحد من, تحد من).
  "يحد تحد",
  "sınır* kota* лимит* потолок квот* ограничени* سقف سقوف حصص सीमा सीमाओं सीमित 상한 한도 上限 限额 配额 枠",
].join(" ");

/**
 * The makers of chipmaking tools and the tools by name (lithography, EUV); a phrase's last word takes its
 * inflections where the language inflects it (चिप निर्माण उपकरणों).
 */
export const chipmakingTools = [
  'asml "tokyo electron" 東京エレクトロン 东京电子 東京威力科創 도쿄일렉트론 lithograph* lithografie* litograf* euv duv',
  '"chipmaking tool*" "chipmaking equipment" "chipmaking machine*" "chip equipment" 光刻机 露光装置 chip-tool* 曝光機',
  '光刻機 노광장비 노광 "máy quang khắc" litografi litografik литограф* "طباعة حجرية" "الطباعة الحجرية"',
  '"चिप निर्माण उपकरण*" "peralatan pembuat chip" "thiết bị sản xuất chip" "vifaa vya kutengeneza chipu"',
  '"çip üretim ekipman*" "반도체 장비" "晶片製造設備" 芯片制造设备 半導体製造装置 एएसएमएल 에이에스엠엘 "阿斯麦" "艾司摩爾" асмл',
  '"إيه إس إم إل" "أيه إس إم إل"',
].join(" ");

/**
 * Equipment, machines or tools beside a chip word, in each language's word order ("equipo para fabricar chips",
 * "оборудование для производства чипов", "चिप निर्माण उपकरणों"): an allied rule's tool list names no maker.
 * Query text of its own, since a list of terms cannot say NEAR.
 */
export const chipEquipment = `(equipment OR machines OR tools OR équipement* OR outils OR equipo* OR máquinas OR
  herramientas OR equipamento* OR ferramentas OR *anlagen OR maschinen OR ausrüstung OR apparecchiatur* OR
  macchinari OR strumenti OR peralatan OR mesin OR "thiết bị" OR "máy móc" OR vifaa OR mashine OR ekipman* OR
  makinel* OR оборудовани* OR станк* OR معدات OR آلات OR उपकरण* OR मशीनों OR मशीनें OR 장비 OR 设备 OR 設備 OR 装置) NEAR/3 (chipmaking OR
  *chip* OR semicondu* OR semi-condu* OR halbleiter* OR puce* OR cip OR chipu OR semikonda* OR çip* OR чип* OR полупроводник* OR
  رقائق OR شرائح OR चिप OR 칩 OR 반도체 OR 芯片 OR 晶片 OR 半導体 OR "bán dẫn" OR semikonduktor)`;

/** Smuggling, diversion and illegal re-exports. */
export const smuggling = [
  "smuggl* schmuggel* contreband* contrabando* trafic* 走私 密輸 contrabbando penyelundupan menyelundupkan",
  '"buôn lậu" magendo kaçakçılı* контрабанд* تهريب तस्करी 밀반출 밀수 diversion umgeleitet divert* umleit*',
  // Not desv*: Portuguese desvantagem (disadvantage) is no diversion.
  'détourn* desvi* dirott* =pengalihan =dialihkan "chuyển lậu" переправ* "в обход" 迂回 转运 轉運 우회 "re-export*"',
  'transship* "yasa dışı" yasadışı 不正輸出 非法出口 "불법 수출" "illegal* export*" kaçak* kinyemela "xuất lậu" "trái phép"',
  // Re-exports and detours: a transit country's own rule against them is the controls' story, not its uptake.
  'umgehung* reexport* réexport* riesport* wiederausfuhr* "ekspor ulang" "jalur memutar" "tái xuất" реэкспорт*',
  '"إعادة تصدير" पुनर्निर्यात 재수출 再出口 再輸出 "yeniden ihracat"',
  // Shipped without the licence the rules require ("illegal ausgeführt", "ohne Genehmigung verschifft").
  '"illegal* ausgef*" "ohne genehmigung*" "ohne lizenz" "without a licen*" "without licen*" "without export licen*"',
  '"sans licence" "sans autorisation" "sin licencia" "sin autorización" "sem licença" "sem autorização"',
  '"senza licenza" "senza autorizzazione" "tanpa izin" "tanpa lisensi" "không có giấy phép" "bila kibali"',
  'izinsiz lisanssız "без лицензии" "без разрешения" "بدون ترخيص" "دون ترخيص" "बिना लाइसेंस" "बिना अनुमति" 무허가',
  '"허가 없이" 未经许可 未經許可 無許可',
  // Diversion told as sending the chips on: to third countries, redirected, shifted, in transit (as written:
  // French stemming makes "transiter" "transit", which "transition" shares).
  '"third countr*" "pays tiers" "terceros países" "países terceiros" "paesi terzi" drittländer drittstaat*',
  '"negara ketiga" "nước thứ ba" "nchi ya tatu" "üçüncü ülke*" "третьи* стран*" "третьих стран*"',
  '"دول ثالثة" "तीसरे देश*" 제3국 第三国 第三國 =transit =transitent =transiter =transitan =transitar =transitano',
  'перенаправ* "chuyển hướng" kuelekezwa',
  "kaydırıl* =تحويل",
].join(" ");

/** Rescinding, repealing, scrapping and replacing a rule. */
export const rescinded = [
  "rescind* revok* repeal* scrap* abroge* abrog* deroga* revoga* cancel* annul* aufheb* aufgehoben kippt cabut",
  'hủy "bãi bỏ" futa yafuta iptal kaldır* отмен* ألغ تلغي يلغي إلغاء रद्द 폐기 철회 撤销 撤銷 撤回 廃止 撤廃 取消',
  // Dropping a rule for another is rescinding it ("abandonne le cadre", "replaces it with bilateral deals").
  'abandon* replac* ersetz* remplac* reemplaz* substitu* sostitu* mengganti* menggantikan* "thay bằng"',
  '"thay thế" kuibadilisha itaubadilisha değiştir* замен* تستبدل ستستبدل استبدال बदल* जगह 대체 取代 替代 置き換え',
].join(" ");

/**
 * What chip caps do to a country that reads them as an access gap: a gap, a blow, falling behind, and the toll
 * told by what they do to its plans: its data centres, a threat or a worry, projects slowed, investors
 * deterred, an exemption sought.
 */
export const accessGap = [
  "gap access* zugang acceso acesso accès ambition* ambiz* ambici* महत्वाकांक्षा असर hurt* blow setback rückschlag",
  'revés golpe "coup dur" pukulan "đòn" pigo darbe удар ضربة झटका 타격 打击 打擊 打撃 "left out" fuera exclu*',
  'ausgeschlossen brecha fosso kesenjangan "khoảng cách" pengo uçurum разрыв فجوة الفجوة अंतर 격차 差距 格差',
  'nachteil* mission* "fall* behind" "left behind" behind rückstand retard* rezag* atras* tertinggal "tụt hậu"',
  "geride отстава* تخلف पिछड़ 뒤처 落后 遅れ",
  '"data cent*" "data-cent*" datacent* rechenzentr* "centres de données" "centre de données" "centros de datos"',
  '"centro de datos" "centros de dados" "pusat data" "trung tâm dữ liệu" "vituo vya data" "kituo cha data"',
  '"veri merkez*" "центр* обработки данных" цод* "مراكز البيانات" "مركز البيانات" "डेटा सेंटर*" 데이터센터',
  '"데이터 센터" 数据中心 數據中心 データセンター threat* menac* amenaz* ameaç* bedroh* minacc* ancam* "đe dọa"',
  "tishio *tishia* tehdit* угроз* تهدد تهديد खतर* 위협 威胁 脅か fear* worr* craint* inquiet* preocup* preoccup* besorg*",
  'sorge* khawatir waswas "lo ngại" wasiwasi *hofia* endişe* опаса* беспоко* قلق مخاوف चिंता 우려 担忧 擔憂 懸念',
  "hinder* slow* delay* frein* ralent* frena* retras* trava* bremst* verzöger* rallent* ostacol* hambat*",
  '"cản trở" *chelewesha* yavaşlat* тормоз* замедл* задерж* تعرقل تبطئ تأخير देरी बाधा 지연 차질 阻碍 妨げ deter*',
  "abschreck* dissua* ahuyent* afugent* exemption* exempt* ausnahme* exención exenção esenzion* pengecualian",
  '"miễn trừ" msamaha muafiyet* освобожд* إعفاء छूट 면제 豁免 適用除外',
].join(" ");

/** Exports and sales, in the 16 supported languages. */
export const exportsAndSales = [
  '"kuuza nje" "mauzo ya nje" export* exporta* ausfuhr* sales verkauf* ventas vendas ventes 出口 销售 輸出 販売 对华 対中',
  'ekspor "xuất khẩu" vendita vendite penjualan menjual "doanh số" "bán chip" kuuza mauzo satış* продаж* مبيعات',
  "بيع बिक्री बेच* 판매 수출 экспорт* esport* ihracat* ihraç* ihrac* تصدير صادرات निर्यात 輸出",
  // Shipments, and selling as a verb.
  "shipment* shipping livraison* envío* envios remessa* spedizion* lieferung* pengiriman sevkiyat* поставк* खेप 선적 出货 出貨 出荷",
  "vender vendre vendere satmak",
  // Shipping out: Russian вывоз, Swahili usafirishaji, Arabic شحن and شحنات (shipments).
  "вывоз* *safirish* شحن شحنات",
].join(" ");

/** Retaliation, responses and counter-measures, in the 16 supported languages. */
export const retaliation = [
  "retalia* response respond* countermeasure* counter-measure* riposte* représaill* vergeltung* reaktion gegenma*",
  'konter* respuesta ritorsion* risposta rispost* balasan membalas "đáp trả" "trả đũa" "đối phó" kulipiza',
  "misilleme karşılık* ответ ответе ответом ответн* رد ردا انتقام انتقاما जवाब पलटवार 보복 대응 反制 报复 報復 回应 対抗措置 対抗",
  'ترد يرد "ردا على" reage* reagi* rispond* jibu kujibu yanıt* ответом 맞서 맞대응',
  // German answers and counters ("als Antwort auf", "im Gegenzug").
  "antwort* gegenzug gegenschlag",
].join(" ");

/**
 * Chips, semiconductors and GPUs, and Nvidia's parts by name, without the generic processors and accelerators of
 * `@chips`: the lesser branches of export-controls read these.
 */
export const semiconductors = [
  "*chip* semicondu* semi-condu* halbleiter* puce* gpu* nvidia h20 h100 h200 blackwell cip* chipu semikonda* yonga* чип*",
  'رقائق شرائح "أشباه الموصلات" चिप चिप्स सेमीकंडक्टर 芯片 晶片 칩 반도체 チップ 半導体 "bán dẫn" semikonduktor',
  'полупроводник* "yarı iletken*"',
].join(" ");

/**
 * Blacklists by name, and a list of whom exports are barred to ("lista de restrição de exportações", "निर्यात
 * प्रतिबंध सूची", "orodha ya kampuni zilizozuiwa"). Query text of its own, since a list of terms cannot say NEAR.
 */
export const blacklists = `(blacklist* OR "liste* noire*" OR "lista* negra*" OR "lista* nera" OR "liste nere" OR
  "schwarze* liste*" OR 黑名单 OR "orodha nyeusi" OR "daftar hitam" OR "danh sách đen" OR "kara liste*" OR
  "черн* список*" OR "черн* списк*" OR "القائمة السوداء" OR "قائمة سوداء" OR ブラックリスト OR "काली सूची" OR
  ब्लैकलिस्ट* OR 블랙리스트) OR ((list OR liste OR lista OR listen OR daftar OR "danh sách" OR orodha OR список* OR
  списк* OR قائمة OR सूची OR 명단 OR 목록 OR リスト OR 清单 OR 名单) NEAR/3 (export* OR exporta* OR ausfuhr* OR ekspor OR
  "xuất khẩu" OR esport* OR ihracat* OR экспорт* OR تصدير OR निर्यात OR 수출 OR 出口 OR 輸出 OR restri* OR *schränk* OR
  sınırl* OR kısıtl* OR ограничени* OR запрет* OR "hạn chế" OR cấm OR *zuia* OR *zuiw* OR *zuiliw* OR larangan OR pembatasan OR قيود OR حظر OR
  प्रतिबंध OR 제한 OR 규제 OR 限制 OR 管制 OR 制限 OR 規制 OR ban OR banned OR sanction* OR sanzion* OR sancion*))`;

/**
 * Checking who orders chips (a foundry's due diligence on its customers, know-your-customer rules) and where
 * exported chips end up (location verification, the Chip Security Act): the smuggling they are
 * meant to stop. Query text of its own, for its NEAR.
 */
export const locationChecks = `"chip security act" OR "location verification" OR "due diligence" OR
  "know your customer" OR "know-your-customer" OR kundenprüf* OR 顧客確認 OR ((verif* OR vérifi* OR überprüf* OR
  prüf* OR check* OR provera* OR проверя* OR проверк* OR "xác minh" OR "thẩm định" OR 核查 OR 核实 OR 确认 OR 확인 OR
  실사 OR accert* OR memverifikasi OR kuthibitisha OR doğrula* OR التحقق OR सत्यापन OR जांच) NEAR/5 (customer* OR
  client* OR kunde* OR besteller* OR cliente* OR заказчик* OR клиент* OR "khách hàng" OR 客户 OR 顧客 OR 고객 OR
  pelanggan OR mteja OR wateja OR müşteri* OR العملاء OR ग्राहक*)) OR ((track* OR verif* OR rastre* OR
  suivre OR überprüf* OR verfolg* OR tracci* OR lacak OR verifikasi OR "xác minh" OR "theo dõi" OR kufuatilia OR
  kuthibitisha OR takip* OR doğrula* OR отслеж* OR провер* OR تتبع OR التحقق OR ट्रैक OR सत्यापन OR 추적 OR 확인 OR
  追踪 OR 核实 OR 追跡 OR 確認) NEAR/3 (location* OR ubicaci* OR localisation* OR localização OR standort* OR posizion* OR
  lokasi OR "vị trí" OR mahali OR konum* OR местоположени* OR موقع OR स्थान OR 위치 OR 位置 OR 所在地))`;

/** Rules, regulations, frameworks and schemes, in the 16 supported languages. */
export const rules = [
  'rule* règle* regla* norma* regra* regol* regel* aturan kanuni sheria "quy tắc" "quy định" kural* правил* قاعدة',
  "القاعدة नियम 규칙 규정 규제 規則 ルール 规则 規定 新规 新規 framework cadre marco quadro rahmen kerangka рамк*",
  "scheme schema esquema sistem* système skema khung mfumo düzen* схем* نظام व्यवस्था 枠組み 체계 体系 制度",
].join(" ");

/**
 * Breaking a rule, in the 16 supported languages. Not a bare viol*: "violence" is no breach.
 */
export const violations = [
  "violat* viola* violé* violer viole* violó violan violar violou violaç* breach* verstoß* verstöß* verstoss*",
  'verletz* infring* enfrein* melanggar pelanggaran "vi phạm" *kiuka* *vunja* ihlal* нарушени* нарушил* наруша*',
  "انتهاك ينتهك تنتهك مخالفة يخالف تخالف उल्लंघन 위반 违反 違反 违规 違規 触れ",
].join(" ");
