/**
 * The regions of the Global South by name, in the 16 supported languages: an adoption story may name the region
 * ("across Africa", "in Southeast Asia", "the Gulf", "Pacific island states", "the Third World") rather than a
 * country. The bundled concept `@south-regions`; `@global-south` holds the countries, capitals and demonyms.
 */
export const southRegions = [
  '"latin america*" latam latinoam* "america latina" "amerique latine" lateinamerika* "mỹ latinh" "amerika latin"',
  'caribbean karibik caraïbes caribe "southeast asia*" "south asia*" "asie du sud*" südostasien',
  '"sudeste asiático" "sudeste asiatico" "sud-est asiatico" "asia tenggara" "đông nam á"',
  '"kusini mashariki mwa asia" "kusini-mashariki mwa asia" "asia ya kusini-mashariki" "asia ya kusini mashariki"',
  '"güneydoğu asya" "юго-восточн* ази*" "جنوب شرق آسيا" "दक्षिण पूर्व एशिया" 동남아 東南アジア 东南亚 asean "global south"',
  '"sud global" "sur global" "sul global" "global* süden*" "selatan global" "kusini mwa dunia" "küresel güney"',
  '"глобальн* юг*" "الجنوب العالمي" "ग्लोबल साउथ" "वैश्विक दक्षिण" "글로벌 사우스" 글로벌사우스 全球南方 グローバルサウス',
  'entwicklungsländer* "developing countr*" "developing nations" "emerging market*" "pays en développement"',
  '"países en desarrollo" "países em desenvolvimento" "países emergentes" "paesi in via di sviluppo"',
  '"negara berkembang" "nước đang phát triển" "nchi zinazoendelea" "gelişmekte olan" "развивающ* стран*"',
  '"الدول النامية" "विकासशील देश*" 개발도상국 신흥국 发展中国家 發展中國家 新兴市场 途上国 新興国 "middle east" nahost moyen-orient',
  '"oriente medio" "oriente médio" "medio oriente" "timur tengah" "trung đông" "mashariki ya kati" "orta doğu"',
  '"ближн* восток*" "الشرق الأوسط" "मध्य पूर्व" 중동 中东 中東 gulf golfe golfo golfstaat* teluk "vùng vịnh" ghuba',
  'körfez الخليج खाड़ी 걸프 海湾 湾岸 "small island*" "island states" "pacific islands" 太平洋岛国 "pacific island*"',
  '"pacific nation*" pazifikstaat* pazifikinsel* "îles du pacifique" "états insulaires" "estados insulares"',
  '"islas del pacífico" "ilhas do pacífico" "stati insulari" "isole del pacifico" "negara kepulauan pasifik"',
  '"visiwa vya pasifiki" "pasifik ada*" "островн* государств*" "الدول الجزرية" "جزر المحيط الهادئ"',
  '"प्रशांत द्वीप*" "द्वीपीय देश*" "태평양 도서국" 도서국 太平洋島国 太平洋島嶼国 島しょ国 島嶼国 섬나라 太平洋島國 "pays du sud" "pays des suds"',
  '"países del sur" "países do sul" "paesi del sud" "länder des südens" "staaten des südens"',
  '"negara-negara selatan" "nchi za kusini" "güney ülkeleri" "страны юга" "стран юга" "دول الجنوب" "दक्षिणी देश*"',
  '"दक्षिण के देश*" 남반구 南方国家 南方國家 "third world" "tiers-monde" "tiers monde" "tercer mundo" "terceiro mundo"',
  '"terzo mondo" "dritte* welt" "dunia ketiga" "thế giới thứ ba" "dunia ya tatu" "üçüncü dünya" "третьего мира"',
  '"третий мир" "العالم الثالث" "तीसरी दुनिया" 제3세계 第三世界 "majority world" "emerging econom*"',
  '"économies émergentes" "pays émergents" "economías emergentes" "economias emergentes" "economie emergenti"',
  'schwellenländer* "ekonomi berkembang" "nền kinh tế mới nổi" "gelişen ekonomi*" "yükselen ekonomi*"',
  '"развивающ* экономик*" "الاقتصادات الناشئة" "उभरती अर्थव्यवस्था*" "신흥 경제*" 新兴经济体 新興經濟體 "low-income countr*"',
  '"pays à faible revenu" "poorer countries" "châu phi" африк* أفريقيا افريقيا إفريقيا अफ्रीका 아프리카 非洲 アフリカ عربي',
  'العربية "अरब देश*" "अरब जगत" 아랍 阿拉伯 アラブ арабск*',
].join(" ");
