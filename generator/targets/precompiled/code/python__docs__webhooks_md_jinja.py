from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'docs/webhooks.md.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_view = resolve('view')
    l_0_events = resolve('events')
    l_0_methods = resolve('methods')
    l_0_header = resolve('header')
    l_0_example = resolve('example')
    l_0_parameters = resolve('parameters')
    l_0_response = resolve('response')
    l_0_errors = resolve('errors')
    pass
    yield '# Webhooks\n(*webhooks*)\n\n## Overview\n\n`sdk.webhooks` checks the deliveries the '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'title'))
    yield ' API sends to your endpoint (their\n[Standard Webhooks](https://www.standardwebhooks.com/) signature and timestamp) and parses each\ninto its typed event. Neither method does any I/O, and both work the same on the async client.\n\n### Events\n\n'
    yield str((undefined(name='events') if l_0_events is missing else l_0_events))
    yield '\n\n### Available Operations\n\n'
    for (l_1_method, l_1_summary) in (undefined(name='methods') if l_0_methods is missing else l_0_methods):
        _loop_vars = {}
        pass
        yield '* ['
        yield str(l_1_method)
        yield '](#'
        yield str(l_1_method)
        yield ') - '
        yield str(l_1_summary)
        yield '\n'
    l_1_method = l_1_summary = missing
    yield "\n## unwrap\n\nVerify a delivery's `webhook-signature` (HMAC-SHA256 over `webhook-id.webhook-timestamp.body`) and\nits `webhook-timestamp` (within `tolerance` seconds of now), then parse the body as the event it is.\n\n### Example Usage\n\n```python\n"
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n'
    yield str((undefined(name='example') if l_0_example is missing else l_0_example))
    yield '\n```\n\n### Parameters\n\n'
    yield str((undefined(name='parameters') if l_0_parameters is missing else l_0_parameters))
    yield '\n\n### Response\n\n'
    yield str((undefined(name='response') if l_0_response is missing else l_0_response))
    yield '\n\n### Errors\n\n'
    yield str((undefined(name='errors') if l_0_errors is missing else l_0_errors))
    yield '\n\n## verify_signature\n\nThe same checks as `unwrap`, without parsing the body; returns `None`.\n'

blocks = {}
debug_info = '6=20&12=22&16=24&17=28&28=36&29=38&34=40&38=42&42=44'