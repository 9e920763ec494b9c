"""Errors sdkgen reports to its users: one line each, naming the file and JSON pointer."""

from __future__ import annotations


class SdkgenError(Exception):
    """Any failure caused by the user's input; the CLI prints it on one line and exits 2."""

    def one_line(self) -> str:
        """The message with newlines and control characters neutralised."""
        text = " ".join(str(self).split())
        return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class SpecError(SdkgenError):
    """A problem at a place in the spec: `file#/json/pointer: message`."""

    def __init__(self, file: str, pointer: str, message: str) -> None:
        self.file = file
        self.pointer = pointer
        self.message = message
        super().__init__(f"{file}#{pointer}: {message}")


class UsageError(SdkgenError):
    """A bad command-line argument or configuration value."""


def pointer_join(pointer: str, *parts: str | int) -> str:
    """Extend a JSON pointer with escaped reference tokens (RFC 6901)."""
    for part in parts:
        pointer += "/" + str(part).replace("~", "~0").replace("/", "~1")
    return pointer
