/**
 * Open live-stream connections, per client and in total. Each one holds a socket, a file descriptor and a
 * queue for as long as the client likes, so without a cap one client could hold them all.
 */
export interface StreamCaps {
  /** Connections one client address (IPv6: one /64) may hold; a few dashboards in tabs fit. */
  perClient: number;
  /** Connections the server holds at once, well below the usual 1,024 open files. */
  total: number;
}

export const DEFAULT_STREAM_CAPS: StreamCaps = { perClient: 10, total: 500 };

export type Admission = { ok: true; release: () => void } | { ok: false; reason: "client" | "total" };

export class StreamConnections {
  private readonly byClient = new Map<string, number>();
  private open = 0;

  constructor(private readonly caps: StreamCaps = DEFAULT_STREAM_CAPS) {}

  /** Takes a place for `client`, or says which cap is reached; `release` gives it back (once). */
  admit(client: string): Admission {
    const held = this.byClient.get(client) ?? 0;
    if (held >= this.caps.perClient) return { ok: false, reason: "client" };
    if (this.open >= this.caps.total) return { ok: false, reason: "total" };
    this.byClient.set(client, held + 1);
    this.open++;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.open--;
        const left = (this.byClient.get(client) ?? 1) - 1;
        if (left > 0) this.byClient.set(client, left);
        else this.byClient.delete(client);
      },
    };
  }

  get size(): number {
    return this.open;
  }
}
