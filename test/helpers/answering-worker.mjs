// A worker thread for test/unit/worker-calls.test.ts, in plain JavaScript so it needs no loader: it answers
// each request by its id, and dies, crashes or hangs when asked to.
import { parentPort, threadId } from "node:worker_threads";

const port = parentPort;
port.on("message", (message) => {
  switch (message.kind) {
    case "echo":
      // Answers after `delayMs`, so calls can be answered out of order.
      setTimeout(
        () => port.postMessage({ id: message.id, ok: true, value: { echo: message.value, threadId } }),
        message.delayMs ?? 0,
      );
      return;
    case "fail":
      port.postMessage({ id: message.id, ok: false, error: { message: message.value } });
      return;
    case "hang":
      return;
    case "exit":
      // Dies in the middle of the calls it holds, as a killed thread would.
      process.exit(message.code);
      return;
    case "stop":
      setImmediate(() => process.exit(0));
      return;
    case "crash":
      setImmediate(() => {
        throw new Error("crashed on request");
      });
  }
});
