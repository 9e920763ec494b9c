from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'client/sdk.ts.jinja'

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
    yield '\n\nimport { env, HTTPClient, type RetryConfig, type SecurityScheme } from "../lib/http.js";\n'
    for l_1_r in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'resources'):
        _loop_vars = {}
        pass
        yield 'import { '
        yield str(environment.getattr(l_1_r, 'class_name'))
        yield ' } from "./'
        yield str(environment.getattr(l_1_r, 'file'))
        yield '.js";\n'
    l_1_r = missing
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'root'):
        pass
        yield 'import { '
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'root'), 'class_name'))
        yield ' } from "./'
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'root'), 'file'))
        yield '.js";\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'webhooks'):
        pass
        yield 'import { '
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'webhooks'), 'class_name'))
        yield ' } from "./'
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'webhooks'), 'file'))
        yield '.js";\n'
    yield '\n/** The servers the spec lists; the first is the default `serverURL`. */\nexport const SERVERS: readonly string[] = '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'servers'))
    yield ';\n\nconst SCHEMES: { [key: string]: SecurityScheme } = {\n'
    for l_1_s in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'schemes'):
        _loop_vars = {}
        pass
        yield '  '
        yield str(environment.getattr(l_1_s, 'key'))
        yield ': '
        yield str(environment.getitem(l_1_s, 'def'))
        yield ',\n'
    l_1_s = missing
    yield '};\n\n/** The options of `'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'sdk_class'))
    yield '`. */\nexport type ClientOptions = {\n  /** The server to talk to; default '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'server'))
    yield '. */\n  serverURL?: string;\n'
    for l_1_s in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'schemes'):
        _loop_vars = {}
        pass
        yield str(environment.getattr(l_1_s, 'doc'))
        yield '\n  '
        yield str(environment.getattr(l_1_s, 'option'))
        yield '?: string | undefined;\n'
    l_1_s = missing
    yield '  /** Milliseconds until response headers must arrive, per attempt; none by default. */\n  timeoutMs?: number;\n  /** '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'retries_doc'))
    yield " */\n  retries?: number | RetryConfig;\n  /** The `fetch` to use; default the platform's. */\n  fetch?: typeof fetch;\n  /** Headers sent with every request. */\n  defaultHeaders?: Record<string, string>;\n};\n\n"
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'doc'))
    yield '\nexport class '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'sdk_class'))
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'root'):
        pass
        yield ' extends '
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'root'), 'class_name'))
    yield ' {\n'
    for l_1_r in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'resources'):
        _loop_vars = {}
        pass
        yield '  readonly '
        yield str(environment.getattr(l_1_r, 'prop'))
        yield ': '
        yield str(environment.getattr(l_1_r, 'class_name'))
        yield ';\n'
    l_1_r = missing
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'webhooks'):
        pass
        yield '  /** Verify webhook deliveries and parse their events (no I/O). */\n  readonly '
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'webhooks'), 'prop'))
        yield ': '
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'webhooks'), 'class_name'))
        yield ' = new '
        yield str(environment.getattr(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'webhooks'), 'class_name'))
        yield '();\n'
    yield '\n  /**\n   * Create a client.\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'schemes'):
        pass
        yield '   *\n   * Credentials left out are read from the environment:\n'
        for l_1_s in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'schemes'):
            _loop_vars = {}
            pass
            yield '   * `'
            yield str(environment.getattr(l_1_s, 'option'))
            yield '` from `'
            yield str(environment.getattr(l_1_s, 'env_text'))
            yield '`.\n'
        l_1_s = missing
    yield '   */\n  constructor(options: ClientOptions = {}) {\n    const http = new HTTPClient({\n      serverURL: options.serverURL ?? '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'server'))
    yield ',\n      credentials: {\n'
    for l_1_s in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'schemes'):
        _loop_vars = {}
        pass
        yield '        '
        yield str(environment.getattr(l_1_s, 'key'))
        yield ': options.'
        yield str(environment.getattr(l_1_s, 'option'))
        yield ' ?? env('
        yield str(environment.getattr(l_1_s, 'env'))
        yield '),\n'
    l_1_s = missing
    yield '      },\n      schemes: SCHEMES,\n      timeoutMs: options.timeoutMs,\n      retries: options.retries ?? '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'retries'))
    yield ',\n      retriesGiven: options.retries !== undefined,\n      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),\n      headers: options.defaultHeaders ?? {},\n    });\n'
    if environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'root'):
        pass
        yield '    super(http);\n'
    for l_1_r in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'resources'):
        _loop_vars = {}
        pass
        yield '    this.'
        yield str(environment.getattr(l_1_r, 'prop'))
        yield ' = new '
        yield str(environment.getattr(l_1_r, 'class_name'))
        yield '(http);\n'
    l_1_r = missing
    yield '  }\n}\n'

blocks = {}
debug_info = '1=13&4=15&5=19&7=24&8=27&10=31&11=34&15=39&18=41&19=45&23=51&25=53&27=55&28=58&29=60&33=64&41=66&42=68&43=74&44=78&46=83&48=86&53=93&56=96&57=100&63=106&65=108&66=112&71=120&76=122&79=125&80=129'