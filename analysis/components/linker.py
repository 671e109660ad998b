"""The ``profile_linker`` spaCy component: entity mentions linked to KB ids.

Mentions come from ``analysis.components.mentions`` (NER, proper-noun chunks, KB name n-grams);
each is looked up by its normalised name through ``KBReader.candidates`` -- an indexed lookup,
so the cost per article does not grow with the KB. Ambiguous names are resolved by expected type,
by the KB neighbours of entities already linked in the article and by the sentence's words, or
left unlinked; never picked at random. Results: ``doc.spans["entities"]`` and ``Doc._.mentions``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from analysis.components.kinds import relink_by_kind
from analysis.components.mentions import (
    Candidate,
    chunk_mentions,
    name_ngrams,
    ner_mentions,
    owned_titles,
    quoted_titles,
    same_as,
    select_mentions,
)
from analysis.kb.api import KBReader
from analysis.kb.kinds import KIND_OF_WORD
from analysis.kb.model import KBEntity
from analysis.kb.names import normalize_name
from analysis.models import Mention
from analysis.vocabulary import CORPORATE_WORDS, PERIODICAL, RELATIONS, ROLE_NOUNS

SPAN_KEY = "entities"
USER_DATA_KEY = "profile_linker"
# The KB is asked in batches so that a long article never builds one huge SQL statement.
LOOKUP_BATCH = 500
# However long the KB's longest alias, n-grams longer than this are not worth asking about.
# ("Our House Is on Fire: Scenes of a Family and a Planet in Crisis" is thirteen words; a KB
# whose names are all short asks about short n-grams only.)
MAX_NGRAM_WORDS = 14
# Head words that say what kind of thing a name is, whatever the NER label claims.
TYPE_CUES = {
    "organization": {
        "university", "universities", "labs", "lab", "laboratories", "laboratory", "inc",
        "corp", "corporation", "company", "institute", "college", "school", "department",
        "center", "centre", "foundation", "society", "association", "ltd", "llc", "group",
    },
    "award": {"award", "prize", "medal"},
    "position": {
        "president", "scientist", "professor", "director", "chair", "chairman", "ceo",
        "officer", "dean", "minister", "senator", "governor", "mayor", "editor",
    },
}
# Small words that say nothing about which candidate a sentence is about.
STOP = {"the", "a", "an", "of", "and", "in", "at", "on", "for", "to", "by", "with", "from", "is"}
NER_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "WORK_OF_ART": "work",
    "PRODUCT": "work",
    "LAW": "work",
    "NORP": "other",
    "EVENT": "other",
}




@dataclass
class Linked:
    """A mention while it is being linked (the mutable twin of ``analysis.models.Mention``)."""

    cand: Candidate
    span: Span
    key: str
    entities: list[KBEntity] = field(default_factory=list)
    entity: KBEntity | None = None
    method: str = ""
    label: str = "other"


class ProfileLinker:
    """Finds entity mentions and links them to the KB set in ``kb`` (None: find only)."""

    def __init__(self, nlp: Language, name: str = "profile_linker") -> None:
        self.name = name
        self.kb: KBReader | None = None
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        links = link_doc(doc, self.kb)
        set_annotations(doc, links)
        return doc


@Language.factory("profile_linker", requires=["doc.ents"], assigns=["doc.spans"])
def make_profile_linker(nlp: Language, name: str) -> ProfileLinker:
    """Build the linker; the pipeline sets ``nlp.get_pipe(name).kb`` afterwards."""
    return ProfileLinker(nlp, name)


def lookup(kb: KBReader | None, names: Iterable[str]) -> dict[str, list[KBEntity]]:
    """Batched ``kb.candidates`` over distinct names, each result deduplicated by entity id."""
    if kb is None:
        return {}
    todo = sorted({n for n in names if n})
    found: dict[str, list[KBEntity]] = {}
    for i in range(0, len(todo), LOOKUP_BATCH):
        for key, ents in kb.candidates(todo[i : i + LOOKUP_BATCH]).items():
            unique = {e.id: e for e in ents}
            found[key] = [unique[k] for k in sorted(unique)]
    return found


def link_doc(doc: Doc, kb: KBReader | None) -> list[Linked]:
    """Find the Doc's mentions and link each to at most one KB entity.

    Args:
        doc: a Doc with entities (and ideally sentences and POS tags).
        kb: the knowledge base, or None to find mentions without linking.

    Returns:
        The mentions in text order, without overlaps.
    """
    proposed = ner_mentions(doc) + chunk_mentions(doc)
    max_words = min(kb.max_name_tokens, MAX_NGRAM_WORDS) if kb is not None else 0
    grams = name_ngrams(doc, max_words, normalize_name, kb.title_tails) if max_words and \
        kb is not None else {}
    owned: dict[tuple[int, int], list[str]] = {}
    lowercase: set[str] = set()
    if kb is not None:
        for key, spans in lowercase_grams(doc, kb.lowercase_names).items():
            grams.setdefault(key, []).extend(spans)
            lowercase.add(key)
        for key, spans in quoted_titles(doc, normalize_name).items():
            grams.setdefault(key, []).extend(spans)
        for key, spans in owned_titles(doc, normalize_name).items():
            grams.setdefault(key, []).extend(spans)
            for span in spans:
                owned.setdefault(span, []).append(key)
    keys = {id(c): normalize_name(doc[c.start : c.end].text) for c in proposed}
    table = lookup(kb, list(grams) + list(keys.values()))
    known = [c for c in proposed if keys[id(c)] in table
             and not _lowercase_the_title(doc, c.start, table[keys[id(c)]])]
    known += [Candidate(s, e, "kb") for key in grams if key in table for s, e in grams[key]
              if not _needless_article(doc, s, e, table[key], table)
              and not _lowercase_the_title(doc, s, table[key])
              # a lower-case phrase names an honour, a work or an event, never a person, a
              # place or a post ("prime minister of ...": a role, read as one)
              and not (key in lowercase and not any(
                  ent.type in _LOWERCASE_TYPES for ent in table[key]))]
    unknown = [c for c in proposed if keys[id(c)] not in table]
    known = [c for c in known if not _part_of_longer_name(doc, c, unknown, table)]
    chosen = select_mentions(known, unknown, doc)
    labels = _ner_labels(proposed)
    links = []
    for cand in chosen:
        span = doc[cand.start : cand.end]
        key = normalize_name(span.text)
        # "its Player of the Century", FIFA's; "the tournament's Golden Ball": the owner's full
        # name, when the KB knows it, is the more precise one
        key = next((k for k in owned.get((cand.start, cand.end), ()) if k in table), key)
        ner_label = labels.get((cand.start, cand.end), cand.ner_label)
        method = cand.source if cand.source != "kb" else _best_source(proposed, cand)
        link = Linked(Candidate(cand.start, cand.end, method, ner_label), span, key)
        link.entities = table.get(key, [])
        link.method = method
        links.append(link)
    # "Chief Executive Officer of General Motors Company", when the KB names the position:
    # the leftover "Company" is no name of its own.
    links = [x for x in links if x.entities or x.key not in CORPORATE_WORDS]
    _resolve_all(links, kb)
    links = _with_definite_descriptions(doc, links)
    for link in links:
        link.label = _label_of(link)
    return links


_STAGES = frozenset({"final", "finals", "semi-final", "semi-finals", "semifinal", "semifinals",
                     "playoffs", "play-offs", "qualifier", "qualifiers"})


def _part_of_longer_name(doc: Doc, cand: Candidate, unknown: list[Candidate],
                         table: dict[str, list[KBEntity]]) -> bool:
    """"born in Northern Ireland", "New South Wales": a known place's name that ends a longer
    place name the KB does not know names another place (and a trophy's name before "Final"
    names a match)."""
    entities = table.get(normalize_name(doc[cand.start : cand.end].text), [])
    if entities and all(e.type in ("award", "other") for e in entities) and any(
            u.ner_label == "EVENT" and u.start <= cand.start and u.end == cand.end + 1
            and doc[cand.end].lower_ in _STAGES for u in unknown):
        return True  # "its first Stanley Cup Final": a match for the trophy, not the trophy
    if entities and all(e.type == "person" for e in entities) and any(
            u.ner_label == "PERSON" and u.end == cand.end and 0 < cand.start - u.start <= 2
            and _other_given_name(doc[u.start : cand.start], entities) for u in unknown):
        return True  # "Ivan Mendeleev", the father, when the KB's "Mendeleev" is the son
    if not entities or any(e.type != "place" for e in entities):
        return False
    return any(u.ner_label in ("GPE", "LOC") and u.end == cand.end and
               0 < cand.start - u.start <= 2 and all(
                   t.is_title and t.pos_ in ("PROPN", "ADJ") for t in doc[u.start : cand.start])
               for u in unknown)


def _other_given_name(words: Span, people: list[KBEntity]) -> bool:
    """Given names before a surname that none of the KB's people of that surname bears (not
    initials, not a title: "D. I. Mendeleev", "Professor Mendeleev" are still he)."""
    given = {normalize_name(n).split()[0] for e in people for n in (e.label, *e.aliases)
             if len(normalize_name(n).split()) > 1}
    return all(t.is_title and t.is_alpha and len(t.text) > 2 and t.pos_ == "PROPN"
               and t.lower_ not in _HONORIFICS and t.lower_ not in ROLE_NOUNS
               and t.lower_ not in given for t in words)


_HONORIFICS = frozenset({"sir", "dame", "lord", "lady", "doctor", "mr", "mrs", "miss", "saint",
                         "king", "queen", "prince", "princess", "father", "uncle", "aunt"})


_LOWERCASE_TYPES = frozenset({"award", "work", "organization", "other"})
_INSIDE_PHRASE = frozenset({"NOUN", "ADJ", "PROPN", "NUM"})


def lowercase_grams(
    doc: Doc, names: Mapping[str, frozenset[str]]
) -> dict[str, list[tuple[int, int]]]:
    """Spans of the Doc that are KB names opening on a lower-case word or a digit ("the 100 most
    influential people", "the world championships in Beijing"), by normalised name."""
    found: dict[str, list[tuple[int, int]]] = {}
    if not names:
        return found
    for tok in doc:
        keys = names.get(tok.lower_)
        if keys is None or not (tok.text[:1].islower() or tok.text[:1].isdigit()):
            continue
        before = doc[tok.i - 1] if tok.i > 0 else None
        if before is not None and (before.pos_ in _INSIDE_PHRASE or "as" in (
                t.lower_ for t in doc[max(0, tok.i - 2) : tok.i])):
            # "to join his government as goodwill ambassador for X", "a post as a visiting
            # scholar at X": a role; and a name starts a phrase (not "goodwill ambassador" at
            # "ambassador")
            continue
        longest = max(len(k.split()) for k in keys)
        end = tok.sent.end if doc.has_annotation("SENT_START") else len(doc)
        # (a few tokens more than words: the tokenizer splits "d'Or", "Women's")
        for stop in range(tok.i + 3, min(tok.i + longest + 3, end) + 1):
            if doc[stop - 1].is_space:
                break  # a line break ends the name (and a bullet)
            if doc[stop - 1].is_punct:
                continue  # ("envoy for Syria;": the name ends before its punctuation)
            key = normalize_name(doc[tok.i : stop].text)
            if key in keys and not (stop < len(doc) and doc[stop].pos_ == "PROPN"
                                    and doc[stop - 1].pos_ == "PROPN"):
                # (not "... at Princeton" of "at Princeton University": a name cut in two)
                found.setdefault(key, []).append((tok.i, stop))
    return found


# How far back "the initiative" looks for the Nobel Women's Initiative (about three sentences).
_DESCRIPTION_REACH = 600


def _with_definite_descriptions(doc: Doc, links: list[Linked]) -> list[Linked]:
    """"The initiative's founders included ...": "the" and the head noun of an organisation or
    work named just before ("the Nobel Women's Initiative") refer to it."""
    named = [x for x in links if x.entity is not None and x.entity.type in (
        "organization", "work") and len(x.span) > 1]
    if not named:
        return links
    taken = {i for x in links for i in range(x.span.start, x.span.end)}
    heads = {_head(x.span) for x in named}
    added = []
    for tok in doc[1:]:
        # (not "the board of directors of X": a phrase that says what it is)
        if tok.lower_ not in heads or tok.pos_ != "NOUN" or tok.i in taken or \
                doc[tok.i - 1].lower_ != "the" or (
                tok.i + 1 < len(doc) and (doc[tok.i + 1].pos_ in ("NOUN", "PROPN")
                                          or doc[tok.i + 1].lower_ in ("of", "for"))):
            continue
        before = [x for x in named if x.span.end <= tok.i - 1 and _head(x.span) == tok.lower_
                  and tok.idx - x.span.end_char < _DESCRIPTION_REACH]
        if not before or len({x.entity.id for x in before if x.entity}) != 1:
            continue
        source, entity = before[-1], before[-1].entity
        # another organisation named since, past the source's sentence, may be the one meant
        # ("the D.C. Circuit ... The Senate confirmed her ... on the court": not the circuit)
        if entity is None or any(
                x.cand.ner_label == "ORG" or x.entity is not None and x.entity.type ==
                "organization" for x in links if source.span.sent.end <= x.span.start < tok.i - 1):
            continue
        span = doc[tok.i - 1 : tok.i + 1]
        added.append(Linked(Candidate(span.start, span.end, "coref"), span, source.key,
                            [entity], entity, "coref"))
    return sorted(links + added, key=lambda x: x.span.start) if added else links


def _head(span: Span) -> str:
    """The head noun of a name: "Initiative" of "Nobel Women's Initiative", "University" of
    "University of Tehran"."""
    words = [t.lower_ for t in span]
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def _needless_article(
    doc: Doc, start: int, end: int, named: list[KBEntity], table: dict[str, list[KBEntity]]
) -> bool:
    """"the World Wide Web" when the KB knows "World Wide Web": the article is not the name's
    (only titles such as "A Brief History of Time" keep theirs, and "The C++ Programming
    Language", a book, when "C++ programming language" names the language)."""
    if doc[start].lower_ not in ("a", "an", "the"):
        return False
    rest = table.get(normalize_name(doc[start + 1 : end].text))
    return rest is not None and {e.id for e in named} <= {e.id for e in rest}


def _lowercase_the_title(doc: Doc, start: int, named: list[KBEntity]) -> bool:
    """"Reaches the South Pole" when the KB's only "The South Pole" is Amundsen's book: a title
    keeps its capital "The" inside a sentence; a lower-case one opens a common phrase."""
    return doc[start].text == "the" and all(
        # (a periodical keeps a lower-case "the" in running text: "the New York Times")
        e.type == "work" and e.label.startswith("The ") and not PERIODICAL.search(
            e.description or "") for e in named)


def _ner_labels(proposed: list[Candidate]) -> dict[tuple[int, int], str]:
    return {(c.start, c.end): c.ner_label for c in proposed if c.ner_label}


def _best_source(proposed: list[Candidate], cand: Candidate) -> str:
    """A KB match that NER or the chunker also found exactly is credited to them."""
    same = [c.source for c in proposed if (c.start, c.end) == (cand.start, cand.end)]
    return "ner" if "ner" in same else "chunk" if "chunk" in same else "kb"


def _resolve_all(links: list[Linked], kb: KBReader | None) -> None:
    """Link unambiguous mentions, then resolve the ambiguous with what is already linked."""
    for link in links:
        if len(link.entities) == 1:
            link.entity = link.entities[0]
    if kb is None:
        return
    for link in links:
        if len(link.entities) > 1:
            linked_ids = {x.entity.id for x in links if x.entity is not None}
            wanted = expected_type(link.span, link.cand.ner_label)
            link.entity = pick_candidate(link.span, link.entities, wanted, linked_ids, kb)
    link_coreferences(links)
    link_parentheticals(links)
    relink_by_kind(links, kb)


def expected_type(span: Span, ner_label: str) -> str | None:
    """The type a mention's own words (or failing that its NER label) call for, if any."""
    words = [t.lower_.strip(".") for t in span]
    if span.end < len(span.doc):
        words.append(span.doc[span.end].lower_.strip("."))  # "Edison Inc.", "Hinton lab"
    for kind, cues in TYPE_CUES.items():
        if any(w in cues for w in words):
            return kind
    before = span.doc[max(0, span.start - 2) : span.start]
    if before and (before[-1].lower_ in KIND_OF_WORD or len(before) == 2 and before[-1].tag_ ==
                   "POS" and before[0].ent_type_ == "PERSON"):
        return "work"  # "the musical Evita", "Andrew Lloyd Webber's Evita": a work by that name
    kind = NER_TYPES.get(ner_label)
    return kind if kind != "other" else None


def pick_candidate(
    span: Span,
    entities: list[KBEntity],
    wanted: str | None,
    linked_ids: set[str],
    kb: KBReader,
) -> KBEntity | None:
    """Choose among entities sharing a name, or None when the evidence does not single one out.

    First the expected type narrows the field (ignored if no candidate has it), then each
    candidate is scored by how many already-linked entities it shares facts with, then by how
    many of the sentence's words its label and description share. A tie at the top is no pick.
    """
    pool = [e for e in entities if e.type == wanted] if wanted else []
    pool = pool or entities
    if len(pool) == 1:
        return pool[0]
    context = _words(span.sent.text if span.doc.has_annotation("SENT_START") else span.text)
    context -= _words(span.text)
    scored = sorted(
        ((_relatedness(e, linked_ids, kb), len(context & _words(f"{e.label} {e.description}")), e)
         for e in pool),
        key=lambda x: (x[0], x[1]),
        reverse=True,
    )
    best, runner = scored[0], scored[1]
    if (best[0], best[1]) > (runner[0], runner[1]) and (best[0], best[1]) > (0, 0):
        return best[2]
    return None


def _words(text: str) -> set[str]:
    return {w for w in normalize_name(text).split() if w not in STOP and len(w) > 1}


def _relatedness(entity: KBEntity, linked_ids: set[str], kb: KBReader) -> int:
    """How many entities already linked in the article this one has facts with (either way)."""
    ids: set[str | None] = {f.subject for f in kb.facts_with_value(entity.id)}
    for fact in kb.facts(entity.id):
        ids.add(fact.value.entity_id)
        ids |= {v.entity_id for vals in fact.qualifiers.values() for v in vals}
    return len((ids - {None, entity.id}) & linked_ids)


def link_coreferences(links: list[Linked]) -> None:
    """A bare surname or given name links to the one full person name of the article it matches.

    Profiles name their subject in full once and by surname afterwards; the KB need not list
    the surname as an alias for that to hold inside one article.
    """
    people: dict[str, set[str]] = {}
    by_id: dict[str, KBEntity] = {}
    for link in links:
        parts = link.key.split()
        if link.entity is not None and link.entity.type == "person" and len(parts) >= 2:
            for part in (parts[0], parts[-1]):
                people.setdefault(part, set()).add(link.entity.id)
            by_id[link.entity.id] = link.entity
    strangers = _strangers(links)
    for link in links:
        if id(link) in strangers and link.entity is None:
            link.method = "other-person"  # (the subject's own names must not claim it either)
        ids = people.get(link.key, set())
        if len(link.key.split()) != 1 or len(ids) != 1 or _kin_named(link) or \
                id(link) in strangers:
            continue
        person = by_id[next(iter(ids))]
        named = [e for e in link.entities if e.type == "person"]
        if any(e.id == person.id for e in link.entities):
            link.entity = person
        elif len(named) == 1 and link.entity is named[0]:
            # "Bethe" after "Albrecht Bethe", his father, when the KB gives "Bethe" as the
            # son's own name: the KB's word for the bare name outranks the article's order
            continue
        elif link.entity is None or link.entity.type == "person":
            link.entity, link.method = person, "coref"


def _strangers(links: list[Linked]) -> set[int]:
    """Bare names (by ``id``) whose last full name, in reading order, is a person the KB does
    not know: "Duarte" right after "Juan Duarte" is the father, not the subject born María Eva
    Duarte." (A relative introduced as such, "Their son, Carl Thomas", does not take the name
    over from the husband called Carl throughout.)"""
    last: dict[str, str | None] = {}
    strangers: set[int] = set()
    for link in sorted(links, key=lambda x: x.span.start):
        parts = link.key.split()
        if len(parts) >= 2 and (link.entity is not None and link.entity.type == "person"
                                or link.entity is None and link.cand.ner_label == "PERSON"
                                and not _kin_named(link)):
            for part in (parts[0], parts[-1]):
                last[part] = link.entity.id if link.entity is not None else None
        elif len(parts) == 1 and link.key in last and last[link.key] is None:
            strangers.add(id(link))
    return strangers


def _kin_named(link: Linked) -> bool:
    """"His son Philippe", "Their sons, Carlo and Edoardo": a given name after a kin noun is a
    relative, not the article's other Philippe."""
    span = link.span
    before = span.doc[max(0, span.start - 2) : span.start]
    # (a plural only with its owner: "Their sons, Carlo", not "the sisters Wendy and Georgie")
    return any(t.lower_ in RELATIONS or t.lemma_.lower() in RELATIONS and any(
        c.dep_ == "poss" for c in t.children) for t in before)


def link_parentheticals(links: list[Linked]) -> None:
    """ "Facebook (now Meta)", "AI Research lab (FAIR)": both names link to the same entity."""
    for left, right in zip(links, links[1:], strict=False):
        if not same_as(left.span, right.span):
            continue
        if left.entity is not None and right.entity is None:
            right.entity, right.method = left.entity, "coref"
        elif right.entity is not None and left.entity is None:
            left.entity, left.method = right.entity, "coref"
    # The article has defined the name ("... (IAS)"): its later bare uses mean the same.
    defined = {x.key: x.entity for x in links if x.method == "coref" and not x.entities}
    for link in links:
        # (not a bare name link_coreferences gave to someone the KB does not know)
        if link.entity is None and not link.entities and link.key in defined and \
                not _kin_named(link) and link.method != "other-person":
            link.entity, link.method = defined[link.key], "coref"


def _label_of(link: Linked) -> str:
    if link.entity is not None:
        return link.entity.type
    wanted = expected_type(link.span, link.cand.ner_label)
    return wanted or NER_TYPES.get(link.cand.ner_label, "other")


def set_annotations(doc: Doc, links: list[Linked]) -> None:
    """Write ``doc.spans["entities"]`` and the per-span details ``Doc._.mentions`` reads."""
    spans = []
    details: dict[str, dict[str, object]] = {}
    for link in links:
        kb_id = link.entity.id if link.entity is not None else ""
        spans.append(Span(doc, link.span.start, link.span.end, label=link.label, kb_id=kb_id))
        details[f"{link.span.start_char}:{link.span.end_char}"] = {
            "method": link.method,
            "candidates": len(link.entities),
            "kb_label": link.entity.label if link.entity is not None else None,
        }
    doc.spans[SPAN_KEY] = spans
    # Plain str/int values in user_data: they survive Doc.to_bytes and DocBin(store_user_data).
    doc.user_data[USER_DATA_KEY] = details


def get_mentions(doc: Doc) -> list[Mention]:
    """The getter of ``Doc._.mentions``: the linked spans as ``Mention`` dataclasses."""
    if SPAN_KEY not in doc.spans:
        return []
    details = doc.user_data.get(USER_DATA_KEY, {})
    mentions = []
    for span in doc.spans[SPAN_KEY]:
        info = details.get(f"{span.start_char}:{span.end_char}", {})
        mentions.append(
            Mention(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                label=span.label_,
                kb_id=span.kb_id_ or None,
                kb_label=info.get("kb_label"),
                candidates=int(info.get("candidates", 0)),
                method=str(info.get("method", "ner")),
            )
        )
    return mentions


def _register_extensions() -> None:
    Doc.set_extension("mentions", getter=get_mentions, force=True)


_register_extensions()  # also at import: Docs read back from DocBin need the getter
