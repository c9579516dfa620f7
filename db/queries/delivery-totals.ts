import { sql } from "drizzle-orm";
import type { Executor } from "../client";

export interface AlertEventTotals {
  status: string;
  type: string;
  events: number;
  attempts: number;
}

/** Outbox rows and the attempts spent on them, by status and type: what /metrics reports for deliveries. */
export async function alertEventTotals(db: Executor): Promise<AlertEventTotals[]> {
  const rows = await db.all<{ status: string; type: string; events: number; attempts: number }>(sql`
    select status, type, count(*) as events, coalesce(sum(attempts), 0) as attempts
    from alert_events group by status, type order by status, type`);
  return rows.map((r) => ({
    status: String(r.status),
    type: String(r.type),
    events: Number(r.events),
    attempts: Number(r.attempts),
  }));
}

/** Pending events whose time has come, and how long the oldest has waited: a stuck worker shows here first. */
export async function dueAlertBacklog(
  db: Executor,
  now: number,
): Promise<{ due: number; oldestDueAt: number | null }> {
  const rows = await db.all<{ due: number; oldest: number | null }>(sql`
    select count(*) as due, min(next_attempt_at) as oldest
    from alert_events where status = 'pending' and next_attempt_at <= ${now}`);
  const row = rows[0];
  return { due: Number(row?.due ?? 0), oldestDueAt: row?.oldest == null ? null : Number(row.oldest) };
}
