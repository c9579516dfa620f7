import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { DomainError } from "../../core/errors";
import { openDatabase } from "../../db/client";
import type { ReadError, ReadResponse, ReadWorkerData, ReadWorkerMessage } from "./read-pool";
import { runRead } from "./reads";

// A read worker thread (see read-pool.ts): its own connection to the database file answers the reads the HTTP
// thread sends, with the same functions the in-process reads run. In WAL mode its reads never wait for the
// ingest's writes, nor the writes for them.

const port = parentPort;
if (!port) throw new Error("read-worker.ts runs as a worker thread (see read-pool.ts)");
const { database: options } = workerData as ReadWorkerData;
// The HTTP thread comes first, so /api/health and quick answers keep their latency while reads saturate the cores;
// reads come before retags (the topic worker runs at 10). On Linux a nice value is the calling thread's own.
if (process.platform === "linux") setPriority(0, 5);
const database = await openDatabase(options);

let inFlight = 0;
port.on("message", (message: ReadWorkerMessage) => {
  if (message.kind === "stop") {
    // Ended between two turns of its loop, never from outside in the middle of a libSQL call (Worker.terminate
    // then aborts the whole process).
    setImmediate(() => {
      if (inFlight === 0) database.close();
      process.exit(0);
    });
    return;
  }
  inFlight++;
  void answer(message.id, () => runRead(database.db, message, Date.now())).then((response) => {
    inFlight--;
    post(response);
  });
});

async function answer(id: number, read: () => Promise<unknown>): Promise<ReadResponse> {
  try {
    return { id, ok: true, value: await read() };
  } catch (error) {
    return { id, ok: false, error: describe(error) };
  }
}

function post(response: ReadResponse): void {
  try {
    port!.postMessage(response);
  } catch (error) {
    port!.postMessage({ id: response.id, ok: false, error: describe(error) } satisfies ReadResponse);
  }
}

function describe(error: unknown): ReadError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    ...(error instanceof DomainError
      ? { domain: { code: error.code, details: error.details, param: error.param } }
      : {}),
  };
}
