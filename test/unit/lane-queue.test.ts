import { describe, expect, it } from "vitest";
import { LaneQueue } from "../../core/lane-queue";

/** Starts what may start now, by name. */
function startAll(queue: LaneQueue<string>): string[] {
  const started: string[] = [];
  for (let next = queue.start(); next; next = queue.start()) started.push(next.job);
  return started;
}

describe("lanes of a worker pool (core/lane-queue.ts)", () => {
  it("never lets slow calls take every worker, so a quick call starts at once beside them", () => {
    const queue = new LaneQueue<string>(2);
    for (const name of ["spread", "terms", "stories"]) queue.add(name, "slow");
    expect(startAll(queue)).toEqual(["spread"]);
    queue.add("coverage", "quick");
    expect(startAll(queue)).toEqual(["coverage"]);
    expect(queue.running("slow")).toBe(1);
    expect(queue.waiting).toBe(2);
  });

  it("starts quick calls before slow ones that waited longer, and slow ones as workers free up", () => {
    const queue = new LaneQueue<string>(3);
    queue.add("terms", "slow");
    queue.add("stories", "slow");
    queue.add("spread", "slow");
    queue.add("coverage", "quick");
    expect(startAll(queue)).toEqual(["coverage", "terms", "stories"]);
    queue.done("quick");
    // The freed worker is the last one slow calls may not take.
    expect(startAll(queue)).toEqual([]);
    queue.done("slow");
    expect(startAll(queue)).toEqual(["spread"]);
  });

  it("gives a lone worker to slow calls too, and no more than one call at a time", () => {
    const queue = new LaneQueue<string>(1);
    queue.add("terms", "slow");
    queue.add("coverage", "quick");
    expect(startAll(queue)).toEqual(["coverage"]);
    queue.done("quick");
    expect(startAll(queue)).toEqual(["terms"]);
  });

  it("drops a waiting call, never one that has started", () => {
    const queue = new LaneQueue<string>(2);
    queue.add("spread", "slow");
    queue.add("terms", "slow");
    expect(startAll(queue)).toEqual(["spread"]);
    expect(queue.drop("spread")).toBe(false);
    expect(queue.drop("terms")).toBe(true);
    queue.done("slow");
    expect(startAll(queue)).toEqual([]);
    expect(queue.waiting).toBe(0);
  });
});
