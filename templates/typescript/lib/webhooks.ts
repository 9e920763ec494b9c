/**
 * Standard Webhooks verification: a delivery's id, timestamp and signature, checked without I/O.
 *
 * A sender signs `{webhook-id}.{webhook-timestamp}.{body}` with HMAC-SHA256 under the shared
 * secret and sends `webhook-signature: v1,<base64> [v1,<base64> ...]` (several entries while a
 * secret rotates). A delivery verifies when any `v1` entry matches and its timestamp lies within
 * the tolerance of now, in either direction (a replayed or forged-ahead delivery fails).
 *
 * The HMAC is Web Crypto's (`crypto.subtle`: browsers, Deno, Bun, Node.js 19+; `node:crypto`'s
 * `webcrypto` on Node.js 18), the same platforms the client's `fetch` targets. Web Crypto only
 * answers asynchronously, so verifying resolves a Promise.
 */

import { WebhookValidationError, WebhookVerificationError } from "./errors.js";

type Parser<T> = { parse(value: unknown): T };

/** Seconds a delivery's timestamp may differ from now (Standard Webhooks recommends 5 minutes). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * A delivery's request headers: a `Headers` (fetch, Deno, Bun, edge runtimes) or a plain object
 * such as Node.js's `request.headers`. Names are matched case-insensitively.
 */
export type WebhookHeaders = Headers | { readonly [name: string]: string | readonly string[] | undefined };

/** The signing secret as the API shows it (base64, optionally `whsec_`-prefixed), or the raw key. */
export type WebhookSecret = string | Uint8Array;

/** The options of `unwrap` and `verifySignature`. */
export type WebhookOptions = {
  /** Seconds the delivery's timestamp may differ from now, either way; default 300. */
  toleranceSeconds?: number;
};

const SECRET_PREFIX = "whsec_";
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const UTF8_OUT = new TextEncoder();
const UTF8_IN = new TextDecoder("utf-8", { fatal: true });
// A specifier typed `string`: bundlers and type checkers for browsers leave it alone.
const NODE_CRYPTO: string = "node:crypto";

/**
 * Check a delivery's signature and timestamp; resolve to its body as bytes.
 *
 * Rejects with `WebhookVerificationError` when the delivery does not verify.
 */
export async function verifyWebhook(
  body: string | Uint8Array,
  headers: WebhookHeaders,
  secret: WebhookSecret,
  options: WebhookOptions = {},
): Promise<Uint8Array> {
  const payload = typeof body === "string" ? UTF8_OUT.encode(body) : body;
  const lowered = lowerCased(headers);
  const msgId = header(lowered, "webhook-id");
  const stamp = header(lowered, "webhook-timestamp");
  const signatures = header(lowered, "webhook-signature");
  if (!/^[0-9]+$/.test(stamp)) {
    throw new WebhookVerificationError(`webhook-timestamp ${JSON.stringify(stamp)} is not a Unix time`);
  }
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!(tolerance >= 0)) {
    throw new RangeError(`toleranceSeconds must be a number of seconds, not ${String(tolerance)}`);
  }
  const sent = Number(stamp);
  const now = Date.now() / 1000;
  if (Math.abs(now - sent) > tolerance) {
    const age = sent < now ? "too old" : "too far in the future";
    throw new WebhookVerificationError(`webhook-timestamp ${sent} is ${age} (tolerance ${tolerance} s)`);
  }
  const prefix = UTF8_OUT.encode(`${msgId}.${stamp}.`);
  const signed = new Uint8Array(prefix.length + payload.length);
  signed.set(prefix);
  signed.set(payload, prefix.length);
  const expected = toBase64(await hmacSha256(keyOf(secret), signed));
  // Entries are space-separated; ", " too, as a delivery's repeated header lines are joined.
  for (const entry of signatures.split(/\s+/).map((item) => item.replace(/,+$/, ""))) {
    const comma = entry.indexOf(",");
    if (comma > 0 && entry.slice(0, comma) === "v1" && sameText(entry.slice(comma + 1), expected)) {
      return payload;
    }
  }
  throw new WebhookVerificationError("no v1 entry of webhook-signature matches the body");
}

/** A verified body parsed as JSON and validated by `schema` (`WebhookValidationError` if not). */
export function webhookEvent<T>(payload: Uint8Array, schema: Parser<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(UTF8_IN.decode(payload)) as unknown;
  } catch (error) {
    throw new WebhookValidationError(`the webhook body is not JSON: ${String(error)}`, { cause: error });
  }
  try {
    return schema.parse(json);
  } catch (error) {
    throw new WebhookValidationError(`the webhook body is none of the spec's events: ${String(error)}`, {
      cause: error,
    });
  }
}

/** Header names in lower case; a repeated header's values joined by spaces. */
function lowerCased(headers: WebhookHeaders): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof (headers as { forEach?: unknown }).forEach === "function") {
    // `Headers` (and look-alikes from fetch polyfills): their own names are already folded.
    (headers as Headers).forEach((value, name) => out.set(name.toLowerCase(), value));
    return out;
  }
  for (const [name, value] of Object.entries(headers as { [name: string]: unknown })) {
    if (typeof value === "string") {
      out.set(name.toLowerCase(), value);
    } else if (Array.isArray(value)) {
      out.set(name.toLowerCase(), value.join(" "));
    }
  }
  return out;
}

function header(headers: Map<string, string>, name: string): string {
  const value = headers.get(name);
  if (!value) {
    throw new WebhookVerificationError(`the delivery has no ${name} header`);
  }
  return value;
}

/** The HMAC key: the base64 secret decoded (after any `whsec_` prefix), or the raw bytes. */
function keyOf(secret: WebhookSecret): Uint8Array<ArrayBuffer> {
  let key: Uint8Array<ArrayBuffer>;
  if (typeof secret === "string") {
    const text = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
    if (text.length % 4 !== 0 || !BASE64.test(text)) {
      throw new WebhookVerificationError("the webhook secret is not base64 (as `whsec_...` secrets are)");
    }
    key = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } else {
    key = new Uint8Array(secret);
  }
  if (key.length === 0) {
    throw new WebhookVerificationError("the webhook secret is empty");
  }
  return key;
}

async function hmacSha256(key: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const subtle = await webCrypto();
  const hmacKey = await subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await subtle.sign("HMAC", hmacKey, data));
}

async function webCrypto(): Promise<SubtleCrypto> {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (subtle !== undefined) {
    return subtle;
  }
  // Node.js 18 keeps Web Crypto in `node:crypto` unless started with --experimental-global-webcrypto.
  return ((await import(NODE_CRYPTO)) as { webcrypto: { subtle: SubtleCrypto } }).webcrypto.subtle;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

/** Whether two strings are equal, in a time that depends on their length only (not on where they differ). */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) {
    return false; // every HMAC-SHA256 signature has the same, public, length
  }
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  }
  return diff === 0;
}
