import { DomainError } from "../errors";
import { ISO_COUNTRIES, type Region, regionOf } from "./regions";

/**
 * The filters `feed, folder, lang, country, region` of /api/coverage and /api/articles, checked and resolved into
 * what the stores can filter on. Every filter is a property of the outlet (feed, folder, country, region) or of the
 * article (lang), and the detail rollups are keyed by feed and language, so folder, country and region become sets
 * of feed ids here and every count under a filter stays a rollup read.
 */

export const REGION_FILTERS = ["north", "south"] as const;
export type RegionFilter = (typeof REGION_FILTERS)[number];
const REGION_OF_FILTER: Readonly<Record<RegionFilter, Region>> = {
  north: "global-north",
  south: "global-south",
};

/** The key a breakdown gives articles without a language or outlets without a country; also a filter value. */
export const UNKNOWN = "unknown";

export interface ScopeParams {
  feed?: string | undefined;
  /** OPML folder names, as feeds are filed (exact, case included). */
  folder?: string | undefined;
  lang?: string | undefined;
  country?: string | undefined;
  region?: string | undefined;
}

/** What the filters leave: null is "no filter"; an empty list matches nothing. */
export interface Scope {
  feedIds: number[] | null;
  /** Language codes; "" stands for articles whose language is unknown. */
  langs: string[] | null;
}

export interface ScopeFeed {
  id: number;
  country: string | null;
  folder?: string | null | undefined;
}

/** The names of every filter, so a caller can tell whether a query asks for any (and only then list the feeds). */
export const SCOPE_FILTERS = ["feed", "folder", "lang", "country", "region"] as const satisfies ReadonlyArray<
  keyof ScopeParams
>;

export const hasScopeFilter = (params: ScopeParams): boolean =>
  SCOPE_FILTERS.some((name) => params[name] !== undefined);

export const NO_SCOPE: Scope = { feedIds: null, langs: null };

export const isScoped = (scope: Scope): boolean => scope.feedIds !== null || scope.langs !== null;

/** The scope the filters name; a value that names no known feed, language, country or region is a 400. */
export function resolveScope(params: ScopeParams, feeds: readonly ScopeFeed[]): Scope {
  const feedIds = listParam(params.feed, "feed")?.map((value) => feedId(value, feeds));
  const folders = listParam(params.folder, "folder")?.map((value) => folderName(value, feeds));
  const langs = listParam(params.lang, "lang")?.map(languageCode);
  const countries = listParam(params.country, "country")?.map(countryCode);
  const regions = listParam(params.region, "region")?.map(regionCode);
  let outlets: ScopeFeed[] | null = null;
  const narrow = (keep: (feed: ScopeFeed) => boolean) => {
    outlets = (outlets ?? feeds).filter(keep);
  };
  if (feedIds) narrow((f) => feedIds.includes(f.id));
  if (folders) narrow((f) => folders.includes(f.folder ?? ""));
  if (countries) narrow((f) => countries.includes(countryOf(f)));
  if (regions) narrow((f) => regions.includes(regionOf(f.country)));
  return {
    feedIds: outlets === null ? null : (outlets as ScopeFeed[]).map((f) => f.id),
    langs: langs ?? null,
  };
}

/** An outlet's country as breakdowns key it: upper-case ISO code, "" when unknown. */
export function countryOf(feed: ScopeFeed): string {
  const code = feed.country?.trim().toUpperCase() ?? "";
  return code === "UK" ? "GB" : code;
}

function listParam(value: string | undefined, param: keyof ScopeParams): string[] | undefined {
  if (value === undefined) return undefined;
  const values = [
    ...new Set(
      value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  if (values.length === 0) throw invalid(param, "needs at least one value", []);
  return values;
}

function feedId(value: string, feeds: readonly ScopeFeed[]): number {
  const id = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!feeds.some((f) => f.id === id)) throw invalid("feed", `no feed with id '${value}'`, [value]);
  return id;
}

/** A folder some feed is filed under; one no feed is in names nothing the reader could have meant, so a 400. */
function folderName(value: string, feeds: readonly ScopeFeed[]): string {
  if (!feeds.some((f) => f.folder === value)) throw invalid("folder", `no folder '${value}'`, [value]);
  return value;
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** A language code as articles store it (the primary subtag, lower case), or "" for `unknown`. */
function languageCode(value: string): string {
  const code = value.toLowerCase();
  if (code === UNKNOWN) return "";
  if (/^[a-z]{2,3}$/.test(code) && !["und", "mul", "mis", "zxx"].includes(code)) {
    try {
      const canonical = Intl.getCanonicalLocales(code)[0]?.split("-")[0];
      if (canonical && languageNames.of(canonical) !== undefined) return canonical;
    } catch {
      // Not a well-formed tag: refused below.
    }
  }
  throw invalid("lang", `'${value}' is not a language code such as en or de (or '${UNKNOWN}')`, [value]);
}

function countryCode(value: string): string {
  if (value.toLowerCase() === UNKNOWN) return "";
  const code = countryOf({ id: 0, country: value });
  if (!ISO_COUNTRIES.has(code)) {
    throw invalid(
      "country",
      `'${value}' is not an ISO 3166-1 alpha-2 country code such as DE (or '${UNKNOWN}')`,
      [value],
    );
  }
  return code;
}

function regionCode(value: string): Region {
  const region = REGION_OF_FILTER[value.toLowerCase() as RegionFilter];
  if (!region) {
    throw invalid("region", `'${value}' is not a region; use ${REGION_FILTERS.join(" or ")}`, [value]);
  }
  return region;
}

function invalid(param: keyof ScopeParams, message: string, unknown: string[]): DomainError {
  return new DomainError("invalid_request", message, { param, details: { param, unknown } });
}
