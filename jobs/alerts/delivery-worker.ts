import { setTimeout as sleep } from "node:timers/promises";
import { cancelEventsOfCancelledSubscriptions, hasDueAlert } from "../../db/queries/outbox";
import { newDeliveryOwner } from "./alert-lease";
import { DELIVERY_CONCURRENCY, type DeliverOptions, type DeliveryContext, deliverNextAlert } from "./deliver";

export interface DeliveryWorkerOptions extends DeliverOptions {
  /** How often an idle lane looks for due events; alerts written by any process are picked up this fast. */
  pollMs?: number;
  /** How often events of subscriptions cancelled elsewhere are swept to `cancelled`. */
  sweepMs?: number;
}

export interface DeliveryWorker {
  /** Stops claiming and waits for the deliveries in flight. */
  stop(): Promise<void>;
}

/**
 * The delivery worker of `npm start`: `concurrency` lanes, each sending one event after another and polling the
 * database (a read, no write lock) when idle. Polling rather than an in-process signal is what lets it pick up
 * events that a CLI ingest in another process wrote. A slow receiver holds up one lane, not the others.
 */
export function startDeliveryWorker(
  ctx: DeliveryContext,
  options: DeliveryWorkerOptions = {},
): DeliveryWorker {
  const now = ctx.now ?? Date.now;
  const pollMs = options.pollMs ?? 1_000;
  const sweepMs = options.sweepMs ?? 60_000;
  const owner = options.owner ?? newDeliveryOwner();
  const channels = [...ctx.channels.keys()];
  const stopping = new AbortController();
  let lastSweep = 0;

  const pause = () => sleep(pollMs, undefined, { signal: stopping.signal }).catch(() => {});
  const lane = async (index: number) => {
    while (!stopping.signal.aborted) {
      try {
        if (index === 0 && now() - lastSweep >= sweepMs) {
          lastSweep = now();
          await cancelEventsOfCancelledSubscriptions(ctx.db, lastSweep);
        }
        if (!(await hasDueAlert(ctx.db, now(), channels))) {
          await pause();
          continue;
        }
        if ((await deliverNextAlert(ctx, { ...options, owner })) === null) await pause();
      } catch (err) {
        // A busy or unreachable database: say so and try again on the next poll.
        ctx.log.error({ err }, "alert delivery worker");
        await pause();
      }
    }
  };
  const lanes = Array.from({ length: options.concurrency ?? DELIVERY_CONCURRENCY }, (_, i) => lane(i));
  ctx.log.info({ lanes: lanes.length, pollMs }, "alert delivery worker started");
  return {
    async stop() {
      stopping.abort();
      await Promise.all(lanes);
    },
  };
}
