from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'client/resource.ts.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_res = resolve('res')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['tsstr']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'tsstr' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'zod'):
        pass
        yield 'import * as z from "zod";\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'lib_http'):
        pass
        yield 'import { '
        yield str(t_1(context.eval_ctx, environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'lib_http'), ', '))
        yield ' } from "../lib/http.js";\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'lib_pages'):
        pass
        yield 'import { Page } from "../lib/pages.js";\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'lib_responses'):
        pass
        yield 'import { '
        yield str(t_1(context.eval_ctx, environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'lib_responses'), ', '))
        yield ' } from "../lib/responses.js";\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'lib_stream'):
        pass
        yield 'import { '
        yield str(t_1(context.eval_ctx, environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'lib_stream'), ', '))
        yield ' } from "../lib/stream.js";\n'
    for l_1_ns in environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'namespaces'):
        _loop_vars = {}
        pass
        yield 'import * as '
        yield str(l_1_ns)
        yield ' from "../models/'
        yield str(l_1_ns)
        yield '/index.js";\n'
    l_1_ns = missing
    def t_3(fiter):
        for l_1_op in fiter:
            if environment.getattr(l_1_op, 'request_type'):
                yield l_1_op
    for l_1_op in t_3(environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'operations')):
        _loop_vars = {}
        pass
        yield '\n/** The request of `'
        yield str(environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'class_name'))
        yield '.'
        yield str(environment.getattr(l_1_op, 'name'))
        yield '`. */\nexport type '
        yield str(environment.getattr(l_1_op, 'request_type'))
        yield ' = '
        yield str(environment.getattr(l_1_op, 'request_decl'))
        yield ';\n'
    l_1_op = missing
    yield '\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'doc'):
        pass
        yield str(environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'doc'))
        yield '\n'
    yield 'export class '
    yield str(environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'class_name'))
    yield ' {\n  constructor(protected readonly http: HTTPClient) {}\n\n  /** The methods below, each resolving to `{ data, status, headers, response }`. */\n  get withRawResponse(): RawMethods<'
    yield str(environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'class_name'))
    yield '> {\n    return rawResponses((http) => new '
    yield str(environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'class_name'))
    yield '(http), this.http);\n  }\n'
    for l_1_op in environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'operations'):
        _loop_vars = {}
        pass
        for (l_2_doc, l_2_request, l_2_returns) in environment.getattr(l_1_op, 'overloads'):
            _loop_vars = {}
            pass
            yield '\n'
            yield str(l_2_doc)
            yield '\n  async '
            yield str(environment.getattr(l_1_op, 'name'))
            yield '('
            yield str(l_2_request)
            yield ', options?: '
            yield str(environment.getattr(l_1_op, 'options_type'))
            yield '): Promise<'
            yield str(l_2_returns)
            yield '>;\n'
        l_2_doc = l_2_request = l_2_returns = missing
        if (not environment.getattr(l_1_op, 'overloads')):
            pass
            yield '\n'
            if environment.getattr(l_1_op, 'doc'):
                pass
                yield str(environment.getattr(l_1_op, 'doc'))
                yield '\n'
        yield '  async '
        yield str(environment.getattr(l_1_op, 'name'))
        yield '('
        if environment.getattr(l_1_op, 'request_type'):
            pass
            yield 'request: '
            yield str(environment.getattr(l_1_op, 'request_type'))
            if environment.getattr(l_1_op, 'request_optional'):
                pass
                yield ' = {}'
            yield ', '
        yield 'options?: '
        yield str(environment.getattr(l_1_op, 'options_type'))
        yield '): Promise<'
        yield str(environment.getattr(l_1_op, 'returns'))
        yield '> {\n'
        if environment.getattr(l_1_op, 'warning'):
            pass
            yield '    warnDeprecated('
            yield str(environment.getattr(l_1_op, 'warning'))
            yield ');\n'
        if environment.getattr(l_1_op, 'prelude'):
            pass
            yield '    '
            yield str(environment.getattr(l_1_op, 'prelude'))
            yield '\n'
        if environment.getattr(l_1_op, 'paging'):
            pass
            yield '    return await Page.fetch<'
            yield str(environment.getattr(l_1_op, 'page_types'))
            yield '>(\n      this.http,\n'
        else:
            pass
            yield '    const response = await this.http.send(\n'
        yield '      {\n        method: '
        yield str(t_2(environment.getattr(l_1_op, 'http_method')))
        yield ',\n        path: '
        yield str(environment.getattr(l_1_op, 'path_expr'))
        yield ',\n'
        if environment.getattr(l_1_op, 'query'):
            pass
            yield '        query: [\n'
            for l_2_q in environment.getattr(l_1_op, 'query'):
                _loop_vars = {}
                pass
                yield '          '
                yield str(l_2_q)
                yield ',\n'
            l_2_q = missing
            yield '        ],\n'
        if environment.getattr(l_1_op, 'headers'):
            pass
            yield '        headers: [\n'
            for l_2_h in environment.getattr(l_1_op, 'headers'):
                _loop_vars = {}
                pass
                yield '          '
                yield str(l_2_h)
                yield ',\n'
            l_2_h = missing
            yield '        ],\n'
        if environment.getattr(l_1_op, 'cookies'):
            pass
            yield '        cookies: [\n'
            for l_2_c in environment.getattr(l_1_op, 'cookies'):
                _loop_vars = {}
                pass
                yield '          '
                yield str(l_2_c)
                yield ',\n'
            l_2_c = missing
            yield '        ],\n'
        if environment.getattr(l_1_op, 'body_expr'):
            pass
            yield '        body: '
            yield str(environment.getattr(l_1_op, 'body_expr'))
            yield ',\n        contentType: '
            yield str(environment.getattr(l_1_op, 'content_type'))
            yield ',\n'
            if environment.getattr(l_1_op, 'binary'):
                pass
                yield '        binary: true,\n'
        if environment.getattr(l_1_op, 'encoding'):
            pass
            yield '        encoding: '
            yield str(environment.getattr(l_1_op, 'encoding'))
            yield ',\n'
        yield '        accept: '
        yield str(environment.getattr(l_1_op, 'accept_expr'))
        yield ',\n        security: '
        yield str(environment.getattr(l_1_op, 'security'))
        yield ',\n'
        if environment.getattr(l_1_op, 'errors'):
            pass
            yield '        errorData: '
            yield str(environment.getattr(l_1_op, 'errors'))
            yield ',\n'
        if environment.getattr(l_1_op, 'retry'):
            pass
            yield '        retry: '
            yield str(environment.getattr(l_1_op, 'retry'))
            yield ',\n'
        if environment.getattr(l_1_op, 'error_messages'):
            pass
            yield '        errorMessages: '
            yield str(environment.getattr(l_1_op, 'error_messages'))
            yield ',\n'
        yield '      },\n      options,\n'
        if environment.getattr(l_1_op, 'paging'):
            pass
            yield '      '
            yield str(environment.getattr(l_1_op, 'result'))
            yield ',\n      '
            yield str(environment.getattr(l_1_op, 'paging'))
            yield ',\n    );\n'
        else:
            pass
            yield '    );\n    '
            yield str(environment.getattr(l_1_op, 'result'))
            yield '\n'
        yield '  }\n'
    l_1_op = missing
    yield '}\n'

blocks = {}
debug_info = '1=25&3=27&6=30&7=33&9=35&12=38&13=41&15=43&16=46&18=48&19=52&21=57&23=65&24=69&27=75&28=77&30=80&34=82&35=84&37=86&38=89&40=93&41=95&43=104&45=107&46=109&49=112&50=127&51=130&53=132&54=135&56=137&57=140&63=146&64=148&65=150&67=153&68=157&72=161&74=164&75=168&79=172&81=175&82=179&86=183&87=186&88=188&89=190&93=193&94=196&96=199&97=201&98=203&99=206&101=208&102=211&104=213&105=216&109=219&110=222&111=224&115=229'