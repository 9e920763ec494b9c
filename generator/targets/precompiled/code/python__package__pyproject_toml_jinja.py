from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/pyproject.toml.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header_text = resolve('header_text')
    l_0_dist_name = resolve('dist_name')
    l_0_version = resolve('version')
    l_0_description = resolve('description')
    l_0_api = resolve('api')
    try:
        t_1 = environment.filters['tomlstr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'tomlstr' found.")
    pass
    yield '# '
    yield str((undefined(name='header_text') if l_0_header_text is missing else l_0_header_text))
    yield '\n[build-system]\nrequires = ["hatchling>=1.25"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = '
    yield str(t_1((undefined(name='dist_name') if l_0_dist_name is missing else l_0_dist_name)))
    yield '\nversion = '
    yield str(t_1((undefined(name='version') if l_0_version is missing else l_0_version)))
    yield '\ndescription = '
    yield str(t_1((undefined(name='description') if l_0_description is missing else l_0_description)))
    yield '\nreadme = "README.md"\nrequires-python = ">=3.11"\ndependencies = ["httpx>=0.27", "pydantic>=2.11"]\n\n[tool.hatch.build.targets.wheel]\npackages = ['
    yield str(t_1(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'package')))
    yield ']\n\n[tool.ruff]\ntarget-version = "py311"\n\n[tool.mypy]\nstrict = true\n\n[tool.ruff.lint]\nselect = ["E", "F", "W", "I", "UP", "B"]\n# Descriptions from the spec become docstrings and comments of any length.\nignore = ["E501"]\n'

blocks = {}
debug_info = '1=23&7=25&8=27&9=29&15=31'