import { Duplex } from "node:stream";
import { constants, createBrotliCompress, createGzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";

export type Encoding = "br" | "gzip";

/**
 * The encoding to use for an Accept-Encoding header: the acceptable one with the highest q, brotli on a tie,
 * none when the client accepts neither (`identity`, `gzip;q=0`, no header at all).
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name: Encoding) => q.get(name) ?? q.get("*") ?? 0;
  const [br, gzip] = [weight("br"), weight("gzip")];
  if (br <= 0 && gzip <= 0) return undefined;
  return br >= gzip ? "br" : "gzip";
}

/**
 * Compresses text-like responses the client accepts compressed, streaming. Bodies shorter than `threshold`
 * bytes go out as they are (compressing them costs more than it saves). Event streams are never touched: a
 * compressor holds bytes back until it has enough, which would delay every event.
 */
export function compression({ threshold = 1024 }: { threshold?: number } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === "HEAD" || !c.res.body || !compressible(c.res)) return;
    c.header("Vary", mergeVary(c.res.headers.get("Vary")));
    const res = c.res;
    if (!res.body) return;
    const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
    if (!encoding) return;

    const length = res.headers.get("Content-Length");
    if (length !== null && Number(length) < threshold) return;
    const reader = res.body.getReader();
    const head: Uint8Array[] = [];
    let size = 0;
    while (size < threshold) {
      const { done, value } = await reader.read();
      if (done) {
        // Short body: send the bytes read so far, uncompressed.
        c.res = new Response(concat(head, size), res);
        c.res.headers.set("Content-Length", String(size));
        return;
      }
      head.push(value);
      size += value.byteLength;
    }
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of head) controller.enqueue(chunk);
      },
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    c.res = new Response(body.pipeThrough(compressor(encoding)), res);
    c.res.headers.delete("Content-Length");
    c.res.headers.set("Content-Encoding", encoding);
    // The bytes differ now, so a strong validator would lie; a weak one still matches If-None-Match.
    const etag = c.res.headers.get("ETag");
    if (etag && !etag.startsWith("W/")) c.res.headers.set("ETag", `W/${etag}`);
  };
}

function compressible(res: Response): boolean {
  if (res.status < 200 || res.status === 204 || res.status === 206 || res.status === 304) return false;
  if (res.headers.has("Content-Encoding")) return false;
  if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get("Cache-Control") ?? "")) return false;
  const type = res.headers.get("Content-Type") ?? "";
  // Hono's list already leaves out text/event-stream; say so here too, since a mistake would stall the stream.
  if (/^\s*text\/event-stream/i.test(type)) return false;
  return COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type);
}

function mergeVary(current: string | null): string {
  if (!current) return "Accept-Encoding";
  if (current === "*" || /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(current)) return current;
  return `${current}, Accept-Encoding`;
}

function compressor(encoding: Encoding): ReadableWritablePair<Uint8Array, Uint8Array> {
  // Brotli's default quality (11) is meant for static files; 4 compresses JSON nearly as well at gzip's speed.
  const stream =
    encoding === "br"
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
      : createGzip({ level: 6 });
  return Duplex.toWeb(stream) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
