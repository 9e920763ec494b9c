// SSE decoding in the TypeScript SDK: our `SSEDecoder` (templates/typescript/lib/sse.ts) against
// eventsource-parser, the usual npm choice, in the same node process, on the same chunks.
//
//   node benchmarks/sse_ts.mjs              # full run, appends its table to BENCHMARKS.md
//   node benchmarks/sse_ts.mjs --quick      # fewer events and runs, prints only
//
// Needs `npm ci --prefix ts` (typescript to transpile sse.ts, eventsource-parser the peer).
// Both read bytes as fetch gives them: ours takes the Uint8Array chunks; eventsource-parser takes
// text, so its timing includes the streaming TextDecoder it needs in real use. Events are checked
// equal before anything is timed.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(ROOT, "ts", "package.json"));
const ts = require("typescript");
const { createParser } = await import(pathToFileURL(require.resolve("eventsource-parser")).href);
const peerVersion = JSON.parse(readFileSync(join(ROOT, "ts/node_modules/eventsource-parser/package.json"))).version;

const quick = process.argv.includes("--quick");
const append = !quick && !process.argv.includes("--no-append");

// Our decoder, transpiled from the template the SDKs ship.
const source = readFileSync(join(ROOT, "templates/typescript/lib/sse.ts"), "utf8");
const js = ts.transpileModule(source, {
  compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
}).outputText;
const work = join(ROOT, "benchmarks/work");
mkdirSync(work, { recursive: true });
writeFileSync(join(work, "sse_ts_ours.mjs"), js);
const { SSEDecoder } = await import(pathToFileURL(join(work, "sse_ts_ours.mjs")).href);

// -- streams -------------------------------------------------------------------------------------

const DELTAS = ["Hello", " world", " café", " naïve", " — ", "日本語", " 😀", " the", " quick", " über", "\n"];

function chatEvent(i) {
  return {
    id: "chatcmpl-9x8Yz7WvU6tS5rQ4pO3nM2lK1jI0h",
    object: "chat.completion.chunk",
    created: 1718000000,
    model: "meta-llama/Llama-3.3-70B-Instruct",
    choices: [{ index: 0, delta: { content: DELTAS[i % DELTAS.length] }, finish_reason: null }],
  };
}

/** The body of `n` events: `lf` one data line each, `crlf` the same with CR LF, `multiline`
 * the JSON pretty-printed over several data lines with ids. */
function body(variant, n) {
  const eol = variant === "crlf" ? "\r\n" : "\n";
  const parts = [];
  for (let i = 0; i < n; i++) {
    const obj = chatEvent(i);
    if (variant === "multiline") {
      const lines = JSON.stringify(obj, null, 1).split("\n");
      parts.push(`id: ${i}${eol}` + lines.map((l) => `data: ${l}${eol}`).join("") + eol);
    } else {
      parts.push(`data: ${JSON.stringify(obj)}${eol}${eol}`);
    }
  }
  parts.push(`data: [DONE]${eol}${eol}`);
  return new TextEncoder().encode(parts.join(""));
}

/** The body cut into chunks of `size` bytes (cutting lines and UTF-8 sequences alike). */
function chunks(bytes, size) {
  const out = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

// -- decoders ------------------------------------------------------------------------------------

function ours(parts) {
  const decoder = new SSEDecoder();
  const events = [];
  for (const part of parts) for (const e of decoder.feed(part)) events.push(e);
  return events;
}

function peer(parts) {
  const events = [];
  const parser = createParser({ onEvent: (e) => events.push(e) });
  const text = new TextDecoder();
  for (const part of parts) parser.feed(text.decode(part, { stream: true }));
  parser.feed(text.decode());
  return events;
}

// Ours carries the last event id seen (WHATWG's lastEventId); the peer, the event's own id line.
const same = (a, b) =>
  a.length === b.length &&
  a.every((e, i) => e.data === b[i].data && e.event === (b[i].event ?? "message") && (b[i].id ?? e.id) === e.id);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median CPU ms (user + system of this process) per decode of `parts`, runs interleaved. CPU
 * time, not wall time: the machine is shared, and waiting for a core is not decoding. */
function time(fns, parts, runs) {
  const ms = fns.map(() => []);
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, k) => {
      const t0 = process.cpuUsage();
      fn(parts);
      const t = process.cpuUsage(t0);
      ms[k].push((t.user + t.system) / 1000);
    });
  }
  return ms.map(median);
}

// -- run -----------------------------------------------------------------------------------------

const N = quick ? 2000 : 20000;
const RUNS = quick ? 5 : 15;
const rows = [];
for (const variant of ["lf", "crlf", "multiline"]) {
  const bytes = body(variant, N);
  for (const size of [64, 1024, 65536]) {
    const parts = chunks(bytes, size);
    const a = ours(parts);
    const b = peer(parts);
    if (!same(a, b)) throw new Error(`${variant}/${size}: the decoders disagree`);
    time([ours, peer], parts, 3); // warm-up
    const [mine, theirs] = time([ours, peer], parts, RUNS);
    const rate = (ms) => Math.round(a.length / (ms / 1000)).toLocaleString("en-US");
    rows.push(
      `| ${variant} | ${size} | ${a.length} | ${rate(mine)} | ${rate(theirs)} | ${(theirs / mine).toFixed(2)}x |`,
    );
  }
}

const table = [
  "| stream | chunk bytes | events | ours events/s | eventsource-parser events/s | ours / peer speed |",
  "|---|---:|---:|---:|---:|---:|",
  ...rows,
].join("\n");
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const stamp = new Date().toISOString().slice(0, 16).replace("T", " ");
const report = [
  "",
  `## TypeScript SSE decoder vs eventsource-parser (benchmarks/sse_ts.mjs), ${stamp} UTC`,
  "",
  `Command: \`node benchmarks/sse_ts.mjs\`. ${N.toLocaleString("en-US")} OpenAI-style chunk events per stream ` +
    `(plus \`[DONE]\`), median CPU time of ${RUNS} interleaved runs after warm-up, one node process. Ours: ` +
    "`SSEDecoder.feed` on the byte chunks; eventsource-parser: `feed` after a streaming `TextDecoder` " +
    `(it takes text). Events checked equal first. Machine: ${cpu}, nproc ${os.cpus().length}, shared; ` +
    `node ${process.version}, eventsource-parser ${peerVersion}, typescript ${ts.version}. ` +
    "Quote the ratios, not the rates.",
  "",
  table,
  "",
].join("\n");
console.log(report);
if (append) appendFileSync(join(ROOT, "BENCHMARKS.md"), report);
