/** The stored topic row as far as its public shape needs it (db/schema's Topic has these and more). */
export interface TopicRecord {
  slug: string;
  name: string;
  description: string;
  color: string;
  query: string;
  version: number;
  taggedVersion: number;
  retagDone: number;
  retagTotal: number;
  createdAt: number;
  updatedAt: number;
}

/** A topic as `GET /api/topics` lists it and `topics list --json` prints it: one shape for both. */
export interface TopicJson {
  slug: string;
  name: string;
  description: string;
  color: string;
  query: string;
  version: number;
  articleCount: number;
  retag: { state: "done" | "pending" | "running"; done: number; total: number };
  createdAt: string;
  updatedAt: string;
}

export function topicJson(topic: TopicRecord, articleCount: number): TopicJson {
  const state = topic.taggedVersion >= topic.version ? "done" : topic.retagDone > 0 ? "running" : "pending";
  return {
    slug: topic.slug,
    name: topic.name,
    description: topic.description,
    color: topic.color,
    query: topic.query,
    version: topic.version,
    articleCount,
    retag: { state, done: topic.retagDone, total: topic.retagTotal },
    createdAt: new Date(topic.createdAt).toISOString(),
    updatedAt: new Date(topic.updatedAt).toISOString(),
  };
}
