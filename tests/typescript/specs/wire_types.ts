// Type-level checks of request bodies that are not JSON: the SDK of wire.yaml, compiled with this
// file in the session's one tsc run (tests/typescript/build.py). Each `Equal` must hold and each
// `@ts-expect-error` must see an error, else the whole run fails.
import { type BinaryBody, WireTsSdk } from "./index.js";
import { type PostNoteRequest, type PutBlobRequest } from "./sdk/blobs.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export const checks: [
  Equal<PutBlobRequest["requestBody"], BinaryBody>,
  Equal<BinaryBody, Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>>,
  Equal<PostNoteRequest["requestBody"], string>,
] = [true, true, true];

export async function bodies(sdk: WireTsSdk, stream: ReadableStream<Uint8Array>): Promise<void> {
  await sdk.blobs.putBlob({ name: "n", requestBody: new Uint8Array([1]) });
  await sdk.blobs.putBlob({ name: "n", requestBody: new ArrayBuffer(1) });
  await sdk.blobs.putBlob({ name: "n", requestBody: new Blob(["x"]) });
  await sdk.blobs.putBlob({ name: "n", requestBody: stream });
  await sdk.blobs.putBlob({ name: "n", requestBody: (async function* () { yield new Uint8Array([1]); })() });
  await sdk.blobs.postNote({ requestBody: "text" });
  // @ts-expect-error a binary body is bytes, not text
  await sdk.blobs.putBlob({ name: "n", requestBody: "text" });
  // @ts-expect-error a binary body's chunks are bytes
  await sdk.blobs.putBlob({ name: "n", requestBody: (async function* () { yield "x"; })() });
  // @ts-expect-error a text/plain body is a string
  await sdk.blobs.postNote({ requestBody: new Uint8Array([1]) });
  await sdk.options.createNote({}, { contentType: "multipart/form-data" });
  await sdk.options.withRawResponse.createNote({}, { contentType: "application/x-www-form-urlencoded" });
  // @ts-expect-error a media type the spec does not declare for the body
  await sdk.options.createNote({}, { contentType: "text/plain" });
  // @ts-expect-error one body media type: no choice to make
  await sdk.options.sendOptionsForm({}, { contentType: "application/json" });
}
