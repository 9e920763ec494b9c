// The SDK of the golden `wire` spec (compiled) against the runtime tests' server
// (tests/runtime/conftest_client.py, under /wire): every kind of success body.
// Usage: node response_scenarios.mjs DIST_DIR ATOMA_DIST_DIR SERVER_URL OUT_DIR; prints one JSON object:
// scenario -> result ({ ok: false, name, message, ... } when it threw).
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";

const [dist, atomaDist, server, out] = process.argv.slice(2);
const sdk = await import(pathToFileURL(`${dist}/index.js`).href);
const atoma = await import(pathToFileURL(`${atomaDist}/index.js`).href);
const client = new sdk.WireSdk({ serverURL: `${server}/wire`, apiKey: "k", retries: 0 });
const FIVE_MIB = 5 * 1024 * 1024;

/** What `pick` takes of each item until the stream ends or throws: [picked, the error]. */
async function collect(stream, pick) {
  const seen = [];
  try {
    for await (const item of stream) {
      seen.push(pick(item));
    }
  } catch (error) {
    return [seen, error];
  }
  return [seen, undefined];
}

/** Whether the server saw the endless download `key` released (it waits up to 2 s). */
async function released(key) {
  return (await (await fetch(`${server}/released/${key}`)).json()).released;
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

const scenarios = {
  async downloadChunks() {
    // 5 MiB taken as it arrives: hashed chunk by chunk, never held whole.
    const result = await client.blobs.getBlob({ name: String(FIVE_MIB) });
    const hash = createHash("sha256");
    let length = 0;
    let chunks = 0;
    for await (const chunk of result) {
      hash.update(chunk);
      length += chunk.length;
      chunks += 1;
    }
    const binary = result instanceof sdk.BinaryResponse;
    return { binary, status: result.status, contentType: result.contentType, length, chunks, sha256: hash.digest("hex") };
  },
  async downloadToFile() {
    const result = await client.blobs.getBlob({ name: String(FIVE_MIB) });
    await result.writeToFile(`${out}/five.bin`);
    return {};
  },
  async downloadSized() {
    const result = await client.blobs.getBlob({ name: "300000" });
    const sizes = [];
    for await (const chunk of result.iterBytes(100_000)) {
      sizes.push(chunk.length);
    }
    const odd = [];
    for await (const chunk of (await client.blobs.getBlob({ name: "1000" })).iterBytes(300)) {
      odd.push(chunk.length);
    }
    return { sizes, odd };
  },
  async downloadWhole() {
    const result = await client.blobs.getBlob({ name: "1000" });
    const bytes = await result.bytes();
    let again;
    try {
      await result.bytes();
    } catch (error) {
      again = `${error.name}: ${error.message}`;
    }
    return { length: bytes.length, sha256: sha256(bytes), again };
  },
  async downloadEndless() {
    // An endless body: only a client that streams gets its first chunks, and `break` releases it.
    const result = await client.blobs.getBlob({ name: "endless-a" });
    let length = 0;
    for await (const chunk of result) {
      length += chunk.length;
      if (length >= 200_000) {
        break;
      }
    }
    return { enough: length >= 200_000, released: await released("a") };
  },
  async downloadAborted() {
    const controller = new AbortController();
    const result = await client.blobs.getBlob({ name: "endless-b" }, { signal: controller.signal });
    try {
      for await (const chunk of result) {
        if (chunk.length > 0) {
          controller.abort();
        }
      }
    } catch (error) {
      return { name: error.name, message: error.message, released: await released("b") };
    }
    return {};
  },
  async downloadClosed() {
    const result = await client.blobs.getBlob({ name: "endless-c" });
    await result.close(); // released unread
    return { released: await released("c") };
  },
  async sseClosedMidStream() {
    // close() from elsewhere while the loop waits for the next event (the endless chat stream).
    const chat = new atoma.AtomaSdk({ serverURL: server, bearerAuth: "test-token" });
    const messages = [{ role: "user", content: "Hi" }];
    const stream = await chat.chat.chatCompletionsCreateStream({ model: "endless-sseclose", messages });
    let seen = 0;
    for await (const _ of stream) {
      if (++seen === 2) {
        setTimeout(() => void stream.close(), 20);
      } else if (seen >= 100) {
        break;
      }
    }
    return { seen, released: await released("sseclose") };
  },
  async anything() {
    const result = await client.blobs.getAnything();
    const bytes = await result.bytes();
    return { contentType: result.contentType, bytes: Array.from(bytes) };
  },
  async report() {
    const result = await client.texts.getReport();
    return { binary: result instanceof sdk.BinaryResponse, text: await result.text() };
  },
  async rawDownload() {
    const raw = await client.blobs.withRawResponse.getBlob({ name: "1000" });
    return { status: raw.status, binary: raw.data instanceof sdk.BinaryResponse, length: (await raw.data.bytes()).length };
  },
  async undeclaredBinary() {
    return await client.blobs.getBlob({ name: "json" });
  },
  async undeclaredJson() {
    const html = new sdk.WireSdk({ serverURL: `${server}/html`, apiKey: "k", retries: 0 });
    return await html.customers.createCustomer({ name: "x" });
  },
  async records() {
    const stream = await client.texts.listRecords({ n: 3 });
    const items = [];
    for await (const item of stream) {
      items.push(item);
    }
    return { lineStream: stream instanceof sdk.LineStream, items };
  },
  async recordsBreak() {
    const stream = await client.texts.listRecords({ n: 5 });
    let first;
    for await (const item of stream) {
      first = item;
      break;
    }
    let again;
    try {
      for await (const item of stream) {
        again = item;
      }
    } catch (error) {
      again = `${error.name}: ${error.message}`;
    }
    return { first, again };
  },
  async recordsBadLine() {
    const [seen, error] = await collect(await client.texts.listRecords({ n: -1 }), (item) => item.id);
    return { seen, name: error?.name, line: error?.line };
  },
  async recordsBadBytes() {
    // A line split across chunks (CRLF ended), then one that is not UTF-8.
    const [seen, error] = await collect(await client.texts.listRecords({ n: -2 }), (item) => item.name);
    return { seen, name: error?.name, content: Array.from(error?.content ?? []) };
  },
  async noContentJson() {
    const note = await client.files.deleteNote({ id: "n1" });
    const gone = await client.files.deleteNote({ id: "gone" });
    return { note, gone: gone === undefined ? "undefined" : gone };
  },
  async noContentText() {
    const text = await client.texts.maybeText();
    const empty = await client.texts.maybeText({ empty: true });
    return { text, empty: empty === undefined ? "undefined" : empty };
  },
  async text() {
    return { text: await client.texts.echoText({ requestBody: "héllo" }) };
  },
};

const results = {};
for (const [name, run] of Object.entries(scenarios)) {
  try {
    results[name] = { ok: true, ...(await run(name)) };
  } catch (error) {
    const { expected, received, statusCode, body } = error;
    results[name] = { ok: false, name: error.name, message: error.message, expected, received, statusCode, body };
  }
}
console.log(JSON.stringify(results));
