import { parentPort } from "node:worker_threads";
import { buildTextTables } from "../../core/tagging/text-tables";
import { TopicTagger } from "../topics/topic-tagger";
import type { DocumentWorkerRequest, DocumentWorkerResponse } from "./document-worker-client";
import { asFeedError, FeedError } from "./feed-error";
import { prepareDocument } from "./prepare-document";

// The document worker thread (see document-worker-client.ts): it runs prepareDocument, the function a pass
// without a worker runs in its own thread, on the documents the ingest sends it, one at a time. It opens no
// database; it keeps only the matcher of the topics it was last sent, so ending it from outside (a timeout)
// loses nothing.

const port = parentPort;
if (!port) throw new Error("document-worker.ts runs as a worker thread (see document-worker-client.ts)");
const tagger = new TopicTagger();

port.on("message", (request: DocumentWorkerRequest) => {
  void serve(request).then((response) => port.postMessage(response));
});
// Loaded: documents may come. Their deadlines run from here, not from the thread's start-up.
port.postMessage({ kind: "ready" } satisfies DocumentWorkerResponse);
// While the first topics are on their way (the pass claims a feed first), not when they come.
setImmediate(buildTextTables);

async function serve(request: DocumentWorkerRequest): Promise<DocumentWorkerResponse> {
  try {
    const { topics } = request;
    if (topics && "topics" in topics) tagger.load(topics.topics, topics.concepts);
    if (topics && tagger.signature !== topics.signature)
      throw new FeedError("internal", "the document worker was sent a document to tag with topics it lacks");
    if (request.input === null) {
      void tagger.broken; // compiles the matcher: the documents to come find it ready
      return { id: request.id, ok: true, value: null };
    }
    const value = await prepareDocument(tagger, { ...request.input, topics: topics && tagger.topicSet() });
    return { id: request.id, ok: true, value };
  } catch (error) {
    const { kind, message } = asFeedError(error);
    return { id: request.id, ok: false, error: { kind, message } };
  }
}
