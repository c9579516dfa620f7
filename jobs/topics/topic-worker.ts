import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { DomainError } from "../../core/errors";
import { openDatabase } from "../../db/client";
import { dryRunQuery } from "./dry-run";
import { retagTopics } from "./retag";
import type {
  TopicWorkError,
  TopicWorkerData,
  TopicWorkerMessage,
  TopicWorkRequest,
  TopicWorkResponse,
} from "./topic-worker-client";

// The topic worker thread (see topic-worker-client.ts): it opens its own connection to the same database and
// runs the retags and dry runs the server sends it, with the same functions the CLI runs in-process, so their
// transactions and resumable cursors are the same wherever they run. Requests interleave at their awaits.

const port = parentPort;
if (!port) throw new Error("topic-worker.ts runs as a worker thread (see topic-worker-client.ts)");
const { database: options } = workerData as TopicWorkerData;
// On a busy machine the HTTP thread comes first: on Linux a nice value is a thread's own (pid 0 is the calling
// thread), so this lowers the priority of this thread only. Elsewhere it would be the whole process's.
if (process.platform === "linux") setPriority(0, 10);
const database = await openDatabase(options);

let inFlight = 0;
port.on("message", (message: TopicWorkerMessage) => {
  switch (message.kind) {
    case "stop":
      // The thread ends itself between two turns of its loop, never in the middle of a libSQL call: ended from
      // outside (Worker.terminate) the libSQL binding aborts the whole process. A retag batch in flight is one
      // transaction, so it is rolled back and the retag resumes from the topic's cursor on the next start.
      setImmediate(() => {
        if (inFlight === 0) database.close();
        process.exit(0);
      });
      return;
    case "crash":
      setImmediate(() => {
        throw new Error("topic worker crashed on request");
      });
      return;
    default:
      inFlight++;
      void serve(message).then((response) => {
        inFlight--;
        post(response);
      });
  }
});

async function serve(request: TopicWorkRequest): Promise<TopicWorkResponse> {
  try {
    switch (request.kind) {
      case "retag":
        return { id: request.id, ok: true, value: await retagTopics(database.db, request.options) };
      case "dry-run":
        return {
          id: request.id,
          ok: true,
          value: await dryRunQuery(database.db, request.query, request.exampleCount, request.slug),
        };
    }
  } catch (error) {
    return { id: request.id, ok: false, error: describe(error) };
  }
}

function post(response: TopicWorkResponse): void {
  try {
    port!.postMessage(response);
  } catch (error) {
    // Details that cannot be cloned must not leave the caller waiting: send the error without them.
    const failed = response.ok ? describe(error) : { ...response.error, details: undefined };
    port!.postMessage({ id: response.id, ok: false, error: failed } satisfies TopicWorkResponse);
  }
}

/** An error as plain data: what the caller needs to rebuild it (a DomainError keeps its code and details). */
function describe(error: unknown): TopicWorkError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    ...(error instanceof DomainError
      ? { domain: { code: error.code, details: error.details, param: error.param } }
      : typeof code === "string"
        ? { code }
        : {}),
  };
}
