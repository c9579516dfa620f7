/** A quick call (a page's coverage from the rollups, a page of articles) or a slow one (seconds at a million). */
export type Lane = "quick" | "slow";

/**
 * Which waiting call a pool of `slots` one-call-at-a-time workers starts next. Quick calls go first, and slow
 * calls never hold every slot: at least one stays free of them (unless there is only one), so a cheap read is
 * never queued behind a year-long one. Calls wait here, not in a worker's own inbox, so one whose asker has
 * gone can still be dropped (`drop`) before it costs anything.
 */
export class LaneQueue<Job> {
  readonly #waiting: Record<Lane, Job[]> = { quick: [], slow: [] };
  readonly #running: Record<Lane, number> = { quick: 0, slow: 0 };
  readonly #slots: number;
  readonly #slowSlots: number;

  constructor(slots: number) {
    this.#slots = slots;
    this.#slowSlots = Math.max(1, slots - 1);
  }

  get waiting(): number {
    return this.#waiting.quick.length + this.#waiting.slow.length;
  }

  running(lane: Lane): number {
    return this.#running[lane];
  }

  add(job: Job, lane: Lane): void {
    this.#waiting[lane].push(job);
  }

  /** Takes a waiting job out (its asker went away); false when it has already started. */
  drop(job: Job): boolean {
    for (const lane of ["quick", "slow"] as const) {
      const at = this.#waiting[lane].indexOf(job);
      if (at >= 0) {
        this.#waiting[lane].splice(at, 1);
        return true;
      }
    }
    return false;
  }

  /** The job to start on a free slot now, counted as running until `done(lane)`; none when none may start. */
  start(): { job: Job; lane: Lane } | undefined {
    if (this.#running.quick + this.#running.slow >= this.#slots) return undefined;
    const lane: Lane | undefined =
      this.#waiting.quick.length > 0
        ? "quick"
        : this.#waiting.slow.length > 0 && this.#running.slow < this.#slowSlots
          ? "slow"
          : undefined;
    if (!lane) return undefined;
    this.#running[lane]++;
    return { job: this.#waiting[lane].shift()!, lane };
  }

  done(lane: Lane): void {
    this.#running[lane] = Math.max(0, this.#running[lane] - 1);
  }
}
