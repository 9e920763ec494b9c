from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/init.py.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_api = resolve('api')
    l_0_view = resolve('view')
    l_0_exports = resolve('exports')
    try:
        t_1 = environment.filters['doc']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'doc' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n"""'
    yield str(t_1(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title')))
    yield ' SDK."""\n\nfrom . import models\nfrom ._events import AsyncEventStream, EventStream, UnknownEvent\nfrom ._http import UNSET, ResumeConfig, RetryConfig, Unset\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'pages'):
        pass
        yield 'from ._pagination import AsyncPage, AsyncPager, SyncPage\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'webhooks'):
        pass
        yield 'from ._webhooks import WebhookVerificationError\n'
    yield 'from ._multipart import FileTypes\nfrom ._payload import BinaryContent\nfrom ._responses import AsyncBinaryResponse, AsyncLineStream, BinaryResponse, LineStream\nfrom ._raw import RawResponse\nfrom .errors import '
    yield str(t_2(context.eval_ctx, environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'error_names'), ', '))
    yield '\nfrom .sdk import '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'async_class'))
    yield ', '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'sdk_class'))
    yield '\n\n__all__ = [\n'
    for l_1_name in (undefined(name='exports') if l_0_exports is missing else l_0_exports):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_3(l_1_name))
        yield ',\n'
    l_1_name = missing
    yield ']\n'

blocks = {}
debug_info = '1=33&2=35&7=37&10=40&17=44&18=46&21=50&22=54'