from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'docs/readme.md.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header_text = resolve('header_text')
    l_0_title = resolve('title')
    l_0_description = resolve('description')
    l_0_package = resolve('package')
    l_0_example = resolve('example')
    l_0_stream = resolve('stream')
    l_0_dual_flag = resolve('dual_flag')
    l_0_resources = resolve('resources')
    l_0_auth_table = resolve('auth_table')
    l_0_client = resolve('client')
    l_0_webhooks = resolve('webhooks')
    l_0_retries_client = resolve('retries_client')
    l_0_timeout_client = resolve('timeout_client')
    l_0_abort_call = resolve('abort_call')
    l_0_downloads = resolve('downloads')
    l_0_error_call = resolve('error_call')
    l_0_sdk_class = resolve('sdk_class')
    l_0_client_body = resolve('client_body')
    l_0_raw_call = resolve('raw_call')
    l_0_server = resolve('server')
    try:
        t_1 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
    try:
        t_2 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    pass
    yield '<!-- '
    yield str((undefined(name='header_text') if l_0_header_text is missing else l_0_header_text))
    yield ' -->\n# '
    yield str((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '\n'
    if (undefined(name='description') if l_0_description is missing else l_0_description):
        pass
        yield '\n'
        yield str((undefined(name='description') if l_0_description is missing else l_0_description))
        yield '\n'
    yield '\n## SDK Installation\n\n```bash\nnpm add '
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield "\n```\n\nThe SDK depends on `zod` only and uses the platform's `fetch` (Node.js 18+, Deno, Bun, browsers).\n\n## SDK Example Usage\n"
    if (undefined(name='example') if l_0_example is missing else l_0_example):
        pass
        yield '\n'
        if (undefined(name='stream') if l_0_stream is missing else l_0_stream):
            pass
            yield 'Streaming methods resolve to an `EventStream`: iterate it with `for await`; each item is typed,\nand the connection is closed when the loop ends, on `break`, on an error or on `stream.close()`.\n'
            if (undefined(name='dual_flag') if l_0_dual_flag is missing else l_0_dual_flag):
                pass
                yield 'A method that answers whole or streamed resolves to the model, and with `'
                yield str((undefined(name='dual_flag') if l_0_dual_flag is missing else l_0_dual_flag))
                yield ': true` in\nits request to the stream (both typed by its overloads; the flag is always sent).\n'
        yield '\n```typescript\n'
        yield str((undefined(name='example') if l_0_example is missing else l_0_example))
        yield '\n```\n'
    yield '\n## Available Resources and Operations\n'
    for (l_1_name, l_1_path, l_1_methods) in (undefined(name='resources') if l_0_resources is missing else l_0_resources):
        _loop_vars = {}
        pass
        yield '\n### ['
        yield str(l_1_name)
        yield ']('
        yield str(l_1_path)
        yield ')\n\n'
        for (l_2_method, l_2_summary) in l_1_methods:
            _loop_vars = {}
            pass
            yield '* ['
            yield str(l_2_method)
            yield ']('
            yield str(l_1_path)
            yield '#'
            yield str(t_2(l_2_method))
            yield ')'
            if l_2_summary:
                pass
                yield ' - '
                yield str(l_2_summary)
            yield '\n'
        l_2_method = l_2_summary = missing
    l_1_name = l_1_path = l_1_methods = missing
    if (undefined(name='auth_table') if l_0_auth_table is missing else l_0_auth_table):
        pass
        yield '\n## Authentication\n\nPass credentials to the constructor, or leave them out and set the environment variable:\n\n'
        yield str((undefined(name='auth_table') if l_0_auth_table is missing else l_0_auth_table))
        yield '\n\n```typescript\n'
        yield str((undefined(name='client') if l_0_client is missing else l_0_client))
        yield '\n```\n'
    yield '\n'
    if (undefined(name='webhooks') if l_0_webhooks is missing else l_0_webhooks):
        pass
        yield '## Webhooks\n\n`sdk.'
        yield str(environment.getattr((undefined(name='webhooks') if l_0_webhooks is missing else l_0_webhooks), 'prop'))
        yield ".unwrap(body, headers, secret)` checks a delivery's\n[Standard Webhooks](https://www.standardwebhooks.com/) signature and timestamp and resolves to\nits typed event, validated like a response (`verifySignature` checks without parsing): see\n["
        yield str(environment.getattr((undefined(name='webhooks') if l_0_webhooks is missing else l_0_webhooks), 'class_name'))
        yield '](docs/sdks/'
        yield str(environment.getattr((undefined(name='webhooks') if l_0_webhooks is missing else l_0_webhooks), 'file'))
        yield "/README.md). Both return Promises, as Web Crypto\ncomputes the signature; neither does any I/O. A delivery that does not verify rejects with\n`WebhookVerificationError`; a verified body that is none of the spec's events, with\n`WebhookValidationError`.\n\n"
    yield '## Retries\n\nConnection errors, timeouts, `429` and `5XX` responses are retried with exponential backoff\n(a `Retry-After` header wins), twice by default. Set `retries` on the client or on one call:\n\n```typescript\n'
    yield str((undefined(name='retries_client') if l_0_retries_client is missing else l_0_retries_client))
    yield "\n```\n\n## Timeouts and Cancellation\n\n`timeoutMs` bounds the wait for each attempt's response headers; an `AbortSignal` in the call's\noptions cancels the call, and a stream's body:\n\n```typescript\n"
    yield str((undefined(name='timeout_client') if l_0_timeout_client is missing else l_0_timeout_client))
    yield '\n'
    if (undefined(name='abort_call') if l_0_abort_call is missing else l_0_abort_call):
        pass
        yield '\nasync function run() {\n  const controller = new AbortController();\n  setTimeout(() => controller.abort(), 5_000);\n  const result = '
        yield str((undefined(name='abort_call') if l_0_abort_call is missing else l_0_abort_call))
        yield ';\n  console.log(result);\n}\n\nrun();\n'
    yield '```\n\n'
    if (undefined(name='downloads') if l_0_downloads is missing else l_0_downloads):
        pass
        yield '## Binary and JSON Lines Responses\n\nA binary response (a download, `*/*`) resolves to a `BinaryResponse` holding the unread body:\n`bytes()` reads it whole, `for await (const chunk of result)` (or `iterBytes(size)`) streams it\nin chunks as they arrive, `writeToFile(path)` streams it to disk, and `body` is its web\n`ReadableStream`; it can be read once, and `close()` releases it unread. A JSON lines response\n(`application/x-ndjson`, `application/jsonl`) resolves to a `LineStream`: `for await` yields one\ntyped item per line; leaving the loop releases the connection. A success the spec declares\nwithout content resolves to `undefined`, and one whose Content-Type the operation does not\ndeclare throws `UnexpectedContentTypeError`, naming both.\n\n'
    yield "## Error Handling\n\nError statuses throw an `APIStatusError` subclass (`BadRequestError`, `AuthenticationError`,\n`NotFoundError`, `RateLimitError`, `InternalServerError`...) carrying `statusCode`, `headers`, `body`,\n`data` (the body parsed into the spec's error model) and `requestId`. Connection failures throw\n`APIConnectionError` (`APITimeoutError` for timeouts), a cancelled call `APIUserAbortError`; a\nsuccess in a media type the operation does not declare (JSON where a stream was asked for, or\nthe reverse) throws `UnexpectedContentTypeError`, its `body` holding what came; all derive from\n`APIError`.\n"
    if (undefined(name='error_call') if l_0_error_call is missing else l_0_error_call):
        pass
        yield '\n```typescript\nimport { APIConnectionError, APIStatusError, '
        yield str((undefined(name='sdk_class') if l_0_sdk_class is missing else l_0_sdk_class))
        yield ' } from "'
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield '";\n\n'
        yield str((undefined(name='client_body') if l_0_client_body is missing else l_0_client_body))
        yield '\n\nasync function run() {\n  try {\n    const result = '
        yield str(t_1((undefined(name='error_call') if l_0_error_call is missing else l_0_error_call), 2))
        yield ';\n    console.log(result);\n  } catch (error) {\n    if (error instanceof APIStatusError) {\n      console.log(error.statusCode, error.data);\n    } else if (error instanceof APIConnectionError) {\n      console.log("no response:", error.message);\n    } else {\n      throw error;\n    }\n  }\n}\n\nrun();\n```\n'
    yield '\n## Raw Responses\n\nEvery resource has `withRawResponse`: the same methods, each resolving to `{ data, status, headers,\nresponse }`, where `data` is what the method resolves to.\n'
    if (undefined(name='raw_call') if l_0_raw_call is missing else l_0_raw_call):
        pass
        yield '\n```typescript\nimport { '
        yield str((undefined(name='sdk_class') if l_0_sdk_class is missing else l_0_sdk_class))
        yield ' } from "'
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield '";\n\n'
        yield str((undefined(name='client_body') if l_0_client_body is missing else l_0_client_body))
        yield '\n\nasync function run() {\n  const { data, status, headers } = '
        yield str((undefined(name='raw_call') if l_0_raw_call is missing else l_0_raw_call))
        yield ';\n  console.log(status, headers.get("content-type"), data);\n}\n\nrun();\n```\n'
    yield '\n## Server Selection\n\nThe client talks to `'
    yield str((undefined(name='server') if l_0_server is missing else l_0_server))
    yield '` by default; pass `serverURL` to use another one:\n\n```typescript\nimport { '
    yield str((undefined(name='sdk_class') if l_0_sdk_class is missing else l_0_sdk_class))
    yield ' } from "'
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield '";\n\nconst sdk = new '
    yield str((undefined(name='sdk_class') if l_0_sdk_class is missing else l_0_sdk_class))
    yield '({ serverURL: "'
    yield str((undefined(name='server') if l_0_server is missing else l_0_server))
    yield '" });\n```\n'

blocks = {}
debug_info = '1=44&2=46&3=48&5=51&11=54&17=56&19=59&22=62&23=65&29=68&34=71&36=75&38=79&39=83&43=96&49=99&52=101&56=104&59=107&62=109&74=114&83=116&84=118&89=121&97=124&119=128&122=131&124=135&128=137&149=140&152=143&154=147&157=149&167=152&170=154&172=158'