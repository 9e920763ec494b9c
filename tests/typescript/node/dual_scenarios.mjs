// The SDK of tests/typescript/specs/dual.yaml (compiled) against sdkgen mock behind a recorder
// (tests/typescript/test_ts_dual.py). Usage: node dual_scenarios.mjs DIST_DIR SERVER_URL; prints one
// JSON object: scenario -> result. Every call carries `x-scenario: <name>` (the recorder files
// what it received under it); `x-answer: json|sse` makes the recorder answer that instead.
import { pathToFileURL } from "node:url";

const [dist, server] = process.argv.slice(2);
const sdk = await import(pathToFileURL(`${dist}/index.js`).href);
const client = new sdk.DualTsSdk({ serverURL: server, retries: 0 });
const tagged = (name, answer) => ({ headers: { "x-scenario": name, ...(answer ? { "x-answer": answer } : {}) } });

/** What a call resolved to: a model as JSON, or a stream's events until its end. */
async function shown(result) {
  if (!(result instanceof sdk.EventStream)) {
    return { stream: false, value: result };
  }
  const events = [];
  for await (const event of result) {
    events.push(event);
  }
  return { stream: true, events };
}

const scenarios = {
  completeWhole: (name) => client.completions.complete({ prompt: "hi", maxTokens: 3 }, tagged(name)),
  completeFalse: (name) => client.completions.complete({ prompt: "hi", stream: false }, tagged(name)),
  completeStream: (name) => client.completions.complete({ prompt: "hi", maxTokens: 3, stream: true }, tagged(name)),
  completeRuntimeFlag: (name) =>
    client.completions.complete({ prompt: "hi", stream: process.argv.length > 0 }, tagged(name)),
  sayWhole: (name) => client.rooms.say({ room: "lobby", text: "hi" }, tagged(name)),
  sayStream: (name) => client.rooms.say({ room: "lobby", text: "hi", stream: true }, tagged(name)),
  sayVariant: (name) => client.rooms.sayStream({ room: "lobby", text: "hi" }, tagged(name)),
  watch: (name) => client.completions.watch({ topic: "news" }, tagged(name)),
  // A server that ignores the flag: an error holding what came, never an empty stream.
  streamAnsweredWhole: (name) => client.completions.complete({ prompt: "hi", stream: true }, tagged(name, "json")),
  wholeAnsweredStreamed: (name) => client.completions.complete({ prompt: "hi" }, tagged(name, "sse")),
  watchAnsweredWhole: (name) => client.completions.watch({ topic: "news" }, tagged(name, "json")),
  rawStream: async (name) => {
    const raw = await client.completions.withRawResponse.complete({ prompt: "hi", stream: true }, tagged(name));
    return { status: raw.status, contentType: raw.headers.get("content-type"), ...(await shown(raw.data)) };
  },
};

const results = {};
for (const [name, run] of Object.entries(scenarios)) {
  try {
    const result = await run(name);
    results[name] = { ok: true, ...(name === "rawStream" ? result : await shown(result)) };
  } catch (error) {
    const { expected, received, body, statusCode } = error;
    results[name] = { ok: false, name: error.name, message: error.message, expected, received, body, statusCode };
  }
}
console.log(JSON.stringify(results));
