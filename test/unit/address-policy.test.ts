import { describe, expect, it } from "vitest";
import {
  addressPolicy,
  anyAddress,
  ipLiteral,
  publicAddressesOnly,
  refusedRange,
} from "../../core/urls/address-policy";
import { checkFeedUrl } from "../../core/urls/feed-url";

describe("refusedRange", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["169.254.169.254", "cloud metadata"],
    ["fd00:ec2::254", "cloud metadata"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["2001:db8::1", "reserved"],
  ])("refuses %s as %s", (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it.each([
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:a00:1", "private"],
    ["::ffff:169.254.169.254", "cloud metadata"],
    ["::7f00:1", "loopback"],
    ["::10.0.0.1", "private"],
    ["64:ff9b::7f00:1", "loopback"],
    ["64:ff9b::a9fe:a9fe", "cloud metadata"],
    ["2002:c0a8:0101::1", "private"],
  ])("refuses %s, an IPv6 spelling of a refused IPv4 address, as %s", (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "169.255.0.1",
    "2606:4700:4700::1111",
    "64:ff9b::808:808",
    "2002:0808:0808::1",
  ])("allows the public address %s", (address) => {
    expect(refusedRange(address)).toBeNull();
  });

  it.each([
    ["::ffff:8.8.8.8", "IPv4-mapped"],
    ["::ffff:0:0", "unspecified"],
    ["::ffff:0:808:808", "IPv4-translated"],
    ["::ffff:0:7f00:1", "loopback"],
    ["::ffff:0:a00:1", "private"],
    ["2001::1", "Teredo"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"],
    ["64:ff9b::10.0.0.1", "private"],
    ["64:ff9b::169.254.169.254", "cloud metadata"],
    ["2002:a00:1::", "private"],
    ["2002:7f00:1::1", "loopback"],
  ])("refuses %s (IPv4 carried in IPv6: mapped, translated, Teredo, NAT64, 6to4) as %s", (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it("refuses anything that is not an IP address rather than guessing", () => {
    expect(refusedRange("localhost")).toBe("not an IP address");
    expect(refusedRange("")).toBe("not an IP address");
  });
});

describe("policies", () => {
  it("addressPolicy(true) allows loopback and addressPolicy(false) refuses it", () => {
    expect(addressPolicy(true).refusal("127.0.0.1")).toBeNull();
    expect(addressPolicy(false).refusal("127.0.0.1")).toBe("loopback");
    expect(anyAddress.refusal("169.254.169.254")).toBeNull();
  });

  it("publicAddressesOnly lets listed exceptions through and nothing else", () => {
    const policy = publicAddressesOnly(["127.0.0.1", "10.1.0.0/16"]);
    expect(policy.refusal("127.0.0.1")).toBeNull();
    expect(policy.refusal("10.1.2.3")).toBeNull();
    expect(policy.refusal("127.0.0.2")).toBe("loopback");
    expect(policy.refusal("10.2.0.1")).toBe("private");
    expect(policy.refusal("::1")).toBe("loopback");
  });
});

describe("checkFeedUrl on IPv6 forms that carry IPv4", () => {
  it.each([
    ["http://[::ffff:0:7f00:1]/", "a loopback address"],
    ["http://[::ffff:8.8.8.8]/", "an IPv4-mapped address"],
    ["http://[2001::1]/", "a Teredo address"],
    ["http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "a Teredo address"],
    ["http://[::ffff:0:0:0]/", "an unspecified address"],
    ["http://0.0.0.0/", "an unspecified address"],
    ["http://[64:ff9b::10.0.0.1]/", "a private address"],
    ["http://[2002:a00:1::]/", "a private address"],
  ])("refuses %s as %s", (url, words) => {
    expect(() => checkFeedUrl(url, false)).toThrow(` is ${words}; set TIDEMARK_ALLOW_PRIVATE_URLS=1`);
  });

  it("still allows NAT64 and 6to4 addresses of public IPv4 hosts", () => {
    expect(checkFeedUrl("http://[64:ff9b::808:808]/", false)).toBe("http://[64:ff9b::808:808]/");
    expect(checkFeedUrl("http://[2002:808:808::1]/", false)).toBe("http://[2002:808:808::1]/");
  });
});

describe("ipLiteral", () => {
  it("returns the address of IPv4 and bracketed IPv6 hostnames and null for names", () => {
    expect(ipLiteral("127.0.0.1")).toBe("127.0.0.1");
    expect(ipLiteral("[::1]")).toBe("::1");
    expect(ipLiteral("example.com")).toBeNull();
    expect(ipLiteral("localhost")).toBeNull();
  });

  it("sees every WHATWG spelling of loopback as a literal, since URL parsing normalises them", () => {
    for (const url of ["http://0x7f.1/", "http://2130706433/", "http://0177.0.0.1/", "http://127.1/"]) {
      expect(ipLiteral(new URL(url).hostname)).toBe("127.0.0.1");
    }
    const mapped = ipLiteral(new URL("http://[::ffff:127.0.0.1]/").hostname);
    expect(mapped).toBe("::ffff:7f00:1");
    expect(refusedRange(mapped ?? "")).toBe("loopback");
  });
});
