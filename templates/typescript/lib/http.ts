/**
 * The HTTP core every resource uses: URL and header building, auth, retries with exponential
 * backoff and `Retry-After`, per-attempt timeouts, the caller's `AbortSignal`, and typed errors.
 * It needs only the platform's `fetch`.
 */

import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  errorClass,
  errorMessage,
} from "./errors.js";

/**
 * How failed attempts are retried: the listed statuses, and connection errors and timeouts when
 * `connectionErrors`. The delay before retry n (0-based) is `initialDelayMs * exponent ** n`,
 * capped at `maxDelayMs`, with up to 25% jitter taken off; a `Retry-After` up to
 * `maxRetryAfterMs` takes precedence. Retrying stops after `maxRetries` retries or once the next
 * wait would end more than `maxElapsedMs` after the first attempt. An operation's
 * `x-speakeasy-retries` policy is one of these (no count, a time limit).
 */
export type RetryConfig = {
  /** Attempts after the first one (`Infinity`: no count). */
  maxRetries: number;
  /** The first delay. Default 500. */
  initialDelayMs?: number;
  /** The longest delay between attempts. Default 8000. */
  maxDelayMs?: number;
  /** The longest `Retry-After` honoured; longer ones fall back to backoff. Default 60000. */
  maxRetryAfterMs?: number;
  /** The factor the delay grows by per attempt. Default 2. */
  exponent?: number;
  /** No wait that would end more than this long after the first attempt. Default: no limit. */
  maxElapsedMs?: number;
  /** The statuses retried: exact codes or classes such as "5XX". Default ["429", "5XX"]. */
  statusCodes?: readonly string[];
  /** Whether connection errors and timeouts are retried. Default true. */
  connectionErrors?: boolean;
};

/** Per-call options. */
export type RequestOptions = {
  /** Milliseconds until the response headers must have arrived, per attempt. */
  timeoutMs?: number;
  /** A count, or a `RetryConfig`. */
  retries?: number | RetryConfig;
  /** Cancels the call (and a stream's body). */
  signal?: AbortSignal;
  /** Extra request headers. */
  headers?: Record<string, string>;
};

/** Per-call options of a method whose body the spec offers in several media types. */
export type BodyOptions<M extends string> = RequestOptions & {
  /** The media type the body is sent as, one the spec declares for it; the spec's first by default. */
  contentType?: M;
};

/** How a security scheme travels. */
export type SecurityScheme = {
  kind: "bearer" | "basic" | "apikey";
  location: "header" | "query" | "cookie";
  name: string;
};

/** The client settings resolved once by the SDK class. */
export type HTTPConfig = {
  serverURL: string;
  credentials: { [scheme: string]: string | undefined };
  schemes: { [scheme: string]: SecurityScheme };
  timeoutMs: number | undefined;
  retries: number | RetryConfig;
  /** The client's caller chose `retries`: it outranks an operation's spec policy. */
  retriesGiven: boolean;
  fetch: typeof fetch;
  headers: Record<string, string>;
};

/** A query parameter: wire name, value, explode, and its style when not `form`. */
export type QueryParam = readonly [string, unknown, boolean] | readonly [string, unknown, boolean, string];

/** How one property of a form or multipart body travels (its spec `encoding`): name, style,
 * explode, and a multipart part's media type. */
export type PartEncoding = readonly [string, string, boolean | null] | readonly [string, string, boolean | null, string];

/**
 * A binary request body (`format: binary` content, `application/octet-stream` and the like): bytes,
 * a `Blob` (a `File`), or a stream of bytes, sent as they come and never held whole.
 */
export type BinaryBody = Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** One request, as the resource method describes it. */
export type Call = {
  method: string;
  path: string;
  query?: ReadonlyArray<QueryParam>;
  headers?: ReadonlyArray<readonly [string, unknown]>;
  cookies?: ReadonlyArray<readonly [string, unknown]>;
  body?: unknown;
  contentType?: string;
  /** The body is a `BinaryBody`, sent as its bytes. */
  binary?: boolean;
  /** The body's per-property `encoding` (form bodies). */
  encoding?: ReadonlyArray<PartEncoding>;
  accept: string;
  security: readonly string[];
  /** Parses an error body (JSON) into the spec's error model, when it declares one. */
  errorData?: (status: number, json: unknown) => unknown;
  /** The operation's own retry policy (`x-speakeasy-retries`), when the spec gives one. */
  retry?: RetryConfig;
  /** By status (a code, a class such as "4XX", or "default"): the error body's property holding
   * its message (`x-speakeasy-error-message`), when the spec flags one. */
  errorMessages?: { readonly [status: string]: string };
};

