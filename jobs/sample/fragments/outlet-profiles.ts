import type { SectionKind, Topic } from "../fragment-format";
import { englishOutletProfiles } from "./outlets-english";
import { worldOutletProfiles } from "./outlets-world";

/** How each outlet's feed is written: format, bytes, sections, bylines and how much of the story it carries. */
export interface OutletProfile {
  format: "rss2" | "atom" | "rdf" | "json";
  /** Legacy byte encoding and the name the XML declaration gives for it; UTF-8 otherwise. */
  encoding?: { iconv: string; declared: string };
  /** Left out on purpose for a couple of feeds, so language detection has work to do. */
  declareLanguage: boolean;
  feedTitle: string;
  /** Minutes east of UTC, for the local publishing hours and the date's offset. */
  utcOffset: number;
  /** Relative share of its language's articles. */
  weight: number;
  /** Multiplies `weight` for a topic: a markets desk carries more of the Nvidia story. */
  affinity?: Partial<Record<Topic, number>>;
  sections: Record<SectionKind, string>;
  authors: readonly string[];
  /** Summary wrapped in a paragraph, as many CMSs do: escaped, or inside CDATA. */
  htmlSummary?: "escaped" | "cdata";
  /** Some CMSs append campaign parameters to feed links; the normalizer should drop them. */
  trackingQuery?: string;
  guid: "link" | "id";
}

/** Every outlet's profile, keyed by its file under jobs/sample/feeds. */
export const outletProfiles: Record<string, OutletProfile> = {
  ...englishOutletProfiles,
  ...worldOutletProfiles,
};
