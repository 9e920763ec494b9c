from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'models/recursive_alias.py.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_view = resolve('view')
    try:
        t_1 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'import_block'))
    yield '\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'deferred'):
        pass
        yield '\nif TYPE_CHECKING:\n'
        for l_1_line in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'deferred_lines'):
            _loop_vars = {}
            pass
            yield '    '
            yield str(l_1_line)
            yield '\n'
        l_1_line = missing
    yield '\n# Recursive: the alias keeps its name, and its value (a string) is read on first use.\n'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield ' = TypeAliasType('
    yield str(t_1(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name')))
    yield ', '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'target'))
    yield ')\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'):
        pass
        yield '"""'
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'))
        yield '"""\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'deferred'):
        pass
        yield '\n'
        for l_1_line in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'deferred_comment'):
            _loop_vars = {}
            pass
            yield '# '
            yield str(l_1_line)
            yield '\n'
        l_1_line = missing
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'bind_call'))
        yield '\n'

blocks = {}
debug_info = '1=19&2=21&3=23&6=26&7=30&12=34&13=40&14=43&16=45&18=48&19=52&21=55'