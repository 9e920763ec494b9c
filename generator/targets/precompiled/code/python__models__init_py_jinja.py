from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'models/init.py.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_doc = resolve('doc')
    l_0_exports = resolve('exports')
    try:
        t_1 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n"""'
    yield str((undefined(name='doc') if l_0_doc is missing else l_0_doc))
    yield '\n\nClasses are imported on first use, so importing one model does not load them all.\n"""\n\nfrom __future__ import annotations\n\n'
    if (undefined(name='exports') if l_0_exports is missing else l_0_exports):
        pass
        yield 'import importlib\nfrom typing import TYPE_CHECKING, Any\n\nif TYPE_CHECKING:\n'
        for (l_1_name, l_1_module) in (undefined(name='exports') if l_0_exports is missing else l_0_exports):
            _loop_vars = {}
            pass
            yield '    from .'
            yield str(l_1_module)
            yield ' import '
            yield str(l_1_name)
            yield ' as '
            yield str(l_1_name)
            yield '\n'
        l_1_name = l_1_module = missing
        yield '\n_EXPORTS: dict[str, str] = {\n'
        for (l_1_name, l_1_module) in (undefined(name='exports') if l_0_exports is missing else l_0_exports):
            _loop_vars = {}
            pass
            yield '    '
            yield str(t_1(l_1_name))
            yield ': '
            yield str(t_1(l_1_module))
            yield ',\n'
        l_1_name = l_1_module = missing
        yield '}\n\n__all__ = [\n'
        for (l_1_name, l_1_module) in (undefined(name='exports') if l_0_exports is missing else l_0_exports):
            _loop_vars = {}
            pass
            yield '    '
            yield str(t_1(l_1_name))
            yield ',\n'
        l_1_name = l_1_module = missing
        yield ']\n\n# Hidden from type checkers: a module `__getattr__` types every missing name as Any, so a\n# class removed from the spec would go unreported where user code still imports it.\nif not TYPE_CHECKING:\n\n    def __getattr__(name: str) -> Any:\n        module = _EXPORTS.get(name)\n        if module is None:\n            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")\n        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)\n        globals()[name] = value\n        return value\n'
    else:
        pass
        yield '__all__: list[str] = []\n'
    yield '\n\ndef __dir__() -> list[str]:\n    return sorted(__all__)\n'

blocks = {}
debug_info = '1=20&2=22&9=24&14=27&15=31&19=39&20=43&25=49&26=53'