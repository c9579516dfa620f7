export interface TopicDefinition {
  slug: string;
  name: string;
  description: string;
  /** CSS hex colour for charts. */
  color: string;
  query: string;
}

export interface ArticleText {
  title: string;
  summary: string;
  /** BCP 47 tag from the feed or detection; a hint for scripts that need dictionary segmentation. */
  lang?: string | null;
}

/** Why an article got a topic: a query term and where it matched (UTF-16 offsets, end exclusive). */
export interface MatchedTerm {
  term: string;
  field: "title" | "summary";
  start: number;
  end: number;
}

export interface TopicMatch {
  slug: string;
  terms: MatchedTerm[];
}

/** A topic whose query could not be compiled, and why; it tags nothing until its query is fixed. */
export interface BrokenTopic {
  slug: string;
  error: string;
}

export interface TopicMatcher {
  /** Topics the article belongs to, in the order the topics were compiled. */
  match(article: ArticleText): TopicMatch[];
  /** Topics left out because their query did not compile. */
  readonly broken: readonly BrokenTopic[];
}
