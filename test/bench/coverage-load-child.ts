import autocannon from "autocannon";

/**
 * Child process of api.bench.ts: the load generator alone. The bench process holds a million-article database
 * and the heap of the in-process parts before it; a generator in that process measures its own garbage
 * collection pauses as the server's latency. Here it starts fresh, as a user's load tool would.
 *
 * `fork coverage-load-child.ts BASE_URL`: 3 s of warm-up, then says `measuring`, runs 10 s of 20 connections of
 * uncached coverage requests (each a different window and topic set, so no cache answers them) with
 * /api/health probed at 20 requests/s meanwhile, and answers the two results and its own CPU time.
 */
export type FromLoadChild =
  | { measuring: true }
  | {
      load: autocannon.Result;
      health: autocannon.Result;
      generatorCpuMs: number;
    };

const TOPICS = ["r1-release", "nvidia-valuation", "ascend-chips", "global-south-adoption", "export-controls"];
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * DAY_MS).toISOString().slice(0, 10);

const base = process.argv[2];
if (!base || !process.send) throw new Error("usage: fork coverage-load-child.ts BASE_URL");
const send = (message: FromLoadChild) => process.send!(message);

let n = 0;
const nextPath = () => {
  const k = n++;
  const chosen = TOPICS.filter((_, i) => ((k >> i) & 1) === 0 || i === k % 5);
  return `/api/coverage?topics=${chosen.join(",")}&from=${day(k % 180)}&to=${day((k % 180) + 181)}&tz=Europe/Berlin`;
};
const coverageLoad = (duration: number) =>
  autocannon({
    url: base,
    connections: 20,
    duration,
    requests: [{ setupRequest: (r) => ({ ...r, path: nextPath() }) }],
  });

// Warm up every thread or process of the server with a few seconds of the same load.
await coverageLoad(3);
send({ measuring: true });
const cpu = process.cpuUsage();
const [load, health] = await Promise.all([
  coverageLoad(10),
  autocannon({ url: `${base}/api/health`, connections: 1, overallRate: 20, duration: 10 }),
]);
const spent = process.cpuUsage(cpu);
send({ load, health, generatorCpuMs: (spent.user + spent.system) / 1000 });
process.disconnect();
