import type { TopicTagger } from "../topics/topic-tagger";
import { type PreparedDocument, type PrepareInput, prepareEntries } from "./prepare-entries";
import { readDocument } from "./read-document";

/**
 * Bytes -> clean, tagged and fingerprinted articles, tagged with `tagger` when the input names topics (the
 * tagger has them: the caller's own, or the document worker's, loaded from them). The worker runs this very
 * function; a thread that hands documents to the worker never loads it, nor the parsers it brings.
 */
export async function prepareDocument(
  tagger: TopicTagger | undefined,
  input: PrepareInput,
): Promise<PreparedDocument> {
  const { topics, ...document } = input;
  const read = await readDocument(document);
  return { ...read, prepared: await prepareEntries(topics && tagger, read.articles) };
}
