from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'docs/webhooks.md.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header_text = resolve('header_text')
    l_0_title = resolve('title')
    l_0_prop = resolve('prop')
    l_0_api_title = resolve('api_title')
    l_0_events = resolve('events')
    l_0_methods = resolve('methods')
    l_0_example = resolve('example')
    l_0_parameters = resolve('parameters')
    l_0_response = resolve('response')
    l_0_errors = resolve('errors')
    try:
        t_1 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    pass
    yield '<!-- '
    yield str((undefined(name='header_text') if l_0_header_text is missing else l_0_header_text))
    yield ' -->\n# '
    yield str((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '\n(*'
    yield str((undefined(name='prop') if l_0_prop is missing else l_0_prop))
    yield '*)\n\n## Overview\n\n`sdk.'
    yield str((undefined(name='prop') if l_0_prop is missing else l_0_prop))
    yield '` checks the deliveries the '
    yield str((undefined(name='api_title') if l_0_api_title is missing else l_0_api_title))
    yield ' API sends to your endpoint (their\n[Standard Webhooks](https://www.standardwebhooks.com/) signature and timestamp) and parses each\ninto its typed event, validated like a response. Neither method does any I/O; both return\nPromises, as Web Crypto (`crypto.subtle`), which computes the signature, answers asynchronously.\n\n### Events\n\n'
    yield str((undefined(name='events') if l_0_events is missing else l_0_events))
    yield '\n\n### Available Operations\n\n'
    for (l_1_method, l_1_summary) in (undefined(name='methods') if l_0_methods is missing else l_0_methods):
        _loop_vars = {}
        pass
        yield '* ['
        yield str(l_1_method)
        yield '](#'
        yield str(t_1(l_1_method))
        yield ') - '
        yield str(l_1_summary)
        yield '\n'
    l_1_method = l_1_summary = missing
    yield "\n## unwrap\n\nVerify a delivery's `webhook-signature` (HMAC-SHA256 over `webhook-id.webhook-timestamp.body`;\nany of several space-separated `v1,<base64>` entries, as sent while a secret rotates) and its\n`webhook-timestamp` (within `options.toleranceSeconds` of now, either way), then parse the body\nas the event it is.\n\n### Example Usage\n\n```typescript\n"
    yield str((undefined(name='example') if l_0_example is missing else l_0_example))
    yield '\n```\n\n### Parameters\n\n'
    yield str((undefined(name='parameters') if l_0_parameters is missing else l_0_parameters))
    yield '\n\n### Response\n\n'
    yield str((undefined(name='response') if l_0_response is missing else l_0_response))
    yield '\n\n### Errors\n\n'
    yield str((undefined(name='errors') if l_0_errors is missing else l_0_errors))
    yield '\n\n## verifySignature\n\nThe same checks as `unwrap`, without parsing the body; resolves to `undefined`.\n'

blocks = {}
debug_info = '1=28&2=30&3=32&7=34&14=38&18=40&19=44&32=52&37=54&41=56&45=58'