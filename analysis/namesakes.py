"""A work and the work made from it often share a title ("The Age of Innocence", the novel,
and "The Age of Innocence (film)"): the bare name links to the one the KB labels with it. In
a profile of the film's director, the bare title means the film; the subject's own namesake
is taken once the subject is known."""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.kb.api import KBReader
from analysis.kb.kinds import KIND_OF_WORD
from analysis.kb.names import normalize_name
from analysis.kb.properties import CREATOR_PROPERTIES
from analysis.models import Mention
from analysis.subject import ProfileSubject

# "The Age of Innocence (film)", "(1993 film)": the bracket that tells namesakes apart
_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")


def own_namesakes(
    mentions: list[Mention], subject: ProfileSubject | None, kb: KBReader | None, text: str
) -> list[Mention]:
    """The mentions, each work relinked to its namesake (one based on it, or it on one) when the
    KB credits the subject with the namesake and not with the work linked, and no word before
    the name says which is meant ("the novel X", "Wharton's X")."""
    if kb is None or subject is None or not subject.kb_id:
        return mentions
    return [m if _told_apart(text, m) else _relinked(kb, m, subject.kb_id) for m in mentions]


# "the novel X", "the film version of X", "Wharton's X"
_CUE = re.compile(r"(?:\b(?P<word>[a-z]+)\s+(?:(?:version|adaptation)\s+)?(?:of\s+)?|['’]s\s+)$",
                  re.I)


def _told_apart(text: str, mention: Mention) -> bool:
    cue = _CUE.search(text, max(0, mention.start - 40), mention.start)
    return cue is not None and (cue["word"] is None or cue["word"].lower() in KIND_OF_WORD)


def _relinked(kb: KBReader, mention: Mention, subject: str) -> Mention:
    if mention.label != "work" or not mention.kb_id or _made_by(kb, mention.kb_id, subject):
        return mention
    entity = kb.entity(mention.kb_id)
    # (only a name that is the linked work's whole, unbracketed label: "the film adaptation of
    # X", or "The Handmaid's Tale" linked to "The Handmaid's Tale (TV series)", was chosen so)
    if entity is None or _BRACKET.search(entity.label) or \
            normalize_name(mention.text) != normalize_name(entity.label):
        return mention
    title = _title(entity.label)
    related = {f.value.entity_id for f in kb.facts(mention.kb_id, ("P144",))} | {
        f.subject for f in kb.facts_with_value(mention.kb_id, ("P144",))}
    own = [e for other in related if other and (e := kb.entity(other)) is not None
           and _BRACKET.search(e.label) and _title(e.label) == title
           and _made_by(kb, e.id, subject)]
    if len(own) != 1:
        return mention
    return replace(mention, kb_id=own[0].id, kb_label=own[0].label)


def _title(label: str) -> str:
    return normalize_name(_BRACKET.sub("", label))


def _made_by(kb: KBReader, work: str, person: str) -> bool:
    return any(f.value.entity_id == person for f in kb.facts(work, CREATOR_PROPERTIES)) or any(
        f.value.entity_id == work for f in kb.facts(person, ("P800",)))
