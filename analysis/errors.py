"""One error hierarchy. Every message says what went wrong and what to do about it."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class: the CLI prints ``str(error)`` on one line and exits with ``exit_code``."""

    exit_code = 2


class InputError(FactcheckError):
    """An article that cannot be read: missing, empty, binary, too large, undecodable."""


class ModelError(FactcheckError):
    """No usable spaCy pipeline."""


class KBError(FactcheckError):
    """A KB file or database that cannot be read, or a facts file that does not validate."""


def located(path: str, line: int | None, message: str) -> str:
    """Format ``path:line: message`` (line is 1-based; omitted when unknown)."""
    return f"{path}:{line}: {message}" if line else f"{path}: {message}"
