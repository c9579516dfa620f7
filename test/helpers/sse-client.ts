/** A server-sent event as a client sees it; comments (heartbeats) are kept apart. */
export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
  retry?: number;
}

export interface SseClient {
  status: number;
  headers: Headers;
  events: SseEvent[];
  comments: string[];
  /** Resolves once `predicate` holds for what was received; rejects if the stream ends first. */
  until(predicate: (client: SseClient) => boolean): Promise<void>;
  close(): void;
}

/**
 * A real HTTP client of an event stream, parsing the wire format as EventSource does (fields per line, a blank
 * line ends an event), without auto-reconnect so tests control every connection.
 */
export async function connectSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { accept: "text/event-stream", ...headers },
    signal: abort.signal,
  });
  let waiters: Array<() => void> = [];
  let ended = false;
  const client: SseClient = {
    status: res.status,
    headers: res.headers,
    events: [],
    comments: [],
    until: (predicate) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(client)) resolve();
          else if (ended) reject(new Error(`stream ended; got ${JSON.stringify(client.events)}`));
          else waiters.push(check);
        };
        check();
      }),
    close: () => abort.abort(),
  };
  const notify = () => {
    const pending = waiters;
    waiters = [];
    for (const check of pending) check();
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    let event: SseEvent = { data: "" };
    let hasData = false;
    try {
      const reader = res.body!.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        buffer += decoder.decode(read.value, { stream: true });
        let newline = buffer.search(/\r\n|\r|\n/);
        while (newline >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + (buffer.startsWith("\r\n", newline) ? 2 : 1));
          if (line === "") {
            if (hasData || event.retry !== undefined) client.events.push(event);
            event = { data: "" };
            hasData = false;
          } else if (line.startsWith(":")) {
            client.comments.push(line.slice(1).trim());
          } else {
            const colon = line.indexOf(":");
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
            if (field === "data") {
              event.data = hasData ? `${event.data}\n${value}` : value;
              hasData = true;
            } else if (field === "id" || field === "event") event[field] = value;
            else if (field === "retry") event.retry = Number(value);
          }
          newline = buffer.search(/\r\n|\r|\n/);
        }
        notify();
      }
    } catch {
      // Aborted by close().
    }
    ended = true;
    notify();
  })();
  return client;
}
