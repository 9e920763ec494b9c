"""The neutral naming rules every target shares: words, case styles, class names, uniqueness.

Names are ASCII (non-ASCII letters are transliterated or dropped) so that file names are
portable; uniqueness is checked case-insensitively because a class name is also a file
name on case-insensitive filesystems. Each target turns wire names into its own
identifiers (attributes, parameters, methods) with these pieces, in its own `names` module.
"""

from __future__ import annotations

import builtins
import functools
import hashlib
import keyword
import re
import unicodedata

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z]|\d|\b|_)|[A-Z]?[a-z]+|[A-Z]+|\d+")

# Class names live in the IR, not in a target: every target and the docs pages share them
# (one type, one class, one page). So a class name avoids what any target's generated
# modules refer to: its keywords, its builtins and the capitalised names its modules import
# (so far the Python target's, which adds its lowercase references for attribute names).
IMPORTED_NAMES = frozenset(
    {
        "None",
        "Any",
        "Literal",
        "Annotated",
        "Field",
        "ConfigDict",
        "ClassVar",
        "TYPE_CHECKING",
        "TypeAlias",
        "SdkModel",
        "SdkJsonEnvelope",
        "StrEnum",
        "IntEnum",
        "Enum",
    }
)
_BUILTIN_NAMES = frozenset(dir(builtins))


def words(text: str) -> list[str]:
    """Split any spec text (camelCase, snake_case, kebab, spaces) into ASCII words."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _WORD.findall(ascii_text)


# Names recur (a property per model, a word per name): each text is split once.
@functools.lru_cache(maxsize=1 << 16)
def pascal(text: str) -> str:
    """`chat_completions-create stream` -> `ChatCompletionsCreateStream`."""
    return "".join(w[:1].upper() + w[1:] for w in words(text))


@functools.lru_cache(maxsize=1 << 16)
def snake(text: str) -> str:
    """`bearerAuth` -> `bearer_auth`, `Confidential Chat` -> `confidential_chat`."""
    return "_".join(w.lower() for w in words(text))


def upper_snake(text: str) -> str:
    """`bearerAuth` -> `BEARER_AUTH`."""
    return snake(text).upper()


def class_name(raw: str, fallback: str = "Model") -> str:
    """A PascalCase class name from a schema key; never a keyword or a runtime name."""
    name = pascal(raw)
    if not name:
        name = fallback
    if name[0].isdigit():
        name = fallback + name
    if name in IMPORTED_NAMES or name in _BUILTIN_NAMES or keyword.iskeyword(name):
        name += fallback
    return name  # whole: users look a class up by the name the spec gives


# Identifiers derived from wire names (attributes, tag keys) stay short enough to read.
MAX_NAME = 80
# A file name is at most 255 bytes; a stem leaves room for a suffix and a numbered twin.
MAX_STEM = 200


def bounded(name: str, limit: int = MAX_NAME) -> str:
    """`name`, or its first characters plus a stable hash of the whole when too long."""
    if len(name) <= limit:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8].upper()
    return f"{name[: limit - 9]}H{digest}"


def file_stem(class_: str) -> str:
    """The lowercase file stem of a class's module and docs page, bounded for file systems."""
    return bounded(class_, MAX_STEM).lower()


class Registry:
    """Hands out names unique under case folding, deterministically in request order."""

    def __init__(self, reserved: set[str] | frozenset[str] = frozenset()) -> None:
        self._taken = {name.lower() for name in reserved}

    def claim(self, name: str) -> str:
        """`name`, or `name2`, `name3`... whichever is first free (case-insensitively)."""
        candidate, n = name, 1
        while candidate.lower() in self._taken:
            n += 1
            candidate = f"{name}{n}"
        self._taken.add(candidate.lower())
        return candidate

    def taken(self, name: str) -> bool:
        """Whether `name` is already claimed (case-insensitively)."""
        return name.lower() in self._taken
