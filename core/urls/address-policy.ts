import { BlockList, isIP, isIPv4 } from "node:net";

/**
 * Which IP addresses an outgoing request may reach. Feeds and webhooks are URLs typed in by users, so without
 * this a feed could point the server at its own admin ports, the LAN or the cloud metadata service (SSRF).
 */
export interface AddressPolicy {
  /** Why connecting to `address` is refused ("loopback", "private", ...), or null when it is allowed. */
  refusal(address: string): string | null;
}

// Ranges that are never a public web server. Each gets a name so the feed's lastError says what happened.
const REFUSED_RANGES: ReadonlyArray<readonly [name: string, cidrs: readonly string[]]> = [
  ["unspecified", ["0.0.0.0/8", "::/128"]],
  ["loopback", ["127.0.0.0/8", "::1/128"]],
  ["cloud metadata", ["169.254.169.254/32", "fd00:ec2::254/128"]],
  ["private", ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "fec0::/10"]],
  ["link-local", ["169.254.0.0/16", "fe80::/10"]],
  ["carrier-grade NAT", ["100.64.0.0/10"]],
  ["multicast", ["224.0.0.0/4", "ff00::/8"]],
  // Teredo tunnels to an IPv4 address hidden (XORed) in the last 32 bits: nothing to check, refuse it whole.
  ["Teredo", ["2001::/32"]],
  ["broadcast", ["255.255.255.255/32"]],
  [
    "reserved",
    [
      "192.0.0.0/24",
      "192.0.2.0/24",
      "198.18.0.0/15",
      "198.51.100.0/24",
      "203.0.113.0/24",
      "240.0.0.0/4",
      "100::/64",
      "2001:db8::/32",
      "64:ff9b:1::/48",
    ],
  ],
];

const BLOCK_LISTS: ReadonlyArray<readonly [string, BlockList]> = REFUSED_RANGES.map(([name, cidrs]) => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network = "", prefix = ""] = cidr.split("/");
    list.addSubnet(network, Number(prefix), isIPv4(network) ? "ipv4" : "ipv6");
  }
  return [name, list] as const;
});

/** The name of the refused range `address` falls in, or null for a public address. Not an IP: refused. */
export function refusedRange(address: string): string | null {
  const ip = address.replace(/%.*$/, ""); // a zone id (fe80::1%eth0) says nothing about the range
  const family = isIP(ip);
  if (family === 0) return "not an IP address";
  if (family === 6) {
    // An IPv6 address that carries an IPv4 one (mapped, translated, compatible, NAT64, 6to4) reaches that IPv4
    // host. The first three are forms of the host's own stack, never a public server's address: refused whole
    // (ranges in code, since BlockList matches plain IPv4 addresses against ::ffff:0:0/96).
    const embedded = embeddedIPv4(ip);
    if (embedded)
      return refusedRange(embedded.v4) ?? (embedded.form === "translation" ? null : embedded.form);
  }
  for (const [name, list] of BLOCK_LISTS) {
    if (list.check(ip, family === 4 ? "ipv4" : "ipv6")) return name;
  }
  return null;
}

/** "a loopback address", "an unspecified address": a range name with its article, for messages. */
export function describeRange(name: string): string {
  return `${/^[aeiouAEIOU]/.test(name) ? "an" : "a"} ${name} address`;
}

/** Refuses every non-public range; `allow` lists exceptions (IPs or CIDRs), for intranets and tests. */
export function publicAddressesOnly(allow: readonly string[] = []): AddressPolicy {
  const exceptions = new BlockList();
  for (const entry of allow) {
    const [network = "", prefix] = entry.split("/");
    const type = isIPv4(network) ? "ipv4" : "ipv6";
    if (prefix === undefined) exceptions.addAddress(network, type);
    else exceptions.addSubnet(network, Number(prefix), type);
  }
  return {
    refusal(address) {
      const ip = address.replace(/%.*$/, "");
      const family = isIP(ip);
      if (family !== 0 && exceptions.check(ip, family === 4 ? "ipv4" : "ipv6")) return null;
      return refusedRange(ip);
    },
  };
}

export const anyAddress: AddressPolicy = { refusal: () => null };

/** The policy for TIDEMARK_ALLOW_PRIVATE_URLS. */
export function addressPolicy(allowPrivate: boolean): AddressPolicy {
  return allowPrivate ? anyAddress : publicAddressesOnly();
}

/**
 * The IP address a URL hostname spells, or null for a name. WHATWG URLs already normalise IPv4 spellings
 * (0x7f.1, 2130706433) to dotted form and keep IPv6 in brackets.
 */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? null : bare;
}

/** An IPv4 address carried in IPv6: `translation` forms (NAT64, 6to4) reach public hosts through a gateway. */
interface Embedded {
  v4: string;
  form: "IPv4-mapped" | "IPv4-translated" | "IPv4-compatible" | "translation";
}

function embeddedIPv4(ipv6: string): Embedded | null {
  const groups = ipv6Groups(ipv6);
  if (!groups) return null;
  const [a, b, c, d, e, f, g = 0, h = 0] = groups;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeroPrefix = a === 0 && b === 0 && c === 0 && d === 0;
  if (zeroPrefix && e === 0 && f === 0xffff) return { v4: v4(g, h), form: "IPv4-mapped" }; // ::ffff:a.b.c.d
  if (zeroPrefix && e === 0xffff && f === 0) return { v4: v4(g, h), form: "IPv4-translated" }; // ::ffff:0:a.b.c.d
  // ::a.b.c.d, deprecated (but not :: or ::1, which have their own names)
  if (zeroPrefix && e === 0 && f === 0 && (g !== 0 || h > 1))
    return { v4: v4(g, h), form: "IPv4-compatible" };
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0)
    return { v4: v4(g, h), form: "translation" }; // NAT64, 64:ff9b::/96
  if (a === 0x2002 && b !== undefined && c !== undefined) return { v4: v4(b, c), form: "translation" }; // 6to4
  return null;
}

/** The eight 16-bit groups of an IPv6 address (which `isIP` has already validated). */
function ipv6Groups(address: string): number[] | null {
  // Rewrite a trailing dotted quad (::ffff:127.0.0.1) as two hex groups, then expand "::".
  const text = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, o1, o2, o3, o4) =>
    [(Number(o1) << 8) | Number(o2), (Number(o3) << 8) | Number(o4)].map((n) => n.toString(16)).join(":"),
  );
  const parse = (part: string) =>
    part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16));
  const [head = "", rest] = text.split("::");
  const left = parse(head);
  const right = rest === undefined ? [] : parse(rest);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (rest === undefined && missing !== 0)) return null;
  return [...left, ...new Array<number>(missing).fill(0), ...right];
}
