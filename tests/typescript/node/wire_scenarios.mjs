// The SDK of tests/typescript/specs/wire.yaml (compiled) against tests/typescript/echo_server.py.
// Usage: node wire_scenarios.mjs DIST_DIR SERVER_URL; prints one JSON object: scenario -> result.
// Every call carries `x-scenario: <name>`, so the server files what it received under the name.
import { pathToFileURL } from "node:url";

const [dist, server] = process.argv.slice(2);
const sdk = await import(pathToFileURL(`${dist}/index.js`).href);
const client = new sdk.WireTsSdk({ serverURL: server, bearerAuth: "k", retries: 0 });
const tagged = (name) => ({ headers: { "x-scenario": name } });

const warnings = [];
console.warn = (...args) => warnings.push(args.map(String).join(" "));

const scenarios = {
  async extrasRoundTrip(name) {
    const label = await client.labels.getLabel({ id: "l1" }, tagged(name));
    await client.labels.putLabel(label, tagged(name));
    return { label };
  },
  async extrasFromCaller(name) {
    await client.labels.putLabel(
      {
        displayName: "n",
        child: { shortName: "s", additionalProperties: { hits: 1 } },
        additionalProperties: { raw_key: { innerKey: 1 }, display_name: "ignored" },
      },
      tagged(name),
    );
    return {};
  },
  async extrasRejectedByTheirSchema() {
    const parse = sdk.components.Tagged$inboundSchema.safeParse({ short_name: "s", hits: "three" });
    return { success: parse.success };
  },
};

const results = {};
for (const [name, run] of Object.entries(scenarios)) {
  try {
    results[name] = { ok: true, ...(await run(name)) };
  } catch (error) {
    results[name] = { ok: false, name: error?.name, message: String(error?.message ?? error) };
  }
}
results.warnings = warnings;
console.log(JSON.stringify(results));
