from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'client/resource.py.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_res = resolve('res')
    l_0_signature = missing
    try:
        t_1 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
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
    yield str((environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'doc') or environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'class_name')))
    yield '"""\n\nfrom __future__ import annotations\n\nfrom functools import cached_property\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'children'):
        pass
        yield 'from typing import TYPE_CHECKING\n'
    for l_1_m in environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'stdlib'):
        _loop_vars = {}
        pass
        yield 'import '
        yield str(l_1_m)
        yield '\n'
    l_1_m = missing
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'typing'):
        pass
        yield 'from typing import '
        yield str(t_2(context.eval_ctx, environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'typing'), ', '))
        yield '\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'pydantic'):
        pass
        yield 'from pydantic import '
        yield str(t_2(context.eval_ctx, environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'pydantic'), ', '))
        yield '\n'
    yield '\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'event_names'):
        pass
        yield 'from .._events import '
        yield str(t_2(context.eval_ctx, environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'event_names'), ', '))
        yield '\n'
    yield 'from .._http import '
    yield str(t_2(context.eval_ctx, (['AsyncHTTP', 'SyncHTTP'] + environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'http_names')), ', '))
    yield '\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'paging_names'):
        pass
        yield 'from .._pagination import '
        yield str(t_2(context.eval_ctx, environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'paging_names'), ', '))
        yield '\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'operations'):
        pass
        yield 'from .._raw import async_raw, raw\n'
    for (l_1_m, l_1_n) in environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'runtime'):
        _loop_vars = {}
        pass
        yield 'from ..'
        yield str(l_1_m)
        yield ' import '
        yield str(l_1_n)
        yield '\n'
    l_1_m = l_1_n = missing
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'error_names'):
        pass
        yield 'from ..errors import '
        yield str(t_2(context.eval_ctx, environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'error_names'), ', '))
        yield '\n'
    for (l_1_rel, l_1_cls) in environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'imports'):
        _loop_vars = {}
        pass
        yield 'from '
        yield str(l_1_rel)
        yield ' import '
        yield str(l_1_cls)
        yield '\n'
    l_1_rel = l_1_cls = missing
    yield '\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'children'):
        pass
        yield '\nif TYPE_CHECKING:\n'
        for l_1_child in environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'children'):
            _loop_vars = {}
            pass
            yield '    from .'
            yield str(environment.getattr(l_1_child, 'module'))
            yield ' import '
            yield str(environment.getattr(l_1_child, 'async_class_name'))
            yield ', '
            yield str(environment.getattr(l_1_child, 'class_name'))
            yield '\n'
        l_1_child = missing
        yield '\n'
    for l_1_c in environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'constants'):
        _loop_vars = {}
        pass
        yield str(environment.getattr(l_1_c, 'name'))
        yield ': '
        yield str(environment.getattr(l_1_c, 'annotation'))
        yield ' = '
        yield str(environment.getattr(l_1_c, 'value'))
        yield '\n'
    l_1_c = missing
    def macro(l_1_op, l_1_flavour, l_1_returns, l_1_flag):
        t_4 = []
        if l_1_op is missing:
            l_1_op = undefined("parameter 'op' was not provided", name='op')
        if l_1_flavour is missing:
            l_1_flavour = undefined("parameter 'flavour' was not provided", name='flavour')
        if l_1_returns is missing:
            l_1_returns = undefined("parameter 'returns' was not provided", name='returns')
        if l_1_flag is missing:
            l_1_flag = ''
        pass
        t_4.extend((
            '    ',
            str(('def' if ((l_1_flavour == 'sync') or environment.getattr(l_1_op, 'paging')) else 'async def')),
            ' ',
            str(environment.getattr(l_1_op, 'name')),
            '(\n        self,\n        *,\n',
        ))
        for l_2_a in environment.getattr(l_1_op, 'args'):
            _loop_vars = {}
            pass
            t_4.extend((
                '        ',
                str((l_1_flag if (l_1_flag and (environment.getattr(l_2_a, 'name') == environment.getattr(environment.getattr(l_1_op, 'dual'), 'flag'))) else environment.getattr(l_2_a, 'declaration'))),
                ',\n',
            ))
        l_2_a = missing
        t_4.extend((
            '        ',
            str(environment.getitem(environment.getattr(l_1_op, 'extras'), 0)),
            ': ExtraHeaders | None = None,\n        ',
            str(environment.getitem(environment.getattr(l_1_op, 'extras'), 1)),
            ': ExtraQuery | None = None,\n        ',
            str(environment.getitem(environment.getattr(l_1_op, 'extras'), 2)),
            ': ExtraBody | None = None,\n        ',
            str(environment.getattr(l_1_op, 'timeout_arg')),
            ': TimeoutTypes | Unset = UNSET,\n        ',
            str(environment.getattr(l_1_op, 'retries_arg')),
            ': int | RetryConfig | Unset = UNSET,\n',
        ))
        if environment.getattr(l_1_op, 'stream_call'):
            pass
            t_4.extend((
                '        ',
                str(environment.getattr(l_1_op, 'resume_arg')),
                ': bool | ResumeConfig | Unset = UNSET,\n',
            ))
        t_4.extend((
            '    ) -> ',
            str(l_1_returns),
            ':',
        ))
        return concat(t_4)
    context.exported_vars.add('signature')
    context.vars['signature'] = l_0_signature = Macro(environment, macro, 'signature', ('op', 'flavour', 'returns', 'flag'), False, False, False, context.eval_ctx.autoescape)
    for l_1_flavour in ('sync', 'async'):
        l_1_cls = missing
        _loop_vars = {}
        pass
        l_1_cls = (environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'class_name') if (l_1_flavour == 'sync') else environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'async_class_name'))
        _loop_vars['cls'] = l_1_cls
        yield '\n\nclass '
        yield str((undefined(name='cls') if l_1_cls is missing else l_1_cls))
        yield ':\n    """'
        yield str((environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'doc') or environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'class_name')))
        yield '"""\n\n    def __init__(self, http: '
        yield str(('SyncHTTP' if (l_1_flavour == 'sync') else 'AsyncHTTP'))
        yield ') -> None:\n        self._http = http\n'
        for l_2_child in environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'children'):
            l_2_child_cls = missing
            _loop_vars = {}
            pass
            l_2_child_cls = (environment.getattr(l_2_child, 'class_name') if (l_1_flavour == 'sync') else environment.getattr(l_2_child, 'async_class_name'))
            _loop_vars['child_cls'] = l_2_child_cls
            yield '\n    @cached_property\n    def '
            yield str(environment.getattr(l_2_child, 'name'))
            yield '(self) -> '
            yield str((undefined(name='child_cls') if l_2_child_cls is missing else l_2_child_cls))
            yield ':\n        """'
            yield str((t_1(environment.getattr(l_2_child, 'doc'), 8) if environment.getattr(l_2_child, 'doc') else ((undefined(name='child_cls') if l_2_child_cls is missing else l_2_child_cls) + ' operations.')))
            yield '"""\n        # Imported on first use, like the SDK\'s own resources.\n        from .'
            yield str(environment.getattr(l_2_child, 'module'))
            yield ' import '
            yield str((undefined(name='child_cls') if l_2_child_cls is missing else l_2_child_cls))
            yield '\n\n        return '
            yield str((undefined(name='child_cls') if l_2_child_cls is missing else l_2_child_cls))
            yield '(self._http)\n'
        l_2_child = l_2_child_cls = missing
        yield '\n    @cached_property\n    def with_raw_response(self) -> '
        yield str((undefined(name='cls') if l_1_cls is missing else l_1_cls))
        yield 'WithRawResponse:\n        """These methods, returning a `RawResponse` (status, headers, `.parse()`)."""\n        return '
        yield str((undefined(name='cls') if l_1_cls is missing else l_1_cls))
        yield 'WithRawResponse(self)\n'
        for l_2_op in environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'operations'):
            _loop_vars = {}
            pass
            if environment.getattr(l_2_op, 'dual'):
                pass
                for (l_3_flag, l_3_sync_returns, l_3_async_returns) in environment.getattr(environment.getattr(l_2_op, 'dual'), 'overloads'):
                    _loop_vars = {}
                    pass
                    yield '\n    @overload\n'
                    yield str(context.call((undefined(name='signature') if l_0_signature is missing else l_0_signature), l_2_op, l_1_flavour, (l_3_sync_returns if (l_1_flavour == 'sync') else l_3_async_returns), l_3_flag, _loop_vars=_loop_vars))
                    yield ' ...\n'
                l_3_flag = l_3_sync_returns = l_3_async_returns = missing
            yield '\n'
            yield str(context.call((undefined(name='signature') if l_0_signature is missing else l_0_signature), l_2_op, l_1_flavour, (environment.getattr(l_2_op, 'returns') if (l_1_flavour == 'sync') else environment.getattr(l_2_op, 'async_returns')), _loop_vars=_loop_vars))
            yield '\n'
            if environment.getattr(l_2_op, 'doc'):
                pass
                yield '        """'
                yield str(t_1(environment.getattr(l_2_op, 'doc'), 8))
                yield '"""\n'
            if environment.getattr(l_2_op, 'warning'):
                pass
                yield '        warnings.warn('
                yield str(environment.getattr(l_2_op, 'warning'))
                yield ', DeprecationWarning, stacklevel=2)\n'
            yield '        call = Call(\n            '
            yield str(t_3(environment.getattr(l_2_op, 'http_method')))
            yield ',\n            '
            yield str(environment.getattr(l_2_op, 'path_expr'))
            yield ',\n            security='
            yield str(environment.getattr(l_2_op, 'security'))
            yield ',\n'
            if environment.getattr(l_2_op, 'query_rows'):
                pass
                yield '            query=(\n'
                for l_3_row in environment.getattr(l_2_op, 'query_rows'):
                    _loop_vars = {}
                    pass
                    yield '                '
                    yield str(l_3_row)
                    yield ',\n'
                l_3_row = missing
                yield '            ),\n'
            if environment.getattr(l_2_op, 'headers'):
                pass
                yield '            headers=(\n'
                for l_3_a in environment.getattr(l_2_op, 'headers'):
                    _loop_vars = {}
                    pass
                    yield '                ('
                    yield str(t_3(environment.getattr(l_3_a, 'wire')))
                    yield ', '
                    yield str(environment.getattr(l_3_a, 'name'))
                    yield '),\n'
                l_3_a = missing
                yield '            ),\n'
            if environment.getattr(l_2_op, 'cookies'):
                pass
                yield '            cookies=(\n'
                for l_3_a in environment.getattr(l_2_op, 'cookies'):
                    _loop_vars = {}
                    pass
                    yield '                ('
                    yield str(t_3(environment.getattr(l_3_a, 'wire')))
                    yield ', '
                    yield str(environment.getattr(l_3_a, 'name'))
                    yield '),\n'
                l_3_a = missing
                yield '            ),\n'
            if environment.getattr(l_2_op, 'body_expr'):
                pass
                yield '            json='
                yield str(environment.getattr(l_2_op, 'body_expr'))
                yield ',\n'
                if environment.getattr(l_2_op, 'optional_body'):
                    pass
                    yield '            optional_body=True,\n'
                yield '            content_type='
                yield str(environment.getattr(l_2_op, 'content_type'))
                yield ',\n'
                if environment.getattr(l_2_op, 'encoding'):
                    pass
                    yield '            encoding='
                    yield str(environment.getattr(l_2_op, 'encoding'))
                    yield ',\n'
            yield '            accept='
            yield str(environment.getattr(l_2_op, 'accept_expr'))
            yield ',\n'
            if environment.getattr(l_2_op, 'expect'):
                pass
                yield '            expect='
                yield str(environment.getattr(l_2_op, 'expect'))
                yield ',\n'
            yield '            errors='
            yield str(environment.getattr(l_2_op, 'errors'))
            yield ',\n'
            if environment.getattr(l_2_op, 'resumable'):
                pass
                yield '            resumable=True,\n'
            yield '            extra_headers='
            yield str(environment.getitem(environment.getattr(l_2_op, 'extras'), 0))
            yield ',\n            extra_query='
            yield str(environment.getitem(environment.getattr(l_2_op, 'extras'), 1))
            yield ',\n            extra_body='
            yield str(environment.getitem(environment.getattr(l_2_op, 'extras'), 2))
            yield ',\n        )\n'
            if environment.getattr(l_2_op, 'dual'):
                pass
                yield '        if '
                yield str(environment.getattr(environment.getattr(l_2_op, 'dual'), 'flag'))
                yield ':\n            return '
                yield str(('await ' if (l_1_flavour == 'async') else cond_expr_undefined("the inline if-expression on line 158 in 'client/resource.py.jinja' evaluated to false and no else section was defined.")))
                yield 'self._http.stream(call, '
                yield str(environment.getattr(l_2_op, 'decoder'))
                yield ', timeout='
                yield str(environment.getattr(l_2_op, 'timeout_arg'))
                yield ', retries='
                yield str(environment.getattr(l_2_op, 'retries_expr'))
                yield ', resume='
                yield str(environment.getattr(l_2_op, 'resume_arg'))
                yield ')\n        return '
                yield str(('await ' if (l_1_flavour == 'async') else cond_expr_undefined("the inline if-expression on line 159 in 'client/resource.py.jinja' evaluated to false and no else section was defined.")))
                yield 'self._http.request(call, '
                yield str(environment.getattr(environment.getattr(l_2_op, 'dual'), 'parser'))
                yield ', timeout='
                yield str(environment.getattr(l_2_op, 'timeout_arg'))
                yield ', retries='
                yield str(environment.getattr(l_2_op, 'retries_expr'))
                yield ')\n'
            elif environment.getattr(l_2_op, 'stream'):
                pass
                yield '        return '
                yield str(('await ' if (l_1_flavour == 'async') else cond_expr_undefined("the inline if-expression on line 161 in 'client/resource.py.jinja' evaluated to false and no else section was defined.")))
                yield 'self._http.stream(call, '
                yield str(environment.getattr(l_2_op, 'decoder'))
                yield ', timeout='
                yield str(environment.getattr(l_2_op, 'timeout_arg'))
                yield ', retries='
                yield str(environment.getattr(l_2_op, 'retries_expr'))
                yield ', resume='
                yield str(environment.getattr(l_2_op, 'resume_arg'))
                yield ')\n'
            elif environment.getattr(l_2_op, 'paging'):
                pass
                if (l_1_flavour == 'sync'):
                    pass
                    yield '        return '
                    yield str(environment.getattr(l_2_op, 'returns'))
                    yield '.fetch(self._http, call, '
                    yield str(environment.getattr(l_2_op, 'parser'))
                    yield ', '
                    yield str(environment.getattr(l_2_op, 'paging'))
                    yield ', timeout='
                    yield str(environment.getattr(l_2_op, 'timeout_arg'))
                    yield ', retries='
                    yield str(environment.getattr(l_2_op, 'retries_expr'))
                    yield ')\n'
                else:
                    pass
                    yield '        return '
                    yield str(environment.getattr(l_2_op, 'async_page'))
                    yield '.pager(self._http, call, '
                    yield str(environment.getattr(l_2_op, 'parser'))
                    yield ', '
                    yield str(environment.getattr(l_2_op, 'paging'))
                    yield ', timeout='
                    yield str(environment.getattr(l_2_op, 'timeout_arg'))
                    yield ', retries='
                    yield str(environment.getattr(l_2_op, 'retries_expr'))
                    yield ')\n'
            else:
                pass
                yield '        return '
                yield str(('await ' if (l_1_flavour == 'async') else cond_expr_undefined("the inline if-expression on line 169 in 'client/resource.py.jinja' evaluated to false and no else section was defined.")))
                yield 'self._http.'
                yield str(environment.getattr(l_2_op, 'call'))
                yield '(call, '
                if environment.getattr(l_2_op, 'parser'):
                    pass
                    yield str(environment.getattr(l_2_op, 'parser'))
                    yield ', '
                yield 'timeout='
                yield str(environment.getattr(l_2_op, 'timeout_arg'))
                yield ', retries='
                yield str(environment.getattr(l_2_op, 'retries_expr'))
                yield ')\n'
        l_2_op = missing
        yield '\n\nclass '
        yield str((undefined(name='cls') if l_1_cls is missing else l_1_cls))
        yield 'WithRawResponse:\n    """`'
        yield str((undefined(name='cls') if l_1_cls is missing else l_1_cls))
        yield '`\'s methods, each returning a `RawResponse`: status, headers and `.parse()`."""\n\n    def __init__(self, resource: '
        yield str((undefined(name='cls') if l_1_cls is missing else l_1_cls))
        yield ') -> None:\n'
        t_5 = 1
        for l_2_op in environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'operations'):
            _loop_vars = {}
            pass
            yield '        self.'
            yield str(environment.getattr(l_2_op, 'name'))
            yield ' = '
            yield str(('raw' if (l_1_flavour == 'sync') else 'async_raw'))
            yield '(resource.'
            yield str(environment.getattr(l_2_op, 'name'))
            yield ')\n'
            t_5 = 0
        l_2_op = missing
        if t_5:
            pass
            yield '        del resource\n'
    l_1_flavour = l_1_cls = missing

blocks = {}
debug_info = '1=32&2=34&7=36&10=39&11=43&13=46&14=49&16=51&17=54&20=57&21=60&23=63&24=65&25=68&27=70&30=73&31=77&33=82&34=85&36=87&37=91&40=97&43=100&44=104&48=112&49=115&51=122&52=135&55=140&56=145&58=151&59=153&60=155&61=157&62=159&63=162&64=166&66=171&68=177&69=181&72=184&73=186&75=188&77=190&78=194&81=197&82=201&84=203&86=207&90=211&92=213&93=215&94=218&95=220&98=224&102=228&103=230&104=233&106=235&107=238&110=241&111=243&112=245&113=247&115=250&116=254&120=258&122=261&123=265&127=271&129=274&130=278&134=284&135=287&136=289&139=293&140=295&141=298&144=301&145=303&146=306&148=309&149=311&152=315&153=317&154=319&156=321&157=324&158=326&159=336&160=344&161=347&162=357&163=359&164=362&166=375&169=388&174=403&175=405&177=407&178=410&179=414'