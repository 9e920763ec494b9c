from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/package.json.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header_text = resolve('header_text')
    l_0_package = resolve('package')
    l_0_version = resolve('version')
    l_0_description = resolve('description')
    l_0_subpaths = resolve('subpaths')
    try:
        t_1 = environment.filters['tsstr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'tsstr' found.")
    pass
    yield '{\n  "//": '
    yield str(t_1((undefined(name='header_text') if l_0_header_text is missing else l_0_header_text)))
    yield ',\n  "name": '
    yield str(t_1((undefined(name='package') if l_0_package is missing else l_0_package)))
    yield ',\n  "version": '
    yield str(t_1((undefined(name='version') if l_0_version is missing else l_0_version)))
    yield ',\n  "description": '
    yield str(t_1((undefined(name='description') if l_0_description is missing else l_0_description)))
    yield ',\n  "type": "module",\n  "main": "./dist/index.js",\n  "types": "./dist/index.d.ts",\n  "exports": {\n    ".": {\n      "types": "./dist/index.d.ts",\n      "default": "./dist/index.js"\n    },\n'
    for l_1_sub in (undefined(name='subpaths') if l_0_subpaths is missing else l_0_subpaths):
        _loop_vars = {}
        pass
        yield '    "./'
        yield str(l_1_sub)
        yield '": {\n      "types": "./dist/'
        yield str(l_1_sub)
        yield '/index.d.ts",\n      "default": "./dist/'
        yield str(l_1_sub)
        yield '/index.js"\n    },\n'
    l_1_sub = missing
    yield '    "./package.json": "./package.json"\n  },\n  "files": ["dist", "docs", "README.md"],\n  "sideEffects": false,\n  "scripts": {\n    "build": "tsc -p tsconfig.json",\n    "prepare": "tsc -p tsconfig.json"\n  },\n  "dependencies": {\n    "zod": "^3.23.8"\n  },\n  "devDependencies": {\n    "typescript": "^5.9.3"\n  }\n}\n'

blocks = {}
debug_info = '2=23&3=25&4=27&5=29&14=31&15=35&16=37&17=39'