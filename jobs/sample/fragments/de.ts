import type { FragmentSet } from "../fragment-format";

/**
 * German. Handelsblatt's feed is written in ISO-8859-1, so this text keeps to Latin-1: no typographic quotes,
 * dashes or euro sign (the generator refuses anything that does not fit).
 */
export const de: FragmentSet = {
  lang: "de",
  pools: {
    konzern: [
      "China Mobile",
      "Ein chinesischer Autobauer",
      "Eine Provinzregierung",
      "Eine staatliche Großbank",
    ],
    aspekt: ["Die Software", "Die Ausbeute", "Der Speicher", "Das Training"],
    verbuendeter: ["Niederlande", "Japan", "Südkorea", "Deutschland"],
    test: ["Mathe-Test", "Programmier-Test", "Logik-Test", "Übersetzungstest"],
    firma: ["OpenAI", "Meta", "Google", "Aleph Alpha", "Mistral"],
    behoerde: [
      "Italiens Datenschutzbehörde",
      "die irische Datenschutzkommission",
      "die Berliner Datenschutzbeauftragte",
      "Südkoreas Datenschutzkommission",
      "die niederländische Datenschutzbehörde",
    ],
    verbot: [
      "Die US-Marine",
      "Die Nasa",
      "Das Pentagon",
      "Taiwans Regierung",
      "Australiens Regierung",
      "Texas",
      "Südkoreas Ministerien",
    ],
    minus: ["3,1 Prozent", "4,2 Prozent", "5,3 Prozent", "3,8 Prozent", "6,1 Prozent"],
    plus: ["2,7 Prozent", "3,5 Prozent", "4,4 Prozent"],
    bank: ["Goldman Sachs", "die Deutsche Bank", "Morgan Stanley", "Bernstein", "die UBS"],
    land: [
      "Kenia",
      "Nigeria",
      "Indonesien",
      "Vietnam",
      "Brasilien",
      "Kolumbien",
      "Indien",
      "Ghana",
      "Ruanda",
    ],
    drehkreuz: ["Singapur", "Malaysia", "Thailand"],
    branche: ["Landwirtschaftsberatung", "Gesundheitsversorgung", "Kundenservice", "Nachhilfe"],
  },
  context: `
    01-01 r1 DeepSeek gehört zum Hedgefonds High-Flyer aus Hangzhou und veröffentlicht seine Modelle mit offenen Gewichten.
    01-20 r1 R1 steht unter MIT-Lizenz, dazu kommen sechs kleinere destillierte Modelle.
    01-27 nv Nvidia verlor am 27. Januar rund 589 Milliarden Dollar an Börsenwert, so viel wie kein US-Unternehmen zuvor an einem Tag.
    01-13 ec Die sogenannte AI Diffusion Rule teilt die Welt in drei Gruppen von Ländern mit unterschiedlichen Obergrenzen ein.
    02-01 asc Huawei Cloud bietet DeepSeek-Modelle gemeinsam mit dem Start-up SiliconFlow auf Ascend-Chips an.
  `,
  templates: `
    01-02..01-17 r1
    DeepSeek-V3: Chinesisches Sprachmodell fordert GPT-4o heraus
    Das Start-up aus Hangzhou will sein offenes Modell für nur 5,6 Millionen Dollar Rechenzeit trainiert haben.

    01-06..01-19 r1
    Wie ein Hedgefonds aus Hangzhou zum KI-Labor wurde
    DeepSeek arbeitet mit jungen Forschern und veröffentlicht seine Ergebnisse offen, was in China ungewöhnlich ist.

    01-20..01-23 r1
    DeepSeek veröffentlicht Reasoning-Modell R1 als Open Source
    Das KI-Modell soll bei Mathematik und Programmieren mit OpenAIs o1 mithalten, kostet aber nur einen Bruchteil.

    01-21..01-26 r1
    Günstiges KI-Modell aus China verblüfft das Silicon Valley
    Fachleute loben das Papier zu R1, das zeigt, wie reines Reinforcement Learning einem Modell das Schlussfolgern beibringt.

    01-22..01-27 r1
    Ausprobiert: So denkt DeepSeek-R1 laut nach
    Das Modell zeigt seine Gedankenkette ausführlich an, bevor es antwortet, und löst viele Rechenaufgaben korrekt.

    01-26..01-29 r1
    DeepSeek-App verdrängt ChatGPT von Platz eins im App Store
    Der kostenlose Assistent ist in den USA und in Deutschland derzeit die meistgeladene App.

    01-27..01-30 r1
    Cyberangriff: DeepSeek schränkt Neuanmeldungen ein
    Bestehende Nutzer können sich weiter einloggen, teilte das Unternehmen mit.

    01-28..02-10 r1
    {behoerde} prüft den Umgang von DeepSeek mit Nutzerdaten
    Die Behörde will wissen, welche Daten der Chatbot sammelt und ob sie auf Servern in China landen.

    01-30..02-07 r1
    Italien sperrt DeepSeek: Datenschützer stoppen den chinesischen Chatbot
    Die Garante ordnete an, die Verarbeitung von Daten italienischer Nutzer sofort einzustellen.

    01-28..03-20 r1
    {verbot} verbietet DeepSeek auf dienstlichen Geräten
    Begründet wird das Verbot mit Sicherheitsbedenken gegenüber der chinesischen KI-App.

    02-05..03-31 r1
    Was die Trainingskosten von DeepSeek wirklich aussagen
    Die viel zitierten sechs Millionen Dollar umfassen nur den letzten Trainingslauf des Basismodells V3.

    02-15..03-31 r1
    Warum deutsche Mittelständler mit dem chinesischen KI-Modell experimentieren
    Offene Gewichte erlauben den Betrieb auf eigenen Servern, doch Datenschützer mahnen zur Vorsicht.

    03-24..03-31 r1
    DeepSeek aktualisiert V3 und legt bei Code und Mathematik zu
    Die neue Version steht erneut unter MIT-Lizenz und führt mehrere Ranglisten offener Modelle an.

    01-06..01-17 nv
    Nvidia-Aktie: Rekordhoch zum Jahresstart, Anleger setzen auf Blackwell
    Analysten erwarten weiter stark steigende Umsätze im Rechenzentrumsgeschäft.

    01-27 nv
    Nvidia-Aktie bricht um 17 Prozent ein
    Der Chipkonzern verliert an einem Tag fast 600 Milliarden Dollar an Börsenwert, ein Rekord an der Wall Street.

    01-27 nv
    Schwarzer Montag für Chipaktien: Das chinesische KI-Modell schockt die Börse
    Neben Nvidia geben auch Broadcom, ASML und Siemens Energy deutlich nach.

    01-27 nv
    Der Chipkonzern verliert an einem Tag so viel wie nie ein Unternehmen zuvor
    Anleger zweifeln daran, dass der KI-Boom so viele teure Grafikprozessoren braucht wie gedacht.

    01-27..01-28 nv
    DAX-Konzerne mit KI-Fantasie unter Druck, Nvidia-Schock erreicht Europa
    Die Aktien von Siemens Energy und Infineon fallen, nachdem in New York die Chipwerte abgestürzt sind.

    01-28 nv
    Nvidia erholt sich um fast neun Prozent nach dem Rekordverlust
    Schnäppchenjäger greifen zu, doch die Aktie bleibt deutlich unter ihrem Höchststand.

    01-28..02-05 nv
    {bank}: Der Ausverkauf bei Nvidia ist übertrieben
    Günstigere KI-Modelle könnten die Nachfrage nach Rechenleistung sogar erhöhen, argumentieren die Analysten.

    02-03..02-25 nv
    Nvidia-Aktie steigt um {plus}, Anleger kehren zurück
    Hohe Investitionspläne der großen Cloudanbieter beruhigen die Märkte.

    02-26..02-28 nv
    Nvidia-Zahlen: Umsatz steigt um 78 Prozent, Aktie fällt trotzdem
    Sorgen um sinkende Margen überschatten das Rekordquartal des KI-Chipherstellers.

    03-01..03-31 nv
    Nvidia-Aktie verliert {minus}, Zollangst belastet Chipwerte
    Der Kurs liegt wieder unter dem Niveau vor dem DeepSeek-Schock.

    03-10..03-31 nv
    Ist die Nvidia-Aktie nach der Korrektur jetzt günstig?
    Das Kurs-Gewinn-Verhältnis ist so niedrig wie seit Jahren nicht, doch viele Anleger bleiben vorsichtig.

    01-06..01-19 asc
    Huawei baut Produktion seines KI-Chips Ascend 910C aus
    Der Konzern will trotz US-Sanktionen Hunderttausende der Beschleuniger ausliefern.

    01-28..02-10 asc
    Läuft DeepSeek auch ohne Nvidia? Huaweis Ascend im Test
    Die Effizienz von R1 nährt in Peking die Hoffnung, dass heimische KI-Chips ausreichen.

    02-01..02-14 asc
    Huawei Cloud bietet DeepSeek-R1 auf Ascend-Chips an
    Gemeinsam mit SiliconFlow läuft das Reasoning-Modell vollständig auf Huaweis KI-Beschleunigern.

    02-05..03-31 asc
    Chinas Abkehr von Nvidia: Huaweis KI-Beschleuniger gewinnen Kunden
    Staatskonzerne betreiben DeepSeek zunehmend auf Servern mit Ascend-Prozessoren.

    02-10..03-31 asc
    Ascend 910C erreicht bei Inferenz rund 60 Prozent einer H100
    Beim Training liegt Huaweis Chip laut Forschern aber weiter deutlich zurück.

    01-08..01-12 ec
    USA planen weltweite Obergrenzen für KI-Chip-Exporte
    Die scheidende Regierung will den Verkauf moderner Grafikprozessoren an die meisten Länder begrenzen.

    01-13..01-17 ec
    Exportkontrollen: Washington teilt die Welt für KI-Chips in drei Klassen
    Nur enge Verbündete erhalten unbeschränkten Zugang, China bleibt ausgeschlossen.

    01-15..01-24 ec
    Niederlande verschärfen Exportregeln für Chipmaschinen
    Auch Mess- und Prüfgeräte für moderne Halbleiter brauchen künftig eine Genehmigung für China.

    01-29..02-14 ec
    US-Regierung erwägt Beschränkungen für Nvidias H20-Chip
    Der Chip ist der leistungsfähigste, den Nvidia noch legal nach China liefern darf.

    01-30..03-15 ec
    Schmuggel über {drehkreuz}? USA prüfen, wie DeepSeek an Nvidia-Chips kam
    Ermittler gehen dem Verdacht nach, dass gesperrte Prozessoren über Zwischenhändler nach China gelangten.

    02-27..03-31 ec
    Singapur klagt drei Männer wegen Servern mit Nvidia-Chips an
    Die Geräte könnten unter Umgehung der Exportkontrollen weitergeleitet worden sein.

    03-25..03-31 ec
    USA setzen rund 80 Firmen auf die Entity List
    Betroffen sind auch chinesische KI- und Chipunternehmen, denen Hilfe für das Militär vorgeworfen wird.

    01-27..02-20 ec
    Haben die Chip-Sanktionen versagt? Der Fall DeepSeek spaltet Washington
    Falken fordern schärfere Regeln, Kritiker sagen, die Beschränkungen hätten Chinas Forscher nur effizienter gemacht.

    01-25..02-20 gs
    Günstige KI aus China: Chance für Entwickler in {land}
    Offene Modelle senken die Kosten so stark, dass sich Start-ups eigene KI-Anwendungen leisten können.

    02-01..03-31 gs
    Globaler Süden setzt auf offene KI-Modelle wie DeepSeek
    Regierungen in Afrika, Asien und Lateinamerika sehen darin einen Weg zu mehr digitaler Souveränität.

    02-05..03-31 gs
    Wie ein Start-up in {land} mit DeepSeek die {branche} verbilligt
    Der Wechsel von einem US-Modell habe die Kosten um neunzig Prozent gesenkt, sagt die Gründerin.

    02-15..03-31 gs
    Indien will DeepSeek auf heimischen Servern betreiben
    Die Regierung stellt offene Modelle über ihre KI-Mission bereit und will bald ein eigenes Grundmodell.

    01-02..01-17 nv
    Nvidia-Aktie: {bank} sieht weiteres Kurspotenzial
    Die Analysten erwarten, dass der neue Blackwell-Chip den Gewinn stark steigen lässt.

    01-02..01-19 ec
    Exportstopp für Chipmaschinen: Wie {drehkreuz} zum Umschlagplatz werden könnte
    Händler berichten von Umwegen, über die gesperrte Technik nach China gelangt.

    01-21..01-26 r1
    DeepSeek-R1 im {test}: Wie gut ist das chinesische Modell?
    In unserem Vergleich mit o1 lag das offene Modell oft gleichauf, kostete aber nur einen Bruchteil.

    01-22..01-26 r1
    Billige KI aus China: Was DeepSeek für {firma} bedeutet
    Offene Gewichte und niedrige Preise setzen die etablierten Anbieter unter Druck.

    01-23..01-26 nv
    Erste Anleger fragen: Gefährdet DeepSeek das Geschäft von Nvidia?
    Fondsmanager zweifeln an den hohen Investitionen in Rechenzentren.

    02-05..03-31 asc
    {konzern} setzt DeepSeek auf Huawei-Chips ein
    Statt importierter Nvidia-Hardware nutzt das Unternehmen Server mit Ascend-Prozessoren.

    02-15..03-31 asc
    Huaweis Ascend-Chips: {aspekt} bremst den Aufholprozess
    Fachleute sehen Fortschritte, doch der Abstand zu Nvidia bleibt in wichtigen Punkten groß.

    02-10..03-31 ec
    Exportkontrollen: {verbuendeter} unter Druck, Chipmaschinen-Service in China zu stoppen
    Washington drängt Partner, die Wartung moderner Anlagen in chinesischen Fabriken zu beenden.

    02-15..03-31 ec
    KI-Chips im Graumarkt: Wie gesperrte Nvidia-GPUs über {drehkreuz} nach China gelangen
    Händler berichten von umetikettierten Servern und Briefkastenfirmen.

    02-10..03-31 r1
    DeepSeek im Unternehmen: {firma} reagiert mit Preissenkungen
    Die günstige Konkurrenz aus China zwingt etablierte Anbieter, ihre Preise zu überdenken.
  `,
};
