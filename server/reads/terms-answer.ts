import type { ScopeParams } from "../../core/coverage/coverage-scope";
import { DomainError } from "../../core/errors";
import { evidenceScope } from "../../core/tagging/evidence-answer";
import { TopicEvidence } from "../../core/tagging/topic-evidence";
import type { Executor } from "../../db/client";
import { resolveScopeIn } from "../../db/queries/feeds";
import { readEvidenceTexts } from "../../db/queries/topic-evidence";
import { getTopic } from "../../db/queries/topics";

/** The validated request of GET /api/topics/:slug/terms (server/routes/topic-evidence.ts), as plain data. */
export interface TermsQuery extends ScopeParams {
  slug: string;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/**
 * A topic's distinctive terms, read in the calling thread (a read worker, or in-process: see reads.ts). It reads up
 * to EVIDENCE_ARTICLE_CAP articles' texts on each side and analyses them all, a second or more of one core for a
 * busy topic at a million articles; the dashboard asks for it on every view, so it must not hold the HTTP thread.
 */
export async function answerTerms(db: Executor, q: TermsQuery, now: number) {
  const topic = await getTopic(db, q.slug);
  if (!topic) throw new DomainError("not_found", `no topic '${q.slug}'`);
  // The filters of the chart (feed, folder, lang, country, region), checked as /api/coverage checks them.
  const scope = await resolveScopeIn(db, q);
  const texts = await readEvidenceTexts(db, topic.id, { from: q.from, to: q.to }, scope, { now });
  const items = new TopicEvidence(texts.topic, texts.rest).terms(q.limit);
  return { items, ...evidenceScope(q.slug, scope.langs, texts) };
}
