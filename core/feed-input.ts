import { z } from "zod";
import { firstControlCharacter } from "./text/control-characters";
import { httpLink } from "./urls/http-link";

/**
 * A feed as a user describes it: the body of `POST /api/feeds`, and every entry of an OPML import (API and
 * CLI), so a list of 20,000 feeds is held to exactly the rules one feed typed by hand is. The URL's address
 * policy is checked apart (checkFeedUrl), since it depends on TIDEMARK_ALLOW_PRIVATE_URLS.
 */
// The API's guard refuses these in any JSON; an OPML file is XML, which the parser lets them through in.
const plainText = (text: string) => firstControlCharacter(text) === null;
const NO_CONTROL = "must not contain control characters";

const name = z.string().trim().min(1).max(200).refine(plainText, NO_CONTROL);
const lang = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "a BCP 47 language tag such as en or pt-BR");
const country = z
  .string()
  .regex(/^[a-zA-Z]{2}$/, "an ISO 3166-1 alpha-2 country code such as DE")
  .transform((v) => v.toUpperCase());
/** A collection's name, as feed readers' OPML folders have them ("Tech", "Africa"). */
const folder = z.string().trim().min(1).max(100).refine(plainText, NO_CONTROL);

export const FeedInputSchema = z.object({
  url: z.string().min(1).max(2048).refine(plainText, NO_CONTROL),
  name: name.optional(),
  lang: lang.optional(),
  country: country.optional(),
  folder: folder.optional(),
  siteUrl: z
    .string()
    .max(2048)
    .refine((v) => httpLink(v) !== null, "an http(s) URL")
    .transform((v) => httpLink(v)!)
    .optional(),
});

export type FeedInput = z.infer<typeof FeedInputSchema>;

/**
 * A change to a feed (`PATCH /api/feeds/:id`, `feeds edit|pause|resume`): each field as POST checks it, null to
 * clear it; fields left out stay as they are. The URL is not editable: a feed is its URL (a 301 moves it).
 */
export const FeedPatchSchema = z
  .object({
    name: name.nullable().optional(),
    lang: lang.nullable().optional(),
    country: country.nullable().optional(),
    folder: folder.nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export type FeedPatch = z.infer<typeof FeedPatchSchema>;
