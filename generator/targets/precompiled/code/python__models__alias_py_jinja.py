from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'models/alias.py.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_view = resolve('view')
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'import_block'))
    yield '\n\n'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'name'))
    yield ': TypeAlias = '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'target'))
    yield '\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'):
        pass
        yield '"""'
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'))
        yield '"""\n'

blocks = {}
debug_info = '1=13&2=15&4=17&5=21&6=24'