/** An environment variable, where the platform has them (node, deno, bun). */
export function env(name: string): string | undefined {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env?.[name];
}

/**
 * A path parameter in its style (`simple`, `label`, `matrix`), percent-encoded: a `/` inside
 * it stays data. An empty value, or one that would make a `.` or `..` segment (which URL
 * parsers resolve away), throws `RangeError` before anything is sent: the call would reach
 * another URL.
 */
export function encodePath(value: unknown, name: string, style = "simple", explode = false): string {
  if (value === undefined || value === null || value === "" || isEmpty(value)) {
    throw new RangeError(`path parameter ${JSON.stringify(name)} must not be empty`);
  }
  const text = expandPath(value, name, style, explode);
  if (/^(\.|%2e){1,2}$/i.test(text)) {
    throw new RangeError(`path parameter ${JSON.stringify(name)} must not make a "." or ".." segment`);
  }
  return text;
}

function isEmpty(value: unknown): boolean {
  return Array.isArray(value) ? value.length === 0 : isObject(value) && Object.keys(value).length === 0;
}

/** RFC 6570 expansion of one path parameter (OpenAPI's simple, label and matrix styles). */
function expandPath(value: unknown, name: string, style: string, explode: boolean): string {
  const enc = (v: unknown): string => percent(scalar(v));
  const lead = style === "label" ? "." : style === "matrix" ? ";" : "";
  // Items of an exploded list or object are joined by the style's own prefix (`.a.b`, `;x=a;x=b`).
  const sep = explode && lead ? lead : ",";
  const named = (text: string): string => (style === "matrix" ? `;${name}${text === "" ? "" : "="}${text}` : lead + text);
  if (Array.isArray(value)) {
    if (style === "matrix" && explode) {
      return value.map((v) => named(enc(v))).join("");
    }
    return named(value.map(enc).join(sep));
  }
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
    if (explode) {
      return lead + entries.map(([k, v]) => `${percent(k)}=${enc(v)}`).join(sep);
    }
    return named(entries.map(([k, v]) => `${percent(k)},${enc(v)}`).join(","));
  }
  return named(enc(value));
}

/** Percent-encoding of everything but `A-Z a-z 0-9 - _ . ~` (Python's `quote(safe="")`). */
function percent(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `application/x-www-form-urlencoded` text of one name or value (space as `+`, as Python's urlencode). */
function formText(text: string): string {
  return percent(text).replace(/%20/g, "+");
}

/** Name/value pairs as `a=1&b=2`. */
export function urlencode(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([k, v]) => `${formText(k)}=${formText(v)}`).join("&");
}

const DELIMITERS: { [style: string]: string } = { spaceDelimited: " ", pipeDelimited: "|" };
const FORM = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

/** The query pairs of a call's parameters, in each one's style. */
export function queryPairs(items: ReadonlyArray<QueryParam>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, value, explode, style] of items) {
    if (value === undefined || value === null) {
      continue;
    }
    const object = isObject(value);
    if (style === "deepObject" && object) {
      bracketed(value, name, out); // created[gt]=1
    } else if (style !== undefined && style in DELIMITERS && !explode && Array.isArray(value)) {
      out.push([name, value.map(scalar).join(DELIMITERS[style])]);
    } else if (Array.isArray(value) && explode) {
      value.forEach((item) => out.push([name, scalar(item)]));
    } else if (object && explode) {
      spread(value, out);
    } else {
      out.push([name, scalar(value)]);
    }
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function spread(value: Record<string, unknown>, out: Array<[string, string]>): void {
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined && v !== null) {
      out.push([k, scalar(v)]);
    }
  }
}

/** `value` as fields named in the bracket convention (`a[b]=v`, `a[0]=v`); null is left out. */
function bracketed(value: unknown, name: string, out: Array<[string, string]>): void {
  if (value === undefined || value === null) {
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => bracketed(item, `${name}[${i}]`, out));
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      bracketed(v, name ? `${name}[${k}]` : k, out);
    }
  } else {
    out.push([name, scalar(value)]);
  }
}

