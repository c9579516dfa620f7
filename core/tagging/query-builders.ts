/** Query-writing helpers for the bundled topics: plain string building, so the result is a normal query. */

/** `(a OR b OR c)`; items are query fragments, so multi-word ones must be quoted phrases already. */
export const anyOf = (...items: string[]): string => `(${items.join(" OR ")})`;

/** `(a AND b AND c)`. */
export const allOf = (...items: string[]): string => `(${items.join(" AND ")})`;

/** `(a NEAR/n b)`. */
export const near = (distance: number, left: string, right: string): string =>
  `(${left} NEAR/${distance} ${right})`;

/** `NOT (...)`, to put inside allOf. */
export const not = (item: string): string => `NOT ${item}`;

/** `(a OR b OR c)` from a whitespace-separated list; "quoted phrases" stay whole, and a repeated item counts once. */
export const oneOf = (list: string): string => anyOf(...new Set(list.match(/"[^"]*"|\S+/g) ?? []));
