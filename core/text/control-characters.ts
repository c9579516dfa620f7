/**
 * Characters that are never text a person meant: C0 controls but tab, newline and carriage return, DEL and
 * the C1 controls. Terminals act on them (ESC starts an escape sequence) and NUL cuts strings in C code.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069): invisible, they reorder the text around
 * them, so a feed title can show a reader something other than what it says ("Trojan Source").
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

const UNSAFE = new RegExp(`${CONTROL.source}|${BIDI_CONTROL.source}`, "g");

/** Where the first control character of `text` is, with its code point as U+XXXX; null when there is none. */
export function firstControlCharacter(text: string): { index: number; codePoint: string } | null {
  const match = CONTROL.exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  return { index: match.index, codePoint: `U+${code}` };
}

/** `text` without control characters or bidi overrides: what untrusted text (a feed's) keeps. */
export function stripUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE, "");
}
