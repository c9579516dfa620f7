import iconv from "iconv-lite";

export type CharsetSource = "bom" | "header" | "declaration" | "sniffed" | "default";

export interface DecodedText {
  text: string;
  /** The decoder actually used, lower-case (`utf-8`, `gb18030`, `windows-1252`, ...). */
  charset: string;
  source: CharsetSource;
}

type Width = "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

// Labels iconv-lite accepts that no feed can be in; utf-7 is a classic filter-evasion trick.
const REFUSED = new Set(["base64", "hex", "binary", "utf7", "utf7imap", "ucs2", "utf16", "utf32"]);

// Feeds labelled gb2312 routinely carry GBK characters; GB18030 is a superset of both. Latin-1 labels get
// windows-1252 as browsers do, so C1-range punctuation (curly quotes from Word) comes out right.
const ALIASES: Record<string, string> = {
  gb2312: "gb18030",
  gbk: "gb18030",
  xgbk: "gb18030",
  csgb2312: "gb18030",
  gb231280: "gb18030",
  euccn: "gb18030",
  iso88591: "windows-1252",
  latin1: "windows-1252",
  l1: "windows-1252",
  usascii: "utf-8",
  ascii: "utf-8",
  utf8: "utf-8",
};

const WIDE = /^(utf-?(16|32)(le|be)?|ucs-?2|ucs-?4|unicode|u16|u32)$/;

/**
 * A charset label as a decoder name, or undefined when the label is bogus. UTF-16/32 labels come back
 * as "wide": they only make sense together with a byte pattern, which the caller checks.
 */
export function resolveCharset(label: string | null | undefined): string | "wide" | undefined {
  if (!label) return undefined;
  const cleaned = label
    .trim()
    .replace(/^["']|["']$/g, "")
    .toLowerCase();
  if (WIDE.test(cleaned)) return "wide";
  const key = cleaned.replace(/[^a-z0-9]/g, "");
  const alias = ALIASES[key];
  if (alias) return alias;
  if (REFUSED.has(key) || !iconv.encodingExists(cleaned)) return undefined;
  return cleaned;
}

function bomOf(bytes: Uint8Array): { width: Width | "utf-8"; length: number } | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { width: "utf-8", length: 3 };
  // UTF-32LE's BOM starts like UTF-16LE's, so test it first.
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { width: "utf-32le", length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { width: "utf-32be", length: 4 };
  if (a === 0xff && b === 0xfe) return { width: "utf-16le", length: 2 };
  if (a === 0xfe && b === 0xff) return { width: "utf-16be", length: 2 };
  return undefined;
}

/** XML 1.0 appendix F: without a BOM, the first ASCII character (`<` or whitespace) betrays the width. */
function widthPattern(bytes: Uint8Array): Width | undefined {
  if (bytes.length < 4) return undefined;
  const [a, b, c, d] = bytes as unknown as [number, number, number, number];
  if (a !== 0 && b === 0 && c === 0 && d === 0) return "utf-32le";
  if (a === 0 && b === 0 && c === 0 && d !== 0) return "utf-32be";
  if (a !== 0 && b === 0 && c !== 0 && d === 0) return "utf-16le";
  if (a === 0 && b !== 0 && c === 0 && d !== 0) return "utf-16be";
  return undefined;
}

/** The encoding pseudo-attribute, read from the first bytes as if they were ASCII. */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString("latin1");
  const start = head.indexOf("<?xml");
  if (start === -1) return undefined;
  const end = head.indexOf("?>", start);
  const decl = head.slice(start, end === -1 ? head.length : end);
  return /\sencoding\s*=\s*["']([^"']{1,40})["']/.exec(decl)?.[1];
}

const utf8Fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder("utf-8", { ignoreBOM: true });

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return undefined;
  }
}

function transcode(bytes: Uint8Array, charset: string): string {
  if (charset === "utf-8") return utf8Lenient.decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset, {
    stripBOM: false,
  });
}

function headerCharset(contentType: string | null | undefined): string | undefined {
  if (!contentType) return undefined;
  return /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType)?.[2];
}

/**
 * Feed bytes as a string. Sources in order: byte order mark, HTTP charset, XML declaration (or the
 * UTF-16/32 byte pattern), then UTF-8 when the bytes are valid UTF-8, else windows-1252. A bogus or
 * impossible label falls through to the next source.
 */
export function decodeFeed(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const bom = bomOf(bytes);
  if (bom) {
    const text = transcode(bytes.subarray(bom.length), bom.width);
    return { text, charset: bom.width, source: "bom" };
  }
  const pattern = widthPattern(bytes);
  const declared = pattern ? undefined : resolveCharset(declaredEncoding(bytes));
  const header = resolveCharset(headerCharset(contentType));
  const headerLabel = headerCharset(contentType)?.toLowerCase() ?? "";

  // A wide label is only believable when the bytes have the wide pattern, and vice versa.
  if (header && header !== "wide" && !pattern) {
    if (header !== "utf-8") return { text: transcode(bytes, header), charset: header, source: "header" };
    const text = tryUtf8(bytes);
    if (text !== undefined) return { text, charset: "utf-8", source: "header" };
    if (declared && declared !== "wide" && declared !== "utf-8") {
      return { text: transcode(bytes, declared), charset: declared, source: "declaration" };
    }
    if (/ascii/.test(headerLabel)) return fallback(bytes);
    return { text: utf8Lenient.decode(bytes), charset: "utf-8", source: "header" };
  }
  if (pattern) {
    const hasDecl = declaredEncodingWide(bytes, pattern);
    return { text: transcode(bytes, pattern), charset: pattern, source: hasDecl ? "declaration" : "sniffed" };
  }
  if (declared && declared !== "wide") {
    if (declared !== "utf-8")
      return { text: transcode(bytes, declared), charset: declared, source: "declaration" };
    const text = tryUtf8(bytes);
    if (text !== undefined) return { text, charset: "utf-8", source: "declaration" };
  }
  return fallback(bytes);
}

function fallback(bytes: Uint8Array): DecodedText {
  const text = tryUtf8(bytes);
  if (text !== undefined) return { text, charset: "utf-8", source: "sniffed" };
  return { text: transcode(bytes, "windows-1252"), charset: "windows-1252", source: "default" };
}

/** Whether a UTF-16/32 document without BOM carries an encoding declaration (read by dropping NULs). */
function declaredEncodingWide(bytes: Uint8Array, width: Width): boolean {
  const head = transcode(bytes.subarray(0, Math.min(bytes.length, 512)), width);
  return /^\s*<\?xml[^>]*\sencoding\s*=/.test(head);
}
