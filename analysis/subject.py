"""Who a profile is about: the person it names most, linked to the KB where possible."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from analysis.kb.api import KBReader
from analysis.models import Article, Mention
from analysis.vocabulary import FEMALE_PRONOUNS, MALE_PRONOUNS


@dataclass(frozen=True)
class ProfileSubject:
    """The profile's subject: a display name, its KB id, and the name forms that refer to it."""

    name: str
    kb_id: str | None
    names: frozenset[str]
    pronouns: frozenset[str] = frozenset()

    def takes(self, pronoun: str) -> bool:
        """Can this pronoun refer to the subject? (Unknown or plural: yes.)"""
        if pronoun in ("it", "its", "itself"):
            return False  # "after the 1962 elections it entered a coalition": the party
        gendered = MALE_PRONOUNS | FEMALE_PRONOUNS
        return not self.pronouns or pronoun not in gendered or pronoun in self.pronouns

    def matches(self, mention: Mention) -> bool:
        if self.kb_id and mention.kb_id == self.kb_id:
            return True
        if self.kb_id and mention.kb_id and mention.label == "person":
            return False  # "Nehru" linked to her father, though her maiden name ends with it
        if mention.method == "other-person":
            return False  # "Duarte" right after "Juan Duarte", her father
        return _key(mention.text) in self.names


def _key(text: str) -> str:
    text = text.replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.casefold().split())


def find_subject(
    article: Article, mentions: list[Mention], kb: KBReader | None = None
) -> ProfileSubject | None:
    """The most mentioned person; the title and lead break ties (a profile names its subject
    early), and so does the KB: the person it knows most about is the one it was written for.

    A surname mention counts for the full name that ends with it ("LeCun" for "Yann LeCun").
    """
    people = [m for m in mentions if m.label == "person"] or _person_like(article, mentions)
    if not people:
        return None
    full_names = {_key(m.kb_label or m.text) for m in people if len(m.text.split()) > 1}
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for m in people:
        key = m.kb_id or _canonical(_key(m.text), full_names)
        counts[key] += 1
        first_seen.setdefault(key, m.start)
    title = article.title.casefold()
    first = min(first_seen.values())
    lead_end = next((b.end for b in article.blocks if b.kind == "paragraph"), 0)

    best_known = _best_known(kb, counts)

    def weight(k: str) -> tuple[float, int]:
        # A profile names its subject in the title and first; others come and go. ("The
        # Professor Who Said No" names him twice, and calls him "he"; Sadat is named five times)
        score = counts[k] + (3 if _display(k, people).casefold() in title else 0)
        score += 2 if first_seen[k] == first else 1 if first_seen[k] < lead_end else 0
        score += 2 if k == best_known else 0
        return score, -first_seen[k]

    best = max(counts, key=weight)
    members = [m for m in people if (m.kb_id or _canonical(_key(m.text), full_names)) == best]
    display = _display(best, people)
    names = {_key(m.text) for m in members} | {_key(display)}
    names |= {n.split()[-1] for n in list(names) if len(n.split()) > 1}
    kb_id = next((m.kb_id for m in members if m.kb_id), None)
    return ProfileSubject(display, kb_id, frozenset(names), _pronouns(article.text))


def _best_known(kb: KBReader | None, counts: Counter[str]) -> str | None:
    """The linked person with the most KB facts, if clearly the most (1.5 times the next)."""
    if kb is None:
        return None
    known = sorted(((len(kb.facts(k)), k) for k in counts if kb.entity(k) is not None),
                   reverse=True)
    if not known or known[0][0] == 0:
        return None
    if len(known) > 1 and known[0][0] < 1.5 * known[1][0]:
        return None
    return known[0][1]


def _pronouns(text: str) -> frozenset[str]:
    """The subject's pronouns: the gendered set the article uses clearly more (3:1)."""
    words = re.findall(r"[a-z]+", text.lower())
    male = sum(w in MALE_PRONOUNS for w in words)
    female = sum(w in FEMALE_PRONOUNS for w in words)
    if male >= 3 * max(female, 1):
        return MALE_PRONOUNS
    if female >= 3 * max(male, 1):
        return FEMALE_PRONOUNS
    return frozenset()


_NOT_PEOPLE = frozenset(
    "university college institute inc corp corporation company labs laboratory school "
    "foundation society association group prize award medal day museum park".split()
)


def _person_like(article: Article, mentions: list[Mention]) -> list[Mention]:
    """When the tagger found no person: a 2-4 word capitalised name from the title or lead whose
    last word recurs later (a surname), and that no organisation word marks as something else."""
    lead = article.title + " " + article.text[: 600]
    texts = [m.text for m in mentions]
    found = []
    for m in mentions:
        words = m.text.replace("’s", "").replace("'s", "").split()
        if not 2 <= len(words) <= 4 or any(w.lower().strip(".,") in _NOT_PEOPLE for w in words):
            continue
        if m.label in ("place", "award", "position") or m.text not in lead:
            continue
        surname = words[-1]
        if sum(t == surname or t.endswith(" " + surname) for t in texts) >= 2:
            found.append(m)
    key = found[0].text if found else None
    return [m for m in mentions if key and (m.text == key or m.text == key.split()[-1])]


def _canonical(key: str, full_names: set[str]) -> str:
    if len(key.split()) == 1:
        matches = [f for f in full_names if f.split()[-1] == key or f.split()[0] == key]
        if len(matches) == 1:
            return matches[0]
    return key


def _display(key: str, people: list[Mention]) -> str:
    for m in people:
        if m.kb_id == key and m.kb_label:
            return m.kb_label
    longest = max(
        (m.text for m in people if key in (m.kb_id, _key(m.text)) or _key(m.text) in key.split()
         or key.endswith(_key(m.text))),
        key=len,
        default=key,
    )
    return longest.replace("’s", "").replace("'s", "")
