import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { WorkerCalls } from "../../core/worker-calls";

type Request =
  | { kind: "echo"; value: string; delayMs?: number }
  | { kind: "fail"; value: string }
  | { kind: "hang" }
  | { kind: "exit"; code: number };

const ENTRY = new URL("../helpers/answering-worker.mjs", import.meta.url);

/** WorkerCalls over a real worker thread, with what it started and what it reported as dying. */
function answeringWorker() {
  const started: Worker[] = [];
  const died: Error[] = [];
  const calls = new WorkerCalls<Request, { message: string }>({
    name: "the answering worker",
    start: () => {
      const worker = new Worker(ENTRY, { name: "tidemark-test-answering-worker" });
      started.push(worker);
      return worker;
    },
    rebuild: (error) => new Error(`rebuilt: ${error.message}`),
    died: (error) => died.push(error),
  });
  return { calls, started, died };
}

const exited = (worker: Worker) => new Promise<number>((resolve) => worker.once("exit", resolve));

describe("calls to a worker thread (core/worker-calls.ts)", () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  function open() {
    const worker = answeringWorker();
    stop = () => worker.calls.stop({ kind: "stop" }, "stopped by the test");
    return worker;
  }

  it("settles each call with the answer that carries its id, in whatever order the answers come", async () => {
    const { calls, started } = open();
    const slow = calls.call({ kind: "echo", value: "slow", delayMs: 200 });
    const fast = calls.call({ kind: "echo", value: "fast" });
    expect(calls.inFlight).toBe(2);
    const first = await Promise.race([slow.then(() => "slow"), fast.then(() => "fast")]);
    expect(first).toBe("fast");
    expect(await slow).toEqual({ echo: "slow", threadId: started[0]!.threadId });
    expect(await fast).toEqual({ echo: "fast", threadId: started[0]!.threadId });
    expect(calls.inFlight).toBe(0);
    expect(started).toHaveLength(1);
  });

  it("rejects a call the worker answers with an error, rebuilt by the client, and the worker serves on", async () => {
    const { calls, started, died } = open();
    await expect(calls.call({ kind: "fail", value: "no such topic" })).rejects.toThrow(
      "rebuilt: no such topic",
    );
    expect(await calls.call({ kind: "echo", value: "after" })).toMatchObject({ echo: "after" });
    expect(started).toHaveLength(1);
    expect(died).toEqual([]);
  });

  it("rejects every call a worker held when it dies mid-call, and the next call starts a new worker", async () => {
    const { calls, started, died } = open();
    const waiting = [
      calls.call({ kind: "hang" }),
      calls.call({ kind: "echo", value: "late", delayMs: 5_000 }),
    ];
    const dying = calls.call({ kind: "exit", code: 3 });
    await Promise.all(
      [...waiting, dying].map((call) =>
        expect(call).rejects.toThrow("the answering worker exited with code 3"),
      ),
    );
    expect(calls.inFlight).toBe(0);
    expect(died.map((e) => e.message)).toEqual(["the answering worker exited with code 3"]);

    const again = (await calls.call({ kind: "echo", value: "again" })) as { threadId: number };
    expect(started).toHaveLength(2);
    expect(again.threadId).toBe(started[1]!.threadId);
    expect(again.threadId).not.toBe(started[0]!.threadId);
  });

  it("rejects the calls a crashing worker held with its error, and starts anew", async () => {
    const { calls, started, died } = open();
    const held = calls.call({ kind: "hang" });
    const rejected = expect(held).rejects.toThrow("crashed on request");
    await calls.endWith({ kind: "crash" });
    await rejected;
    expect(died.map((e) => e.message)).toEqual(["crashed on request"]);
    expect(await calls.call({ kind: "echo", value: "back" })).toMatchObject({ echo: "back" });
    expect(started).toHaveLength(2);
  });

  it("starts its worker ahead of the first call when asked, and only one", async () => {
    const { calls, started } = open();
    calls.start();
    calls.start();
    expect(started).toHaveLength(1);
    expect(await calls.call({ kind: "echo", value: "warm" })).toEqual({
      echo: "warm",
      threadId: started[0]!.threadId,
    });
    expect(started).toHaveLength(1);
  });

  it("stops: the calls in flight and every later call reject with the reason, the worker exits, no death is reported", async () => {
    const { calls, started, died } = open();
    const held = expect(calls.call({ kind: "hang" })).rejects.toThrow("stopped by the test");
    const gone = exited(started[0]!);
    await calls.stop({ kind: "stop" }, "stopped by the test");
    await held;
    expect(await gone).toBe(0);
    await expect(calls.call({ kind: "echo", value: "late" })).rejects.toThrow("stopped by the test");
    calls.start();
    expect(started).toHaveLength(1);
    expect(died).toEqual([]);
  });
});
