/**
 * A string of its own with the characters of `slice`. V8 keeps a slice of 13 or more characters as a view of the
 * string it was cut from: kept as a cache key or an interned term, a word cut from an article's text pins the
 * whole text (a summary of up to 2,000 characters) for as long as the key lives. Slicing a concatenation copies
 * the characters into a new string first; shorter slices are copies already.
 */
export const ownCopy = (slice: string): string => (slice.length < 13 ? slice : ` ${slice}`.slice(1));
