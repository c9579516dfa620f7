import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { type AddressPolicy, describeRange } from "../../core/urls/address-policy";
import { FeedError } from "./feed-error";

/**
 * A `lookup` for net/tls/undici connectors that refuses a name when any address it resolves to is refused.
 * Checking at connect time (not before) is what defeats DNS rebinding: the addresses checked are the ones
 * the socket then uses. Connectors never call it for IP literals; check those with `ipLiteral` first.
 */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const first = addresses[0];
      if (!first) return callback(notFound(hostname), "", 0);
      for (const { address } of addresses) {
        const reason = policy.refusal(address);
        if (reason !== null) {
          // The address stays out of the message, which strangers read on the feed: it maps the network.
          const message = `${hostname} resolves to an address inside the network, which is refused; set TIDEMARK_ALLOW_PRIVATE_URLS=1 to allow it`;
          const detail = `${hostname} resolves to ${describeRange(reason)} ${address}`;
          const error = new FeedError("blocked-address", message, { detail });
          return callback(error as NodeJS.ErrnoException, "", 0);
        }
      }
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });
}
