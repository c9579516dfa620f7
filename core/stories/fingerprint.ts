import { primaryLanguage } from "../tagging/analysis";
import { BANDS, type BandOptions, bandKeys, minhashSignature } from "./minhash";
import type { ArticleToPlace } from "./placement";
import { SHINGLES, type ShingleOptions, storyShingles } from "./shingles";

/** What the story index knows of an article: its shingle set and band keys, computed once before storing. */
export function storyFingerprint(
  article: { title: string; summary: string; lang: string | null; publishedAt: number },
  options: { shingles?: ShingleOptions; bands?: BandOptions } = {},
): ArticleToPlace {
  const shingles = storyShingles(article, options.shingles ?? SHINGLES);
  const bands = options.bands ?? BANDS;
  // Stories stay within a language; its regional variants (pt, pt-BR) are one.
  const keys = bandKeys(minhashSignature(shingles, bands), primaryLanguage(article.lang), bands);
  return { shingles, keys, publishedAt: article.publishedAt };
}
