// Type-level checks of `sdk.webhooks`: the SDK of tests/corpus/webhooks_openai.yaml, compiled
// with this file in the session's one tsc run (tests/typescript/build.py). Each `Equal` must hold
// and each `@ts-expect-error` must see an error, else the whole run fails.
import type { IncomingMessage } from "node:http";

import { WhTsSdk, type WebhookHeaders, type components } from "./index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export async function receive(sdk: WhTsSdk, req: IncomingMessage, body: Buffer, request: Request): Promise<unknown[]> {
  // Node's own request headers and body, a fetch `Request`'s, text and raw keys: all accepted.
  const fromNode = await sdk.webhooks.unwrap(body, req.headers, "whsec_a2V5");
  const fromFetch = await sdk.webhooks.unwrap(await request.text(), request.headers, new Uint8Array([1]));
  const plain: WebhookHeaders = { "webhook-id": "msg_1", "webhook-signature": ["v1,a", "v1,b"] };
  const verified = await sdk.webhooks.verifySignature(body, plain, "whsec_a2V5", { toleranceSeconds: 60 });
  if (fromNode.type === "batch.completed") {
    const narrowed: components.WebhookBatchCompleted = fromNode; // the union narrows by its tag
    void narrowed;
  }
  const checks: [
    Equal<typeof fromNode, components.WebhookEvent>,
    Equal<typeof fromFetch, components.WebhookEvent>,
    Equal<typeof verified, void>,
    Equal<ReturnType<WhTsSdk["webhooks"]["unwrap"]>, Promise<components.WebhookEvent>>,
  ] = [true, true, true, true];
  // @ts-expect-error the body is text or bytes, not a parsed object
  await sdk.webhooks.unwrap({ id: "evt_1" }, plain, "whsec_a2V5");
  // @ts-expect-error the tolerance is `toleranceSeconds`
  await sdk.webhooks.unwrap(body, plain, "whsec_a2V5", { tolerance: 60 });
  return checks;
}
