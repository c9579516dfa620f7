import pino, { type Logger } from "pino";

export type { Logger };

/**
 * JSON lines (pino): one logger per process, children per request or job. The CLI logs to stderr so its
 * stdout stays clean for `--json` and OPML output.
 */
export function createLogger(level: string, stream: "stdout" | "stderr" = "stdout"): Logger {
  return pino({ level, base: { app: "tidemark" } }, pino.destination(stream === "stdout" ? 1 : 2));
}
