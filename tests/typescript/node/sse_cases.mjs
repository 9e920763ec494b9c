// The SSE conformance cases (exported from tests/runtime/test_sse_conformance.py as JSON) run
// against the TypeScript decoder: each stream whole, split at every byte, and byte by byte.
// Usage: node sse_cases.mjs DIST_DIR CASES_JSON; prints {failures: [...]} as JSON.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [dist, casesFile] = process.argv.slice(2);
const { SSEDecoder, SSEEventTooLargeError } = await import(pathToFileURL(`${dist}/lib/sse.js`).href);
const cases = JSON.parse(readFileSync(casesFile, "utf8"));

function chunkings(raw) {
  const out = [[raw]];
  for (let i = 0; i <= raw.length; i++) out.push([raw.subarray(0, i), raw.subarray(i)]);
  out.push(Array.from(raw, (_, i) => raw.subarray(i, i + 1)));
  return out;
}

function decode(chunks, max) {
  const decoder = max === undefined ? new SSEDecoder() : new SSEDecoder(max);
  return chunks.flatMap((c) => decoder.feed(c)).map((e) => [e.event, e.data, e.id, e.retry ?? null]);
}

const failures = [];
for (const c of cases.rules) {
  const raw = Buffer.from(c.raw, "base64");
  const expected = JSON.stringify(c.expected);
  for (const chunks of chunkings(new Uint8Array(raw))) {
    const got = JSON.stringify(decode(chunks));
    if (got !== expected) {
      failures.push({ name: c.name, chunks: chunks.map((x) => x.length), got, expected });
      break;
    }
  }
}
for (const c of cases.caps) {
  const raw = new Uint8Array(Buffer.from(c.raw, "base64"));
  for (const chunks of [[raw], Array.from({ length: Math.ceil(raw.length / 7) }, (_, i) => raw.subarray(i * 7, i * 7 + 7))]) {
    let outcome;
    try {
      outcome = JSON.stringify(decode(chunks, c.max));
    } catch (error) {
      outcome = error instanceof SSEEventTooLargeError ? "too large" : String(error);
    }
    const expected = c.expected === "too large" ? "too large" : JSON.stringify(c.expected);
    if (outcome !== expected) failures.push({ name: c.name, got: outcome, expected });
  }
}
console.log(JSON.stringify({ failures, rules: cases.rules.length, caps: cases.caps.length }));
