"""Typed values of the YAML facts format: dates, numbers, text and entity references."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaml.nodes import Node, ScalarNode, SequenceNode

from analysis.dates import PartialDate
from analysis.kb.api import KBReader
from analysis.kb.model import KBEntity, KBValue
from analysis.kb.names import normalize_name
from analysis.kb.properties import BY_PID, QUALIFIER_BY_PID
from analysis.kb.store import KnowledgeBase

if TYPE_CHECKING:
    from analysis.kb.facts_yaml import _File

_ID = re.compile(r"^(Q[1-9]\d*|local:[a-z0-9]+(?:-[a-z0-9]+)*)$")


class Resolver:
    """Resolves a label or alias: first in the file that uses it, then in the files of its
    folder, then in all the files being loaded, then the KB written to, then ``others`` (e.g.
    the databases a run layers under the files).

    Why the file and folder first: a user's KB that names its own "AT&T Labs" must not make
    the bundled KB's references to its "AT&T Labs" ambiguous, nor the other way round.
    """

    def __init__(
        self, kb: KnowledgeBase, entities: Iterable[tuple[Path, KBEntity]],
        others: Sequence[KBReader] = (),
    ) -> None:
        self._stores: list[KBReader] = [kb, *others]
        self._index: dict[str, dict[Path, set[str]]] = {}
        for path, entity in entities:
            for name in (entity.label, *entity.aliases):
                by_file = self._index.setdefault(normalize_name(name), {})
                by_file.setdefault(path, set()).add(entity.id)

    def resolve(self, text: str, path: Path | None = None) -> list[str]:
        """Ids of the entities named ``text`` (empty: none; more than one: ambiguous)."""
        key = normalize_name(text)
        by_file = self._index.get(key)
        if by_file:
            tiers = [set().union(*by_file.values())]
            if path is not None:
                tiers[:0] = [by_file.get(path, set()),
                             set().union(*(ids for p, ids in by_file.items()
                                           if p.parent == path.parent))]
            return sorted(next(ids for ids in tiers if ids))
        for store in self._stores:
            found = store.candidates([key]).get(key, [])
            if found:
                return sorted({e.id for e in found})
        return []


def _date(raw: Any) -> PartialDate | None:
    # YAML gives 1998 as int and 1998-07-23 as a date; "1998-07" stays a string.
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int) and 1 <= raw <= 9999:
        return PartialDate(raw)
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return PartialDate(raw.year, raw.month, raw.day, "day")
    if isinstance(raw, str):
        parsed = PartialDate.parse(raw)
        if parsed and parsed.precision in ("year", "month", "day"):
            return parsed
    return None


def _one(f: _File, node: Node, vtype: str, resolver: Resolver, what: str) -> KBValue | None:
    raw = f.scalar(node)
    if vtype == "date":
        date = _date(raw)
        if date is None:
            f.error(node, f"{what}: bad date {raw!r} (write 1998, 1998-07 or 1998-07-23)")
            return None
        return KBValue("date", str(date), date=date)
    if vtype == "number":
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            f.error(node, f"{what}: {raw!r} is not a number")
            return None
        return KBValue("number", str(raw), number=float(raw))
    text = str(raw).strip()
    if vtype == "text":
        return KBValue("text", text)
    if _ID.match(text):
        return KBValue("entity", text, entity_id=text)
    ids = resolver.resolve(text, Path(f.path))
    if len(ids) > 1:
        f.error(node, f"{what}: '{text}' names several entities ({', '.join(ids)}); use an id")
        return None
    if ids:
        return KBValue("entity", text, entity_id=ids[0])
    return KBValue("text", text)


def to_value(
    f: _File, node: Node, pid: str, resolver: Resolver, *, single: bool
) -> list[KBValue]:
    """The values of a fact (``single``) or qualifier node, errors reported through ``f``."""
    prop = BY_PID.get(pid) or QUALIFIER_BY_PID.get(pid)
    what = f"'{prop.name if prop else pid}'"
    if isinstance(node, SequenceNode) and not single:
        nodes = list(node.value)
    else:
        nodes = [node]
    values = []
    for item in nodes:
        if not isinstance(item, ScalarNode):
            f.error(item, f"{what}: expected one value" if single else f"{what}: expected a "
                    "value or a list of values")
            continue
        value = _one(f, item, prop.value_type if prop else "text", resolver, what)
        if value is not None:
            values.append(value)
    return values
