import type { FragmentSet } from "../fragment-format";

/** French: the story and its look-alikes, from Paris and from Casablanca. */
export const fr: FragmentSet = {
  lang: "fr",
  pools: {
    moto: ["la KTM 1290 Super Adventure", "la Ducati Multistrada V4", "la Honda Africa Twin"],
    bien: ["machines-outils", "produits chimiques", "pièces d'avion"],
    groupe: [
      "China Mobile",
      "Un constructeur automobile chinois",
      "Une banque d'Etat chinoise",
      "Une province chinoise",
    ],
    point: ["le logiciel", "le rendement", "la mémoire", "l'entraînement"],
    allie: ["les Pays-Bas", "le Japon", "la Corée du Sud"],
    epreuve: ["mathématiques", "programmation", "logique", "traduction"],
    rival: ["OpenAI", "Meta", "Google", "Mistral AI"],
    autorite: [
      "La CNIL",
      "La Garante italienne",
      "La commission irlandaise de protection des données",
      "L'autorité néerlandaise de protection des données",
      "Le régulateur belge",
    ],
    interdit: [
      "La marine américaine",
      "La Nasa",
      "Le Pentagone",
      "Le gouvernement australien",
      "Taïwan",
      "Les ministères sud-coréens",
    ],
    baisse: ["3,2 %", "4,1 %", "5,4 %", "3,6 %"],
    hausse: ["2,8 %", "3,3 %", "4,2 %"],
    pays: [
      "le Maroc",
      "le Sénégal",
      "la Côte d'Ivoire",
      "le Kenya",
      "le Nigeria",
      "l'Indonésie",
      "le Vietnam",
      "le Brésil",
      "la Tunisie",
    ],
    ville: ["Casablanca", "Dakar", "Abidjan", "Rabat", "Tunis", "Kigali", "Lagos"],
    usage: ["le conseil agricole", "la santé", "le service client", "l'éducation", "l'administration"],
    plaque: ["Singapour", "la Malaisie", "la Thaïlande"],
    minerai: ["le gallium", "le germanium", "l'antimoine", "le tungstène"],
  },
  context: `
    01-01 r1 DeepSeek est financée par le fonds spéculatif High-Flyer, basé à Hangzhou.
    01-20 r1 R1 est publié sous licence MIT, poids compris, avec six modèles distillés plus petits.
    01-27 nv Nvidia a perdu environ 589 milliards de dollars de capitalisation le 27 janvier, un record pour une entreprise américaine.
    02-01 asc Huawei Cloud et la start-up SiliconFlow proposent les modèles de DeepSeek sur des puces Ascend.
    01-13 ec La nouvelle règle américaine répartit les pays en trois catégories selon leur accès aux puces d'IA.
  `,
  templates: `
    01-02..01-17 r1
    DeepSeek-V3, le modèle chinois qui rivalise avec GPT-4o pour une fraction du prix
    La start-up de Hangzhou affirme avoir entraîné son modèle pour 5,6 millions de dollars de calcul.

    01-20..01-23 r1
    DeepSeek lance R1, un modèle de raisonnement qui égale o1 d'OpenAI
    Le laboratoire chinois publie les poids de son modèle en open source, sous licence MIT.

    01-21..01-26 r1
    Intelligence artificielle : la start-up chinoise qui bouscule la Silicon Valley
    Son modèle de raisonnement bon marché fait douter les géants américains de leurs milliards d'investissements.

    01-26..01-29 r1
    L'application DeepSeek détrône ChatGPT sur l'App Store
    L'assistant gratuit est devenu l'application la plus téléchargée aux Etats-Unis et en France.

    01-27..01-30 r1
    Victime de cyberattaques, DeepSeek limite les nouvelles inscriptions
    Les utilisateurs déjà inscrits peuvent continuer à se connecter, précise l'entreprise.

    01-27..02-05 r1
    Qui est Liang Wenfeng, le discret fondateur de DeepSeek ?
    Ce gestionnaire de fonds a bâti un laboratoire qui publie ses travaux et recrute de jeunes diplômés.

    01-28..02-12 r1
    {autorite} interroge DeepSeek sur le traitement des données personnelles
    Le régulateur veut savoir quelles données collecte le chatbot et si elles sont stockées en Chine.

    01-28..03-20 r1
    {interdit} interdit DeepSeek sur les appareils professionnels
    Les autorités invoquent des risques pour la sécurité et la confidentialité des données.

    01-30..02-07 r1
    L'Italie bloque l'assistant chinois DeepSeek
    La Garante a ordonné la suspension immédiate du traitement des données des utilisateurs italiens.

    02-05..03-31 r1
    Le coût d'entraînement de DeepSeek, un chiffre à prendre avec précaution
    Les six millions de dollars ne couvrent que la dernière phase d'entraînement du modèle de base V3.

    02-15..03-31 r1
    Mistral, DeepSeek et la bataille des modèles ouverts
    Le succès du laboratoire chinois relance le débat européen sur l'IA en open source.

    03-24..03-31 r1
    DeepSeek met à jour V3 et progresse en code et en mathématiques
    La nouvelle version reste sous licence MIT.

    01-27 nv
    Nvidia perd 17 % en une séance, près de 600 milliards de dollars partis en fumée
    Le géant des puces subit la plus lourde perte de capitalisation de l'histoire de Wall Street.

    01-27 nv
    Krach des valeurs technologiques : le Nasdaq chute de 3 %
    Nvidia, Broadcom et ASML reculent nettement après le succès du modèle chinois.

    01-27 nv
    Le fabricant de puces perd un sixième de sa valeur en une journée
    Les investisseurs doutent désormais que l'essor de l'IA exige autant de processeurs coûteux.

    01-27..01-28 nv
    A Paris, STMicroelectronics et Schneider Electric emportés par la tempête Nvidia
    Les valeurs européennes liées à l'IA et aux centres de données ont lourdement chuté.

    01-28 nv
    Nvidia rebondit de près de 9 % après sa chute historique
    Des investisseurs profitent de la baisse, mais le titre reste loin de son record.

    02-26..02-28 nv
    Nvidia : chiffre d'affaires en hausse de 78 %, mais le titre recule
    Les craintes sur les marges éclipsent un trimestre record.

    03-01..03-31 nv
    Nvidia recule de {baisse}, les droits de douane pèsent sur les semi-conducteurs
    L'action repasse sous son niveau d'avant le choc DeepSeek.

    02-03..03-31 nv
    Nvidia gagne {hausse}, rassuré par les investissements des géants du cloud
    Microsoft, Alphabet et Meta maintiennent des dépenses massives dans l'IA.

    01-06..01-19 asc
    Huawei accélère la production de sa puce d'IA Ascend 910C
    Le groupe chinois veut livrer des centaines de milliers d'accélérateurs malgré les sanctions.

    02-01..02-14 asc
    Les modèles de DeepSeek tournent désormais sur les puces Ascend de Huawei
    Huawei Cloud propose R1 sur ses propres accélérateurs, sans recourir à Nvidia.

    02-05..03-31 asc
    La Chine mise sur les puces de Huawei pour s'affranchir de Nvidia
    Entreprises publiques et opérateurs déploient DeepSeek sur des serveurs équipés de processeurs Ascend.

    02-15..03-31 asc
    Les accélérateurs du géant de Shenzhen atteignent 60 % des performances d'une H100
    Selon des chercheurs, la puce est adaptée à l'inférence mais reste en retrait pour l'entraînement.

    01-13..01-17 ec
    Washington limite l'exportation de puces d'IA vers la majeure partie du monde
    La nouvelle règle classe les pays en trois catégories et exclut la Chine.

    01-15..01-24 ec
    Les Pays-Bas durcissent les contrôles à l'exportation des machines d'ASML
    Les équipements de mesure et d'inspection nécessitent désormais une licence pour la Chine.

    01-29..02-14 ec
    Washington envisage de restreindre les ventes de la puce H20 de Nvidia en Chine
    Il s'agit de la puce la plus puissante que Nvidia peut encore vendre légalement aux entreprises chinoises.

    01-30..03-15 ec
    Puces Nvidia : les Etats-Unis enquêtent sur une filière passant par {plaque}
    Les autorités cherchent à savoir si des processeurs interdits ont atteint la Chine via des intermédiaires.

    01-27..02-20 ec
    Les sanctions américaines sur les puces ont-elles échoué ?
    Le succès de DeepSeek divise Washington entre partisans d'un durcissement et sceptiques.

    03-25..03-31 ec
    Les Etats-Unis ajoutent environ 80 entreprises à leur liste noire commerciale
    Plusieurs groupes chinois de l'IA et des semi-conducteurs sont visés.

    01-26..02-20 gs
    DeepSeek, une aubaine pour les start-up africaines
    A {ville}, des développeurs adoptent le modèle chinois gratuit pour réduire leurs coûts.

    02-01..03-31 gs
    L'IA à bas coût, une chance pour {pays} ?
    Les modèles ouverts permettent de créer des services pour {usage} sans payer des API américaines en dollars.

    02-05..03-31 gs
    Souveraineté numérique : les pays du Sud misent sur les modèles ouverts
    Des gouvernements veulent héberger eux-mêmes des modèles comme DeepSeek pour garder leurs données.

    02-15..03-31 gs
    Au Maroc, universités et start-up testent le modèle de raisonnement chinois
    Des chercheurs adaptent R1 à l'arabe dialectal et au français pour des usages locaux.

    01-01..03-31 trap life
    Essai BMW R 1300 GS : la reine des routes se réinvente
    Plus légère et plus puissante, la moto reste chère une fois les options ajoutées.

    01-01..03-31 trap life
    Yamaha YZF-R1 : la sportive adopte des ailerons
    La nouvelle version reprend des appendices aérodynamiques issus de la compétition.

    01-22..02-10 trap tech
    Test de la GeForce RTX 5090 : la carte graphique la plus puissante du moment
    Les performances progressent grâce au DLSS 4, mais le prix grimpe aussi.

    01-01..03-31 trap world
    Pékin restreint les exportations de {minerai}
    Les industriels européens craignent des pénuries de ce métal stratégique.

    01-01..03-31 trap world
    Le Sénégal lance un grand plan pour ses infrastructures portuaires
    Le gouvernement veut faire de Dakar un centre logistique régional.

    01-01..03-31 trap world
    Afrique du Sud : le G20 sous présidence africaine veut alléger la dette des pays pauvres
    Pretoria veut mettre la finance climatique au centre des discussions.

    01-01..03-31 trap tech
    Huawei Ascend : retour sur les premiers smartphones haut de gamme de la marque
    Il y a dix ans, la gamme Ascend ouvrait la voie au succès des Mate et des P.

    01-01..03-31 trap life
    Au Maroc, le rallye des motos anciennes attire les passionnés
    Les pilotes ont traversé l'Atlas au guidon de machines des années 1970.

    01-02..01-17 gs
    A {ville}, les développeurs se tournent vers les modèles d'IA ouverts
    Llama, Qwen et DeepSeek-V3 permettent de créer des services sans payer d'API en dollars.

    01-02..01-17 nv
    Nvidia gagne {hausse} et signe un record avant le CES
    Les investisseurs parient sur la montée en puissance des puces Blackwell.

    01-21..01-26 r1
    Nous avons testé DeepSeek-R1 en {epreuve} : le modèle chinois tient la comparaison
    Face à o1 d'OpenAI, le modèle ouvert obtient des résultats proches pour un coût bien moindre.

    01-22..01-26 r1
    R1, le modèle qui inquiète {rival}
    La diffusion gratuite des poids permet à tous de reprendre les méthodes du laboratoire chinois.

    02-10..03-31 asc
    {groupe} déploie DeepSeek sur des puces Huawei
    Le déploiement s'appuie sur des serveurs à processeurs Ascend plutôt que sur du matériel Nvidia.

    02-15..03-31 asc
    Puces Ascend : {point}, le talon d'Achille de Huawei
    Les progrès sont réels, mais l'écart avec Nvidia reste important selon les spécialistes.

    02-10..03-31 ec
    Washington presse {allie} de cesser la maintenance des machines à puces en Chine
    Les Etats-Unis veulent que leurs alliés coupent le service des équipements installés dans les usines chinoises.

    02-15..03-31 ec
    Contrebande de puces : comment des GPU Nvidia interdits transitent par {plaque}
    Des intermédiaires réétiquettent des serveurs et passent par des sociétés écrans.

    02-10..03-31 r1
    DeepSeek en entreprise : {rival} contraint de baisser ses prix
    La concurrence du modèle chinois bon marché bouscule les tarifs des grands laboratoires.

    01-01..03-31 trap life
    Comparatif : BMW R 1300 GS contre {moto}
    Deux grands trails face à face sur une longue boucle de routes et de pistes.

    01-01..03-31 trap world
    L'UE durcit les contrôles à l'exportation de {bien} vers la Russie
    Bruxelles veut empêcher le contournement des sanctions par des pays tiers.

    01-01..03-31 trap world
    Côte d'Ivoire : la croissance reste solide selon le FMI
    Le pays profite des investissements dans les infrastructures et l'énergie.
  `,
};