/**
 * An `application/x-www-form-urlencoded` body: the object's fields, brackets nested. A property
 * whose spec `encoding` names a `style` (or `explode`) other than deepObject is sent that way
 * instead: `form` repeats an exploded array's name (`a=1&a=2`), spreads an exploded object's
 * keys, and joins an unexploded one with commas (`a=1,2`).
 */
export function encodeForm(body: unknown, encoding: ReadonlyArray<PartEncoding> = []): string {
  const how = new Map(encoding.map(([name, style, explode]) => [name, [style, explode] as const]));
  const out: Array<[string, string]> = [];
  if (!isObject(body)) {
    bracketed(body, "", out);
    return urlencode(out);
  }
  for (const [key, item] of Object.entries(body)) {
    const [style, explode] = how.get(key) ?? ["", null];
    if ((!style && explode === null) || style === "deepObject" || item === null || item === undefined) {
      bracketed(item, key, out);
    } else if (style in DELIMITERS && explode !== true && Array.isArray(item)) {
      out.push([key, item.map(scalar).join(DELIMITERS[style])]);
    } else if (explode === false) {
      out.push([key, scalar(item)]);
    } else if (Array.isArray(item)) {
      item.forEach((v) => out.push([key, scalar(v)]));
    } else if (isObject(item)) {
      spread(item, out);
    } else {
      out.push([key, scalar(item)]);
    }
  }
  return urlencode(out);
}

/**
 * A `multipart/form-data` body: one part per property (each item of an array its own part under
 * the same name). File content (`Blob`, `File`, bytes) becomes a file part of the encoding's
 * media type (default `application/octet-stream`), an object its JSON text, a scalar its text.
 */
export function encodeMultipart(body: unknown, encoding: ReadonlyArray<PartEncoding> = []): FormData {
  if (!isObject(body)) {
    throw new TypeError("a multipart/form-data body must be an object");
  }
  const types = new Map(encoding.map((row) => [row[0], row[3]]));
  const form = new FormData();
  const append = (name: string, item: unknown): void => {
    if (item === undefined || item === null) {
      return;
    }
    if (item instanceof Blob || item instanceof Uint8Array) {
      const type = types.get(name) ?? (item instanceof Blob && item.type ? item.type : "application/octet-stream");
      // (A Uint8Array is a BlobPart; the cast spans TypeScript versions that type its buffer apart.)
      const blob = item instanceof Blob && item.type === type ? item : new Blob([item as unknown as BlobPart], { type });
      form.append(name, blob, typeof File !== "undefined" && item instanceof File ? item.name : name);
    } else if (isObject(item)) {
      form.append(name, JSON.stringify(item));
    } else {
      form.append(name, scalar(item));
    }
  };
  for (const [name, item] of Object.entries(body)) {
    if (Array.isArray(item)) {
      item.forEach((v) => append(name, v));
    } else {
      append(name, item);
    }
  }
  return form;
}

