import { type CompileOptions, compileTopics } from "./compile";
import type { ConceptDefinition } from "./concepts";
import { defaultConcepts } from "./default-concepts";
import { defaultTopics } from "./default-topics";
import type { TopicDefinition, TopicMatcher } from "./types";

/** The bundled concepts as the compiler takes them: what the default topics' `@name`s stand for. */
export function defaultConceptDefinitions(): readonly ConceptDefinition[] {
  return defaultConcepts().map(({ name, query }) => ({ name, query }));
}

/**
 * Compiles the default topics (or other queries that use the bundled concepts) with the bundled concepts, as a
 * freshly seeded database would: the one way tests, benchmarks and tools compile them outside a database.
 */
export function compileDefaultTopics(
  topics: ReadonlyArray<Pick<TopicDefinition, "slug" | "query">> = defaultTopics,
  options: Omit<CompileOptions, "concepts"> = {},
): TopicMatcher {
  return compileTopics([...topics], { ...options, concepts: defaultConceptDefinitions() });
}
