// The TypeScript SDK of the golden `retries` spec against a local server that fails as each
// scenario's key asks (tests/typescript/test_ts_retries.py). Usage: node retry_scenarios.mjs
// DIST_DIR SERVER_URL; prints one JSON object: scenario -> { ok, attempts | name, status, ms }.
import { pathToFileURL } from "node:url";

const [dist, server] = process.argv.slice(2);
const sdk = await import(pathToFileURL(`${dist}/index.js`).href);
let next = 0;
const key = (status, times) => `${status}x${times}-${next++}`;
const plain = new sdk.RetriesSdk({ serverURL: server });

const scenarios = {
  // The document's policy: 5XX and connection errors, waits 50, 100, 200 ... ms for up to 3 s.
  documentRetries5XX: () => plain.calls.globalPolicy({ key: key("503", 3) }),
  documentRetriesDrops: () => plain.calls.globalPolicy({ key: key("drop", 2) }),
  documentSkips429: () => plain.calls.globalPolicy({ key: key("429", 1) }),
  // The operation's own: 429 and 503 only, every 5 ms for up to 1 s, no connection errors.
  operationRetries429: () => plain.calls.ownPolicy({ key: key("429", 2) }),
  operationSkips500: () => plain.calls.ownPolicy({ key: key("500", 1) }),
  operationSkipsDrops: () => plain.calls.ownPolicy({ key: key("drop", 1) }),
  operationStopsInTime: () => plain.calls.ownPolicy({ key: key("503", 100000) }),
  // A call's count keeps the policy (backoff, statuses) with that many retries at most.
  callCountUnderPolicy: () => plain.calls.ownPolicy({ key: key("429", 5) }, { retries: 1 }),
  // A client's caller's choice outranks the operation's policy.
  // The error model of 4XX flags `detail` as its message (x-speakeasy-error-message).
  flaggedMessage: () => plain.calls.ownPolicy({ key: key("400", 1) }),
  plainMessage: () => plain.calls.globalPolicy({ key: key("500", 9) }, { retries: 0 }),
  clientConfigOutranks: () =>
    new sdk.RetriesSdk({ serverURL: server, retries: 0 }).calls.ownPolicy({ key: key("429", 1) }),
};

const results = {};
for (const [name, run] of Object.entries(scenarios)) {
  const started = Date.now();
  try {
    const done = await run();
    results[name] = { ok: true, attempts: done.attempts, ms: Date.now() - started };
  } catch (error) {
    const failed = { name: error?.name, status: error?.statusCode, message: error?.message };
    results[name] = { ok: false, ...failed, ms: Date.now() - started };
  }
}
console.log(JSON.stringify(results));
