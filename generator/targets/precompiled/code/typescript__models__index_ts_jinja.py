from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'models/index.ts.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_modules = resolve('modules')
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n\n'
    for l_1_module in (undefined(name='modules') if l_0_modules is missing else l_0_modules):
        _loop_vars = {}
        pass
        yield 'export * from "./'
        yield str(l_1_module)
        yield '.js";\n'
    l_1_module = missing

blocks = {}
debug_info = '1=13&3=15&4=19'