/** A cookie value: the parameter's text, with the bytes a cookie cannot hold percent-encoded. */
function cookieText(value: unknown): string {
  return scalar(value).replace(/[\x00-\x20"%;\\\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

const warned = new Set<string>();

/** Warn once per process that a deprecated method was called (Python's DeprecationWarning). */
export function warnDeprecated(message: string): void {
  if (!warned.has(message)) {
    warned.add(message);
    console.warn(`DeprecationWarning: ${message}`);
  }
}

export class HTTPClient {
  constructor(readonly config: HTTPConfig) {}

  /** Send `call`, retrying as configured; resolve with a successful response. */
  async send(call: Call, options: RequestOptions = {}): Promise<Response> {
    const retry = retryConfig(chosenRetries(options.retries, this.config, call.retry));
    const started = Date.now();
    const timeoutMs = options.timeoutMs ?? this.config.timeoutMs;
    // Built once, before anything is sent: a request that cannot be encoded throws here.
    const url = this.url(call);
    const init = this.init(call, options);
    // A streamed body is read once: its request is never sent again.
    const once = init.body instanceof ReadableStream;
    for (let attempt = 0; ; attempt++) {
      const last = once || attempt >= retry.maxRetries;
      let response: Response;
      try {
        response = await this.attempt(url, init, options, timeoutMs);
      } catch (error) {
        const retried = retry.connectionErrors && error instanceof APIConnectionError;
        const wait = retried && !last && !(error instanceof APIUserAbortError) ? backoff(retry, attempt, null) : -1;
        if (wait < 0 || Date.now() - started + wait > retry.maxElapsedMs) {
          throw error;
        }
        await sleep(wait, options.signal);
        continue;
      }
      if (response.ok) {
        return response;
      }
      if (!last && retriesStatus(retry, response.status)) {
        const wait = backoff(retry, attempt, response.headers);
        if (Date.now() - started + wait <= retry.maxElapsedMs) {
          await response.body?.cancel().catch(() => undefined);
          await sleep(wait, options.signal);
          continue;
        }
      }
      throw await statusError(response, call);
    }
  }

  private async attempt(
    url: string,
    init: RequestInit,
    options: RequestOptions,
    timeoutMs: number | undefined,
  ): Promise<Response> {
    const controller = new AbortController();
    const user = options.signal;
    if (user?.aborted) {
      throw new APIUserAbortError("the request was aborted");
    }
    const onAbort = (): void => controller.abort();
    user?.addEventListener("abort", onAbort, { once: true });
    let timedOut = false;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs);
    try {
      // On success the listener stays: the caller's signal also cancels the response body.
      return await this.config.fetch(url, { ...init, signal: controller.signal });
    } catch (error) {
      user?.removeEventListener("abort", onAbort);
      if (user?.aborted) {
        throw new APIUserAbortError("the request was aborted", { cause: error });
      }
      if (timedOut) {
        throw new APITimeoutError(`no response within ${timeoutMs} ms`, { cause: error });
      }
      throw new APIConnectionError(`connection failed: ${String(error)}`, { cause: error });
    } finally {
      if (timer !== undefined) {
        clearTimeout(timer);
      }
    }
  }

  private url(call: Call): string {
    const pairs = queryPairs(call.query ?? []);
    const scheme = this.scheme(call);
    if (scheme !== undefined && scheme[0].kind === "apikey" && scheme[0].location === "query") {
      pairs.push([scheme[0].name, scheme[1]]);
    }
    const url = this.config.serverURL.replace(/\/+$/, "") + call.path;
    return pairs.length > 0 ? `${url}?${urlencode(pairs)}` : url;
  }

  /** The first of the call's security schemes that has a credential (any one will do). */
  private scheme(call: Call): [SecurityScheme, string] | undefined {
    for (const key of call.security) {
      const scheme = this.config.schemes[key];
      const credential = this.config.credentials[key];
      if (scheme !== undefined && credential) {
        return [scheme, credential];
      }
    }
    return undefined;
  }

  private init(call: Call, options: RequestOptions): RequestInit {
    const headers = new Headers(this.config.headers);
    headers.set("accept", call.accept);
    for (const [name, value] of call.headers ?? []) {
      if (value !== undefined && value !== null) {
        headers.set(name, scalar(value));
      }
    }
    const cookies = (call.cookies ?? []).filter(([, value]) => value !== undefined && value !== null);
    this.authorize(call, headers, cookies);
    if (cookies.length > 0) {
      headers.set("cookie", cookies.map(([name, value]) => `${name}=${cookieText(value)}`).join("; "));
    }
    let body: BodyInit | undefined;
    if (call.body !== undefined && call.binary === true) {
      headers.set("content-type", call.contentType ?? "application/octet-stream");
      body = binaryBody(call.body);
    } else if (call.body !== undefined) {
      const contentType = call.contentType ?? "application/json";
      headers.set("content-type", contentType);
      const media = contentType.split(";", 1)[0]?.trim().toLowerCase();
      if (media === FORM) {
        body = encodeForm(call.body, call.encoding);
      } else if (media === MULTIPART) {
        body = encodeMultipart(call.body, call.encoding);
        headers.delete("content-type"); // fetch writes it, with the boundary
      } else {
        body = typeof call.body === "string" && !/json/.test(contentType) ? call.body : JSON.stringify(call.body);
      }
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      headers.set(name, value);
    }
    // node's fetch streams a request body only half-duplex (and asks to be told so).
    const duplex = body instanceof ReadableStream ? { duplex: "half" } : {};
    return { method: call.method, headers, body, ...duplex };
  }

  private authorize(call: Call, headers: Headers, cookies: Array<readonly [string, unknown]>): void {
    const found = this.scheme(call);
    if (found === undefined) {
      return;
    }
    const [scheme, credential] = found;
    if (scheme.kind === "bearer") {
      headers.set("authorization", /^bearer /i.test(credential) ? credential : `Bearer ${credential}`);
    } else if (scheme.kind === "basic") {
      headers.set("authorization", `Basic ${btoa(credential)}`);
    } else if (scheme.location === "header") {
      headers.set(scheme.name, credential);
    } else if (scheme.location === "cookie") {
      cookies.push([scheme.name, credential]);
    }
  }
}

/** A binary body as fetch sends it: bytes and blobs whole, an async iterable as a stream. */
function binaryBody(value: unknown): BodyInit {
  if (value instanceof Uint8Array || value instanceof ArrayBuffer || value instanceof Blob) {
    return value as BodyInit;
  }
  if (value instanceof ReadableStream) {
    return value as ReadableStream<Uint8Array>;
  }
  if (isObject(value) && Symbol.asyncIterator in value) {
    const iterator = (value as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done === true) {
          controller.close();
        } else if (next.value instanceof Uint8Array) {
          controller.enqueue(next.value);
        } else {
          throw new TypeError(`a binary body's chunks must be Uint8Array, not ${typeof next.value}`);
        }
      },
      async cancel(reason) {
        await iterator.return?.(reason);
      },
    });
  }
  throw new TypeError(
    "a binary body must be a Uint8Array, ArrayBuffer, Blob, ReadableStream or async iterable of Uint8Array",
  );
}

