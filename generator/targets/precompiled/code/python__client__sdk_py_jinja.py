from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'client/sdk.py.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_view = resolve('view')
    try:
        t_1 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
    try:
        t_2 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n"""The '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'title'))
    yield ' clients: `'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'sdk_class'))
    yield '` (sync) and `'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'async_class'))
    yield '` (async)."""\n\nfrom __future__ import annotations\n\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'schemes'):
        pass
        yield 'import os\n'
    yield '\n'
    if (environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'attached') or environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'webhooks')):
        pass
        yield 'from functools import cached_property\nfrom typing import TYPE_CHECKING\n'
    yield '\nimport httpx\n\nfrom ._http import UNSET, AsyncHTTP, ExtraHeaders, ExtraQuery, ResumeConfig, RetryConfig, SecurityDef, SyncHTTP, TimeoutTypes, Unset, _AsyncLifecycle, _Lifecycle'
    yield str((', with_policy' if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'retries') else ''))
    yield '\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'root'):
        pass
        yield 'from .resources.'
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'root'), 'module'))
        yield ' import '
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'root'), 'async_class_name'))
        yield ', '
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'root'), 'class_name'))
        yield '\n'
    yield '\n'
    if (environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'attached') or environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'webhooks')):
        pass
        yield 'if TYPE_CHECKING:\n'
        for l_1_res in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'attached'):
            _loop_vars = {}
            pass
            yield '    from .resources.'
            yield str(environment.getattr(l_1_res, 'module'))
            yield ' import '
            yield str(environment.getattr(l_1_res, 'async_class_name'))
            yield ', '
            yield str(environment.getattr(l_1_res, 'class_name'))
            yield '\n'
        l_1_res = missing
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'webhooks'):
            pass
            yield '    from .webhooks import Webhooks\n'
    yield '\n\nSERVERS: tuple[str, ...] = ('
    for l_1_s in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'servers'):
        _loop_vars = {}
        pass
        yield str(t_2(l_1_s))
        yield ', '
    l_1_s = missing
    yield ')\n"""The servers the spec lists; the first is the default `server_url`."""\n\n_SCHEMES: dict[str, SecurityDef] = {\n'
    for l_1_s in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'schemes'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_2(environment.getattr(l_1_s, 'key')))
        yield ': SecurityDef('
        yield str(t_2(environment.getattr(l_1_s, 'kind')))
        yield ', '
        yield str(t_2(environment.getattr(l_1_s, 'location')))
        yield ', '
        yield str(t_2(environment.getattr(l_1_s, 'name')))
        yield '),\n'
    l_1_s = missing
    yield '}\n_USER_AGENT = '
    yield str(t_2(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'user_agent')))
    yield '\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'retries'):
        pass
        yield '_RETRIES = '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'retries'))
        yield '\n"""The spec\'s retry policy (x-speakeasy-retries): the default of every call."""\n'
    for l_1_flavour in ('sync', 'async'):
        _loop_vars = {}
        pass
        yield '\n\nclass '
        yield str((environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'sdk_class') if (l_1_flavour == 'sync') else environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'async_class')))
        yield '('
        yield str(('_Lifecycle' if (l_1_flavour == 'sync') else '_AsyncLifecycle'))
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'root'):
            pass
            yield ', '
            yield str((environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'root'), 'class_name') if (l_1_flavour == 'sync') else environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'root'), 'async_class_name')))
        yield '):\n    """'
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'title'))
        yield ' client'
        yield str((' (async)' if (l_1_flavour == 'async') else cond_expr_undefined("the inline if-expression on line 50 in 'client/sdk.py.jinja' evaluated to false and no else section was defined.")))
        yield '.\n'
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'):
            pass
            yield '\n    '
            yield str(t_1(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'), 4))
            yield '\n'
        yield '    """\n\n    def __init__(\n        self,\n        *,\n        server_url: str = '
        yield str(t_2(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'server_url')))
        yield ',\n'
        for l_2_s in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'schemes'):
            _loop_vars = {}
            pass
            yield '        '
            yield str(environment.getattr(l_2_s, 'param'))
            yield ': str | None = None,\n'
        l_2_s = missing
        yield '        timeout: TimeoutTypes | Unset = UNSET,\n        retries: int | RetryConfig = '
        yield str(('_RETRIES' if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'retries') else '2'))
        yield ',\n        resume: bool | ResumeConfig = False,\n        default_headers: ExtraHeaders | None = None,\n        default_query: ExtraQuery | None = None,\n        strict: bool = False,\n        http_client: '
        yield str(('httpx.Client' if (l_1_flavour == 'sync') else 'httpx.AsyncClient'))
        yield ' | None = None,\n    ) -> None:\n        """Create a client.\n\n'
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'schemes'):
            pass
            yield '        Credentials left out are read from the environment:\n'
            for l_2_s in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'schemes'):
                _loop_vars = {}
                pass
                yield '        `'
                yield str(environment.getattr(l_2_s, 'param'))
                yield '` from `'
                yield str(environment.getattr(l_2_s, 'env_var'))
                yield '`.\n'
            l_2_s = missing
        yield "        `timeout` (seconds or an `httpx.Timeout`) and `retries` (a count or a `RetryConfig`)\n        apply to every call unless the call overrides them. A caller's `http_client` is used\n        as is and left open on `close()`. `resume` (a flag or a `ResumeConfig`) reopens\n        dropped streams with `Last-Event-ID`, for the operations where repeating the\n        request is safe; a call's own `resume=` overrides it. `default_headers` and\n        `default_query` are sent with every call (a call's `extra_headers` and `extra_query`\n        win); the SDK's logger (`logging.getLogger('"
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'package'))
        yield '\')`) logs each\n        request and response at DEBUG, credentials redacted. `strict=True` makes a stream\n        raise `StreamDecodeError` on an event that deviates from the spec, rather than\n        deliver it built leniently and log a warning.\n        """\n'
        for l_2_s in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'schemes'):
            _loop_vars = {}
            pass
            yield '        if '
            yield str(environment.getattr(l_2_s, 'param'))
            yield ' is None:\n            '
            yield str(environment.getattr(l_2_s, 'param'))
            yield ' = os.environ.get('
            yield str(t_2(environment.getattr(l_2_s, 'env_var')))
            yield ')\n'
        l_2_s = missing
        yield '        self._http = '
        yield str(('SyncHTTP' if (l_1_flavour == 'sync') else 'AsyncHTTP'))
        yield '(\n            server_url=server_url,\n            credentials={ '
        for l_2_s in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'schemes'):
            _loop_vars = {}
            pass
            yield str(t_2(environment.getattr(l_2_s, 'key')))
            yield ': '
            yield str(environment.getattr(l_2_s, 'param'))
            yield ', '
        l_2_s = missing
        yield '},\n            schemes=_SCHEMES,\n            timeout=timeout,\n            retries='
        yield str(('with_policy(retries, _RETRIES)' if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'retries') else 'retries'))
        yield ',\n'
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'op_policies'):
            pass
            yield '            retries_given='
            yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'retries_given'))
            yield ',\n'
        yield '            resume=resume,\n            strict=strict,\n            user_agent=_USER_AGENT,\n            default_headers=default_headers,\n            default_query=default_query,\n            http_client=http_client,\n        )\n'
        for l_2_res in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'attached'):
            l_2_cls = missing
            _loop_vars = {}
            pass
            l_2_cls = (environment.getattr(l_2_res, 'class_name') if (l_1_flavour == 'sync') else environment.getattr(l_2_res, 'async_class_name'))
            _loop_vars['cls'] = l_2_cls
            yield '\n    @cached_property\n    def '
            yield str(environment.getattr(l_2_res, 'attr'))
            yield '(self) -> '
            yield str((undefined(name='cls') if l_2_cls is missing else l_2_cls))
            yield ':\n        """'
            yield str((t_1(environment.getattr(l_2_res, 'doc'), 8) if environment.getattr(l_2_res, 'doc') else ((undefined(name='cls') if l_2_cls is missing else l_2_cls) + ' operations.')))
            yield '"""\n        # Imported on first use: a resource pulls in the models of its operations.\n        from .resources.'
            yield str(environment.getattr(l_2_res, 'module'))
            yield ' import '
            yield str((undefined(name='cls') if l_2_cls is missing else l_2_cls))
            yield '\n\n        return '
            yield str((undefined(name='cls') if l_2_cls is missing else l_2_cls))
            yield '(self._http)\n'
        l_2_res = l_2_cls = missing
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'webhooks'):
            pass
            yield '\n    @cached_property\n    def webhooks(self) -> Webhooks:\n        """Verify webhook deliveries and parse their events (no I/O)."""\n        from .webhooks import Webhooks\n\n        return Webhooks()\n'
    l_1_flavour = missing

blocks = {}
debug_info = '1=25&2=27&6=33&10=37&17=41&18=43&19=46&22=53&24=56&25=60&27=67&33=71&37=78&38=82&41=92&42=94&43=97&46=99&49=103&50=111&51=115&53=118&60=121&61=123&62=127&65=131&70=133&74=135&76=138&77=142&86=148&91=150&92=154&93=156&95=162&97=164&100=173&101=175&102=178&111=181&112=185&115=188&116=192&118=194&120=198&122=201'