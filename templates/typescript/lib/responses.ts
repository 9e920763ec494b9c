/**
 * Success bodies: JSON and text read whole; binary data and JSON lines read as they arrive.
 *
 * `BinaryResponse` holds an unread response: read it whole, iterate its chunks, take its `body`
 * stream or write it to a file, never holding more than a chunk. `LineStream<T>` iterates an
 * `application/x-ndjson` (JSON lines) body as typed items. Each releases the connection on every
 * exit path: the end of the body, an error, `break`, `close()`.
 *
 * Every reader first checks that the response's media type is one the operation declares
 * (`UnexpectedContentTypeError` otherwise): a wrong body never passes for an empty or garbled
 * result.
 */

import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  LineDecodeError,
  ResponseDecodeError,
  ResponseValidationError,
  UnexpectedContentTypeError,
} from "./errors.js";

type Parser<T> = { parse(value: unknown): T };

const SSE = "text/event-stream";

/** A media type in lower case without parameters ("" for none). */
function essence(mediaType: string | null): string {
  return (mediaType ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
}

/** A response's media type, lower case without parameters ("" without a Content-Type). */
export function mediaOf(response: Response): string {
  return essence(response.headers.get("content-type"));
}

function isJSON(media: string): boolean {
  return media === "application/json" || media.endsWith("+json");
}

function matches(media: string, declared: string): boolean {
  const want = essence(declared);
  if (want === "" || want === "*/*" || media === want) {
    return true;
  }
  if (want.endsWith("/*")) {
    return media.startsWith(want.slice(0, -1));
  }
  return isJSON(media) && isJSON(want);
}

/**
 * Whether the response's media type is one of `expected` (none expected: any; `*` wildcards and
 * any JSON for JSON). A response without content (204, `Content-Length: 0`) or without a
 * Content-Type passes: there is nothing to misread, or it is read as the declared type.
 */
export function declaredMedia(response: Response, expected: readonly string[]): boolean {
  if (expected.length === 0 || response.status === 204 || response.headers.get("content-length") === "0") {
    return true;
  }
  const media = mediaOf(response);
  return media === "" || expected.some((declared) => matches(media, declared));
}

/**
 * Throws `UnexpectedContentTypeError` unless the response's media type is declared
 * (`declaredMedia`). With `read`, the body (which the call would have read whole) is kept in the
 * error as text; otherwise, and always for an event stream (which may never end), the
 * connection is closed unread.
 */
export async function checkMedia(response: Response, expected: readonly string[], read: boolean): Promise<void> {
  if (declaredMedia(response, expected)) {
    return;
  }
  const media = mediaOf(response);
  let body = "";
  if (read && media !== SSE) {
    body = await response.text().catch(() => "");
  } else {
    await response.body?.cancel().catch(() => undefined);
  }
  throw new UnexpectedContentTypeError(expected, media, response.status, response.headers, body);
}

/**
 * The next chunk of a body (`undefined` at its end). A cut connection throws
 * `APIConnectionError`; the caller's `AbortSignal` `APIUserAbortError`.
 */
export async function readChunk(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  signal: AbortSignal | undefined,
  what = "the response body",
): Promise<Uint8Array | undefined> {
  try {
    const { done, value } = await reader.read();
    return done ? undefined : value;
  } catch (error) {
    if (signal?.aborted) {
      throw new APIUserAbortError(`${what} was aborted`, { cause: error });
    }
    throw new APIConnectionError(`${what} was cut: ${String(error)}`, { cause: error });
  }
}

/** The charset a Content-Type names (`text/plain; charset="latin1"`), UTF-8 when it names none. */
function charsetOf(contentType: string | null): string {
  const found = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? "");
  return (found?.[1] ?? found?.[2] ?? "").trim() || "utf-8";
}

function textDecoder(charset: string): TextDecoder | undefined {
  try {
    return new TextDecoder(charset, { fatal: true });
  } catch {
    return undefined;
  }
}

/**
 * `content` as text in the charset `contentType` names (UTF-8 when none). Bytes not valid in it,
 * or a charset this runtime does not know, throw `ResponseDecodeError` with the bytes on it:
 * nothing is replaced silently (as `response.text()` would).
 */
function decodeText(content: Uint8Array, contentType: string | null, what = "the response body"): string {
  const charset = charsetOf(contentType);
  let decoder: TextDecoder;
  try {
    // Python's spellings too (`latin-1`, `utf_8`), which the WHATWG labels lack.
    decoder = textDecoder(charset) ?? new TextDecoder(charset.replace(/[-_]/g, ""), { fatal: true });
  } catch (error) {
    const message = `${what} cannot be read as text: its charset "${charset}" is not one this runtime knows`;
    throw new ResponseDecodeError(message, content, charset, { cause: error });
  }
  try {
    return decoder.decode(content);
  } catch (error) {
    const message = `${what} cannot be read as text: it is not valid ${charset}`;
    throw new ResponseDecodeError(message, content, charset, { cause: error });
  }
}