/** One value as text: lists joined by commas, objects as `k,v,k2,v2`, dates in RFC 3339. */
function scalar(value: unknown): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    return value.map(scalar).join(",");
  }
  if (isObject(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${k},${scalar(v)}`)
      .join(",");
  }
  return String(value);
}

async function statusError(response: Response, call: Call): Promise<APIError> {
  const text = await response.text().catch(() => "");
  let json: unknown = undefined;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  let data: unknown = json;
  if (json !== undefined && call.errorData) {
    try {
      data = call.errorData(response.status, json);
    } catch {
      data = json; // a body that does not match the spec's model is still shown as sent
    }
  }
  const Class = errorClass(response.status);
  const flagged = byStatus(call.errorMessages ?? {}, response.status);
  return new Class(errorMessage(response.status, json, flagged), response.status, response.headers, text, data);
}

/** The entry for a status: its code's, else its class's ("4XX"), else the default one. */
function byStatus<T>(entries: { readonly [status: string]: T }, status: number): T | undefined {
  const code = String(status);
  return entries[code] ?? entries[`${code[0]}XX`] ?? entries["default"];
}

/**
 * A call's retries: the call's own, else what the client's caller gave, else the operation's
 * spec policy, else the client's default. A count under a policy keeps its backoff and statuses.
 */
function chosenRetries(
  given: number | RetryConfig | undefined,
  config: HTTPConfig,
  policy: RetryConfig | undefined,
): number | RetryConfig {
  const chosen = given ?? (config.retriesGiven ? config.retries : undefined);
  if (policy === undefined) {
    return chosen ?? config.retries;
  }
  if (chosen === undefined) {
    return policy;
  }
  return typeof chosen === "number" ? { ...policy, maxRetries: chosen } : chosen;
}

function retryConfig(retries: number | RetryConfig): Required<RetryConfig> {
  const config = typeof retries === "number" ? { maxRetries: retries } : retries;
  return {
    maxRetries: Math.max(0, config.maxRetries),
    initialDelayMs: config.initialDelayMs ?? 500,
    maxDelayMs: config.maxDelayMs ?? 8000,
    maxRetryAfterMs: config.maxRetryAfterMs ?? 60000,
    exponent: config.exponent ?? 2,
    maxElapsedMs: config.maxElapsedMs ?? Number.POSITIVE_INFINITY,
    statusCodes: config.statusCodes ?? ["429", "5XX"],
    connectionErrors: config.connectionErrors ?? true,
  };
}

/** Whether a response with this status is retried: an exact code, or its class ("5XX"). */
function retriesStatus(retry: Required<RetryConfig>, status: number): boolean {
  const code = String(status);
  return retry.statusCodes.some((c) => c === code || c.toUpperCase() === `${code[0]}XX`);
}

/** The delay before the next attempt: `Retry-After` when given and sane, else backoff. */
export function backoff(retry: Required<RetryConfig>, attempt: number, headers: Headers | null): number {
  const after = retryAfterMs(headers);
  if (after !== undefined && after >= 0 && after <= retry.maxRetryAfterMs) {
    return after;
  }
  const delay = Math.min(retry.initialDelayMs * retry.exponent ** attempt, retry.maxDelayMs);
  return delay * (1 - Math.random() * 0.25);
}

function retryAfterMs(headers: Headers | null): number | undefined {
  const ms = headers?.get("retry-after-ms");
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) {
    return Number(ms);
  }
  const value = headers?.get("retry-after")?.trim();
  if (!value) {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(value)) {
    return Number(value) * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new APIUserAbortError("the request was aborted"));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new APIUserAbortError("the request was aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A call's value with the HTTP response it came from. */
export type RawResponse<T> = {
  /** What the method resolves to (for a stream, the `EventStream`). */
  data: T;
  status: number;
  headers: Headers;
  response: Response;
};

/** The methods of a resource, each resolving to a `RawResponse` of what it resolves to. */
export type RawMethods<R> = {
  [K in Exclude<keyof R, "withRawResponse"> as R[K] extends (...args: never[]) => Promise<unknown>
    ? K
    : never]: Raw<R[K]>;
};

/**
 * A method resolving to a `RawResponse`, overload by overload: a dual-mode method keeps its
 * modes (`{ stream: true }` the stream's). A method of one signature matches all three alike.
 */
type Raw<F> = F extends {
  (...args: infer A1): Promise<infer T1>;
  (...args: infer A2): Promise<infer T2>;
  (...args: infer A3): Promise<infer T3>;
}
  ? [A1, T1] extends [A3, T3]
    ? [A3, T3] extends [A1, T1]
      ? (...args: A3) => Promise<RawResponse<T3>>
      : Raw3<A1, T1, A2, T2, A3, T3>
    : Raw3<A1, T1, A2, T2, A3, T3>
  : never;

type Raw3<A1 extends unknown[], T1, A2 extends unknown[], T2, A3 extends unknown[], T3> = {
  (...args: A1): Promise<RawResponse<T1>>;
  (...args: A2): Promise<RawResponse<T2>>;
  (...args: A3): Promise<RawResponse<T3>>;
};

/** An HTTP client that keeps the last successful response it got (one per raw call). */
class RecordingClient extends HTTPClient {
  last: Response | undefined;

  override async send(call: Call, options: RequestOptions = {}): Promise<Response> {
    this.last = await super.send(call, options);
    return this.last;
  }
}

/** `withRawResponse` of a resource: its methods, each with the response's status and headers. */
export function rawResponses<R extends object>(make: (http: HTTPClient) => R, http: HTTPClient): RawMethods<R> {
  const methods: Record<string, unknown> = {};
  const proto = Object.getPrototypeOf(make(http)) as object;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const method: unknown = Object.getOwnPropertyDescriptor(proto, name)?.value;
    if (name === "constructor" || typeof method !== "function") {
      continue;
    }
    methods[name] = async (...args: unknown[]): Promise<RawResponse<unknown>> => {
      const recorder = new RecordingClient(http.config);
      const data: unknown = await method.apply(make(recorder), args);
      const response = recorder.last as Response; // every method sends exactly one request
      return { data, status: response.status, headers: response.headers, response };
    };
  }
  return methods as RawMethods<R>;
}

type Parser<T> = { parse(value: unknown): T };

/** Parses error bodies by status (`"404"`, `"4XX"`, `"default"`) with the spec's error models. */
export function errorModels(models: { [status: string]: Parser<unknown> }): (status: number, json: unknown) => unknown {
  return (status, json) => {
    const model = byStatus(models, status);
    return model === undefined ? json : model.parse(json);
  };
}

/** A parameter's wire form by its outbound schema; `undefined` (absent) stays absent. */
export function toWire<T>(schema: Parser<T>, value: unknown): T | undefined {
  return value === undefined ? undefined : schema.parse(value);
}

/** An optional body built from the request's fields: `undefined` (not sent) when it has none. */
export function optionalBody<T>(body: T): T | undefined {
  return isObject(body) && Object.values(body).every((v) => v === undefined) ? undefined : body;
}
