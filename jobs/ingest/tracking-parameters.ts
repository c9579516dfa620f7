/**
 * Query parameters that only say how a reader arrived, never which article it is. Chosen by name from the
 * analytics and ad systems that put them there; generic names (ref, source, from, src, partner, cid, id, p,
 * rss) stay even when some sites use them for tracking, because on other sites they select the content and
 * merging two articles is worse than keeping a duplicate URL. Compared case-insensitively.
 */
const TRACKING = new Set([
  // Google Ads / Analytics
  "gclid",
  "gclsrc",
  "dclid",
  "gbraid",
  "wbraid",
  "gad_source",
  "srsltid",
  "_ga",
  "_gl",
  // social networks and other ad platforms
  "fbclid",
  "igshid",
  "msclkid",
  "yclid",
  "ttclid",
  "twclid",
  "li_fat_id",
  "epik",
  "ref_src",
  "ref_url",
  "__twitter_impression",
  // mail campaigns: Mailchimp, HubSpot, Marketo, Omeda, Vero
  "mc_cid",
  "mc_eid",
  "_hsenc",
  "_hsmi",
  "mkt_tok",
  "oly_enc_id",
  "oly_anon_id",
  "vero_id",
  "vero_conv",
  // publishers' campaign codes: Guardian (CMP), NYT (smid, emc), MSN (ocid), Yahoo (ncid, guccounter)
  "cmpid",
  "cmp",
  "ocid",
  "ito",
  "icid",
  "smid",
  "emc",
  "ncid",
  "guccounter",
  "guce_referrer",
  "guce_referrer_sig",
  // AT Internet (BBC, Le Monde: xtor=RSS-…), Webtrends, Adobe, comScore, Matomo/Piwik, Alibaba
  "at_medium",
  "at_campaign",
  "at_custom1",
  "at_custom2",
  "at_custom3",
  "at_custom4",
  "at_link",
  "at_link_id",
  "at_link_origin",
  "at_link_type",
  "at_format",
  "at_bbc_team",
  "at_ptr_name",
  "at_ptr_type",
  "xtor",
  "xtref",
  "wt_mc",
  "wt_mc_id",
  "wt.mc_id",
  "s_kwcid",
  "s_cid",
  "ns_campaign",
  "ns_mchannel",
  "ns_source",
  "ns_linkname",
  "ns_fee",
  "pk_campaign",
  "pk_kwd",
  "pk_source",
  "pk_medium",
  "spm",
]);
/** Whole families: Urchin (utm_*) and Matomo (mtm_*) campaign parameters. */
const TRACKING_PREFIXES = ["utm_", "mtm_"];

/** Whether a parameter name (decoded, lower-case) only tracks the reader. */
export function isTrackingName(name: string): boolean {
  return TRACKING.has(name) || TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix));
}
