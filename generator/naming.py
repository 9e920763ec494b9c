"""Every name sdkgen emits is decided here, once, so models, docs and client agree.

Names are ASCII identifiers (non-ASCII letters are transliterated or dropped) so that
module files are portable; uniqueness is checked case-insensitively because the class
name is also a file name on case-insensitive filesystems.
"""

from __future__ import annotations

import builtins
import hashlib
import keyword
import re
import unicodedata

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z]|\d|\b|_)|[A-Z]?[a-z]+|[A-Z]+|\d+")

# Names the generated modules refer to at module or class scope; a field or member with
# one of these names would shadow it (`str: int = 0` breaks a later `name: str`).
_GENERATED_REFERENCES = frozenset(
    {
        "str",
        "int",
        "float",
        "bool",
        "bytes",
        "list",
        "dict",
        "tuple",
        "frozenset",
        "None",
        "Any",
        "Literal",
        "Annotated",
        "Field",
        "ConfigDict",
        "ClassVar",
        "TYPE_CHECKING",
        "TypeAlias",
        "importlib",
        "datetime",
        "uuid",
        "decimal",
        "SdkModel",
        "SdkJsonEnvelope",
        "open_member",
        "StrEnum",
        "IntEnum",
        "Enum",
    }
)
# BaseModel's own attributes: a field with such a name would shadow or break pydantic.
_PYDANTIC_ATTRS = frozenset(
    {
        "copy",
        "dict",
        "json",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "construct",
        "schema",
        "schema_json",
        "validate",
        "update_forward_refs",
        "fields",
        "model_config",
        "model_fields",
        "model_computed_fields",
        "model_extra",
        "model_fields_set",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "register",
        "validate_json",
    }
)
_BUILTIN_NAMES = frozenset(dir(builtins))


def words(text: str) -> list[str]:
    """Split any spec text (camelCase, snake_case, kebab, spaces) into ASCII words."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _WORD.findall(ascii_text)


def pascal(text: str) -> str:
    """`chat_completions-create stream` -> `ChatCompletionsCreateStream`."""
    return "".join(w[:1].upper() + w[1:] for w in words(text))


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
    if name in _GENERATED_REFERENCES or name in _BUILTIN_NAMES or keyword.iskeyword(name):
        name += fallback
    return _bounded(name)


# Class names are also file names (`<name lower>.py`, `<name lower>.md`); deep inline
# nesting builds long names, and file systems cap a name at 255 bytes.
MAX_NAME = 80


def _bounded(name: str) -> str:
    """`name`, or its first characters plus a stable hash of the whole when too long."""
    if len(name) <= MAX_NAME:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8].upper()
    return f"{name[: MAX_NAME - 9]}H{digest}"


def attribute_name(raw: str, fallback: str = "field") -> str:
    """A snake_case attribute (field, parameter, method) name for a wire name.

    Keywords, pydantic's attributes and the builtins the generated modules refer to get
    a trailing underscore (the wire name survives as the alias); other builtins such as
    `id`, `type` or `object` stay, since as class attributes they shadow nothing used.
    """
    name = snake(raw) or fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    if (
        keyword.iskeyword(name)
        or keyword.issoftkeyword(name)
        and name == "_"
        or name in _GENERATED_REFERENCES
        or name in _PYDANTIC_ATTRS
        or name.startswith("model_")
        or name in ("l", "O", "I")  # ambiguous to read (pycodestyle E741)
    ):
        name += "_"
    return _bounded(name).lower()


def member_name(value: object) -> str:
    """An enum member name for a value: `"chat.completion"` -> `CHAT_COMPLETION`."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        text = str(value).replace("-", "MINUS_").replace(".", "_")
        return f"VALUE_{text}".upper()
    name = upper_snake(str(value))
    if not name:
        return "EMPTY" if value == "" else "VALUE"
    if name[0].isdigit():
        name = "VALUE_" + name
    if keyword.iskeyword(name) or name.startswith("_") or name in {"NAME", "VALUE"}:
        name += "_"
    return name


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


def module_name(class_: str) -> str:
    """The module (and docs page) file stem for a class: its lowercased name."""
    name = class_.lower()
    return name + "_" if keyword.iskeyword(name) else name
