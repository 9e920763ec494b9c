// Type-level checks of dual-mode methods: the SDK of dual.yaml, compiled with this file in the
// session's one tsc run (tests/typescript/build.py). Each `Equal` must hold and each
// `@ts-expect-error` must see an error, else the whole run fails.
import { DualTsSdk, type EventStream, type RawResponse, type components, type operations } from "./index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Events = EventStream<operations.CompleteResponseBody>;
type SayEvents = EventStream<operations.SayStreamResponseBody>;

export async function flagBased(sdk: DualTsSdk, flag: boolean): Promise<unknown[]> {
  const whole = await sdk.completions.complete({ prompt: "p" });
  const explicit = await sdk.completions.complete({ prompt: "p", stream: false, maxTokens: 3 });
  const streamed = await sdk.completions.complete({ prompt: "p", stream: true });
  const either = await sdk.completions.complete({ prompt: "p", stream: flag });
  const raw = await sdk.completions.withRawResponse.complete({ prompt: "p", stream: true });
  const rawWhole = await sdk.completions.withRawResponse.complete({ prompt: "p" });
  const rawEither = await sdk.completions.withRawResponse.complete({ prompt: "p", stream: flag });
  const rawPlain = await sdk.completions.withRawResponse.watch({ topic: "t" });
  const checks: [
    Equal<typeof whole, components.Reply>,
    Equal<typeof explicit, components.Reply>,
    Equal<typeof streamed, Events>,
    Equal<typeof either, components.Reply | Events>,
    Equal<typeof raw, RawResponse<Events>>,
    Equal<typeof rawWhole, RawResponse<components.Reply>>,
    Equal<typeof rawEither, RawResponse<components.Reply | Events>>,
    Equal<typeof rawPlain, RawResponse<EventStream<operations.WatchResponseBody>>>,
  ] = [true, true, true, true, true, true, true, true];
  // @ts-expect-error a method of one signature keeps its request type
  await sdk.completions.withRawResponse.watch({ topic: 1 });
  for await (const event of streamed) {
    const delta: string = event.data.delta;
    void delta;
  }
  // @ts-expect-error the stream is not the model
  const wrong: components.Reply = await sdk.completions.complete({ prompt: "p", stream: true });
  // @ts-expect-error the flag is a boolean
  await sdk.completions.complete({ prompt: "p", stream: "yes" });
  return [checks, wrong];
}

export async function paired(sdk: DualTsSdk, flag: boolean): Promise<unknown[]> {
  const whole = await sdk.rooms.say({ room: "r", text: "t" });
  const streamed = await sdk.rooms.say({ room: "r", text: "t", stream: true });
  const either = await sdk.rooms.say({ room: "r", text: "t", stream: flag });
  const variant = await sdk.rooms.sayStream({ room: "r", text: "t" });
  const checks: [
    Equal<typeof whole, components.Reply>,
    Equal<typeof streamed, SayEvents>,
    Equal<typeof either, components.Reply | SayEvents>,
    Equal<typeof variant, SayEvents>,
  ] = [true, true, true, true];
  // @ts-expect-error the variant's own method streams only
  await sdk.rooms.sayStream({ room: "r", text: "t", stream: false });
  // @ts-expect-error the room is required in both modes
  await sdk.rooms.say({ text: "t", stream: true });
  return checks;
}

export async function streamOnly(sdk: DualTsSdk): Promise<unknown> {
  const stream = await sdk.completions.watch({ topic: "t" });
  const check: Equal<typeof stream, EventStream<operations.WatchResponseBody>> = true;
  // @ts-expect-error a stream-only method sends its flag true
  await sdk.completions.watch({ topic: "t", stream: false });
  return check;
}
