/**
 * A typed event stream: an async iterable over one response's server-sent events, each parsed
 * into the operation's event model. The connection is closed on every exit path: the end of the
 * stream or its sentinel, `break`, an exception, or `close()`.
 */

import { APIError, APIUserAbortError, StreamDecodeError } from "./errors.js";
import { checkMedia, readChunk } from "./responses.js";
import { SSEDecoder, type ServerSentEvent } from "./sse.js";

/** How a stream turns a raw event into an item. */
export type EventDecoder<T> = {
  /** A `data` value that ends the stream (e.g. `[DONE]`). */
  sentinel?: string;
  /** The item of an event; `undefined` skips the event (an event kind this SDK does not know). */
  decode: (event: ServerSentEvent) => T | undefined;
};

/** Ends a JSON stream whose spec declares no sentinel. */
const DONE = "[DONE]";

export class EventStream<T> implements AsyncIterable<T> {
  private consumed = false;
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;

  constructor(
    /** The HTTP response whose body is the stream. */
    readonly response: Response,
    private readonly decoder: EventDecoder<T>,
    private readonly signal?: AbortSignal,
  ) {}

  /** Close the connection without reading the rest. */
  async close(): Promise<void> {
    this.consumed = true;
    // Mid-iteration the body is locked to the loop's reader: cancelling that ends the loop too.
    await (this.reader ?? this.response.body)?.cancel().catch(() => undefined);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.consumed) {
      throw new APIError("an event stream can be iterated once");
    }
    this.consumed = true;
    const body = this.response.body;
    if (body === null) {
      return;
    }
    const reader = body.getReader();
    this.reader = reader;
    const sse = new SSEDecoder();
    try {
      for (;;) {
        const chunk = await readChunk(reader, this.signal, "the stream");
        if (chunk === undefined) {
          return;
        }
        for (const event of sse.feed(chunk)) {
          if (this.decoder.sentinel !== undefined && event.data === this.decoder.sentinel) {
            return;
          }
          if (this.signal?.aborted) {
            // Events already read stay unread once the caller has cancelled.
            throw new APIUserAbortError("the stream was aborted");
          }
          let item: T | undefined;
          try {
            item = this.decoder.decode(event);
          } catch (error) {
            // Without a declared sentinel, `[DONE]` (never valid JSON) ends a JSON stream:
            // OpenAI-style APIs end this way whether or not their spec says so.
            if (this.decoder.sentinel === undefined && event.data === DONE && error instanceof StreamDecodeError) {
              return;
            }
            throw error;
          }
          if (item !== undefined) {
            yield item;
          }
        }
      }
    } finally {
      // Runs on `break`, `return`, errors and the end alike: the connection is released.
      await reader.cancel().catch(() => undefined);
    }
  }
}

/**
 * The typed event stream of a success response. A success in another media type (JSON from a
 * server that ignored the stream flag, say) throws `UnexpectedContentTypeError` holding its body:
 * never an empty stream. A response without a Content-Type is read as a stream.
 */
export async function openStream<T>(
  response: Response,
  decoder: EventDecoder<T>,
  signal?: AbortSignal,
): Promise<EventStream<T>> {
  await checkMedia(response, ["text/event-stream"], true);
  return new EventStream(response, decoder, signal);
}

/** The item of an event parsed by `parse`; error events and error payloads throw `APIError`. */
export function decodeWith<T>(
  parse: (raw: Record<string, unknown>) => T | undefined,
): (event: ServerSentEvent) => T | undefined {
  return (event) => {
    if (event.event === "error" || event.data.startsWith('{"error"')) {
      throwIfError(event);
    }
    const raw: Record<string, unknown> = { data: event.data, event: event.event };
    if (event.id !== "") {
      raw["id"] = event.id;
    }
    if (event.retry !== undefined) {
      raw["retry"] = event.retry;
    }
    try {
      return parse(raw);
    } catch (error) {
      throw new StreamDecodeError(`an event did not match the spec: ${String(error)}`, { cause: error });
    }
  };
}

function throwIfError(event: ServerSentEvent): void {
  let body: unknown = event.data;
  try {
    body = JSON.parse(event.data) as unknown;
  } catch {
    // not JSON: the data itself is the message
  }
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : undefined;
  if (event.event !== "error" && (record === undefined || !("error" in record))) {
    return;
  }
  const detail = record?.["error"] ?? record ?? body;
  const message =
    typeof detail === "object" && detail !== null && typeof (detail as Record<string, unknown>)["message"] === "string"
      ? String((detail as Record<string, unknown>)["message"])
      : typeof detail === "string"
        ? detail
        : "the server sent an error event";
  throw new APIError(message);
}

type Parsers = { readonly [event: string]: { parse(value: unknown): unknown } };
type Parsed<M extends Parsers> = ReturnType<M[keyof M]["parse"]>;

/** Parses an event by its name with one member model each; other names are skipped. */
export function eventUnion<M extends Parsers>(members: M): (raw: Record<string, unknown>) => Parsed<M> | undefined {
  return (raw) => {
    const name = String(raw["event"]);
    const member = Object.hasOwn(members, name) ? members[name] : undefined;
    return member === undefined ? undefined : (member.parse(raw) as Parsed<M>);
  };
}
