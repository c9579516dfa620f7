import { describe, expect, it } from "vitest";
import { GLOBAL_NORTH, ISO_COUNTRIES, REGION_LABELS, regionOf } from "../../../core/coverage/regions";

describe("regionOf", () => {
  it.each([
    ["DE", "global-north"],
    ["US", "global-north"],
    ["GB", "global-north"],
    ["JP", "global-north"],
    ["AU", "global-north"],
    ["NZ", "global-north"],
    ["RU", "global-north"],
    ["UA", "global-north"],
    ["RS", "global-north"],
    ["GL", "global-north"],
    ["PM", "global-north"],
    ["BM", "global-north"],
    ["XK", "global-north"],
    ["de", "global-north"],
    [" fr ", "global-north"],
    ["UK", "global-north"],
    ["CN", "global-south"],
    ["IN", "global-south"],
    ["BR", "global-south"],
    ["NG", "global-south"],
    ["ZA", "global-south"],
    ["MX", "global-south"],
    ["IL", "global-south"],
    ["KR", "global-south"],
    ["SG", "global-south"],
    ["TW", "global-south"],
    ["HK", "global-south"],
    ["CY", "global-south"],
    ["TR", "global-south"],
    ["QA", "global-south"],
    ["RE", "global-south"],
    ["AQ", "unknown"],
    ["ZZ", "unknown"],
    ["EU", "unknown"],
    ["DEU", "unknown"],
    ["", "unknown"],
    [null, "unknown"],
  ] as const)("places %j in %s", (country, region) => {
    expect(regionOf(country)).toBe(region);
  });

  it("knows the 249 ISO 3166-1 codes and every Global North code but XK is one of them", () => {
    expect(ISO_COUNTRIES.size).toBe(249);
    expect([...GLOBAL_NORTH].filter((code) => !ISO_COUNTRIES.has(code))).toEqual(["XK"]);
  });

  it("labels every region", () => {
    expect(REGION_LABELS).toEqual({
      "global-north": "Global North",
      "global-south": "Global South",
      unknown: "Unknown",
    });
  });
});
