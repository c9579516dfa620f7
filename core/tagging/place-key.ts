/**
 * A place name with case, accents and apostrophes aside: spellings that differ only so are one name, when a
 * dataset's names meet a hand-kept list or each other (CLDR's "Asuncion", a zone ID, is "Asunción"; "Cote
 * d’Ivoire" is "Côte d'Ivoire").
 */
export const placeKey = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .replace(/[’']/g, "'")
    .toLowerCase();
