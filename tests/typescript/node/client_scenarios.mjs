// The generated TypeScript SDK (compiled) against the spec server of tests/runtime/conftest_client.py.
// Usage: node client_scenarios.mjs DIST_DIR SERVER_URL SCENARIO; prints one JSON line, exits 1 on failure.
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";

const [dist, server, scenario] = process.argv.slice(2);
const sdk = await import(pathToFileURL(`${dist}/index.js`).href);
const { AtomaSdk } = sdk;
const TOKEN = "test-token";
const client = (extra = {}) => new AtomaSdk({ serverURL: server, bearerAuth: TOKEN, ...extra });
const messages = [{ role: "user", content: "Hi" }];

async function collect(stream, limit = Infinity) {
  const out = [];
  for await (const event of stream) {
    out.push(event);
    if (out.length >= limit) break;
  }
  return out;
}

async function caught(fn) {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  assert.fail("expected an error");
}

const scenarios = {
  async stream() {
    const stream = await client().chat.chatCompletionsCreateStream({ model: "stream-7-20", messages });
    const events = await collect(stream);
    const last = events.at(-1).data;
    assert.equal(last.usage.completionTokens, 20);
    assert.equal(last.choices[0].finishReason, "stop");
    return { contents: events.map((e) => e.data.choices[0].delta.content), id: last.id };
  },
  async createStream() {
    // The dual-mode method with `stream: true`: the same events as the `#stream` variant's method.
    const stream = await client().chat.chatCompletionsCreate({ model: "stream-7-20", messages, stream: true });
    assert.ok(stream instanceof sdk.EventStream);
    const events = await collect(stream);
    return { contents: events.map((e) => e.data.choices[0].delta.content), id: events.at(-1).data.id };
  },
  async create() {
    const res = await client().chat.chatCompletionsCreate({ model: "m", messages, maxCompletionTokens: 5 });
    assert.equal(res.choices[0].message.content, "Hi there");
    assert.equal(res.usage.promptTokens, 1);
    return { content: res.choices[0].message.content };
  },
  async outbound() {
    const stream = await client().chat.chatCompletionsCreateStream({
      model: "stream-1-2",
      messages,
      maxCompletionTokens: 7,
      streamOptions: { includeUsage: true },
    });
    await collect(stream);
    return {};
  },
  async models() {
    const res = await client().models.modelsList();
    return { ids: res.data.map((m) => m.id), ownedBy: res.data[0].ownedBy };
  },
  async envAuth() {
    process.env.ATOMA_SDK_BEARER_AUTH = TOKEN;
    const res = await new AtomaSdk({ serverURL: server }).models.modelsList();
    return { ids: res.data.map((m) => m.id) };
  },
  async unauthorized() {
    const error = await caught(() => client({ bearerAuth: "wrong" }).models.modelsList());
    assert.ok(error instanceof sdk.AuthenticationError && error instanceof sdk.APIStatusError);
    return { name: error.name, status: error.statusCode, message: error.data.error.message, body: error.body };
  },
  async notFound() {
    const error = await caught(() => client().chat.chatCompletionsCreate({ model: "status-404", messages }));
    assert.ok(error instanceof sdk.NotFoundError);
    return { name: error.name, status: error.statusCode };
  },
  async serverError() {
    const error = await caught(() =>
      client().chat.chatCompletionsCreate({ model: "status-500", messages }, { retries: 0 }),
    );
    assert.ok(error instanceof sdk.InternalServerError);
    return { name: error.name, status: error.statusCode, type: error.data.error.type };
  },
  async retries() {
    const fast = { maxRetries: 3, initialDelayMs: 1, maxDelayMs: 5 };
    const stream = await client({ retries: fast }).chat.chatCompletionsCreateStream({ model: "flaky-ts-2", messages });
    return { events: (await collect(stream)).length };
  },
  async timeout() {
    const started = Date.now();
    const error = await caught(() =>
      client({ timeoutMs: 200, retries: 0 }).chat.chatCompletionsCreate({ model: "sleep-3", messages }),
    );
    assert.ok(error instanceof sdk.APITimeoutError, String(error));
    return { name: error.name, ms: Date.now() - started };
  },
  async breakCloses() {
    const stream = await client().chat.chatCompletionsCreateStream({ model: "endless-tsbreak", messages });
    return { events: (await collect(stream, 3)).length };
  },
  async abortCloses() {
    const controller = new AbortController();
    const stream = await client().chat.chatCompletionsCreateStream(
      { model: "endless-tsabort", messages },
      { signal: controller.signal },
    );
    let seen = 0;
    const error = await caught(async () => {
      for await (const _ of stream) {
        if (++seen === 2) controller.abort();
      }
    });
    assert.ok(error instanceof sdk.APIUserAbortError, String(error));
    return { name: error.name, seen };
  },
  async cut() {
    const stream = await client().chat.chatCompletionsCreateStream({ model: "cut-ts", messages });
    const seen = [];
    const error = await caught(async () => {
      for await (const event of stream) seen.push(event);
    });
    assert.ok(error instanceof sdk.APIConnectionError, String(error));
    return { name: error.name, seen: seen.length };
  },
  async malformed() {
    const stream = await client().chat.chatCompletionsCreateStream({ model: "malformed", messages });
    const seen = [];
    const error = await caught(async () => {
      for await (const event of stream) seen.push(event);
    });
    assert.ok(error instanceof sdk.StreamDecodeError, String(error));
    return { name: error.name, seen: seen.length };
  },
  async errorEvent() {
    const stream = await client().chat.chatCompletionsCreateStream({ model: "error-event", messages });
    const error = await caught(() => collect(stream));
    assert.ok(error instanceof sdk.APIError);
    return { name: error.name, message: error.message };
  },
  async iterateOnce() {
    const stream = await client().chat.chatCompletionsCreateStream({ model: "stream-2-2", messages });
    await collect(stream);
    const error = await caught(() => collect(stream));
    return { name: error.name };
  },
};

try {
  const result = await scenarios[scenario]();
  console.log(JSON.stringify({ ok: true, ...result }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error?.stack ?? error) }));
  process.exitCode = 1;
}
