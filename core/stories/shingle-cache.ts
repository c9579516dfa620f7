import { storyShingles } from "./shingles";

type StoryText = { title: string; summary: string; lang: string | null };

/**
 * Shingle sets by the text they were computed from, the most recent `limit` texts, and no more than about `bytes`
 * of keys and sets together: a key is the whole text, and a summary may run to 2,000 characters (5,000 such
 * texts held 13.5 MB; within a 4 MB budget, 1,168 of them held 3.0 MB). A store compares each new
 * article with stored candidates, which are mostly the articles stored just before: their shingles were
 * computed once already (by the document worker, before they were stored), and analysing their text again cost
 * a store ~2% of its time. Keyed by the text itself, an entry can never be stale: an article whose headline
 * changes is simply another key.
 */
export class ShingleCache {
  readonly #byText = new Map<string, Uint32Array>();
  readonly #limit: number;
  readonly #bytes: number;
  /** The keys' bytes (two a character: text outside Latin-1 is held so) and the sets' bytes. */
  #held = 0;

  constructor(limit: number, bytes = Number.POSITIVE_INFINITY) {
    this.#limit = limit;
    this.#bytes = bytes;
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
    this.#drop(key);
    this.#byText.set(key, shingles);
    this.#held += sizeOf(key, shingles);
    // Oldest first out: a Map iterates in insertion order.
    while (this.#byText.size > this.#limit || (this.#held > this.#bytes && this.#byText.size > 1)) {
      this.#drop(this.#byText.keys().next().value!);
    }
  }

  #drop(key: string): void {
    const shingles = this.#byText.get(key);
    if (!shingles) return;
    this.#byText.delete(key);
    this.#held -= sizeOf(key, shingles);
  }
}

const sizeOf = (key: string, shingles: Uint32Array) => 2 * key.length + shingles.byteLength;

const keyOf = (text: StoryText) => `${text.lang ?? ""}\u0000${text.title}\u0000${text.summary}`;
