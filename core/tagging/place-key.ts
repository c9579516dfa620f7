/**
 * A place name with case, accents and apostrophes aside, to compare a dataset's names with a hand-kept list:
 * CLDR's "Asuncion" (a zone ID) is "Asunción", "Cote d’Ivoire" is "Côte d'Ivoire".
 */
export const placeKey = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .replace(/[’']/g, "'")
    .toLowerCase();
