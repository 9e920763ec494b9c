from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'docs/resource.md.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_res = resolve('res')
    pass
    yield '# '
    yield str(environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'title'))
    yield '\n(*'
    yield str(environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'name'))
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
        yield str(environment.getattr(l_1_m, 'name'))
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
    l_1_loop = missing
    for l_1_m, l_1_loop in LoopContext(environment.getattr((undefined(name='res') if l_0_res is missing else l_0_res), 'methods'), undefined):
        l_1_header = resolve('header')
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
        yield '\n### Example Usage\n\n```python\n'
        if environment.getattr(l_1_loop, 'first'):
            pass
            yield str((undefined(name='header') if l_1_header is missing else l_1_header))
            yield '\n'
        yield str(environment.getattr(l_1_m, 'example'))
        yield '\n```\n\n### Parameters\n\n'
        yield str(environment.getattr(l_1_m, 'parameters'))
        yield '\n\n### Response\n\n'
        yield str(environment.getattr(l_1_m, 'response'))
        yield '\n'
        if environment.getattr(l_1_m, 'resume'):
            pass
            yield '\n### Resuming\n\n'
            yield str(environment.getattr(l_1_m, 'resume'))
            yield '\n'
        yield '\n### Errors\n\n'
        yield str(environment.getattr(l_1_m, 'errors'))
        yield '\n'
    l_1_loop = l_1_m = l_1_header = missing

blocks = {}
debug_info = '1=13&2=15&3=17&7=20&12=23&13=27&16=41&18=46&19=48&21=51&23=53&25=56&27=58&29=61&35=64&36=66&38=68&43=70&47=72&48=74&52=77&57=80'