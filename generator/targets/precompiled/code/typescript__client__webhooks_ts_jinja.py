from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'client/webhooks.ts.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_view = resolve('view')
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n\nimport {\n  type WebhookHeaders,\n  type WebhookOptions,\n  type WebhookSecret,\n  verifyWebhook,\n  webhookEvent,\n} from "../lib/webhooks.js";\nimport * as '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'namespace'))
    yield ' from "../models/'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'namespace'))
    yield '/index.js";\n\n'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'))
    yield '\nexport class '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'class_name'))
    yield " {\n  /**\n   * Verify a delivery's signature and timestamp, then parse its body as the event it is.\n   *\n   * Rejects with `WebhookVerificationError` when the delivery does not verify, and with\n   * `WebhookValidationError` when a verified body is not JSON or none of the spec's events.\n   */\n  async unwrap(\n    body: string | Uint8Array,\n    headers: WebhookHeaders,\n    secret: WebhookSecret,\n    options?: WebhookOptions,\n  ): Promise<"
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'event'))
    yield '> {\n    return webhookEvent(await verifyWebhook(body, headers, secret, options), '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'schema'))
    yield ");\n  }\n\n  /** Verify a delivery's signature and timestamp; rejects with `WebhookVerificationError` if not. */\n  async verifySignature(\n    body: string | Uint8Array,\n    headers: WebhookHeaders,\n    secret: WebhookSecret,\n    options?: WebhookOptions,\n  ): Promise<void> {\n    await verifyWebhook(body, headers, secret, options);\n  }\n}\n"

blocks = {}
debug_info = '1=13&10=15&12=19&13=21&25=23&26=25'