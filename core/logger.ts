import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * JSON lines (pino): one logger per process, children per request or job. The CLI logs to stderr so its
 * stdout stays clean for `--json` and OPML output; run in-process (a test), it logs to the stream it is given.
 */
export function createLogger(
  level: string,
  stream: "stdout" | "stderr" | DestinationStream = "stdout",
): Logger {
  const destination = typeof stream === "string" ? pino.destination(stream === "stdout" ? 1 : 2) : stream;
  return pino({ level, base: { app: "tidemark" } }, destination);
}
