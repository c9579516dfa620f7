import { charTable } from "./char-class";
import { simplifiedTable } from "./chinese-fold";

/**
 * Builds the text analysis's lookup tables now: the character classes (~20 ms) and the Traditional-to-Simplified
 * folding (~40-80 ms, through OpenCC). They are built on first use, once per thread; a thread that would
 * otherwise wait (the document worker before its first topics, the storing thread while the worker reads its
 * first document) builds them then, so the first compile or store does not.
 */
export function buildTextTables(): void {
  charTable();
  simplifiedTable();
}
