import { asc, eq } from "drizzle-orm";
import { DomainError } from "../../core/errors";
import { type ConceptDefinition, conceptNamesIn } from "../../core/tagging/concepts";
import type { Db, Executor } from "../client";
import { type Concept, concepts, topics } from "../schema";
import { restartTopicRetags } from "./topics";

export type ConceptInput = Pick<Concept, "name" | "query" | "termCount"> &
  Partial<Pick<Concept, "description" | "seeded">>;

/** A concept that topics still use cannot be deleted; the message names them. */
export class ConceptInUseError extends DomainError {
  override name = "ConceptInUseError";
  constructor(
    readonly concept: string,
    readonly topicSlugs: string[],
  ) {
    super("conflict", `the concept @${concept} is used by the topics ${topicSlugs.join(", ")}`, {
      details: { concept, topics: topicSlugs },
    });
  }
}

/** Every concept, by name. */
export async function listConcepts(db: Executor): Promise<Concept[]> {
  return db.select().from(concepts).orderBy(asc(concepts.name));
}

export async function getConcept(db: Executor, name: string): Promise<Concept | undefined> {
  const rows = await db.select().from(concepts).where(eq(concepts.name, name)).limit(1);
  return rows[0];
}

/** What compiling needs: each concept's name and text, with its id and version for a tagger's signature. */
export async function conceptDefinitions(
  db: Executor,
): Promise<Array<ConceptDefinition & Pick<Concept, "id" | "version">>> {
  return db
    .select({ id: concepts.id, name: concepts.name, query: concepts.query, version: concepts.version })
    .from(concepts)
    .orderBy(asc(concepts.id));
}

/** Each concept's id and version: a few bytes, read per ingest transaction to see whether any changed. */
export async function conceptVersions(db: Executor): Promise<Array<Pick<Concept, "id" | "version">>> {
  return db.select({ id: concepts.id, version: concepts.version }).from(concepts).orderBy(asc(concepts.id));
}

/** A concept's name, text, id and version, as the tagger compiles it. */
export type ConceptQuery = Awaited<ReturnType<typeof conceptDefinitions>>[number];

/** Concept name -> slugs of the topics whose queries use it (read from the queries themselves). */
export async function topicsByConcept(db: Executor): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ slug: topics.slug, query: topics.query })
    .from(topics)
    .orderBy(asc(topics.id));
  const out = new Map<string, string[]>();
  for (const row of rows) {
    for (const name of conceptNamesIn(row.query)) out.set(name, [...(out.get(name) ?? []), row.slug]);
  }
  return out;
}

async function topicsUsing(db: Executor, name: string): Promise<Array<{ id: number; slug: string }>> {
  const rows = await db
    .select({ id: topics.id, slug: topics.slug, query: topics.query })
    .from(topics)
    .orderBy(asc(topics.id));
  return rows.filter((row) => conceptNamesIn(row.query).includes(name));
}

export interface ConceptPut {
  concept: Concept;
  created: boolean;
  /** Slugs of the topics marked for a retag because the concept's terms changed. */
  retagged: string[];
}

/**
 * Creates or replaces a concept. New terms bump its version and, in the same transaction, mark every topic
 * that uses it for a retag as a query edit does; a changed description alone retags nothing.
 */
export async function putConcept(db: Db, input: ConceptInput, now: number): Promise<ConceptPut> {
  return db.transaction(async (tx) => {
    const current = await getConcept(tx, input.name);
    if (!current) {
      const rows = await tx
        .insert(concepts)
        .values({
          ...input,
          description: input.description ?? "",
          version: 1,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      // A topic saved while no such concept existed (it cannot be, but a database restored from a backup
      // may hold one) starts matching now.
      const users = await topicsUsing(tx, input.name);
      await restartTopicRetags(
        tx,
        users.map((t) => t.id),
        now,
      );
      return { concept: rows[0]!, created: true, retagged: users.map((t) => t.slug) };
    }
    const termsChanged = current.query !== input.query;
    const rows = await tx
      .update(concepts)
      .set({
        query: input.query,
        termCount: input.termCount,
        description: input.description ?? current.description,
        updatedAt: now,
        ...(termsChanged ? { version: current.version + 1 } : {}),
      })
      .where(eq(concepts.id, current.id))
      .returning();
    const users = termsChanged ? await topicsUsing(tx, input.name) : [];
    await restartTopicRetags(
      tx,
      users.map((t) => t.id),
      now,
    );
    return { concept: rows[0]!, created: false, retagged: users.map((t) => t.slug) };
  });
}

/** Adds a concept unless one of that name exists (the seed: a user's own concept of that name stays). */
export async function addConceptIfMissing(db: Executor, input: ConceptInput): Promise<boolean> {
  const rows = await db
    .insert(concepts)
    .values({ ...input, description: input.description ?? "" })
    .onConflictDoNothing({ target: concepts.name })
    .returning({ id: concepts.id });
  return rows.length > 0;
}

/** Deletes a concept no topic uses; throws ConceptInUseError naming the topics that still do. */
export async function deleteConcept(db: Db, name: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const users = await topicsUsing(tx, name);
    if (users.length > 0) {
      throw new ConceptInUseError(
        name,
        users.map((t) => t.slug),
      );
    }
    const rows = await tx.delete(concepts).where(eq(concepts.name, name)).returning({ id: concepts.id });
    return rows.length > 0;
  });
}
