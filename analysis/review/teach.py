"""Teach the KB: an editor's correct value, with its source, saved as a fact in the local KB.

Which fact a correction is about comes from the flag's claim and the property map
(``analysis.checks.kb_match.PROPERTY_MAP``): a date for "created"/"founded"/"released" is the
work's inception or publication date; for "born"/"died" the date (or, for a name, the place);
for roles, studies and awards, the date is the start, end or point in time of the subject's fact
with the claim's object, and a name is the right object. A flag without a claim, or a claim whose
entities are not in the KB, cannot be turned into a fact: the error says so.

The file is rewritten whole under a lock (several editors may teach at once), validated with the
project's YAML loader before it replaces the old one (atomic rename), so it is never invalid.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis.checks.kb_match import PROPERTY_MAP
from analysis.dates import PartialDate
from analysis.errors import KBError
from analysis.kb.api import KBReader
from analysis.kb.properties import BY_PID
from analysis.review.local_kb import load_local
from analysis.review.store import ReviewError

_HEADER = ("# Facts taught by editors while reviewing flags (factcheck review / serve).\n"
           "# The project's YAML facts format; read on every run through the review overlay.\n")
_DATE_QUALIFIER = {"point": "point in time", "start": "start", "end": "end"}


@dataclass(frozen=True)
class Teaching:
    """One fact to save: about ``subject``, ``property`` (a P-id) = ``value``, with its source."""

    subject: str
    subject_label: str
    subject_type: str
    property: str
    value: str
    source: str
    qualifiers: dict[str, str] = field(default_factory=dict)

    def describe(self) -> str:
        name = BY_PID[self.property].name if self.property in BY_PID else self.property
        extra = "".join(f", {k} {v}" for k, v in self.qualifiers.items())
        return f"{self.subject_label} ({self.subject}): {name} = {self.value}{extra}"


def _is_date(value: str) -> bool:
    parsed = PartialDate.parse(value.strip())
    return parsed is not None and parsed.precision in ("year", "month", "day")


def _entity(kb: KBReader, entity_id: str | None, what: str) -> tuple[str, str, str]:
    entity = kb.entity(entity_id) if entity_id else None
    if entity is None:
        raise ReviewError(f"cannot teach the KB: the claim's {what} is not a KB entity; "
                          "add the fact to the local KB file by hand")
    return entity.id, entity.label, entity.type


def derive_teaching(
    flag: dict[str, Any], claim: dict[str, Any] | None, value: str, source: str, kb: KBReader
) -> Teaching:
    """The fact a correction of ``flag`` stands for.

    Raises:
        ReviewError: no claim, an unknown predicate, entities not in the KB, or an ambiguous
            date (e.g. a date for "worked at", which could be a start or an end).
    """
    value, source = value.strip(), source.strip()
    if not value or not source:
        raise ReviewError("a correction needs both a value and a source")
    if not claim:
        raise ReviewError(f"cannot teach the KB: flag {flag.get('id')} ({flag.get('category')}) "
                          "is not about a claim, so no KB property can be derived")
    predicate = claim.get("predicate") or ""
    spec = PROPERTY_MAP.get(predicate)
    if spec is None:
        raise ReviewError(f"cannot teach the KB: no KB property for the predicate '{predicate}'")
    is_date = _is_date(value)
    if spec.date_role == "work":
        subject = _entity(kb, claim.get("object_kb_id"), "object")
        props = spec.work_dates if is_date else spec.agents
        return Teaching(*subject, props[0], value, source)
    person = _entity(kb, claim.get("subject_kb_id"), "subject")
    if predicate in ("born", "died"):
        return Teaching(*person, spec.properties[0 if is_date else 1], value, source)
    prop = _relation_property(spec.properties, claim, kb)
    qualifier = _DATE_QUALIFIER.get(spec.date_role)
    if is_date:
        if qualifier is None:
            raise ReviewError(f"cannot teach the KB: a date for '{predicate}' could be a start "
                              "or an end; add the fact to the local KB file by hand")
        obj = _entity(kb, claim.get("object_kb_id"), "object")
        return Teaching(*person, prop, obj[0], source, {qualifier: value})
    when = (claim.get("time") or {}).get("value")
    quals = {qualifier: when} if qualifier and when and _is_date(str(when)) else {}
    return Teaching(*person, prop, value, source, quals)


def _relation_property(props: tuple[str, ...], claim: dict[str, Any], kb: KBReader) -> str:
    # "position at Meta": an organisation is an employer, not a position held.
    obj = kb.entity(claim["object_kb_id"]) if claim.get("object_kb_id") else None
    if obj is not None and obj.type == "organization" and "P108" in props:
        return "P108"
    return props[0]


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"entities": []}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise KBError(f"{path}: invalid YAML ({exc}); fix or move the local KB file") from exc
    if not isinstance(data.get("entities"), list):
        raise KBError(f"{path}: expected 'entities:' followed by a list")
    return data


def _add(data: dict[str, Any], t: Teaching) -> None:
    fact: dict[str, Any] = {"property": BY_PID[t.property].name, "value": t.value, **t.qualifiers,
                            "source": t.source}
    for entry in data["entities"]:
        if entry.get("id") == t.subject:
            entry.setdefault("facts", []).append(fact)
            return
    data["entities"].append({"id": t.subject, "label": t.subject_label,
                             "type": t.subject_type, "facts": [fact]})


def save_teaching(path: Path, teaching: Teaching, kb: KBReader) -> None:
    """Append ``teaching`` to the local KB file at ``path``, validated, atomically.

    Raises:
        KBError: the new file would not validate (the message names the problem); the old
            file is left as it was.
    """
    with _locked(path):
        data = _read(path)
        _add(data, teaching)
        text = _HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".yaml", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            try:
                load_local(Path(tmp), kb).close()
            except KBError as exc:
                raise KBError(str(exc).replace(tmp, str(path))) from exc
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
