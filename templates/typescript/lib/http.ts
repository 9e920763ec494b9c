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
  ResponseValidationError,
  errorClass,
  errorMessage,
} from "./errors.js";

/** How failed attempts (connection errors, timeouts, 429, 5XX) are retried. */
export type RetryConfig = {
  /** Attempts after the first one. */
  maxRetries: number;
  /** The first delay, doubled per attempt (25% jitter taken off). Default 500. */
  initialDelayMs?: number;
  /** The longest delay between attempts. Default 8000. */
  maxDelayMs?: number;
  /** The longest `Retry-After` honoured; longer ones fall back to backoff. Default 60000. */
  maxRetryAfterMs?: number;
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
  fetch: typeof fetch;
  headers: Record<string, string>;
};

/** One request, as the resource method describes it. */
export type Call = {
  method: string;
  path: string;
  query?: ReadonlyArray<readonly [string, unknown, boolean]>;
  headers?: ReadonlyArray<readonly [string, unknown]>;
  body?: unknown;
  contentType?: string;
  accept: string;
  security: readonly string[];
  /** Parses an error body (JSON) into the spec's error model, when it declares one. */
  errorData?: (status: number, json: unknown) => unknown;
};

const RETRY_STATUS = (status: number): boolean => status === 429 || status >= 500;

/** An environment variable, where the platform has them (node, deno, bun). */
export function env(name: string): string | undefined {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env?.[name];
}

/** A path parameter, percent-encoded. */
export function encodePath(value: unknown): string {
  return encodeURIComponent(String(value));
}

export class HTTPClient {
  constructor(readonly config: HTTPConfig) {}

  /** Send `call`, retrying as configured; resolve with a successful response. */
  async send(call: Call, options: RequestOptions = {}): Promise<Response> {
    const retry = retryConfig(options.retries ?? this.config.retries);
    const timeoutMs = options.timeoutMs ?? this.config.timeoutMs;
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= retry.maxRetries;
      let response: Response;
      try {
        response = await this.attempt(call, options, timeoutMs);
      } catch (error) {
        if (last || error instanceof APIUserAbortError || !(error instanceof APIConnectionError)) {
          throw error;
        }
        await sleep(backoff(retry, attempt, null), options.signal);
        continue;
      }
      if (response.ok) {
        return response;
      }
      if (!last && RETRY_STATUS(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        await sleep(backoff(retry, attempt, response.headers), options.signal);
        continue;
      }
      throw await statusError(response, call);
    }
  }

  private async attempt(call: Call, options: RequestOptions, timeoutMs: number | undefined): Promise<Response> {
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
      return await this.config.fetch(this.url(call), this.init(call, options, controller.signal));
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
    const url = new URL(this.config.serverURL.replace(/\/+$/, "") + call.path);
    for (const [name, value, explode] of call.query ?? []) {
      appendQuery(url.searchParams, name, value, explode);
    }
    for (const key of call.security) {
      const scheme = this.config.schemes[key];
      const credential = this.config.credentials[key];
      if (scheme?.kind === "apikey" && scheme.location === "query" && credential) {
        url.searchParams.set(scheme.name, credential);
      }
    }
    return url.toString();
  }

  private init(call: Call, options: RequestOptions, signal: AbortSignal): RequestInit {
    const headers = new Headers(this.config.headers);
    headers.set("accept", call.accept);
    for (const [name, value] of call.headers ?? []) {
      if (value !== undefined) {
        headers.set(name, typeof value === "string" ? value : JSON.stringify(value));
      }
    }
    this.authorize(call, headers);
    let body: string | undefined;
    if (call.body !== undefined) {
      headers.set("content-type", call.contentType ?? "application/json");
      body = typeof call.body === "string" && !/json/.test(call.contentType ?? "") ? call.body : JSON.stringify(call.body);
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      headers.set(name, value);
    }
    return { method: call.method, headers, body, signal };
  }

  private authorize(call: Call, headers: Headers): void {
    const cookies: string[] = [];
    for (const key of call.security) {
      const scheme = this.config.schemes[key];
      const credential = this.config.credentials[key];
      if (scheme === undefined || !credential) {
        continue;
      }
      if (scheme.kind === "bearer") {
        headers.set("authorization", /^bearer /i.test(credential) ? credential : `Bearer ${credential}`);
      } else if (scheme.kind === "basic") {
        headers.set("authorization", `Basic ${btoa(credential)}`);
      } else if (scheme.location === "header") {
        headers.set(scheme.name, credential);
      } else if (scheme.location === "cookie") {
        cookies.push(`${scheme.name}=${encodeURIComponent(credential)}`);
      }
    }
    if (cookies.length > 0) {
      headers.set("cookie", cookies.join("; "));
    }
  }
}

function appendQuery(params: URLSearchParams, name: string, value: unknown, explode: boolean): void {
  if (value === undefined) {
    return;
  }
  if (Array.isArray(value)) {
    if (explode) {
      value.forEach((item) => params.append(name, scalar(item)));
    } else {
      params.append(name, value.map(scalar).join(","));
    }
    return;
  }
  params.append(name, scalar(value));
}

function scalar(value: unknown): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
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
  return new Class(errorMessage(response.status, json), response.status, response.headers, text, data);
}

function retryConfig(retries: number | RetryConfig): Required<RetryConfig> {
  const config = typeof retries === "number" ? { maxRetries: retries } : retries;
  return {
    maxRetries: Math.max(0, config.maxRetries),
    initialDelayMs: config.initialDelayMs ?? 500,
    maxDelayMs: config.maxDelayMs ?? 8000,
    maxRetryAfterMs: config.maxRetryAfterMs ?? 60000,
  };
}

/** The delay before the next attempt: `Retry-After` when given and sane, else backoff. */
export function backoff(retry: Required<RetryConfig>, attempt: number, headers: Headers | null): number {
  const after = retryAfterMs(headers);
  if (after !== undefined && after >= 0 && after <= retry.maxRetryAfterMs) {
    return after;
  }
  const delay = Math.min(retry.initialDelayMs * 2 ** attempt, retry.maxDelayMs);
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

type Parser<T> = { parse(value: unknown): T };

/** Parses error bodies by status (`"404"`, `"4XX"`, `"default"`) with the spec's error models. */
export function errorModels(models: { [status: string]: Parser<unknown> }): (status: number, json: unknown) => unknown {
  return (status, json) => {
    const code = String(status);
    const model = models[code] ?? models[`${code[0]}XX`] ?? models["default"];
    return model === undefined ? json : model.parse(json);
  };
}

/** A successful response's JSON body, validated by `schema`. */
export async function parseJSON<T>(response: Response, schema: Parser<T>): Promise<T> {
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new ResponseValidationError(`the response body is not JSON: ${String(error)}`, { cause: error });
  }
  try {
    return schema.parse(json);
  } catch (error) {
    throw new ResponseValidationError(`the response body did not match the spec: ${String(error)}`, { cause: error });
  }
}