/** The whole body of a response in a declared media type. */
async function bodyOf(response: Response, expected: readonly string[]): Promise<Uint8Array> {
  await checkMedia(response, expected, true);
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new APIConnectionError(`the response body was cut: ${String(error)}`, { cause: error });
  }
}

const UTF8 = new TextDecoder();

function validated<T>(content: Uint8Array, schema: Parser<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(UTF8.decode(content)) as unknown;
  } catch (error) {
    throw new ResponseValidationError(`the response body is not JSON: ${String(error)}`, { cause: error });
  }
  try {
    return schema.parse(json);
  } catch (error) {
    throw new ResponseValidationError(`the response body did not match the spec: ${String(error)}`, { cause: error });
  }
}

/** A successful response's JSON body, validated by `schema`. */
export async function parseJSON<T>(response: Response, schema: Parser<T>, expected: readonly string[] = []): Promise<T> {
  return validated(await bodyOf(response, expected), schema);
}

/** `parseJSON`, except that a success without content (a 204 the spec declares) is `undefined`. */
export async function parseJSONOrUndefined<T>(
  response: Response,
  schema: Parser<T>,
  expected: readonly string[] = [],
): Promise<T | undefined> {
  const content = await bodyOf(response, expected);
  return content.length === 0 ? undefined : validated(content, schema);
}

/**
 * A successful text body, decoded in the charset its Content-Type names (UTF-8 when none); bytes
 * not valid in it throw `ResponseDecodeError` (see `decodeText`).
 */
export async function parseText(response: Response, expected: readonly string[] = []): Promise<string> {
  return decodeText(await bodyOf(response, expected), response.headers.get("content-type"));
}

/** `parseText`, except that a success without content (a 204 the spec declares) is `undefined`. */
export async function parseTextOrUndefined(
  response: Response,
  expected: readonly string[] = [],
): Promise<string | undefined> {
  const content = await bodyOf(response, expected);
  return content.length === 0 ? undefined : decodeText(content, response.headers.get("content-type"));
}

/** A success whose content the spec gives no schema: its media type checked, the body released unread. */
export async function discard(response: Response, expected: readonly string[] = []): Promise<void> {
  await checkMedia(response, expected, true);
  await response.body?.cancel().catch(() => undefined);
}

