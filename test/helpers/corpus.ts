import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** CI places shared/ beside the clone, so the corpus lives at <repo>/../shared/corpus/feeds/. */
export const CORPUS = fileURLToPath(new URL("../../../shared/corpus/feeds/", import.meta.url));
export const CORPUS_AVAILABLE = existsSync(`${CORPUS}MANIFEST.tsv`);

/** One row of the corpus's MANIFEST.tsv, as much of it as the tests read. */
export interface CorpusRow {
  path: string;
  format: string;
  /** Entries the reference parser (feedparser 6.0.10) finds; for JSON, the length of `items`. */
  expectedItems: number;
  kind: "wellformed" | "malformed";
}

export function corpusManifest(): CorpusRow[] {
  const [header, ...lines] = readFileSync(`${CORPUS}MANIFEST.tsv`, "utf8").trimEnd().split("\n");
  const columns = header!.split("\t");
  const at = (name: string) => columns.indexOf(name);
  return lines.map((line) => {
    const cells = line.split("\t");
    return {
      path: cells[at("path")]!,
      format: cells[at("format")]!,
      expectedItems: Number(cells[at("expected_items")]),
      kind: cells[at("kind")] === "malformed" ? "malformed" : "wellformed",
    };
  });
}
