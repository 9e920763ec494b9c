/**
 * Pages of list operations: `for await (const item of page)` yields the items of every page,
 * each next page requested as the loop reaches it. `Paging` says how one operation pages (the
 * spec's `x-speakeasy-pagination`, or a shape sdkgen recognised); `nextCall` decides the next
 * request from the last response.
 */

import type { Call, HTTPClient, QueryParam, RequestOptions } from "./http.js";

/** A path through a JSON body or a parsed response: keys, and list indexes (negative from the end). */
export type PathSteps = ReadonlyArray<string | number>;

/** How an operation pages. Paths run through the JSON body in wire names; `items` is the path of
 * `results` through the parsed response in property names. */
export type Paging = {
  kind: "offset" | "page" | "cursor" | "url";
  results: PathSteps;
  items: PathSteps;
  /** The query parameter or body property that moves. */
  input?: string;
  /** `input` travels in the request body. */
  body?: boolean;
  /** The first offset or page when the caller passed none. */
  start?: number;
  /** The request value bounding a page's size. */
  limit?: string;
  /** The next cursor, the next URL, or the page count. */
  next?: PathSteps;
  /** A flag that is false on the last page. */
  hasMore?: PathSteps;
};

/** The value at `path`; `undefined` where it stops. */
export function dig(value: unknown, path: PathSteps): unknown {
  for (const step of path) {
    if (value === null || value === undefined) {
      return undefined;
    }
    if (typeof step === "number") {
      if (!Array.isArray(value) || step < -value.length || step >= value.length) {
        return undefined;
      }
      value = value[step < 0 ? value.length + step : step];
    } else if (typeof value === "object" && !Array.isArray(value)) {
      value = (value as Record<string, unknown>)[step];
    } else {
      return undefined;
    }
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value the request sent for `name` (query parameter or body property). */
function sent(call: Call, name: string, body: boolean): unknown {
  if (body) {
    return isRecord(call.body) ? call.body[name] : undefined;
  }
  const entry = (call.query ?? []).find((q) => q[0] === name && q[1] !== undefined);
  return entry?.[1];
}

/** The same call with the moving input set to `value`. */
function withInput(call: Call, paging: Paging, value: unknown): Call {
  const name = paging.input ?? "";
  if (paging.body) {
    return { ...call, body: { ...(isRecord(call.body) ? call.body : {}), [name]: value } };
  }
  const query: QueryParam[] = [...(call.query ?? [])];
  const at = query.findIndex((q) => q[0] === name);
  const entry: QueryParam = [name, value, true];
  if (at < 0) {
    query.push(entry); // the spec lists it; kept for a hand-made call
  } else {
    query[at] = entry; // in place: the query keeps the spec's order
  }
  return { ...call, query };
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

/** Whether a page of `count` items is the last, when nothing else says so. */
function short(call: Call, paging: Paging, count: number): boolean {
  const limit = paging.limit ? sent(call, paging.limit, paging.body ?? false) : undefined;
  return isCount(limit) && limit > 0 ? count < limit : count === 0;
}

/** The request for the page after the one whose JSON body is `body`; `undefined`: the last. */
export function nextCall(paging: Paging, call: Call, body: unknown, serverURL: string): Call | undefined {
  const results = dig(body, paging.results);
  const count = Array.isArray(results) ? results.length : 0;
  if (paging.hasMore && !dig(body, paging.hasMore)) {
    return undefined;
  }
  if (paging.kind === "url") {
    const url = dig(body, paging.next ?? []);
    if (typeof url !== "string" || url === "") {
      return undefined;
    }
    return { ...call, path: relative(url, serverURL), query: [] };
  }
  if (paging.kind === "cursor") {
    const cursor = dig(body, paging.next ?? []);
    if (cursor === undefined || cursor === null || cursor === "" || count === 0) {
      return undefined;
    }
    return withInput(call, paging, cursor);
  }
  const value = sent(call, paging.input ?? "", paging.body ?? false);
  const current = isCount(value) ? value : (paging.start ?? 0);
  if (paging.kind === "page" && paging.next?.length) {
    const total = dig(body, paging.next);
    if (isCount(total)) {
      return current + 1 > total ? undefined : withInput(call, paging, current + 1);
    }
  }
  if (!paging.hasMore && short(call, paging, count)) {
    return undefined;
  }
  return withInput(call, paging, paging.kind === "page" ? current + 1 : current + count);
}

/** A next-page URL as a path under the client's server URL. */
function relative(url: string, serverURL: string): string {
  const base = serverURL.replace(/\/+$/, "");
  const absolute = new URL(url, base + "/").href;
  const rest = absolute.slice(base.length);
  // Under it at a path boundary: `https://api.example.com.evil/` only shares a prefix.
  if (!absolute.startsWith(base) || !["", "/", "?", "#"].includes(rest.slice(0, 1))) {
    throw new Error(`the next page's URL ${JSON.stringify(url)} is not under ${JSON.stringify(base)}`);
  }
  return rest;
}

/**
 * One page of a list: its parsed response (`data`) and items (`items`). `for await` over it
 * yields the items of this page and every next one; `iterPages()`, `hasNextPage()` and
 * `nextPage()` step through the pages.
 */
export class Page<T, R> implements AsyncIterable<T> {
  /** The items of this page. */
  readonly items: T[];
  private readonly next: Call | undefined;

  private constructor(
    /** This page's parsed response. */
    readonly data: R,
    body: unknown,
    call: Call,
    private readonly http: HTTPClient,
    private readonly options: RequestOptions | undefined,
    private readonly parse: (response: Response) => Promise<R>,
    private readonly paging: Paging,
  ) {
    const found = dig(data, paging.items);
    if (found !== undefined && found !== null && !Array.isArray(found)) {
      // Never an empty page in place of items the SDK cannot read.
      throw new TypeError(`the page's items at ${paging.items.join(".")} are not a list`);
    }
    this.items = [...((found as T[] | null | undefined) ?? [])];
    this.next = nextCall(paging, call, body, http.config.serverURL);
  }

  /** Request the page `call` describes. */
  static async fetch<T, R>(
    http: HTTPClient,
    call: Call,
    options: RequestOptions | undefined,
    parse: (response: Response) => Promise<R>,
    paging: Paging,
  ): Promise<Page<T, R>> {
    const response = await http.send(call, options);
    const copy = response.clone(); // the JSON body, for the paging decisions
    const data = await parse(response);
    const body: unknown = await copy.json();
    return new Page<T, R>(data, body, call, http, options, parse, paging);
  }

  /** Whether another page follows this one. */
  hasNextPage(): boolean {
    return this.next !== undefined;
  }

  /** The next page (one request), or `null` after the last. */
  async nextPage(): Promise<Page<T, R> | null> {
    if (this.next === undefined) {
      return null;
    }
    return await Page.fetch<T, R>(this.http, this.next, this.options, this.parse, this.paging);
  }

  /** This page, then each next one, fetched as the loop reaches it. */
  async *iterPages(): AsyncGenerator<Page<T, R>, void, undefined> {
    let page: Page<T, R> | null = this;
    while (page !== null) {
      yield page;
      page = await page.nextPage();
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.iterPages()) {
      yield* page.items;
    }
  }
}
