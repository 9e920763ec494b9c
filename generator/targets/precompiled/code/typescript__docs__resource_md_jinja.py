from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'docs/resource.md.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header_text = resolve('header_text')
    l_0_res = resolve('res')
    try:
        t_1 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    pass
    yield '<!-- '
    yield str((undefined(name='header_text') if l_0_header_text is missing else l_0_header_text))
    yield ' -->\n# '
    yield str(environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'title'))
    yield '\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'prop'):
        pass
        yield '(*'
        yield str(environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'prop'))
        yield '*)\n'
    if environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'description'):
        pass
        yield '\n## Overview\n\n'
        yield str(environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'description'))
        yield '\n'
    yield '\n### Available Operations\n\n'
    for l_1_m in environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'methods'):
        _loop_vars = {}
        pass
        yield '* ['
        yield str(environment.getattr(l_1_m, 'name'))
        yield '](#'
        yield str(t_1(environment.getattr(l_1_m, 'name')))
        yield ')'
        if environment.getattr(l_1_m, 'summary'):
            pass
            yield ' - '
            yield str(environment.getattr(l_1_m, 'summary'))
        if environment.getattr(l_1_m, 'deprecated'):
            pass
            yield ' :warning: **Deprecated**'
        yield '\n'
    l_1_m = missing
    for l_1_m in environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'methods'):
        _loop_vars = {}
        pass
        yield '\n## '
        yield str(environment.getattr(l_1_m, 'name'))
        yield '\n'
        if environment.getattr(l_1_m, 'deprecated'):
            pass
            yield '\n> :warning: **DEPRECATED**: '
            yield str(environment.getattr(l_1_m, 'deprecation'))
            yield '\n'
        if environment.getattr(l_1_m, 'summary'):
            pass
            yield '\n'
            yield str(environment.getattr(l_1_m, 'summary'))
            yield '\n'
        if (environment.getattr(l_1_m, 'description') and (environment.getattr(l_1_m, 'description') != environment.getattr(l_1_m, 'summary'))):
            pass
            yield '\n'
            yield str(environment.getattr(l_1_m, 'description'))
            yield '\n'
        yield '\n### Example Usage\n\n```typescript\n'
        yield str(environment.getattr(l_1_m, 'example'))
        yield '\n```\n\n### Parameters\n\n'
        yield str(environment.getattr(l_1_m, 'parameters'))
        yield '\n\n### Response\n\n'
        yield str(environment.getattr(l_1_m, 'response'))
        yield '\n\n### Errors\n\n'
        yield str(environment.getattr(l_1_m, 'errors'))
        yield '\n'
    l_1_m = missing

blocks = {}
debug_info = '1=20&2=22&3=24&4=27&6=29&10=32&15=35&16=39&19=52&21=56&22=58&24=61&26=63&28=66&30=68&32=71&38=74&43=76&47=78&51=80'