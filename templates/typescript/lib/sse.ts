/**
 * Server-sent events: an incremental decoder for `text/event-stream` bodies, following the
 * WHATWG HTML standard, section "Interpreting an event stream" (the same rules, and the same
 * conformance cases, as the Python SDK's decoder).
 *
 * Lines are split as bytes and decoded afterwards: CR and LF never occur inside a UTF-8
 * sequence, so a multi-byte character cut by a chunk boundary needs no decoder state.
 */

/** Default cap, in bytes, on one line and on one event's data. */
export const DEFAULT_MAX_EVENT_SIZE = 16 * 1024 * 1024;

/** An event stream could not be decoded. */
export class SSEError extends Error {
  override name = "SSEError";
}

/** A line or an event's data grew beyond the decoder's `maxEventSize`. */
export class SSEEventTooLargeError extends SSEError {
  override name = "SSEEventTooLargeError";
}

/** One dispatched event. */
export type ServerSentEvent = {
  /** The event type; `"message"` unless the stream named one. */
  event: string;
  data: string;
  /** The last event id seen so far (`""` until one is set). */
  id: string;
  /** The reconnection time from this event's own `retry:` line, if any. */
  retry: number | undefined;
};

const LF = 10;
const CR = 13;
const utf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

function tooLarge(what: string, limit: number): SSEEventTooLargeError {
  return new SSEEventTooLargeError(
    `${what} is longer than maxEventSize=${limit} bytes; pass a larger maxEventSize ` +
      "if the server legitimately sends events this large",
  );
}

/** Incremental decoder: feed it bytes, get back the events they complete. */
export class SSEDecoder {
  private readonly max: number;
  private pending: Uint8Array[] = [];
  private pendingSize = 0;
  private afterCR = false;
  private atStart = true;
  private data: string[] = [];
  private dataSize = 0;
  private type = "";
  private retry: number | undefined = undefined;
  private id = "";

  constructor(maxEventSize: number = DEFAULT_MAX_EVENT_SIZE) {
    if (!(maxEventSize >= 1)) {
      throw new RangeError("maxEventSize must be a positive number of bytes");
    }
    this.max = maxEventSize;
  }

  /** The last event id seen so far (`""` until one is set). */
  get lastEventId(): string {
    return this.id;
  }

  /** Decode the next chunk of the body; return the events it completes. */
  feed(chunk: Uint8Array): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte !== LF && byte !== CR) {
        continue;
      }
      if (byte === LF && this.afterCR && i === start && this.pendingSize === 0) {
        // The LF of a CR LF: the CR already ended the line.
        this.afterCR = false;
        start = i + 1;
        continue;
      }
      this.afterCR = byte === CR;
      this.line(this.take(chunk.subarray(start, i)), events);
      start = i + 1;
    }
    if (start < chunk.length) {
      this.afterCR = false;
      this.pending.push(chunk.slice(start));
      this.pendingSize += chunk.length - start;
      if (this.pendingSize > this.max) {
        throw tooLarge("A line of the event stream", this.max);
      }
    }
    return events;
  }

  /** The whole line: the pending bytes plus its last piece. */
  private take(tail: Uint8Array): Uint8Array {
    if (this.pendingSize + tail.length > this.max) {
      throw tooLarge("A line of the event stream", this.max);
    }
    if (this.pending.length === 0) {
      return tail;
    }
    const whole = new Uint8Array(this.pendingSize + tail.length);
    let at = 0;
    for (const piece of this.pending) {
      whole.set(piece, at);
      at += piece.length;
    }
    whole.set(tail, at);
    this.pending = [];
    this.pendingSize = 0;
    return whole;
  }

  private line(bytes: Uint8Array, events: ServerSentEvent[]): void {
    if (this.atStart) {
      this.atStart = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
      }
    }
    if (bytes.length === 0) {
      this.dispatch(events);
      return;
    }
    const text = utf8.decode(bytes);
    if (text[0] === ":") {
      return;
    }
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value[0] === " ") {
      value = value.slice(1);
    }
    if (field === "data") {
      this.dataSize += value.length + 1;
      if (this.dataSize - 1 > this.max) {
        throw tooLarge("The data of one event", this.max);
      }
      this.data.push(value);
    } else if (field === "event") {
      this.type = value;
    } else if (field === "id") {
      if (!value.includes("\0")) {
        this.id = value;
      }
    } else if (field === "retry") {
      if (/^[0-9]+$/.test(value)) {
        this.retry = Number.parseInt(value, 10);
      }
    }
  }

  private dispatch(events: ServerSentEvent[]): void {
    if (this.data.length > 0) {
      events.push({ event: this.type || "message", data: this.data.join("\n"), id: this.id, retry: this.retry });
    }
    this.data = [];
    this.dataSize = 0;
    this.type = "";
    this.retry = undefined;
  }
}

/** The events of a byte stream; an unterminated last event is dropped, as the standard says. */
export async function* iterSSE(
  chunks: AsyncIterable<Uint8Array>,
  maxEventSize: number = DEFAULT_MAX_EVENT_SIZE,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const decoder = new SSEDecoder(maxEventSize);
  for await (const chunk of chunks) {
    yield* decoder.feed(chunk);
  }
}
