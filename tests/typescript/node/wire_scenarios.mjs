// The SDK of tests/typescript/specs/wire.yaml (compiled) against tests/typescript/echo_server.py.
// Usage: node wire_scenarios.mjs DIST_DIR SERVER_URL; prints one JSON object: scenario -> result.
// Every call carries `x-scenario: <name>`, so the server files what it received under the name.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

const customers = (name, request) => client.customers.createCustomer(request, tagged(name));
const file = { plain: "a/b c", dotted: ["x", "y"], semi: ["m", "n"], list: [1, 2] };

Object.assign(scenarios, {
  formFull: (name) =>
    customers(name, {
      name: "Ada L",
      balance: 0,
      taxExempt: false,
      metadata: { "k 1": "v&x" },
      expand: ["a", "b.c"],
      address: { city: "Zürich", line: ["1"] },
    }),
  formMinimal: (name) => customers(name, { name: "x", taxExempt: true }),
  formEncodings: (name) =>
    customers(name, {
      name: "n",
      expand: ["a"],
      tags: ["x", "y"],
      ids: [1, 2],
      codes: ["p", "q"],
      words: ["u v", "w"],
      spread: { gt: 1, lte: 2 },
    }),
  queryStyles: (name) =>
    client.charges.listCharges(
      { created: { gt: 1, lte: 5 }, window: { gt: 2 }, spread: { lte: 3 }, ids: [1, 2], tag: ["a", "b"] },
      tagged(name),
    ),
  queryScalars: (name) =>
    client.charges.listCharges(
      {
        words: ["a b", "c"],
        cols: ["x", "y"],
        q: "a&b=c d/é*~!",
        live: false,
        since: new Date("2024-01-02T03:04:05Z"),
      },
      tagged(name),
    ),
  queryNone: (name) => client.charges.listCharges({}, tagged(name)),
  queryInPathKey: (name) => client.charges.listChargesBeta({ q: "a b" }, tagged(name)),
  queryInPathKeyAlone: (name) => client.charges.listChargesBeta({}, tagged(name)),
  pathStyles: (name) => client.files.getFile(file, tagged(name)),
  pathExploded: (name) => client.files.getFile({ ...file, dotted: ["é"], semi: ["1"] }, tagged(name)),
  pathEmpty: (name) => client.files.getFile({ ...file, plain: "" }, tagged(name)),
  pathEmptyList: (name) => client.files.getFile({ ...file, list: [] }, tagged(name)),
  pathDotDot: (name) => client.files.getFile({ ...file, plain: ".." }, tagged(name)),
  pathDotLabel: (name) => client.files.getFile({ ...file, dotted: ["."] }, tagged(name)),
  headersAndCookies: (name) =>
    client.files.getMeta({ xTraceId: "t-1", xFlags: ["a", "b"], session: "s 1;x", prefs: ["p", "q"] }, tagged(name)),
  headersOmitted: (name) => client.files.getMeta({ xTraceId: "t-2" }, tagged(name)),
  async doneEndsTheStream(name) {
    const stream = await client.ticks.streamTicks(tagged(name));
    const prices = [];
    for await (const event of stream) prices.push(event.data.price);
    return { prices };
  },
  async rawResponse(name) {
    const raw = await client.labels.withRawResponse.getLabel({ id: "l2" }, tagged(name));
    const stream = await client.ticks.withRawResponse.streamTicks(tagged(name));
    const prices = [];
    for await (const event of stream.data) prices.push(event.data.price);
    return {
      status: raw.status,
      contentType: raw.headers.get("content-type"),
      displayName: raw.data.displayName,
      streamType: stream.headers.get("content-type"),
      prices,
      methods: Object.keys(client.labels.withRawResponse).sort(),
    };
  },
  async deprecatedWarnsOnce(name) {
    await client.ticks.oldCall(tagged(name));
    await client.ticks.oldCall(tagged(name));
    return { warnings: [...warnings] };
  },
  multipartBytes: (name) =>
    client.files.upload(
      { file: new Uint8Array([0, 1, 2, 255]), title: "t é", tags: ["a", "b"], meta: { gt: 1 } },
      tagged(name),
    ),
  multipartFile: (name) =>
    client.files.upload({ file: new File(["hi\r\n"], "note.txt", { type: "text/plain" }) }, tagged(name)),
  multipartNotAnObject: (name) => client.files.uploadMany({ requestBody: ["a"] }, tagged(name)),
  multipartRejectsNumbers: (name) => client.files.upload({ file: 5 }, tagged(name)),
  requiredMultipartEmpty: (name) => client.options.sendOptions({}, tagged(name)),
  requiredFormEmpty: (name) => client.options.sendOptionsForm({}, tagged(name)),
  optionalJsonEmpty: (name) => client.options.sendMaybeOptions({}, tagged(name)),
  optionalJsonGiven: (name) => client.options.sendMaybeOptions({ count: 0 }, tagged(name)),
  noteDefault: (name) => client.options.createNote({ note: "t é", count: 1 }, tagged(name)),
  noteJson: (name) =>
    client.options.createNote({ note: "t é", count: 1 }, { ...tagged(name), contentType: "application/json" }),
  noteForm: (name) =>
    client.options.createNote(
      { note: "t é", count: 1 },
      { ...tagged(name), contentType: "application/x-www-form-urlencoded" },
    ),
  noteMultipart: (name) =>
    client.options.createNote({ note: "t é", count: 1 }, { ...tagged(name), contentType: "multipart/form-data" }),
  noteRaw: (name) =>
    client.options.withRawResponse.createNote(
      { note: "t é", count: 1 },
      { ...tagged(name), contentType: "application/x-www-form-urlencoded" },
    ),
});

