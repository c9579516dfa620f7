import { parentPort } from "node:worker_threads";
import { FeedError } from "./feed-error";
import type { ParseWorkerRequest, ParseWorkerResponse } from "./parse-worker-client";
import { readDocument } from "./read-document";

// The parse worker thread (see parse-worker-client.ts): it runs readDocument, the same function the CLI runs
// in-process, on the documents the server sends it, one at a time. It opens no database and holds nothing
// between documents, so ending it from outside (a timeout) loses nothing.

const port = parentPort;
if (!port) throw new Error("parse-worker.ts runs as a worker thread (see parse-worker-client.ts)");

port.on("message", (request: ParseWorkerRequest) => {
  void serve(request).then((response) => port.postMessage(response));
});
// Loaded: documents may come. Their deadlines run from here, not from the thread's start-up.
port.postMessage({ kind: "ready" } satisfies ParseWorkerResponse);

async function serve(request: ParseWorkerRequest): Promise<ParseWorkerResponse> {
  try {
    return { id: request.id, ok: true, value: await readDocument(request.input) };
  } catch (error) {
    if (error instanceof FeedError) {
      return { id: request.id, ok: false, error: { kind: error.kind, message: error.message } };
    }
    const message = error instanceof Error ? error.message : String(error);
    return {
      id: request.id,
      ok: false,
      error: { kind: "internal", message: `unexpected error: ${message}` },
    };
  }
}
