"""What kind of work an entity is (film, novel, play, musical, ...), and its adaptations.

A book, the play made from it and the film made from that often share one name; the linker
(``analysis.components.kinds``) and the checks tell them apart by kind.
"""

from __future__ import annotations

import re

from analysis.kb.api import KBReader
from analysis.kb.model import KBEntity
from analysis.kb.names import head_noun

_KINDS = {
    "film": frozenset({"film", "movie", "documentary", "feature", "biopic"}),
    "novel": frozenset({"novel", "book", "memoir", "novella", "collection", "anthology"}),
    "play": frozenset({"play", "drama", "tragedy", "comedy"}),
    "musical": frozenset({"musical"}),
    "series": frozenset({"series", "programme", "program", "show", "sitcom"}),
    "opera": frozenset({"opera"}),
    "album": frozenset({"album", "record"}),
}
KIND_OF_WORD = {word: kind for kind, words in _KINDS.items() for word in words}


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


def adaptations(kb: KBReader, entity: KBEntity) -> list[KBEntity]:
    """Works based on the entity, and the work it is based on."""
    ids = [f.subject for f in kb.facts_with_value(entity.id, ("P144",))]
    ids += [f.value.entity_id for f in kb.facts(entity.id, ("P144",)) if f.value.entity_id]
    return [e for i in ids if (e := kb.entity(i)) is not None]
