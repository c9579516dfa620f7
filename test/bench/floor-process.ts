import { createClient } from "@libsql/client/sqlite3";
import { type FloorFeed, floorPass } from "./floor-pass";

// The floor as a process of its own (ingest.bench.ts compiles this file with esbuild and runs it with node, as
// an install runs the compiled CLI): `node floor-process.mjs DB_PATH FEEDS_JSON ROWS_PER_STATEMENT`. It opens the
// file with libSQL's local client alone, as the CLI does (db/client.ts), so neither side loads the remote ones.
const [path, feedsJson, rows] = process.argv.slice(2);
const client = createClient({ url: `file:${path}` });
await floorPass(client, JSON.parse(feedsJson!) as FloorFeed[], Number(rows));
client.close();
