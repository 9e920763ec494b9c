from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'models/enum.ts.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_view = resolve('view')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n\nimport * as z from "zod";\nimport { '
    yield str(t_1(context.eval_ctx, environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'lib'), ', '))
    yield ' } from "../../lib/schemas.js";\n\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'):
        pass
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'))
        yield '\n'
    yield 'export const '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield ' = {\n'
    for (l_1_key, l_1_value) in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'members'):
        _loop_vars = {}
        pass
        yield '  '
        yield str(l_1_key)
        yield ': '
        yield str(l_1_value)
        yield ',\n'
    l_1_key = l_1_value = missing
    yield '} as const;\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'):
        pass
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'))
        yield '\n'
    yield 'export type '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield ' = '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'type_text'))
    yield '<typeof '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield '>;\n\n/** @internal */\nexport const '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield '$inboundSchema: z.ZodType<'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield ', z.ZodTypeDef, unknown> = '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'enum_helper'))
    yield '('
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield ');\n\n/** @internal */\nexport const '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield '$outboundSchema: z.ZodType<'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield ', z.ZodTypeDef, '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield '> = sameInput('
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield '$inboundSchema);\n'

blocks = {}
debug_info = '1=19&4=21&6=23&7=25&9=28&10=30&11=34&14=40&15=42&17=45&20=51&23=59'