import type { Logger } from "pino";
import type { Db } from "../../db/client";
import { alertEventTotals, dueAlertBacklog } from "../../db/queries/delivery-totals";
import { ALERT_EVENT_STATUSES } from "../../db/schema";
import type { MetricFamily } from "./exposition";

const STATUSES = ALERT_EVENT_STATUSES;

/**
 * Alert deliveries as the outbox holds them, so sends by every process count. A database that cannot be read
 * leaves these out of the scrape (tidemark_db_up already says why) rather than failing it.
 */
export function deliveryMetrics(
  db: Db,
  log: Logger,
  now: () => number = Date.now,
): () => Promise<MetricFamily[]> {
  return async () => {
    try {
      const at = now();
      const [totals, backlog] = await Promise.all([alertEventTotals(db), dueAlertBacklog(db, at)]);
      return deliveryFamilies(totals, backlog, at);
    } catch (err) {
      log.warn({ err }, "metrics: delivery read failed");
      return [];
    }
  };
}

export function deliveryFamilies(
  totals: Awaited<ReturnType<typeof alertEventTotals>>,
  backlog: { due: number; oldestDueAt: number | null },
  now: number,
): MetricFamily[] {
  const types = [...new Set(totals.map((t) => t.type))].sort();
  const events = types.flatMap((type) =>
    STATUSES.map((status) => ({
      labels: { type, status },
      value: totals.find((t) => t.type === type && t.status === status)?.events ?? 0,
    })),
  );
  const attempts = types.map((type) => ({
    labels: { type },
    value: totals.filter((t) => t.type === type).reduce((sum, t) => sum + t.attempts, 0),
  }));
  return [
    {
      name: "tidemark_alert_events",
      help: "Alert outbox events by type and status (delivered, pending, failed after every retry, cancelled).",
      type: "gauge",
      samples: events,
    },
    {
      name: "tidemark_alert_delivery_attempts_total",
      help: "Delivery attempts made for the alert events still stored, by type.",
      type: "counter",
      samples: attempts,
    },
    {
      name: "tidemark_alert_events_due",
      help: "Pending alert events whose next attempt is due now.",
      type: "gauge",
      samples: [{ value: backlog.due }],
    },
    {
      name: "tidemark_alert_oldest_due_age_seconds",
      help: "How long the oldest due alert event has waited (0: none).",
      type: "gauge",
      samples: [{ value: backlog.oldestDueAt === null ? 0 : Math.max(now - backlog.oldestDueAt, 0) / 1000 }],
    },
  ];
}
