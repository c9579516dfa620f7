import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { TrustedProxy } from "../core/config";

declare module "hono" {
  interface ContextVariableMap {
    /** The client's address as this server believes it (see clientAddress); undefined without a socket. */
    clientAddress: string | undefined;
  }
}

/**
 * Finds who a request comes from, once, for the rate limits, the stream caps and the log. Behind a reverse proxy
 * every socket's peer is the proxy, so all clients would share one budget; X-Forwarded-For names the client, but
 * anyone can send that header, so it is believed only from a peer listed in TIDEMARK_TRUSTED_PROXIES.
 */
export function clientAddress(trusted: readonly TrustedProxy[]): MiddlewareHandler {
  const resolve = forwardedClient(trusted);
  return async (c, next) => {
    const peer = socketPeer(c);
    c.set("clientAddress", peer === undefined ? undefined : resolve(peer, c.req.header("x-forwarded-for")));
    await next();
  };
}

/** The address clientAddress settled on, else the socket's peer (a route mounted without the middleware). */
export function clientAddressOf(c: Context): string | undefined {
  return c.get("clientAddress") ?? socketPeer(c);
}

/**
 * The client behind a chain of proxies: X-Forwarded-For read from the right (each proxy appends the address it
 * was reached from), skipping trusted proxies; the first address not trusted is the client. Anything left of it
 * was written by the client itself and proves nothing. A malformed entry ends the walk at the last hop believed.
 */
export function forwardedClient(trusted: readonly TrustedProxy[]): (peer: string, header?: string) => string {
  const list = new BlockList();
  for (const proxy of trusted) {
    const type = proxy.family === 6 ? "ipv6" : "ipv4";
    list.addSubnet(proxy.address, proxy.prefix, type);
  }
  const isTrusted = (address: string) => {
    const plain = unmapped(address);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
  };
  return (peer, header) => {
    if (trusted.length === 0 || !header || !isTrusted(peer)) return peer;
    let client = peer;
    const hops = header.split(",").map((hop) => hop.trim());
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = unmapped(hops[i]!);
      if (isIP(hop) === 0) break;
      client = hop;
      if (!isTrusted(hop)) break;
    }
    return client;
  };
}

/** `::ffff:192.0.2.1`, as a dual-stack socket reports an IPv4 peer, is that IPv4 address. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** The socket's peer address; undefined when there is no socket (app.request() in tests, in-process calls). */
function socketPeer(c: Context): string | undefined {
  if (!c.env?.incoming) return undefined;
  return getConnInfo(c).remote.address;
}
