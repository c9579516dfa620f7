import type { FragmentSet } from "../fragment-format";

/** German look-alikes and unrelated stories (Latin-1 only, like de.ts). */
export const deTraps: FragmentSet = {
  lang: "de",
  pools: {
    rivale: ["KTM 1290 Super Adventure", "Ducati Multistrada V4", "Honda Africa Twin"],
    ware: ["Werkzeugmaschinen", "Chemikalien", "Ersatzteile für Flugzeuge"],
    strecke: ["durch die Dolomiten", "über die Schwäbische Alb", "an der Mosel", "durch den Schwarzwald"],
    karte: ["RTX 5090", "RTX 5080", "RTX 5070 Ti"],
    rohstoff: ["Gallium", "Germanium", "Antimon", "Wolfram"],
    gut: ["Werkzeugmaschinen", "Dual-Use-Güter", "Drohnenteile", "Luxusautos"],
  },
  templates: `
    01-01..03-31 trap life
    Fahrbericht BMW R 1300 GS: Die Reiseenduro {strecke}
    Leichter, stärker, teurer: BMW hat die GS gründlich überarbeitet, die Aufpreisliste bleibt lang.

    01-01..03-31 trap life
    BMW R 1300 R im Test: Der Roadster mit Boxermotor
    Das nackte Motorrad fährt sich agil, der Verbrauch liegt bei gut fünf Litern.

    01-01..03-31 trap life
    Rivian R1S im Test: Elektro-SUV aus Kalifornien auf deutschen Straßen
    Das große Auto überzeugt mit Reichweite und Platz, ein offizieller Marktstart in Europa steht aus.

    01-01..03-31 trap life
    Yamaha YZF-R1: Das Superbike bekommt Winglets
    Die neue Generation der R1 übernimmt aerodynamische Flügel aus dem Rennsport.

    01-22..02-10 trap tech
    Nvidia GeForce {karte} im Test: Schnell, laut und teuer
    Mit DLSS 4 und Multi Frame Generation steigen die Bildraten, der Sprung zur Vorgängerin bleibt aber moderat.

    02-01..03-31 trap tech
    Neuer GeForce-Treiber behebt Abstürze bei der {karte}
    Nutzer hatten über schwarze Bildschirme und Flackern geklagt.

    01-06..01-10 trap tech
    CES: Nvidia zeigt Robotik-Plattform und einen Mini-Supercomputer
    Jensen Huang stellte in seiner Keynote Weltmodelle für Roboter und autonome Autos vor.

    01-01..03-31 trap world
    China verschärft Exportkontrollen für {rohstoff}
    Deutsche Industriebetriebe fürchten Engpässe bei dem kritischen Rohstoff.

    02-20..03-31 trap world
    EU beschließt neue Russland-Sanktionen mit Exportverboten für {gut}
    Das Paket soll verhindern, dass westliche Technik in die russische Rüstungsindustrie gelangt.

    01-01..03-31 trap tech
    Huawei Ascend P7: Erinnerung an Huaweis frühe Smartphones
    Vor zehn Jahren versuchte Huawei mit der Ascend-Reihe den Sprung in die Oberklasse.

    01-01..03-31 trap world
    Südafrika übernimmt G20-Vorsitz und rückt Schuldenerleichterungen in den Fokus
    Präsident Ramaphosa will die Anliegen afrikanischer Staaten stärker auf die Agenda setzen.

    01-01..03-31 trap world
    Kenias Mobilfunkgeld M-Pesa wächst weiter
    Immer mehr Händler auf dem Land akzeptieren Zahlungen per Handy.

    01-01..03-31 trap life
    Vergleichstest: BMW R 1300 GS gegen {rivale}
    Zwei große Reiseenduros auf einer langen Runde über Schotter und Asphalt.

    01-01..03-31 trap world
    Exportkontrollen für {ware}: Berlin verschärft die Regeln
    Die Bundesregierung will verhindern, dass die Güter über Drittstaaten nach Russland gelangen.

    01-01..03-31 trap markets
    Intel-Aktie springt nach Berichten über Gespräche zur Chipfertigung
    Anleger hoffen auf einen Partner für die Fabriken des angeschlagenen Konzerns.

    01-01..03-31 trap world
    Ghanas Zentralbank hält den Leitzins stabil
    Die Inflation geht zurück, doch die Währung bleibt unter Druck.
  `,
};
