import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { createLogger } from "../../core/logger";
import { openDatabase } from "../../db/client";
import { ingestJob } from "../ingest-job";
import { TopicTagger } from "../topics/topic-tagger";
import { DocumentWorker } from "./document-worker-client";
import type { IngestWorkerData, IngestWorkerMessage, IngestWorkerResponse } from "./ingest-worker-client";

// The ingest worker thread (see ingest-worker-client.ts): it opens its own connection to the same database and
// runs the server's ingest passes with ingestJob, the function the CLI runs in-process, so leases, job runs and
// the one transaction per feed are the same wherever a pass runs. Documents are read and their entries tagged in
// a document worker of its own, which keeps the heap and time limits on hostile documents, and works on the next
// feed while this thread stores the one before.

const port = parentPort;
if (!port) throw new Error("ingest-worker.ts runs as a worker thread (see ingest-worker-client.ts)");
const { database: options, allowPrivateUrls, logLevel } = workerData as IngestWorkerData;
// The HTTP thread comes first on a busy machine: on Linux a nice value is a thread's own (pid 0 is the calling
// thread), and the document worker this thread starts inherits it. Elsewhere it would be the whole process's.
if (process.platform === "linux") setPriority(0, 10);
const log = createLogger(logLevel);
const database = await openDatabase(options);
const documents = new DocumentWorker({ log });
const context = {
  db: database.db,
  log,
  config: { allowPrivateUrls },
  documents,
  tagger: new TopicTagger(),
};

port.on("message", (message: IngestWorkerMessage) => {
  switch (message.kind) {
    case "stop":
      // Ended from inside, between two turns of its loop: ended from outside (Worker.terminate) the libSQL
      // binding aborts the whole process. A store never spans two turns (one transaction per feed, never
      // yielding), so none is cut in half; the document worker ends with this thread.
      setImmediate(() => process.exit(0));
      return;
    case "crash":
      setImmediate(() => {
        throw new Error("ingest worker crashed on request");
      });
      return;
    case "pass":
      void ingestJob(context, message.options).then(
        (value) => post({ id: message.id, ok: true, value }),
        (error: unknown) => post({ id: message.id, ok: false, error: describe(error) }),
      );
  }
});

function post(response: IngestWorkerResponse): void {
  port!.postMessage(response);
}

function describe(error: unknown): { name: string; message: string; stack?: string | undefined } {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  return { name: error.name, message: error.message, stack: error.stack };
}
