from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'models/model.ts.jinja'

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
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'open_shape'):
        pass
        yield 'export type '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
        yield ' = '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'open_shape'))
        yield ';\n\n/** The wire form of `'
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
        yield '`. */\nexport type '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
        yield '$Outbound = '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'open_shape'))
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
    else:
        pass
        yield 'export type '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
        yield ' = {\n'
        for l_1_p in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'props'):
            _loop_vars = {}
            pass
            if environment.getattr(l_1_p, 'doc'):
                pass
                yield str(environment.getattr(l_1_p, 'doc'))
                yield '\n'
            yield '  '
            yield str(environment.getattr(l_1_p, 'decl'))
            yield '\n'
        l_1_p = missing
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'extras'):
            pass
            yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'extras'), 'doc'))
            yield '\n  '
            yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'extras'), 'decl'))
            yield '\n'
        yield '};\n\n/** The wire form of `'
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
        yield '`. */\nexport type '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
        yield '$Outbound = {\n'
        for l_1_p in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'props'):
            _loop_vars = {}
            pass
            yield '  '
            yield str(environment.getattr(l_1_p, 'wire_decl'))
            yield '\n'
        l_1_p = missing
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'extras'):
            pass
            yield '  [k: string]: unknown;\n'
        yield '};\n\n/** @internal */\nexport const '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
        yield '$inboundSchema: z.ZodType<'
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
        yield ', z.ZodTypeDef, unknown> = z\n  .object({\n'
        for l_1_p in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'props'):
            _loop_vars = {}
            pass
            yield '    '
            yield str(environment.getattr(l_1_p, 'inbound'))
            yield '\n'
        l_1_p = missing
        yield '  })'
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'strict'):
            pass
            yield '.strict()'
        yield '\n'
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'extras'):
            pass
            yield '  '
            yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'extras'), 'catchall'))
            yield '\n'
        yield '  .transform((v) => ({\n'
        for l_1_p in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'props'):
            _loop_vars = {}
            pass
            yield '    '
            yield str(environment.getattr(l_1_p, 'to_sdk'))
            yield '\n'
        l_1_p = missing
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'extras'):
            pass
            yield '    '
            yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'extras'), 'to_sdk'))
            yield '\n'
        yield '  }));\n\n/** @internal */\nexport const '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
        yield '$outboundSchema: z.ZodType<'
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
        yield '$Outbound, z.ZodTypeDef, '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
        yield '> = z\n  .object({\n'
        for l_1_p in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'props'):
            _loop_vars = {}
            pass
            yield '    '
            yield str(environment.getattr(l_1_p, 'outbound'))
            yield '\n'
        l_1_p = missing
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'extras'):
            pass
            yield '    '
            yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'extras'), 'outbound'))
            yield '\n'
        yield '  })\n'
        if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'extras'):
            pass
            yield '  .transform((v) =>\n    withExtras(\n      {\n'
            for l_1_p in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'props'):
                _loop_vars = {}
                pass
                yield '        '
                yield str(environment.getattr(l_1_p, 'to_wire'))
                yield '\n'
            l_1_p = missing
            yield '      },\n      '
            yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'extras'), 'bag'))
            yield ',\n    ),\n  );\n'
        else:
            pass
            yield '  .transform((v) => ({\n'
            for l_1_p in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'props'):
                _loop_vars = {}
                pass
                yield '    '
                yield str(environment.getattr(l_1_p, 'to_wire'))
                yield '\n'
            l_1_p = missing
            yield '  }));\n'

blocks = {}
debug_info = '1=19&4=21&5=24&7=26&8=29&11=33&12=35&14=37&15=40&17=44&18=46&21=50&24=56&26=67&27=69&28=72&29=74&31=77&33=80&34=82&35=84&39=87&40=89&41=91&42=95&44=98&50=102&52=106&53=110&55=114&57=118&58=121&61=124&62=128&64=131&65=134&70=137&72=143&73=147&75=150&76=153&79=156&83=159&84=163&87=167&92=172&93=176'