// The document worker's entry when Tidemark runs from its TypeScript sources (tsx, vitest): as for the topic
// worker (jobs/topics/topic-worker-bootstrap.mjs), a worker thread on Node 20 does not get the parent's tsx
// loader, so it registers tsx itself through its documented API, then loads the TypeScript entry. Compiled
// JavaScript starts document-worker.js directly.
import { register } from "tsx/esm/api";

register();
await import("./document-worker.ts");