/** What `writeToFile` uses of `node:fs/promises` (node, deno and bun provide it). */
type FileHandle = {
  write(data: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  close(): Promise<void>;
};
type FileSystem = { open(path: string, flags: string): Promise<FileHandle> };

// A specifier typed `string`: bundlers and type checkers for browsers leave it alone.
const FS: string = "node:fs/promises";

/** Holds the body's reader: the body can be read once, by whichever way comes first. */
abstract class HeldBody {
  private claimed = false;
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;

  constructor(
    /** The HTTP response, its body unread. */
    readonly response: Response,
    protected readonly signal?: AbortSignal,
  ) {}

  /** The HTTP status. */
  get status(): number {
    return this.response.status;
  }

  /** The response headers. */
  get headers(): Headers {
    return this.response.headers;
  }

  /** The response's Content-Type header ("" when absent). */
  get contentType(): string {
    return this.response.headers.get("content-type") ?? "";
  }

  /** Release the connection without reading the rest. */
  async close(): Promise<void> {
    this.claimed = true;
    // A reading loop then sees the end of the body.
    await (this.reader ?? this.response.body)?.cancel().catch(() => undefined);
  }

  /** The body's reader (`undefined` without a body); throws when the body was read before. */
  protected claim(): ReadableStreamDefaultReader<Uint8Array> | undefined {
    const body = this.response.body;
    if (this.claimed || this.response.bodyUsed || body?.locked === true) {
      throw new APIError("a response body can be read once");
    }
    this.claimed = true;
    this.reader = body?.getReader();
    return this.reader;
  }
}

/**
 * A binary success body (a download: audio, a file, `*\/*`), not read yet. Read it once, by one
 * of: `bytes()` or `text()` (whole, in memory); `for await (const chunk of ...)` or
 * `iterBytes(size)` (chunk by chunk, as they arrive); `writeToFile(path)` (streamed to disk);
 * `body` (the web `ReadableStream`, to pipe elsewhere). `close()` releases it unread.
 */
export class BinaryResponse extends HeldBody implements AsyncIterable<Uint8Array> {
  /** The unread body as a web stream (`null` without content); reading it consumes it. */
  get body(): ReadableStream<Uint8Array> | null {
    return this.response.body;
  }

  /** The whole body (held in memory). */
  async bytes(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for await (const chunk of this) {
      parts.push(chunk);
    }
    return concat(parts);
  }

  /** The whole body as text, in the charset its Content-Type names (UTF-8 when none). */
  async text(): Promise<string> {
    return decodeText(await this.bytes(), this.response.headers.get("content-type"));
  }

  /**
   * The body in chunks as they arrive; with `size`, in chunks of `size` bytes (the last one
   * shorter). Leaving the loop early (`break`, an exception) releases the connection.
   */
  iterBytes(size?: number): AsyncGenerator<Uint8Array, void, undefined> {
    if (size !== undefined && !(Number.isInteger(size) && size > 0)) {
      throw new RangeError(`a chunk size must be a positive integer, not ${size}`);
    }
    return this.chunks(this.claim(), size);
  }

  [Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined> {
    return this.iterBytes();
  }

  /** Stream the body into the file at `path` (created or truncated); node, deno and bun. */
  async writeToFile(path: string): Promise<void> {
    const reader = this.claim(); // before the file is touched: a body read before throws here
    let file: FileHandle;
    try {
      file = await ((await import(FS)) as FileSystem).open(path, "w");
    } catch (error) {
      await reader?.cancel().catch(() => undefined);
      throw error;
    }
    try {
      for await (const chunk of this.chunks(reader, undefined)) {
        for (let done = 0; done < chunk.length; ) {
          done += (await file.write(chunk, done, chunk.length - done)).bytesWritten;
        }
      }
    } finally {
      await file.close();
    }
  }

  private async *chunks(
    reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
    size: number | undefined,
  ): AsyncGenerator<Uint8Array, void, undefined> {
    if (reader === undefined) {
      return;
    }
    const held: Uint8Array[] = [];
    let length = 0;
    try {
      for (;;) {
        const chunk = await readChunk(reader, this.signal);
        if (chunk === undefined) {
          break;
        }
        if (size === undefined) {
          if (chunk.length > 0) {
            yield chunk;
          }
          continue;
        }
        held.push(chunk);
        length += chunk.length;
        for (; length >= size; length -= size) {
          yield take(held, size);
        }
      }
      if (length > 0) {
        yield concat(held);
      }
    } finally {
      // Runs on `break`, `return`, errors and the end alike: the connection is released.
      await reader.cancel().catch(() => undefined);
    }
  }
}

/** The bytes of `parts`, in one array. */
function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) {
    return parts[0];
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The first `size` bytes held in `parts` (which hold at least that many), taken off them. */
function take(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  while (at < size) {
    const part = parts[0] as Uint8Array;
    const n = Math.min(part.length, size - at);
    out.set(part.subarray(0, n), at);
    at += n;
    if (n === part.length) {
      parts.shift();
    } else {
      parts[0] = part.subarray(n);
    }
  }
  return out;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * A JSON lines body (`application/x-ndjson`, `application/jsonl`): one typed item per line, as
 * the lines arrive (`for await (const item of stream)`). Blank lines are skipped; a line that is
 * not JSON or not the spec's item throws `LineDecodeError` (its text on it), one whose bytes are
 * not valid in the body's charset `ResponseDecodeError`. Iterate it once; `break` or `close()`
 * releases the connection.
 */
export class LineStream<T> extends HeldBody implements AsyncIterable<T> {
  constructor(
    response: Response,
    private readonly parse: (value: unknown) => T,
    signal?: AbortSignal,
  ) {
    super(response, signal);
  }

  [Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    return this.items(this.claim());
  }

  private async *items(reader: ReadableStreamDefaultReader<Uint8Array> | undefined): AsyncGenerator<T, void, undefined> {
    if (reader === undefined) {
      return;
    }
    let pending: Uint8Array = new Uint8Array(0);
    try {
      for (;;) {
        const chunk = await readChunk(reader, this.signal);
        if (chunk === undefined) {
          break;
        }
        let scanned = pending.length;
        pending = concat([pending, chunk]);
        let start = 0;
        for (let end = pending.indexOf(LF, scanned); end !== -1; end = pending.indexOf(LF, scanned)) {
          const item = this.item(pending.subarray(start, end));
          start = scanned = end + 1;
          if (item !== undefined) {
            yield item.value;
          }
        }
        pending = pending.slice(start);
      }
      const last = this.item(pending);
      if (last !== undefined) {
        yield last.value;
      }
    } finally {
      await reader.cancel().catch(() => undefined);
    }
  }

  /** The item of one line (its LF off, a CR before it dropped); `undefined` for a blank line. */
  private item(bytes: Uint8Array): { value: T } | undefined {
    const raw = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes;
    const line = decodeText(raw, this.response.headers.get("content-type"), "a line of the response");
    if (line.trim() === "") {
      return undefined;
    }
    try {
      return { value: this.parse(JSON.parse(line) as unknown) };
    } catch (error) {
      throw new LineDecodeError(`a line of the response could not be decoded: ${String(error)}`, line, {
        cause: error,
      });
    }
  }
}

/** A binary success body, unread, in a media type the operation declares. */
export async function download(
  response: Response,
  expected: readonly string[],
  signal?: AbortSignal,
): Promise<BinaryResponse> {
  await checkMedia(response, expected, false);
  return new BinaryResponse(response, signal);
}

/** A JSON lines success body as typed items (each validated by `schema`), unread. */
export async function openLines<T>(
  response: Response,
  schema: Parser<T>,
  expected: readonly string[],
  signal?: AbortSignal,
): Promise<LineStream<T>> {
  await checkMedia(response, expected, false);
  return new LineStream(response, (value) => schema.parse(value), signal);
}
