// The read worker's entry when Tidemark runs from its TypeScript sources (tsx, vitest): a worker thread does not
// get the parent's tsx loader on Node 20, so it registers tsx through its documented API first (as
// jobs/topics/topic-worker-bootstrap.mjs does). Compiled JavaScript starts read-worker.js directly.
import { register } from "tsx/esm/api";

register();
await import("./read-worker.ts");
