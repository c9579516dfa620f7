import { parentPort } from "node:worker_threads";
import { buildTextTables } from "../../core/tagging/text-tables";
import { TopicTagger } from "../topics/topic-tagger";
import type {
  DocumentWorkerClose,
  DocumentWorkerRequest,
  DocumentWorkerResponse,
} from "./document-worker-client";
import { asFeedError, FeedError } from "./feed-error";
import { prepareDocument } from "./prepare-document";
import type { PreparedDocument } from "./prepare-entries";
import { CandidateReader, readCandidatesAhead } from "./read-candidates-ahead";

// The document worker thread (see document-worker-client.ts): it runs prepareDocument, the function a pass
// without a worker runs in its own thread, on the documents the ingest sends it, one at a time, and, when asked
// and when it has time, reads their entries' story candidates ahead of their store (story-candidates.ts). It
// writes nothing: it keeps the matcher of the topics it was last sent and a connection it only reads through,
// so ending it from outside (a timeout) loses nothing.

const port = parentPort;
if (!port) throw new Error("document-worker.ts runs as a worker thread (see document-worker-client.ts)");
const tagger = new TopicTagger();
const reader = new CandidateReader();
/** The document answered last, whose candidates are to be read if no other request comes first. */
let lookAhead: { id: number; url: string; value: PreparedDocument } | undefined;

port.on("message", (request: DocumentWorkerRequest | DocumentWorkerClose) => {
  lookAhead = undefined;
  if ("kind" in request) {
    reader.close();
    port.postMessage({ kind: "closed" } satisfies DocumentWorkerResponse);
    return;
  }
  void serve(request).then((response) => {
    port.postMessage(response);
    const url = request.input?.lookAhead;
    if (!url || "kind" in response || !response.ok || !response.value) return;
    // After the answer, and only if no request follows within IDLE_MS: a store that waits for documents (a cold
    // thread at the start of a pass) takes the answer and sends the next document at once, and this thread's
    // time is then better spent on that; a store that is busy leaves this thread idle, to read for it. The
    // connection too is opened only then, so the first documents, which the store waits for, never wait for it.
    lookAhead = { id: request.id, url, value: response.value };
    setTimeout(readAhead, IDLE_MS);
  });
});

const IDLE_MS = 2;

async function readAhead(): Promise<void> {
  const job = lookAhead;
  lookAhead = undefined;
  if (!job) return;
  const db = reader.db(job.url);
  if (!db) return reader.open(job.url);
  const candidates = await readCandidatesAhead(db, job.value.prepared.stories);
  if (candidates)
    port!.postMessage({ kind: "candidates", id: job.id, candidates } satisfies DocumentWorkerResponse);
}
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
