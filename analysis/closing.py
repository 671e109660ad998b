"""A mixin for resources that close: ``with X(...) as x:`` calls ``x.close()`` on the way out."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class Closing:
    """Gives a class with a ``close()`` method the context-manager protocol."""

    def close(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
