import { storyShingles } from "./shingles";

type StoryText = { title: string; summary: string; lang: string | null };

/**
 * Shingle sets by the text they were computed from, the most recent `limit` texts. A store compares each new
 * article with stored candidates, which are mostly the articles stored just before: their shingles were
 * computed once already (by the document worker, before they were stored), and analysing their text again cost
 * a store ~2% of its time. Keyed by the text itself, an entry can never be stale: an article whose headline
 * changes is simply another key.
 */
export class ShingleCache {
  readonly #byText = new Map<string, Uint32Array>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The text's shingles, computed here unless known. */
  of(text: StoryText): Uint32Array {
    const key = keyOf(text);
    let shingles = this.#byText.get(key);
    if (!shingles) {
      shingles = storyShingles(text);
      this.#put(key, shingles);
    }
    return shingles;
  }

  /** Shingles computed elsewhere from this very text (storyShingles with its default options). */
  remember(text: StoryText, shingles: Uint32Array): void {
    this.#put(keyOf(text), shingles);
  }

  get size(): number {
    return this.#byText.size;
  }

  #put(key: string, shingles: Uint32Array): void {
    // Oldest first out: a Map iterates in insertion order.
    this.#byText.delete(key);
    this.#byText.set(key, shingles);
    if (this.#byText.size > this.#limit) this.#byText.delete(this.#byText.keys().next().value!);
  }
}

const keyOf = (text: StoryText) => `${text.lang ?? ""}\u0000${text.title}\u0000${text.summary}`;
