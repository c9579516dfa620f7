import { fileURLToPath } from "node:url";
import { compileDefaultTopics } from "../../core/tagging/default-matcher";
import { labeledSet, qualityRows } from "./labeled-quality";
import { printRows, type Row } from "./report";

/**
 * `npm run bench blind`: precision and recall per topic and per language on the frozen blind set (821 items, 16
 * languages), written by someone who never saw the queries, the engine or the other sets. It is the measure of
 * issue 9, so it runs only when named: whoever tunes the topics runs `npm run bench tagging` (speed and the dev
 * sets) and never this.
 */
export async function benchBlind(): Promise<Row[]> {
  return qualityRows(
    "blind",
    compileDefaultTopics(),
    [["blind", labeledSet("blind-set.json")]],
    new Set(["blind"]),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printRows(await benchBlind());
}
