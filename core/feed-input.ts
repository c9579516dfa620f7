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

export const FeedInputSchema = z.object({
  url: z.string().min(1).max(2048).refine(plainText, NO_CONTROL),
  name: z.string().trim().min(1).max(200).refine(plainText, NO_CONTROL).optional(),
  lang: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "a BCP 47 language tag such as en or pt-BR")
    .optional(),
  country: z
    .string()
    .regex(/^[a-zA-Z]{2}$/, "an ISO 3166-1 alpha-2 country code such as DE")
    .transform((v) => v.toUpperCase())
    .optional(),
  siteUrl: z
    .string()
    .max(2048)
    .refine((v) => httpLink(v) !== null, "an http(s) URL")
    .transform((v) => httpLink(v)!)
    .optional(),
});

export type FeedInput = z.infer<typeof FeedInputSchema>;
