from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'client/webhooks.py.jinja'

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
    yield '\n"""Webhook deliveries of the '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'title'))
    yield ' API: verify a delivery and parse its event (no I/O)."""\n\nfrom __future__ import annotations\n\nfrom collections.abc import Mapping\nfrom functools import cache\n\nfrom pydantic import TypeAdapter\n\nfrom ._webhooks import DEFAULT_TOLERANCE, verify_signature\nfrom .models.components.'
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'event_module'))
    yield ' import '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'event'))
    yield '\n\n__all__ = ["Webhooks"]\n\n\n@cache\ndef _events() -> TypeAdapter['
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'event'))
    yield "]:\n    # Built on first use, so importing the SDK does not build every event's validator.\n    return TypeAdapter("
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'event'))
    yield ')\n\n\nclass Webhooks:\n    """`sdk.webhooks`: Standard Webhooks verification and typed events; pure functions, no I/O."""\n\n    def unwrap(\n        self,\n        body: bytes | str,\n        headers: Mapping[str, str],\n        secret: str | bytes,\n        *,\n        tolerance: float = DEFAULT_TOLERANCE,\n    ) -> '
    yield str(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'event'))
    yield ':\n        """Verify a delivery\'s signature and timestamp, then parse its body as the event it is.\n\n        Raises `WebhookVerificationError` when the delivery does not verify, and pydantic\'s\n        `ValidationError` when a verified body is none of the spec\'s events.\n        """\n        return _events().validate_json(verify_signature(body, headers, secret, tolerance=tolerance))\n\n    def verify_signature(\n        self,\n        body: bytes | str,\n        headers: Mapping[str, str],\n        secret: str | bytes,\n        *,\n        tolerance: float = DEFAULT_TOLERANCE,\n    ) -> None:\n        """Verify a delivery\'s signature and timestamp; raise `WebhookVerificationError` if not."""\n        verify_signature(body, headers, secret, tolerance=tolerance)\n'

blocks = {}
debug_info = '1=13&2=15&12=17&18=21&20=23&33=25'