from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/index.ts.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_resources = resolve('resources')
    l_0_webhooks = resolve('webhooks')
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n\nexport * from "./sdk/sdk.js";\n'
    for l_1_r in (undefined(name='resources') if l_0_resources is missing else l_0_resources):
        _loop_vars = {}
        pass
        yield 'export * from "./sdk/'
        yield str(environment.getattr(l_1_r, 'file'))
        yield '.js";\n'
    l_1_r = missing
    if (undefined(name='webhooks') if l_0_webhooks is missing else l_0_webhooks):
        pass
        yield 'export * from "./sdk/'
        yield str(environment.getattr((undefined(name='webhooks') if l_0_webhooks is missing else l_0_webhooks), 'file'))
        yield '.js";\nexport type { WebhookHeaders, WebhookOptions, WebhookSecret } from "./lib/webhooks.js";\n'
    yield 'export * from "./lib/errors.js";\nexport type { BinaryBody, RawMethods, RawResponse, RequestOptions, RetryConfig } from "./lib/http.js";\nexport { fileFromPath, type FileFromPathOptions } from "./lib/files.js";\nexport { BinaryResponse, LineStream } from "./lib/responses.js";\nexport { Page, type Paging } from "./lib/pages.js";\nexport { EventStream } from "./lib/stream.js";\nexport { SSEDecoder, SSEError, SSEEventTooLargeError, iterSSE, type ServerSentEvent } from "./lib/sse.js";\nexport type { ClosedEnum, OpenEnum, Unrecognized } from "./lib/schemas.js";\nexport * as components from "./models/components/index.js";\nexport * as operations from "./models/operations/index.js";\n'

blocks = {}
debug_info = '1=14&4=16&5=20&7=23&8=26'