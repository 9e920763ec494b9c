from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'models/model.py.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_view = resolve('view')
    l_0_classvars = missing
    try:
        t_1 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
    try:
        t_2 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_2(*unused):
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
    yield '\n\n'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'class_line'))
    yield '\n'
    l_0_classvars = ((environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'optional') or environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'json_fields')) or environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'error_message'))
    context.vars['classvars'] = l_0_classvars
    context.exported_vars.add('classvars')
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'):
        pass
        yield '    """'
        yield str(t_1(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'), 4))
        yield '"""\n'
        if ((environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'config') or (undefined(name='classvars') if l_0_classvars is missing else l_0_classvars)) or environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'fields')):
            pass
            yield '\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'config'):
        pass
        yield '    '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'config'))
        yield '\n'
        if ((undefined(name='classvars') if l_0_classvars is missing else l_0_classvars) or environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'fields')):
            pass
            yield '\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'optional'):
        pass
        yield '    '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'optional_line'))
        yield '\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'drop_none'):
        pass
        yield '    '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'drop_none_line'))
        yield '\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'json_fields'):
        pass
        yield '    __sdk_json_fields__: ClassVar[tuple[str, ...]] = '
        yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'json_fields_src'))
        yield '\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'error_message'):
        pass
        yield '    __sdk_error_message__: ClassVar[str] = '
        yield str(t_2(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'error_message')))
        yield '\n'
    l_1_loop = missing
    for l_1_f, l_1_loop in LoopContext(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'fields'), undefined):
        _loop_vars = {}
        pass
        if ((not environment.getattr(l_1_loop, 'first')) or (undefined(name='classvars') if l_0_classvars is missing else l_0_classvars)):
            pass
            yield '\n'
        yield '    '
        yield str(environment.getattr(l_1_f, 'declaration'))
        yield '\n'
        if environment.getattr(l_1_f, 'doc'):
            pass
            yield '    """'
            yield str(t_1(environment.getattr(l_1_f, 'doc'), 4))
            yield '"""\n'
    l_1_loop = l_1_f = missing
    if ((((not environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'fields')) and (not environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'))) and (not environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'config'))) and (not environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'optional'))):
        pass
        yield '    pass\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'deferred'):
        pass
        yield '\n\n'
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
debug_info = '1=26&2=28&3=30&6=33&7=37&12=41&14=43&15=46&16=49&17=51&21=54&22=57&23=59&27=62&28=65&30=67&31=70&33=72&34=75&36=77&37=80&39=83&40=86&43=90&44=92&45=95&48=98&51=101&54=104&55=108&57=111'