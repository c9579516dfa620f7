import type { Lane } from "../../core/lane-queue";
import type { ReadCall } from "./reads";

/**
 * The reads that take a read worker for a second or more at a million articles: a topic's spread (every tagged
 * article of the range), its distinctive terms (the texts of up to 20,000 articles a side), a selection's
 * stories, and coverage counted in stories (from the articles, not the rollups). Coverage in articles and an
 * article page come from rollups and indexes in milliseconds.
 */
export function readLane(call: ReadCall): Lane {
  switch (call.kind) {
    case "coverage":
      return call.query.unit === "stories" ? "slow" : "quick";
    case "articles":
      return "quick";
    case "spread":
    case "terms":
    case "stories":
      return "slow";
  }
}
