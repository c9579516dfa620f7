// The topic worker's entry when Tidemark runs from its TypeScript sources (the CLI through tsx in development, vitest). On
// Node 20 a worker thread does not get the parent's tsx loader, nor one given in its execArgv (`--import tsx`
// does not reach a worker's entry point), so the worker registers tsx itself, through its documented API, and
// then loads the TypeScript entry. Compiled JavaScript starts topic-worker.js directly.
import { register } from "tsx/esm/api";

register();
await import("./topic-worker.ts");
