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
from analysis.kb.model import KBEntity
from analysis.kb.names import head_noun

if TYPE_CHECKING:
    from analysis.components.linker import Linked

_KINDS = {
    "film": frozenset({"film", "movie", "documentary", "feature", "biopic"}),
    "novel": frozenset({"novel", "book", "memoir", "novella"}),
    "play": frozenset({"play", "drama", "tragedy", "comedy"}),
    "musical": frozenset({"musical"}),
    "series": frozenset({"series", "programme", "program", "show", "sitcom"}),
    "opera": frozenset({"opera"}),
    "album": frozenset({"album", "record"}),
}
KIND_OF_WORD = {word: kind for kind, words in _KINDS.items() for word in words}
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
            pool.update({e.id: e for e in _adaptations(kb, entity)})
        fits = [e for e in pool.values() if kind_of(kb, e) == kind]
        if len(fits) == 1:
            link.entity = fits[0]


def kind_of(kb: KBReader, entity: KBEntity) -> str | None:
    """What kind of work the entity is: by its label's bracket ("(film)"), its instance-of
    values, or the head noun of its description ("1956 documentary film by ...")."""
    bracket = re.search(r"\(([^)]*)\)\s*$", entity.label)
    texts = [bracket.group(1)] if bracket else []
    texts += [f.value.text for f in kb.facts(entity.id, ("P31",))]
    texts += [head_noun(entity.description) or ""]
    for text in texts:
        for word in reversed(text.lower().split()):
            if word in KIND_OF_WORD:
                return KIND_OF_WORD[word]
    return None


def _adaptations(kb: KBReader, entity: KBEntity) -> list[KBEntity]:
    """Works based on the entity, and the work it is based on."""
    ids = [f.subject for f in kb.facts_with_value(entity.id, ("P144",))]
    ids += [f.value.entity_id for f in kb.facts(entity.id, ("P144",)) if f.value.entity_id]
    return [e for i in ids if (e := kb.entity(i)) is not None]
