"""Kind words before a title: "the film version of The Silent World" is the film, not the book.

A book, the play made from it and the film made from that often share one name; the words the
writer put before the name say which is meant. When they name a kind (film, novel, play,
musical, ...) that the linked entity is not, the mention is relinked to the entity of that kind
among those sharing its name and those the KB says are based on it (P144), or that it is based
on. No kind word, or no single entity of that kind: the link stands.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.components.text import doc_text
from analysis.kb.api import KBReader
from analysis.kb.kinds import KIND_OF_WORD, adaptations, kind_of

if TYPE_CHECKING:
    from analysis.components.linker import Linked

# "the film version of", "Ossie Davis's film of", "the 1987 film", "the stage musical"
_CUE = re.compile(
    r"\b(?P<word>[a-z]+)\s+(?:(?:version|adaptation|adaption)\s+)?(?:of\s+)?$", re.I)


def relink_by_kind(links: list[Linked], kb: KBReader) -> None:
    text = doc_text(links[0].span.doc) if links else ""
    for link in links:
        entities = link.entities or ([link.entity] if link.entity else [])
        if not entities:
            continue
        before = text[max(0, link.span.start_char - 40) : link.span.start_char]
        cue = _CUE.search(before)
        kind = KIND_OF_WORD.get(cue["word"].lower()) if cue else None
        if kind is None or (link.entity is not None and kind_of(kb, link.entity) == kind):
            continue
        pool = {e.id: e for e in entities}
        for entity in entities:
            pool.update({e.id: e for e in adaptations(kb, entity)})
        fits = [e for e in pool.values() if kind_of(kb, e) == kind]
        if len(fits) == 1:
            link.entity = fits[0]
