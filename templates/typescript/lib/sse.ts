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
    // Line ends are found by the engine's native search (indexOf), not a byte loop in JS.
    let lf = chunk.indexOf(LF);
    let cr = chunk.indexOf(CR);
    while (lf !== -1 || cr !== -1) {
      if (this.pendingSize === 0 && !this.atStart) {
        // The rest of the chunk's complete lines, decoded in one call (CR and LF never occur
        // inside a UTF-8 sequence); a run longer than the cap goes line by line, to check each.
        const end = Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR));
        if (end + 1 - start <= this.max) {
          this.lines(utf8.decode(chunk.subarray(start, end + 1)), events);
          start = end + 1;
          break;
        }
      }
      const i = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      const isLF = i === lf;
      if (isLF && this.afterCR && i === start && this.pendingSize === 0) {
        // The LF of a CR LF: the CR already ended the line.
        this.afterCR = false;
      } else {
        this.afterCR = !isLF;
        this.line(this.take(chunk.subarray(start, i)), events);
      }
      start = i + 1;
      if (isLF) {
        lf = chunk.indexOf(LF, start);
      } else {
        cr = chunk.indexOf(CR, start);
      }
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
    this.field(utf8.decode(bytes));
  }

  /** Complete lines as text (ending with a line end): each one's field, in order. */
  private lines(text: string, events: ServerSentEvent[]): void {
    const n = text.length;
    // The LF of a CR LF whose CR ended the previous chunk.
    let pos = this.afterCR && text.charCodeAt(0) === LF ? 1 : 0;
    let lf = text.indexOf("\n", pos);
    let cr = text.indexOf("\r", pos);
    while (pos < n) {
      const i = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (i === pos) {
        this.dispatch(events);
      } else {
        this.field(text.slice(pos, i));
      }
      pos = i === cr && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      if (lf !== -1 && lf < pos) {
        lf = text.indexOf("\n", pos);
      }
      if (cr !== -1 && cr < pos) {
        cr = text.indexOf("\r", pos);
      }
    }
    this.afterCR = text.charCodeAt(n - 1) === CR;
  }

  /** One non-empty line. */
  private field(text: string): void {
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
