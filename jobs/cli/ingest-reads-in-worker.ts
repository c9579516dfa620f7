/**
 * Whether `ingest` with these arguments (the words after `ingest`) reads its documents in a document worker:
 * every form but `--feed ID`, whose one document has nothing to overlap with, so it is read in the command's own
 * thread without the worker's start-up. cli.ts asks before it loads the command, to start the worker's thread
 * early; the command asks to use one. A module of its own, and of nothing else, so cli.ts loads nothing more.
 */
export function ingestReadsInWorker(args: readonly string[]): boolean {
  return !args.some((arg) => arg === "--feed" || arg.startsWith("--feed="));
}
