from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'models/alias.ts.jinja'

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
    yield '\n\nimport * as z from "zod";\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'lib'):
        pass
        yield 'import { '
        yield str(t_1(context.eval_ctx, environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'lib'), ', '))
        yield ' } from "../../lib/schemas.js";\n'
    for l_1_line in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'imports'):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield '\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'):
        pass
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'))
        yield '\n'
    yield 'export type '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield ' = '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'type_text'))
    yield ';\n\n/** The wire form of `'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield '`. */\nexport type '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield '$Outbound = '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'wire_type'))
    yield ';\n\n/** @internal */\nexport const '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield '$inboundSchema: z.ZodType<'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield ', z.ZodTypeDef, unknown> = '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'inbound'))
    yield ';\n\n/** @internal */\nexport const '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield '$outboundSchema: z.ZodType<'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield '$Outbound, z.ZodTypeDef, '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield '> = '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'outbound'))
    yield ';\n'

blocks = {}
debug_info = '1=19&4=21&5=24&7=26&8=29&11=33&12=35&14=38&16=42&17=44&20=48&23=54'