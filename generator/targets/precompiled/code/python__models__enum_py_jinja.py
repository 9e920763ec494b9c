from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'models/enum.py.jinja'

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
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'import_block'))
    yield '\n\n\n'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'class_line'))
    yield '\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'):
        pass
        yield '    """'
        yield str(t_1(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'), 4))
        yield '"""\n\n'
    for (l_1_name, l_1_value) in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'members'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_name)
        yield ' = '
        yield str(l_1_value)
        yield '\n'
    l_1_name = l_1_value = missing
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'open_enum'):
        pass
        yield '\n    @classmethod\n    def _missing_(cls, value: object) -> Any:\n        # Open enum: a value from a newer server is kept, not rejected.\n        return open_member(cls, value)\n'

blocks = {}
debug_info = '1=19&2=21&5=23&6=25&7=28&10=30&11=34&13=39'