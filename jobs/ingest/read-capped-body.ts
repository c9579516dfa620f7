import type { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { FeedError } from "./feed-error";

type Coding = "identity" | "gzip" | "deflate" | "br";

/**
 * Reads a response body, decoding its Content-Encoding (gzip, deflate in zlib or raw form, br), and throws
 * FeedError "too-large" as soon as the decoded bytes pass `maxBytes`.
 */
export async function readCappedBody(
  body: AsyncIterable<Buffer>,
  encoding: string | null,
  limits: { maxBytes: number; signal?: AbortSignal },
): Promise<Buffer> {
  const coding = contentCoding(encoding);
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow: FeedError | undefined;
  // Counting the decoded output as it is produced is what stops a gzip bomb: zlib only inflates as fast as
  // this loop reads, so nothing past the cap is ever held in memory.
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > limits.maxBytes) {
        const after = coding === "identity" ? "" : ` after ${coding} decoding`;
        overflow = new FeedError("too-large", `body over the ${limits.maxBytes}-byte cap${after}`);
        throw overflow;
      }
      chunks.push(chunk);
    }
  };
  const options = limits.signal ? { signal: limits.signal } : {};
  try {
    if (coding === "identity") await pipeline(body, collect, options);
    else {
      const { source, decoder } = await decoderFor(coding, body);
      await pipeline(source, decoder, collect, options);
    }
  } catch (error) {
    // Node 20's pipeline reports an AbortError, not the destination's own error, when a zlib stream sits between.
    if (overflow) throw overflow;
    if (isDecompressionError(error)) {
      throw new FeedError("network", `could not decode the ${coding} body: ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
  return Buffer.concat(chunks, size);
}

function contentCoding(header: string | null): Coding {
  const codings = (header ?? "")
    .toLowerCase()
    .split(",")
    .map((coding) => coding.trim())
    .filter((coding) => coding !== "" && coding !== "identity");
  const [only] = codings;
  if (only === undefined) return "identity";
  if (codings.length === 1 && (only === "gzip" || only === "x-gzip")) return "gzip";
  if (codings.length === 1 && (only === "deflate" || only === "br")) return only;
  throw new FeedError("http", `unsupported Content-Encoding: ${header}`);
}

// Like browsers, accept a compressed stream that ends without its trailer.
const ZLIB_OPTIONS = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

async function decoderFor(
  coding: Exclude<Coding, "identity">,
  body: AsyncIterable<Buffer>,
): Promise<{ source: AsyncIterable<Buffer>; decoder: Transform }> {
  if (coding === "gzip") return { source: body, decoder: zlib.createGunzip(ZLIB_OPTIONS) };
  if (coding === "br") {
    const decoder = zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    return { source: body, decoder };
  }
  // "deflate" should be zlib-wrapped, but many servers send raw deflate: look at the first two bytes.
  const chunks = body[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  while (head.length < 2) {
    const next = await chunks.next();
    if (next.done) break;
    head = Buffer.concat([head, next.value]);
  }
  async function* source() {
    if (head.length > 0) yield head;
    yield* { [Symbol.asyncIterator]: () => chunks };
  }
  const decoder = hasZlibHeader(head)
    ? zlib.createInflate(ZLIB_OPTIONS)
    : zlib.createInflateRaw(ZLIB_OPTIONS);
  return { source: source(), decoder };
}

/** RFC 1950: compression method 8 with a window of at most 32 KiB, and a header checksum divisible by 31. */
function hasZlibHeader(head: Buffer): boolean {
  const [cmf, flg] = head;
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

function isDecompressionError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === "string" && /^(Z_|ERR__ERROR|ERR_BROTLI)/.test(code);
}