for (const charset of ["latin1", "utf16", "none", "bad", "unknown"]) {
  scenarios[`text_${charset}`] = async (name) => {
    try {
      return { text: await client.options.getText({ charset }, tagged(name)) };
    } catch (error) {
      if (!(error instanceof sdk.ResponseDecodeError)) {
        throw error;
      }
      const { name: cls, message, charset: read } = error;
      return { error: cls, message, charset: read, content: [...error.content] };
    }
  };
}

Object.assign(scenarios, {
  async tickLines(name) {
    const prices = [];
    for await (const tick of await client.ticks.tickLines(tagged(name))) {
      prices.push(tick.price);
    }
    return { prices };
  },
  async pingJson(name) {
    return { value: String(await client.ticks.ping(tagged(name))) };
  },
  async pingHtml(name) {
    try {
      await client.ticks.ping(tagged(name));
    } catch (error) {
      const { expected, received, body } = error;
      return { error: error.name, expected, received, body };
    }
    return {};
  },
});

// Binary bodies: every byte value, then a 5 MiB body streamed in 64 KiB chunks (the bytes of its
// 256-byte period), from each kind of value a BinaryBody takes; a text/plain body from a string.
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
const BIG_CHUNK = Uint8Array.from({ length: 65536 }, (_, i) => i % 256);
const BIG_CHUNKS = 80; // 80 * 64 KiB = 5 MiB
const blob = (name, requestBody) => client.blobs.putBlob({ name, requestBody }, tagged(name));
async function* bigChunks() {
  for (let i = 0; i < BIG_CHUNKS; i++) {
    yield BIG_CHUNK;
  }
}
Object.assign(scenarios, {
  binaryUint8Array: (name) => blob(name, ALL_BYTES),
  binaryArrayBuffer: (name) => blob(name, ALL_BYTES.slice().buffer),
  binaryBlob: (name) => blob(name, new Blob([ALL_BYTES.subarray(0, 100), ALL_BYTES.subarray(100)])),
  binaryReadableStream: (name) =>
    blob(
      name,
      new ReadableStream({
        start(controller) {
          controller.enqueue(ALL_BYTES.subarray(0, 7));
          controller.enqueue(ALL_BYTES.subarray(7));
          controller.close();
        },
      }),
    ),
  binaryAsyncIterable: (name) => blob(name, bigChunks()),
  async binaryRefusesText(name) {
    try {
      await blob(name, "not bytes");
    } catch (error) {
      return { error: error.name, message: error.message };
    }
    return {};
  },
  textPlain: (name) => client.blobs.postNote({ requestBody: "café ☕\nline" }, tagged(name)),
});

// Files from disk (`fileFromPath`): a multipart file part and a binary body read from a file.
const folder = mkdtempSync(join(tmpdir(), "wire-files-"));
const onDisk = join(folder, "report.bin");
writeFileSync(onDisk, ALL_BYTES);
Object.assign(scenarios, {
  multipartFromPath: async (name) => client.files.upload({ file: await sdk.fileFromPath(onDisk) }, tagged(name)),
  multipartFromPathNamed: async (name) =>
    client.files.upload({ file: await sdk.fileFromPath(onDisk, { name: "r é.txt", type: "text/plain" }) }, tagged(name)),
  binaryFromPath: async (name) => blob(name, await sdk.fileFromPath(onDisk)),
  async fileFromPathMissing(name) {
    try {
      await blob(name, await sdk.fileFromPath(join(folder, "missing.bin")));
    } catch (error) {
      return { code: error.code };
    }
    return {};
  },
  async fileFromPathFolder() {
    try {
      await sdk.fileFromPath(folder);
    } catch (error) {
      return { message: error.message.replace(folder, "FOLDER") };
    }
    return {};
  },
});

const results = {};
for (const [name, run] of Object.entries(scenarios)) {
  try {
    results[name] = { ok: true, ...((await run(name)) ?? {}) };
  } catch (error) {
    results[name] = { ok: false, name: error?.name, message: String(error?.message ?? error) };
  }
}
results.warnings = warnings;
rmSync(folder, { recursive: true, force: true });
console.log(JSON.stringify(results));
