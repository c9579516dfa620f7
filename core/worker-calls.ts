/**
 * What a worker thread is to the thread that started it. node:worker_threads' Worker fits; core/ names only
 * this shape, so the logic below holds no thread and does no I/O of its own.
 */
export interface WorkerPort {
  postMessage(message: unknown): void;
  on(event: "message", listener: (message: unknown) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  on(event: "exit", listener: (code: number) => void): unknown;
  once(event: "exit", listener: (code: number) => void): unknown;
  ref(): void;
  unref(): void;
}

/** A worker's answer to the call with the same id: its value, or its error as data. */
export type WorkerAnswer<ErrorData> =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ErrorData };

export interface WorkerCallsOptions<ErrorData> {
  /** Starts a new worker: the client's entry, data, name and limits. */
  start(): WorkerPort;
  /** The worker's error, sent as data, as an error of this thread. */
  rebuild(error: ErrorData): Error;
  /** Names the worker in the error its calls get when it exits: `${name} exited with code 1`. */
  name: string;
  /** A worker died while in use (not stopped): the client says so in its log. */
  died(error: Error): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * Calls to one long-lived worker at a time: each call posts its request with an id and settles on the answer
 * with that id. A worker that dies (an uncaught error, an exit, a kill) rejects the calls it had, and the next
 * call starts a new one. An idle worker does not keep the process alive; one with calls in flight does.
 */
export class WorkerCalls<Request extends object, ErrorData> {
  readonly #options: WorkerCallsOptions<ErrorData>;
  #worker: WorkerPort | undefined;
  #pending = new Map<number, Pending>();
  #nextId = 1;
  #stopped: string | undefined;

  constructor(options: WorkerCallsOptions<ErrorData>) {
    this.#options = options;
  }

  /** Calls in flight: a pool sends the next call to the worker with the fewest. */
  get inFlight(): number {
    return this.#pending.size;
  }

  /** Starts the worker now rather than on the first call, so that call does not wait for a thread to boot. */
  start(): void {
    if (!this.#worker && this.#stopped === undefined) this.#start();
  }

  call(request: Request): Promise<unknown> {
    if (this.#stopped !== undefined) return Promise.reject(new Error(this.#stopped));
    const worker = this.#worker ?? this.#start();
    const id = this.#nextId++;
    return new Promise<unknown>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  }

  /**
   * Shutdown: posts `message`, the worker's word to end itself (ended from outside, in the middle of a libSQL
   * call, the binding aborts the whole process); the calls in flight and every later call reject with `reason`.
   * Resolves once the worker is gone.
   */
  async stop(message: unknown, reason: string): Promise<void> {
    this.#stopped = reason;
    await this.#end(message, new Error(reason));
  }

  /** Posts a message that ends the worker (a crash on request, to test the way back); resolves once it is gone. */
  async endWith(message: unknown): Promise<void> {
    await this.#end(message);
  }

  async #end(message: unknown, error?: Error): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    // Not events.once: it rejects on the worker's "error" event, which is how a crash ends.
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.postMessage(message);
    if (error) this.#lost(worker, error);
    await exited;
  }

  #start(): WorkerPort {
    const worker = this.#options.start();
    worker.unref();
    worker.on("message", (message) => {
      const answer = message as WorkerAnswer<ErrorData>;
      const pending = this.#pending.get(answer.id);
      if (!pending) return;
      this.#pending.delete(answer.id);
      if (this.#pending.size === 0) worker.unref();
      if (answer.ok) pending.resolve(answer.value);
      else pending.reject(this.#options.rebuild(answer.error));
    });
    worker.on("error", (error) => this.#lost(worker, error));
    worker.on("exit", (code) =>
      this.#lost(worker, new Error(`${this.#options.name} exited with code ${code}`)),
    );
    this.#worker = worker;
    return worker;
  }

  #lost(worker: WorkerPort, error: Error): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    if (this.#stopped === undefined) this.#options.died(error);
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const call of pending) call.reject(error);
  }
}
