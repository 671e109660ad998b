"""Frozen data classes that flow through the pipeline (text -> Article -> claims -> flags).

Offsets (``start``/``end``) are always character offsets into ``Article.text``, the text as
ingested, so that ``article.text[start:end]`` is the span a report points at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

BlockKind = Literal["title", "heading", "paragraph", "bullet", "pull_quote"]


@dataclass(frozen=True)
class Block:
    """One layout block of an article: a heading, a paragraph, a bullet or a pull quote.

    Attributes:
        kind: what the block is.
        start: offset of the block's text (markup such as "- " or "## " excluded).
        end: end offset of the block's text.
        section: index into ``Article.sections`` of the section the block belongs to.
        date_label: for a "1988: Joined ..." bullet, the leading label ("1988"), else None.
        attribution: for a pull quote, the attribution line ("From the section on ..."), else None.
        attribution_start: offset of the attribution text, or -1.
    """

    kind: BlockKind
    start: int
    end: int
    section: int
    date_label: str | None = None
    attribution: str | None = None
    attribution_start: int = -1


@dataclass(frozen=True)
class Section:
    """A heading and the blocks up to the next heading; section 0 may be a lead with no heading."""

    index: int
    heading: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """An ingested article: normalised text plus its layout."""

    path: str
    text: str
    title: str
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...]
    sha256: str
    date: date | None = None
    source_format: Literal["txt", "md", "html"] = "txt"

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


@dataclass(frozen=True)
class Timex:
    """A temporal expression normalised to TIMEX3.

    Attributes:
        type: DATE, DURATION, SET or TIME.
        value: TIMEX3 value: "1998", "2024-07", "1960-07-08", "198X", "PRESENT_REF", "P2Y", ...
        precision: "day", "month", "year", "decade", "century", "duration", "ref" or "time".
        mod: TIMEX3 mod where the expression carries one ("START", "BEFORE", "AFTER", "APPROX").
        end_value: the end of a range ("from 1988 to 1996" -> value 1988, end_value 1996).
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    precision: str
    mod: str | None = None
    end_value: str | None = None


@dataclass(frozen=True)
class Claim:
    """One checkable statement: subject, predicate, object, time, located in the article.

    Attributes:
        id: "c1", "c2", ... in text order.
        subject: the subject's surface text (resolved: "he" becomes the profile's subject).
        subject_kb_id: the linked KB id of the subject, or None.
        predicate: a term of the vocabulary in ``analysis.components.claims.PREDICATES``.
        object: the object's surface text, or None.
        object_kb_id: the linked KB id of the object, or None.
        time: the timex that dates the claim, or None.
        start/end: the sentence that makes the claim.
        obj_start/obj_end: where the object is, or -1.
        present: the claim is stated in the present tense ("is", "now", "currently").
        qualifiers: extra roles, e.g. {"with": ["Geoffrey Hinton"], "role": "professor"}.
        score: check-worthiness, 0-1.
    """

    id: str
    subject: str
    subject_kb_id: str | None
    predicate: str
    object: str | None
    object_kb_id: str | None
    time: Timex | None
    start: int
    end: int
    obj_start: int = -1
    obj_end: int = -1
    present: bool = False
    qualifiers: dict[str, object] = field(default_factory=dict)
    score: float = 0.5


@dataclass(frozen=True)
class Evidence:
    statement: str
    source: str
    kb_id: str | None = None


@dataclass(frozen=True)
class Flag:
    id: str
    category: str
    severity: Literal["high", "medium", "low"]
    sentence: str
    start: int
    end: int
    message: str
    evidence: tuple[Evidence, ...] = ()
    suggestion: str | None = None
    claim_id: str | None = None


@dataclass(frozen=True)
class Mention:
    """An entity mention, linked to the KB where possible.

    Attributes:
        label: person, organization, work, award, place, position or other.
        kb_id: the linked KB id, or None (unlinked: unknown to the KB, or ambiguous).
        kb_label: the KB entity's label when linked.
        candidates: how many KB entities the mention's name matched (2+ and unlinked: ambiguous).
        method: how the mention was found: "ner", "chunk", "kb" (alias match) or "coref";
            "other-person" for a bare name whose last full name was someone the KB does
            not know ("Duarte" after "Juan Duarte").
    """

    text: str
    start: int
    end: int
    label: str
    kb_id: str | None = None
    kb_label: str | None = None
    candidates: int = 0
    method: str = "ner"
