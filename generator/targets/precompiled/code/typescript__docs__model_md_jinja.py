from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'docs/model.md.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_page = resolve('page')
    pass
    yield '# '
    yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'name'))
    yield '\n'
    if environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'description'):
        pass
        yield '\n'
        yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'description'))
        yield '\n'
    yield '\n## Example Usage\n\n```typescript\n'
    yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'example'))
    yield '\n```\n\n## '
    yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'section'))
    yield '\n\n'
    yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'body'))
    yield '\n'

blocks = {}
debug_info = '1=13&2=15&4=18&10=21&13=23&15=25'