"""String and number `format`s checked strictly (stdlib only): what `sdkgen mock` holds requests to.

A format applies to values of its own JSON type only (`int32` says nothing about a string),
and an unknown format accepts anything: OpenAPI's formats are open. `time` takes its
offset as optional (RFC 3339's partial-time too): Python's `datetime.time`, as pydantic and the
SDK's parameter encoders send it, has none; every other rule follows its RFC.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import math
import re
from collections.abc import Callable
from typing import Any

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# RFC 3339 §5.6 partial-time and time-offset ("T" and "Z" may be lower case, §5.6's note).
_TIME = re.compile(r"([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})?")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # RFC 3986 §3.1 `scheme ":"`
_SPACE = re.compile(r"[\s\x00-\x1f\x7f]")  # whitespace and control characters
_INT_RANGES = {"int32": 2**31, "int64": 2**63}


def problem(fmt: str, value: Any) -> str:
    """What `value` should have been for format `fmt` ("" when it is one, or the format is not
    checked: unknown, or about another JSON type than the value's)."""
    if isinstance(value, str):
        check = _STRINGS.get(fmt)
        return "" if check is None or check[0](value) else check[1]
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    if fmt in _INT_RANGES:
        bound = _INT_RANGES[fmt]
        whole = isinstance(value, int) or value.is_integer()
        if whole and -bound <= value < bound:
            return ""
        return f"expected an {fmt} ({-bound} to {bound - 1})"
    if fmt in ("float", "double") and not _finite(value):
        return "expected a finite number"
    return ""


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer past the largest double
        return False


def is_date(text: str) -> bool:
    """RFC 3339 full-date: a real day (months' lengths, leap years by the Gregorian rule)."""
    found = _DATE.fullmatch(text)
    if found is None:
        return False
    year, month, day = (int(g) for g in found.groups())
    return 1 <= month <= 12 and 1 <= day <= _days(year, month)


def _days(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _time(text: str, offset_required: bool) -> bool:
    found = _TIME.fullmatch(text)
    if found is None:
        return False
    hour, minute, second = (int(g) for g in found.groups()[:3])
    offset = found.group(4)
    if offset is None and offset_required:
        return False
    shift = 0
    if offset and offset not in "Zz":
        off_hour, off_minute = int(offset[1:3]), int(offset[4:6])
        if off_hour > 23 or off_minute > 59:
            return False
        shift = (off_hour * 60 + off_minute) * (1 if offset[0] == "+" else -1)
    if hour > 23 or minute > 59 or second > 60:
        return False
    # A leap second is the last of a UTC day: 23:59:60 once the offset is taken off.
    return second < 60 or (hour * 60 + minute - shift) % 1440 == 23 * 60 + 59


def is_time(text: str) -> bool:
    """RFC 3339 partial-time with an optional offset (`12:00:00`, `12:00:00.5Z`, `12:00:00+02:00`)."""
    return _time(text, offset_required=False)


def is_date_time(text: str) -> bool:
    """RFC 3339 date-time: full-date "T" (or "t") full-time, seconds and offset required."""
    if len(text) < 11 or text[10] not in "Tt":
        return False
    return is_date(text[:10]) and _time(text[11:], offset_required=True)


def is_email(text: str) -> bool:
    """A pragmatic address: one "@" between a non-empty local part and domain, no spaces."""
    local, at, domain = text.partition("@")
    return bool(at and local and domain) and "@" not in domain and not _SPACE.search(text)


def is_uri(text: str) -> bool:
    """An absolute URI: RFC 3986's `scheme ":"` first, no spaces or control characters."""
    return _SCHEME.match(text) is not None and not _SPACE.search(text)


def is_ipv4(text: str) -> bool:
    """Dotted-quad IPv4 (no leading zeros, as Python's `ipaddress` reads it)."""
    return _address(ipaddress.IPv4Address, text)


def is_ipv6(text: str) -> bool:
    """An IPv6 address (RFC 4291 text forms) without a zone (`%eth0`)."""
    return "%" not in text and _address(ipaddress.IPv6Address, text)


def _address(kind: Callable[[str], object], text: str) -> bool:
    try:
        kind(text)
    except ValueError:
        return False
    return True


def is_byte(text: str) -> bool:
    """Base64 (RFC 4648 §4, the standard alphabet), padded to a multiple of four characters."""
    if len(text) % 4:
        return False
    try:
        base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


_STRINGS: dict[str, tuple[Callable[[str], bool], str]] = {
    "date-time": (is_date_time, "expected an RFC 3339 date-time with its offset (e.g. 2024-01-01T00:00:00Z)"),
    "date": (is_date, "expected an RFC 3339 full-date (e.g. 2024-01-01)"),
    "time": (is_time, "expected an RFC 3339 time (e.g. 12:00:00 or 12:00:00Z)"),
    "uuid": (lambda text: _UUID.fullmatch(text) is not None, "expected a UUID (8-4-4-4-12 hex digits)"),
    "email": (is_email, "expected an email address"),
    "uri": (is_uri, "expected a URI with a scheme (e.g. https://example.com)"),
    "ipv4": (is_ipv4, "expected an IPv4 address"),
    "ipv6": (is_ipv6, "expected an IPv6 address"),
    "byte": (is_byte, "expected base64 (standard alphabet, padded)"),
}
