/**
 * The errors a call can throw. Every one is an `APIError`; an answer with an error status is an
 * `APIStatusError` (a subclass per common status) carrying `statusCode`, `headers`, `body`, the
 * body parsed into the spec's error model (`data`) and the server's request id. A webhook
 * delivery that does not verify is a `WebhookVerificationError`; one that verifies but is none of
 * the spec's events, a `WebhookValidationError`.
 */

/** The base class of every error the SDK throws. */
export class APIError extends Error {
  override name = "APIError";
}

/** No response: the connection failed. */
export class APIConnectionError extends APIError {
  override name = "APIConnectionError";
}

/** No response within the timeout. */
export class APITimeoutError extends APIConnectionError {
  override name = "APITimeoutError";
}

/** The caller's `AbortSignal` cancelled the request. */
export class APIUserAbortError extends APIError {
  override name = "APIUserAbortError";
}

/** An event's payload did not match the spec (malformed JSON, a missing field...). */
export class StreamDecodeError extends APIError {
  override name = "StreamDecodeError";
}

/** A successful response's body did not match the spec. */
export class ResponseValidationError extends APIError {
  override name = "ResponseValidationError";
}

/**
 * A successful text body (or a line of a JSON lines body) that cannot be read as its Content-Type
 * says: bytes not valid in its charset, or a charset this runtime does not know. `content` holds
 * the raw bytes, `charset` the charset it was read in (UTF-8 when none was named).
 */
export class ResponseDecodeError extends APIError {
  override name = "ResponseDecodeError";
  readonly content: Uint8Array;
  readonly charset: string;

  constructor(message: string, content: Uint8Array, charset: string, options?: ErrorOptions) {
    super(message, options);
    this.content = content;
    this.charset = charset;
  }
}

/** A line of a JSON lines body that is not JSON, or not the spec's item: `line` is its text. */
export class LineDecodeError extends APIError {
  override name = "LineDecodeError";
  readonly line: string;

  constructor(message: string, line: string, options?: ErrorOptions) {
    super(message, options);
    this.line = line;
  }
}

/** The server answered with an error status. */
export class APIStatusError extends APIError {
  override name = "APIStatusError";
  readonly statusCode: number;
  readonly headers: Headers;
  readonly body: string;
  readonly data: unknown;
  readonly requestId: string | null;

  constructor(message: string, statusCode: number, headers: Headers, body: string, data: unknown) {
    super(message);
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
    this.data = data;
    this.requestId = headers.get("x-request-id") ?? headers.get("request-id");
  }
}

/** 400 */
export class BadRequestError extends APIStatusError {
  override name = "BadRequestError";
}
/** 401 */
export class AuthenticationError extends APIStatusError {
  override name = "AuthenticationError";
}
/** 403 */
export class PermissionDeniedError extends APIStatusError {
  override name = "PermissionDeniedError";
}
/** 404 */
export class NotFoundError extends APIStatusError {
  override name = "NotFoundError";
}
/** 409 */
export class ConflictError extends APIStatusError {
  override name = "ConflictError";
}
/** 422 */
export class UnprocessableEntityError extends APIStatusError {
  override name = "UnprocessableEntityError";
}
/** 429 */
export class RateLimitError extends APIStatusError {
  override name = "RateLimitError";
}
/** 5XX */
export class InternalServerError extends APIStatusError {
  override name = "InternalServerError";
}

type StatusErrorClass = new (
  message: string,
  statusCode: number,
  headers: Headers,
  body: string,
  data: unknown,
) => APIStatusError;

const BY_STATUS: { [status: number]: StatusErrorClass } = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The error class for a status code. */
export function errorClass(status: number): StatusErrorClass {
  return BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIStatusError);
}

/**
 * The message of an error body: the property the spec flags (`x-speakeasy-error-message`) when it
 * holds a string, else `error.message`, `message`, `detail`, or the status line.
 */
export function errorMessage(status: number, data: unknown, flagged?: string): string {
  const record = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
  const own = flagged === undefined ? undefined : record[flagged];
  if (typeof own === "string") {
    return `${status}: ${own}`;
  }
  const inner = typeof record["error"] === "object" && record["error"] !== null ? record["error"] : record;
  const found = (inner as Record<string, unknown>)["message"] ?? record["message"] ?? record["detail"];
  return typeof found === "string" ? `${status}: ${found}` : `the server answered ${status}`;
}

/**
 * A successful response in a media type the call cannot read: one the operation does not declare,
 * or JSON where an event stream was asked for (a server that ignored the stream flag) and the
 * reverse. Never an empty result: `body` holds what came (its text; "" for a stream, a download
 * or JSON lines, closed unread), `expected` the media types the spec declares, `received` the one
 * that came.
 */
export class UnexpectedContentTypeError extends APIError {
  override name = "UnexpectedContentTypeError";
  readonly statusCode: number;
  readonly headers: Headers;
  readonly body: string;
  readonly expected: readonly string[];
  readonly received: string;

  constructor(expected: readonly string[], received: string, statusCode: number, headers: Headers, body: string) {
    super(`expected a response of type ${expected.join(" or ")}, received ${received || "no Content-Type"} (HTTP ${statusCode})`);
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
    this.expected = expected;
    this.received = received;
  }
}

/**
 * A webhook delivery that does not verify: a header is missing, no signature matches, the
 * timestamp is outside the tolerance window, or the secret is not base64.
 */
export class WebhookVerificationError extends APIError {
  override name = "WebhookVerificationError";
}

/** A verified webhook delivery whose body is not JSON, or none of the spec's events. */
export class WebhookValidationError extends APIError {
  override name = "WebhookValidationError";
}
