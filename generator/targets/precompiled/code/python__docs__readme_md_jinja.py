from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'docs/readme.md.jinja'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_description = resolve('description')
    l_0_header = resolve('header')
    l_0_dist = resolve('dist')
    l_0_sync_example = resolve('sync_example')
    l_0_stream = resolve('stream')
    l_0_async_example = resolve('async_example')
    l_0_resources = resolve('resources')
    l_0_security = resolve('security')
    l_0_auth_table = resolve('auth_table')
    l_0_auth_example = resolve('auth_example')
    l_0_retries_example = resolve('retries_example')
    l_0_package = resolve('package')
    l_0_sdk_class = resolve('sdk_class')
    l_0_uploads = resolve('uploads')
    l_0_downloads = resolve('downloads')
    l_0_timeout_example = resolve('timeout_example')
    l_0_error_table = resolve('error_table')
    l_0_error_example = resolve('error_example')
    l_0_raw_example = resolve('raw_example')
    l_0_servers = resolve('servers')
    l_0_server_example = resolve('server_example')
    l_0_http_client = resolve('http_client')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['sort']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'sort' found.")
    try:
        t_3 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    pass
    yield '# '
    yield str((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '\n'
    if (undefined(name='description') if l_0_description is missing else l_0_description):
        pass
        yield '\n'
        yield str((undefined(name='description') if l_0_description is missing else l_0_description))
        yield '\n'
    yield '\n## SDK Installation\n\nFrom this folder (the generated distribution):\n\n```bash\n'
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\npip install .\n```\n\nOnce published to a package index:\n\n```bash\npip install '
    yield str((undefined(name='dist') if l_0_dist is missing else l_0_dist))
    yield '\n```\n\n## SDK Example Usage\n'
    if (undefined(name='sync_example') if l_0_sync_example is missing else l_0_sync_example):
        pass
        yield '\n'
        if (undefined(name='stream') if l_0_stream is missing else l_0_stream):
            pass
            yield "Streaming methods return an event stream: use it as a context manager (the connection is closed\non every exit path) and iterate it; each event's `data` is the typed payload.\n"
        yield '\n```python\n'
        yield str((undefined(name='sync_example') if l_0_sync_example is missing else l_0_sync_example))
        yield '\n```\n\nThe same call with the async client:\n\n```python\n'
        yield str((undefined(name='async_example') if l_0_async_example is missing else l_0_async_example))
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
            yield str(l_2_method)
            yield ')'
            if l_2_summary:
                pass
                yield ' - '
                yield str(l_2_summary)
            yield '\n'
        l_2_method = l_2_summary = missing
    l_1_name = l_1_path = l_1_methods = missing
    if (undefined(name='security') if l_0_security is missing else l_0_security):
        pass
        yield '\n## Authentication\n\nPass credentials to the constructor, or leave them out and set the environment variable:\n\n'
        yield str((undefined(name='auth_table') if l_0_auth_table is missing else l_0_auth_table))
        yield '\n\n```python\n'
        yield str((undefined(name='auth_example') if l_0_auth_example is missing else l_0_auth_example))
        yield '\n```\n'
    yield '\n## Retries\n\nFailed requests (connection errors, `429` and `5XX` responses) are retried with exponential\nbackoff. Set the number of attempts with the `retries` constructor keyword:\n\n```python\n'
    yield str((undefined(name='retries_example') if l_0_retries_example is missing else l_0_retries_example))
    yield '\n```\n\n'
    if (undefined(name='stream') if l_0_stream is missing else l_0_stream):
        pass
        yield '## Unknown and Unexpected Events\n\nServers add event kinds over time. Where a stream can carry an event of a kind this SDK does\nnot know (an undeclared `event:` name, an unknown `type` in a union of payloads), its items are\ntyped `Model | UnknownEvent` and such an event arrives as an `UnknownEvent` (its `event`, raw\n`data`, parsed `json`, `id` and the `reason`) instead of ending the stream: tell it apart with\n`isinstance(event, UnknownEvent)` (`from '
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield ' import UnknownEvent`) or\n`case UnknownEvent(event=name)` in a `match`.\n\nAn event that deviates from the spec (a required field missing, a value of another type) is\nstill delivered as its model, built without validation from what the server sent (so\n`model_dump(by_alias=True)` gives the raw payload back), and the deviation is logged as a\nwarning on the `'
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield "` logger. Pass `strict=True` to the client to raise\n`StreamDecodeError` instead.\n\n## Resuming Streams\n\nA stream whose connection drops mid-way can be reopened where it stopped, the way a browser's\n`EventSource` does: the client sends the same request again with `Last-Event-ID` set to the\nid of the last event you received, waits the server's last `retry:` (else an exponential\nbackoff with jitter), and goes on yielding. No event comes twice (a server that replays from\nthe start is detected by event id and the replayed events are dropped), none after the last\nid is lost, and the order is kept. The stream shows `last_event_id` and `reconnects`, and\neach reconnect is logged (at `INFO`) on the `"
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield '` logger.\n\nTurn it on per call with `resume=True`, or for every stream with the constructor keyword;\na `ResumeConfig` sets the limits of each outage:\n\n```python\nfrom '
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield ' import '
        yield str(t_1(context.eval_ctx, t_2(environment, ['ResumeConfig', (undefined(name='sdk_class') if l_0_sdk_class is missing else l_0_sdk_class)], case_sensitive=True), ', '))
        yield '\n\nconfig = ResumeConfig(max_attempts=5, max_elapsed=60.0, max_delay=8.0)\nwith '
        yield str((undefined(name='sdk_class') if l_0_sdk_class is missing else l_0_sdk_class))
        yield '(resume=config) as sdk:\n    pass\n```\n\nOnly requests that are safe to repeat are reopened: `GET`, `HEAD`, `PUT`, `DELETE` and\n`OPTIONS`, and operations the API marks with `x-sdkgen-resumable: true` (those resume by\ndefault). A stream resumes only after an event with an `id:`; before that a dropped\nconnection raises `APIConnectionError` as usual, unless `ResumeConfig(restart=True)` lets it\nstart over (dropping as many events as were already delivered). A stream that ends before\nits sentinel counts as dropped. A reconnect answered with `204` or with anything but an\nevent stream ends the stream quietly; an error status raises. Events without an `id:` that\narrive right after a reconnect cannot be told from a replay and are dropped, so servers\nshould give every event an id.\n\n'
    if (undefined(name='uploads') if l_0_uploads is missing else l_0_uploads):
        pass
        yield "## File Uploads and Binary Bodies\n\nA `multipart/form-data` operation takes each file as `bytes`, an open binary file, a\n`pathlib.Path`, or a `(filename, content[, content_type])` tuple (the `FileTypes` alias).\nFiles and paths are streamed, never read whole, and a retried request sends them again.\nOther fields travel as text parts (booleans as `true`/`false`), objects as JSON parts and\narrays as one part per item; the spec's `encoding` sets a part's content type. The model of\nsuch a body takes the same file values in its binary fields, kept as given (a path is read\nonly while the request is sent). A required body is sent even when none of its fields is\ngiven (an empty multipart body, an empty form, `{}`); an optional one is then not sent. A\nbinary body (`application/octet-stream` and the like) takes bytes, a binary file, a path or an\niterator of bytes (`BinaryContent`); a `text/*` body takes a `str`. When an operation declares several\nrequest media types, its `content_type` keyword chooses one (the spec's first by default).\n\n"
    if (undefined(name='downloads') if l_0_downloads is missing else l_0_downloads):
        pass
        yield '## Binary and JSON Lines Responses\n\nA binary response comes back as a `BinaryResponse` (async: `AsyncBinaryResponse`) holding\nthe unread body: `read()` it whole, stream it with `iter_bytes(chunk_size)`, or\n`write_to_file(path)`; use it in a `with` block so the connection is released. A JSON lines\nresponse (`application/x-ndjson`) is a `LineStream` (async: `AsyncLineStream`) of typed\nitems, closed when the loop ends or breaks. A success response whose Content-Type the\noperation does not declare raises `errors.UnexpectedContentTypeError`, naming both.\n\n'
    yield '## Timeouts\n\n`timeout` (seconds) bounds every request made by the client:\n\n```python\n'
    yield str((undefined(name='timeout_example') if l_0_timeout_example is missing else l_0_timeout_example))
    yield '\n```\n\n## Error Handling\n\nError responses raise an exception from `'
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield ".errors` whose class depends on the status\ncode; each is an `APIStatusError` carrying `status_code`, `headers`, `body`, `data` (the body\nvalidated into the spec's error model) and `request_id` (the `x-request-id` or `request-id`\nheader). Connection failures and timeouts raise `APIConnectionError` and `APITimeoutError`; a\nsuccess in a media type the call did not ask for (JSON where a stream was asked for, or the\nreverse) raises `UnexpectedContentTypeError`, its `body` holding what came; a text response\nwhose bytes are not valid in its charset (UTF-8 unless its Content-Type names one), or whose\ncharset is unknown, raises `ResponseDecodeError`, its `content` holding the bytes. All of them\nderive from `APIError`.\n"
    if (undefined(name='error_table') if l_0_error_table is missing else l_0_error_table):
        pass
        yield '\n'
        yield str((undefined(name='error_table') if l_0_error_table is missing else l_0_error_table))
        yield '\n'
    if (undefined(name='error_example') if l_0_error_example is missing else l_0_error_example):
        pass
        yield '\n```python\n'
        yield str((undefined(name='error_example') if l_0_error_example is missing else l_0_error_example))
        yield '\n```\n'
    yield '\n'
    if (undefined(name='raw_example') if l_0_raw_example is missing else l_0_raw_example):
        pass
        yield "## Raw Responses, Extra Parameters and Debugging\n\nEvery method takes `extra_headers`, `extra_query` and `extra_body` (fields merged into the\nJSON body), sent after and over what the SDK builds, besides `timeout` and `retries`; the\nclient's `default_headers` and `default_query` go with every call. `with_raw_response` in front\nof a method returns a `RawResponse`: `status_code`, `headers`, `request_id`, and `parse()` for\nthe value the method returns. The `"
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield '` logger logs each request and response at\n`DEBUG`, with credentials (Authorization, cookies, API keys) redacted.\n\n```python\n'
        yield str((undefined(name='raw_example') if l_0_raw_example is missing else l_0_raw_example))
        yield '\n```\n\n'
    yield '## Server Selection\n\nThe client talks to '
    if (undefined(name='servers') if l_0_servers is missing else l_0_servers):
        pass
        yield '`'
        yield str(environment.getitem((undefined(name='servers') if l_0_servers is missing else l_0_servers), 0))
        yield '`'
    else:
        pass
        yield 'the server given as `server_url`'
    yield ' by default; pass `server_url` to use\nanother one:\n\n```python\n'
    yield str((undefined(name='server_example') if l_0_server_example is missing else l_0_server_example))
    yield '\n```\n'
    if t_3((undefined(name='http_client') if l_0_http_client is missing else l_0_http_client)):
        pass

blocks = {}
debug_info = '1=53&2=55&4=58&12=61&19=63&23=65&25=68&31=72&37=74&42=77&44=81&46=85&47=89&51=102&57=105&60=107&70=110&73=112&80=115&86=117&97=119&103=121&106=125&121=127&137=130&153=134&158=136&167=138&169=141&171=143&174=146&178=149&185=152&189=154&195=157&199=166&201=168'