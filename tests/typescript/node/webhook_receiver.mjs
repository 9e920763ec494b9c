// The SDK of tests/corpus/webhooks_openai.yaml (compiled) as a webhook receiver on 127.0.0.1.
// Usage: node webhook_receiver.mjs DIST_DIR; prints its port, then answers each POST with what
// `sdk.webhooks` made of the delivery, as JSON: {ok: true, event} or {ok: false, name, message, ...}.
// The test's own headers say how to call it:
//   x-call: unwrap | verify          x-secret: the secret; x-secret-kind: text | raw (base64 -> bytes)
//   x-body: buffer | u8 | string     x-headers: object (Node's, lower case) | title (Title-Case keys) | fetch (a Headers)
//   x-tolerance: seconds (optional)
//   x-no-global-crypto: 1 hides globalThis.crypto for the call (as on Node.js 18: node:crypto's is used)
import http from "node:http";
import { pathToFileURL } from "node:url";

const [dist] = process.argv.slice(2);
const sdk = await import(pathToFileURL(`${dist}/index.js`).href);
const client = new sdk.WhTsSdk();

function bodyAs(buffer, kind) {
  if (kind === "string") return buffer.toString("utf8");
  if (kind === "u8") return new Uint8Array(buffer); // a plain Uint8Array, not a Buffer
  return buffer;
}

function headersAs(req, kind) {
  if (kind === "fetch") {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) headers.set(name, String(value));
    return headers;
  }
  if (kind === "title") {
    const title = (name) => name.replace(/(^|-)([a-z])/g, (_, dash, c) => dash + c.toUpperCase());
    return Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [title(name), value]));
  }
  return req.headers;
}

async function handle(req, buffer) {
  const h = req.headers;
  const secret = h["x-secret-kind"] === "raw" ? new Uint8Array(Buffer.from(h["x-secret"], "base64")) : h["x-secret"];
  const options = h["x-tolerance"] === undefined ? undefined : { toleranceSeconds: Number(h["x-tolerance"]) };
  const args = [bodyAs(buffer, h["x-body"]), headersAs(req, h["x-headers"]), secret, options];
  const hidden = h["x-no-global-crypto"] === "1" ? Object.getOwnPropertyDescriptor(globalThis, "crypto") : undefined;
  if (hidden !== undefined) delete globalThis.crypto;
  try {
    const event = h["x-call"] === "verify" ? await client.webhooks.verifySignature(...args) : await client.webhooks.unwrap(...args);
    return { ok: true, event: event === undefined ? "undefined" : event };
  } catch (error) {
    return {
      ok: false,
      name: error.name,
      message: error.message,
      apiError: error instanceof sdk.APIError,
      verification: error instanceof sdk.WebhookVerificationError,
      validation: error instanceof sdk.WebhookValidationError,
    };
  } finally {
    if (hidden !== undefined) Object.defineProperty(globalThis, "crypto", hidden);
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", async () => {
    const answer = JSON.stringify(await handle(req, Buffer.concat(chunks)));
    res.writeHead(200, { "content-type": "application/json" }).end(answer);
  });
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
