"""KB-anchored claims: a name the KB relates to the clause's person, and a year in that clause.

The trigger words of ``analysis.vocabulary`` miss phrasings nobody listed ("The Royal Society
added its Copley Medal in 1872", "Barcelona signed him in 1981"). This pass starts from the
other end: a linked name that no claim of the sentence covers, a written date in the same
clause, and a KB that relates the clause's person to that name (an award, an employer, a school,
a team) or dates the name itself (a work or an organisation the clause says appeared, opened or
was founded). The KB proposes the predicate; the checks verify the claim like any other.
Without a KB the pass makes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from analysis.claim_anchor_rules import (
    DURING_VERBS,
    END_VERBS,
    ORDER_PREPS,
    RELEASE_VERBS,
    doer_post,
    own_date_predicate,
    relation,
)
from analysis.claim_apposition import name_phrase, named_noun, of_name, passive, set_off
from analysis.claim_context import (
    FOR_BEFORE,
    RELATIVE_TEXT,
    SUBJECT_DEPS,
    TIME_NOUNS,
    YEAR,
    ClaimContext,
)
from analysis.claim_named import RENDERINGS
from analysis.claim_objects import (
    add_person,
    by_person,
    nominated_only,
    on_board,
    shared_with,
    speech_tokens,
    together_with,
)
from analysis.claim_time import (
    LATER_WORDS,
    gapped_date,
    is_present,
    label_timex,
    other_names_year,
    timexes_in,
    unnamed_works_year,
)
from analysis.kb.api import KBReader
from analysis.kb.kinds import KIND_OF_WORD
from analysis.kb.properties import CREATOR_PROPERTIES
from analysis.models import Block, Claim, Mention, Timex
from analysis.triggers import Trigger, verb_lemma

_WORK_PREDICATES = frozenset({"created", "released", "founded"})
_VERSION_NOUNS = frozenset({"version", "adaptation", "adaption", "film", "movie"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


@dataclass(frozen=True)
class _Agent:
    """Who the clause is about: the profile's subject, another person, or the name itself."""

    text: str
    kb_id: str | None
    is_name: bool = False
    person: bool = True


def anchored_claims(
    ctx: ClaimContext, kb: KBReader, span: Span, block: Block, covered: list[Claim]
) -> Iterator[Claim]:
    """Claims for the sentence's linked names that ``covered`` (its trigger claims) leave out."""
    # A trigger claim with a date has been checked; one without ("She designed X, which first
    # flew in 2001") leaves the date to this pass.
    taken = {c.object_kb_id for c in covered if c.time or c.predicate not in _WORK_PREDICATES}
    taken |= {c.subject_kb_id for c in covered}
    quoted = speech_tokens(span, ctx.mention_at)
    seen: set[str] = set()
    for mention in _sentence_mentions(ctx, span):
        root = _root(ctx, mention)
        if root is None or root.i in quoted or mention.kb_id in seen:
            continue
        if ctx.subject is not None and ctx.subject.matches(mention):
            continue
        if _apposed_to_work(ctx, mention):
            continue  # "X, the Swarthmore Lecture she delivered in 2013": X's date, not the series'
        rendering = _dated_rendering(ctx, kb, mention, root)
        if rendering is not None:
            # "Dudley Murphy's 1920 screen version of The Emperor Jones": the film's year
            derived, year = rendering
            claim = _make(derived, year, span, "released", "")
            if not _said(claim, covered):
                seen.add(mention.kb_id or "")
                yield claim
            continue
        titled = _titled_release(ctx, mention, root)
        if titled is not None:
            # "They were published in 1943 under the title What Is Life?": the title's date
            time = _bound_time(ctx, span, block, titled, mention)
            claim = _make(mention, time, span, "released", verb_lemma(titled)) if time else None
            if claim is not None and not _said(claim, covered):
                seen.add(mention.kb_id or "")
                yield claim
                continue
        described = _described_year(ctx, mention, root)
        if described is not None:
            claim = _make(mention, described, span, "released", "")
            if not _said(claim, covered):
                seen.add(mention.kb_id or "")
                yield claim
                continue
        after = _trailing_participle(ctx.doc, mention)
        verbs = _verbs(root, mention, after)
        if mention.kb_id in taken:
            # "he signed for X, the team Y had founded in 1966": the trigger claim is about
            # signing; a relative clause about X still dates X itself
            verbs = [v for v in verbs
                     if v.dep_ in ("relcl", "acl") and _about_name(v, root, mention)
                     or after is not None and v.i == after.i]
        for verb in verbs:
            if _describes_subject(root, verb) or _describes_the_thing_there(root, verb):
                continue
            time = _bound_time(ctx, span, block, verb, mention)
            if gapped_date(ctx, mention, time):
                time = None  # "he invented X, and in 1965 the detective Y": 1965 is Y's
            # "X, an honour he shared with Y" is checkable without a date: its co-recipients
            undated = time is None and (mention.label == "award" and bool(shared_with(
                ctx, mention)) or is_present(verb)  # "who still drives for X": of now
                or mention.label == "work" and by_person(ctx, verb) is not None)  # "made by Y"
            trailing = after is not None and after.i == verb.i
            claim = _claim(ctx, kb, mention, root, verb, time, span, trailing) \
                if time or undated else None
            if claim is not None and not _said(claim, covered):
                seen.add(mention.kb_id or "")
                yield claim
                break


_APPOSED = re.compile(r"[?!.]?[*_]*,\s+the\s+$")


def _apposed_to_work(ctx: ClaimContext, mention: Mention) -> bool:
    """The name follows ", the" right after another work's name: it says what that work is."""
    text = ctx.article.text
    if not text.endswith(", the ", 0, mention.start) and not text.endswith(
            ", the\n", 0, mention.start):
        return False
    return any(m.label == "work" and m.kb_id and m.end < mention.start
               and _APPOSED.fullmatch(text, m.end, mention.start)
               for m in ctx.mention_at.values())


def _describes_the_thing_there(root: Token, verb: Token) -> bool:
    """"the Hale Telescope at Palomar Observatory, which was dedicated in 1948": a relative
    clause after a place phrase describes the thing placed there as much as the place; the
    date is not the place's own."""
    return verb.dep_ == "relcl" and verb.head.i == root.i and root.dep_ == "pobj" and \
        root.head.lower_ in ("at", "in", "on", "near") and root.head.head.pos_ in ("NOUN", "PROPN")


def _describes_subject(root: Token, verb: Token) -> bool:
    """"Apple, one of Tangerine's clients, hired him": an owner named inside the verb's
    subject describes the subject; the verb does nothing to it."""
    if root.dep_ != "poss":
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.left_edge.i <= root.i <= s.right_edge.i and root.i != s.i for s in subjects)


def _said(claim: Claim, covered: list[Claim]) -> bool:
    """A trigger claim already says this (same predicate, name and date)."""
    when = claim.time.value if claim.time else None
    return any(c.predicate == claim.predicate and c.object_kb_id == claim.object_kb_id
               and (c.time.value if c.time else None) == when for c in covered)


def _verbs(root: Token, mention: Mention, trailing: Token | None) -> list[Token]:
    """The clause the name is in, then a relative clause about it ("X, which first flew in",
    "X, the service Apple launched in 2014")."""
    named = named_noun(root)
    if named is not None:
        # "The reform, passed in 1993 and known as X, ...": what is said of the noun X names
        noun, naming = named
        said = [c for c in noun.children if c.dep_ == "acl"]
        said += [c for v in said for c in v.conjuncts if c.i > v.i]
        return [v for v in said if v.i != naming.i] + [_governor(noun)]
    if root.pos_ in ("VERB", "AUX") and root.dep_ in ("acl", "appos"):
        return [_governor(root.head)]  # a title the parser read as a clause: "Taking on the World"
    # "X in San Jose, a bronze relief of camp life dedicated in 1990": an apposition may hang
    # on any word of the name's own phrase, and its clause on the noun after its "of"
    # (not "X, a role written for her": what is said of the role)
    appositions = [c for t in name_phrase(root) for c in t.children if c.dep_ == "appos"
                   and c.lemma_.lower() not in ("role", "part", "character", "cameo")]
    heads = [root, *appositions, *(o for a in appositions for p in a.children if p.lower_ == "of"
                                   for o in p.children if o.dep_ == "pobj")]
    # ("Night Train to Szeged, which she staged": the clause may hang on the title's last word)
    heads += [t for t in name_phrase(root)
              if t not in heads and mention.start <= t.idx < mention.end]
    clauses = [c for h in heads for c in h.children if c.dep_ in ("relcl", "acl")]
    # "a trimaran designed by X and launched in 2000": the conjoined participle too; and
    # ", founded in 1958," after the name (see _trailing_participle)
    return [_governor(root), *clauses, *(c for v in clauses for c in v.conjuncts if c.i > v.i),
            *([trailing] if trailing is not None and all(c.i != trailing.i for c in clauses)
              else [])]


def _described_year(ctx: ClaimContext, mention: Mention, root: Token) -> Timex | None:
    """"Taking Woodstock, his 2007 comedy": a work in apposition with a dated kind of work."""
    if mention.label != "work":
        return None
    for noun in (c for c in root.children if c.dep_ == "appos"):
        if noun.lemma_.lower() not in KIND_OF_WORD:
            continue
        year = next((c for c in noun.children if c.dep_ in ("nummod", "amod", "compound")
                     and YEAR.fullmatch(c.text)), None)
        if year is not None:
            return next((t for t in ctx.timexes if t.start <= year.idx < t.end), None)
    return None


# Nouns of a work made from another: "his 1933 film of X", "the 1920 screen version of X"
_MADE_FROM = frozenset({"version", "adaptation", "adaption", "film", "movie", "remake",
                        "translation", "production", "staging", "recording", "opera", "musical"})


def _dated_rendering(ctx: ClaimContext, kb: KBReader, mention: Mention, root: Token
                     ) -> tuple[Mention, Timex] | None:
    """"Suzana Amaral's 1977 film of The Hour of the Star": the year is the film's, and the
    film is the KB's work based on the name (the one its maker, when named, made)."""
    if mention.label != "work" or not mention.kb_id or root.dep_ != "pobj" or \
            root.head.lower_ != "of":
        return None
    noun = root.head.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _MADE_FROM:
        return None
    year = next((c for c in noun.subtree if c.i < noun.i and YEAR.fullmatch(c.text)
                 and c.dep_ in ("nummod", "amod", "compound", "npadvmod")), None)
    time = next((t for t in ctx.timexes if year is not None and t.start <= year.idx < t.end),
                None)
    if time is None:
        return None
    # (the linker may already have taken the film the kind word names: it is based on another)
    derived = [mention.kb_id] if kb.facts(mention.kb_id, ("P144",)) else \
        [f.subject for f in kb.facts_with_value(mention.kb_id, ("P144",))]
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ != "PRON":
        # "Olivier's 1948 film of Hamlet": only a work the KB credits to the one named
        maker = ctx.mention_at.get(owner.i)
        derived = [d for d in derived if maker is not None and maker.kb_id and any(
            f.value.entity_id == maker.kb_id for f in kb.facts(d, CREATOR_PROPERTIES))]
    if len(derived) != 1:
        return None
    entity = kb.entity(derived[0])
    return replace(mention, text=entity.label if entity else mention.text, kb_id=derived[0],
                   kb_label=entity.label if entity else None), time


_UNDER_TITLE = re.compile(r"\b(?:under|with) the (?:title|name)\s+[\"“]?$", re.I)


def _titled_release(ctx: ClaimContext, mention: Mention, root: Token) -> Token | None:
    """The verb of "published ... under the title X": X is what was published."""
    if mention.label != "work" or not _UNDER_TITLE.search(
            ctx.article.text, max(0, mention.start - 30), mention.start):
        return None
    prep = next((t for t in root.ancestors if t.lower_ in ("under", "with")), None)
    verb = prep.head if prep is not None else None
    return verb if verb is not None and verb_lemma(verb) in RELEASE_VERBS else None


def _trailing_participle(doc: Doc, mention: Mention) -> Token | None:
    """"the United National Independence Party (UNIP), founded in 1958, which ...": a
    participle set off by commas right after the name describes it, wherever the parser hung
    it (here on the main verb)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    i = span.end
    if i + 2 < len(doc) and doc[i].text == "(":  # an abbreviation in brackets: "(UNIP)"
        close = next((j for j in range(i + 1, min(i + 6, len(doc))) if doc[j].text == ")"), None)
        i = close + 1 if close is not None else i
    if i + 1 < len(doc) and doc[i].lower_ in ("there", "here"):
        i += 1  # "directed the Institute for Theoretical Physics there, created in 1957"
    after = i + 1
    if after + 1 < len(doc) and doc[i].text == "," and doc[after].text in ('"', "”", "''"):
        after += 1  # 'In "Prague Winter," published in 2006': the comma inside the quotes
    if after < len(doc) and doc[i].text == "," and doc[after].tag_ == "VBN" and \
            doc[after].dep_ in ("advcl", "acl", "conj"):
        return doc[after]
    if i + 3 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in ("a", "an", "the"):
        # "the Journal of the X Society, a publication launched in 1907": the noun in
        # apposition and its participle (the parser may hang the noun on the main verb)
        for j in range(i + 2, min(i + 5, len(doc))):
            # (dated or credited in its own words: "a perfume composed by X", not "his 2021
            # West Side Story, a role written for her")
            if doc[j].tag_ == "VBN" and doc[j].dep_ == "acl" and doc[j].head.i < j and \
                    doc[j].head.i > i + 1 and doc[j].head.pos_ == "NOUN" and any(
                    t.ent_type_ == "DATE" or YEAR.fullmatch(t.text) or t.dep_ == "agent"
                    for t in doc[j].subtree):
                return doc[j]
            if doc[j].is_punct:
                break
    return None


def _about_name(verb: Token, root: Token, mention: Mention) -> bool:
    """A relative clause whose missing object is the name ("the service Apple launched"; "X,
    which she rehearsed ... and first staged in 1978": its conjoined verb too)."""
    clause = verb.head if verb.dep_ == "conj" and verb.head.dep_ in ("relcl", "acl") else verb
    named = of_name(clause.head, root) or mention.start <= clause.head.idx < mention.end or (
        # "Syngene International, the contract research arm she set up in 1978"
        clause.head.dep_ == "appos" and clause.head.head.i == root.i)
    return clause.dep_ in ("relcl", "acl") and named and not any(
        c.dep_ == "dobj" and c.lower_ not in _RELATIVE_PRONOUNS for c in verb.children)


def _sentence_mentions(ctx: ClaimContext, span: Span) -> list[Mention]:
    found = {id(m): m for t in span if (m := ctx.mention_at.get(t.i)) is not None and m.kb_id}
    return sorted(found.values(), key=lambda m: m.start)


def _root(ctx: ClaimContext, mention: Mention) -> Token | None:
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None


def _governor(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (the token itself when it is a verb)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


# A date written right after a name, bracketed abbreviation and all: "Dame Commander (DBE)
# in the 2019 New Year Honours"
_RIGHT_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:in|on)\s+(?:the\s+)?")


def _bound_time(
    ctx: ClaimContext, span: Span, block: Block, verb: Token, mention: Mention
) -> Timex | None:
    """The one written date of the verb's clause, else the entry's date for its main verb."""
    adjacent = next((tx for tx in ctx.timexes if tx.start >= mention.end
                     and not ctx.article.text[mention.end : tx.start].strip(" ,")
                     and RELATIVE_TEXT.search(tx.text) and tx.value[:4].isdigit()), None)
    # ("the Hiroshima Art Prize in 2011 and, a year later, the Oskar Kokoschka Prize")
    adjacent = adjacent or next((tx for tx in ctx.timexes if tx.end <= mention.start
                                 and _SET_OFF_BEFORE.fullmatch(ctx.article.text, tx.end,
                                                               mention.start)
                                 and RELATIVE_TEXT.search(tx.text) and tx.value[:4].isdigit()),
                                None)
    if adjacent is not None:
        # "the Royal Gold Medal in 1989 and the Kyoto Prize the following year", "in English,
        # as Devil on the Cross, two years later"
        return adjacent
    written = next((tx for tx in ctx.timexes if tx.start >= mention.end and tx.start < span.end_char
                    and _RIGHT_AFTER.fullmatch(ctx.article.text, mention.end, tx.start)
                    and YEAR.search(tx.text)), None)
    if written is not None:
        # "CBE in 2006 and DBE (Dame Commander) in the 2019 New Year Honours": each its own
        return written
    own = []
    for tx in timexes_in(ctx, span.start_char, span.end_char):
        if tx.end_value or RELATIVE_TEXT.search(tx.text) or not YEAR.search(tx.text):
            continue
        tx_span = ctx.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if tx_span is None or mention.start <= tx.start < mention.end:
            continue
        if other_names_year(ctx, mention, tx) or unnamed_works_year(ctx, mention, tx):
            continue  # "built on the site of the National Stadium of 1958": that name's year
        head = tx_span.root
        governor = _governor(head).i
        if governor == verb.i or _inside(head, mention) or (
                verb.dep_ == "xcomp" and verb.head.i == governor
                and verb.head.lemma_ in ("begin", "start")) or (
                verb.dep_ in ("xcomp", "advcl") and verb.head.i == governor
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
                and verb.lemma_ in DURING_VERBS and verb.head.lemma_ not in ("become", "be")) \
                or _fronted_for_conjunct(verb, governor, tx):
            # ("In 1962 Al-Ahram began serialising X": the beginning's date; "came out of
            # retirement in 1982 to drive for Brabham": the purpose's)
            own.append(tx)
    named = [tx for tx in own if _names_its_year(ctx, tx, mention)]
    if len(own) == 1 or len(named) == 1:
        return named[0] if named else own[0]  # "the Law of 2019 ... by 2050": the Law's year
    if own or not block.date_label or _has_own_year(ctx, span, block):
        return None
    # ("1926: The Sun Also Rises and Men Without Women": the only verb is a title's word)
    return label_timex(ctx, block) if _entry_verb(verb) or verb.i in ctx.mention_at else None


def _fronted_for_conjunct(verb: Token, governor: int, tx: Timex) -> bool:
    """"In 1971 he was awarded X and concluded Y": a date fronted before the first verb is the
    date of the verb conjoined to it (not "and later signed Y")."""
    return verb.dep_ == "conj" and verb.head.i == governor and tx.end <= verb.head.idx and \
        tx.start < verb.head.left_edge.idx + 30 and not any(
            c.dep_ in ("advmod", "npadvmod", "prep") and c.lower_ in LATER_WORDS | {"after"}
            # ("and from there he moved to Tufts": the next step)
            or c.dep_ == "prep" and c.lower_ == "from" and any(g.lower_ == "there"
                                                               for g in c.children)
            for c in verb.children)


def _rendered(tok: Token) -> bool:
    """The source named after "adaptation of", "translation of" (whose name may hold an "of":
    "adaptation of Man of La Mancha")."""
    for _ in range(3):
        if tok.dep_ == "appos":
            tok = tok.head  # "adaptation of the book Low Roofs"
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("of", "from"):
            return False
        tok = tok.head.head
        if tok.lemma_.lower() in RENDERINGS:
            return True
    return False


_SET_OFF_BEFORE = re.compile(r",\s*(?:the\s+|an?\s+|her\s+|his\s+)?")


def _entry_verb(verb: Token) -> bool:
    """The entry's main verb or one conjoined with it ("1970: Wins X and signs for Y"): the
    entry's date is each one's."""
    for _ in range(6):
        if verb.dep_ == "ROOT" or verb.dep_ in ("acl", "appos", "dep") and verb.head.like_num \
                and verb.head.dep_ == "ROOT":
            return True  # (the parser may hang "1978: Awarded X" on the year)
        if verb.dep_ != "conj":
            return False
        verb = verb.head
    return False


def _names_its_year(ctx: ClaimContext, time: Timex, mention: Mention) -> bool:
    """"The European Climate Law of 2019", "the 1987 film Sarafina!": the year is the work's."""
    text = ctx.article.text
    if time.start >= mention.end:
        return bool(re.fullmatch(r"\s+of\s+", text[mention.end : time.start]))
    between = re.fullmatch(r"\s+(?:[a-z-]+\s+)?([a-z]+)\s+", text[time.end : mention.start])
    return between is not None and between.group(1) in KIND_OF_WORD


def _inside(tok: Token, mention: Mention) -> bool:
    """"the 1995 Nobel Prize": a date inside the name's own phrase."""
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
        if mention.start <= tok.idx < mention.end:
            return True
    return False


_BEHIND = frozenset("second third fourth fifth sixth seventh eighth ninth tenth last runner "
                    "runners-up runner-up".split())


def _placed_behind(verb: Token) -> bool:
    """"came second to X in the 1963 Song Quest", "finished runner-up": a place, not the prize."""
    return verb.lemma_ in ("come", "finish", "place", "end") and any(
        c.lower_ in _BEHIND for c in verb.children if c.dep_ not in ("prep", "conj", "cc"))


def _has_own_year(ctx: ClaimContext, span: Span, block: Block) -> bool:
    label_end = block.start + len(block.date_label or "")
    return any(tx.start >= label_end for tx in timexes_in(ctx, span.start_char, span.end_char))


def _claim(
    ctx: ClaimContext, kb: KBReader, mention: Mention, root: Token, verb: Token,
    time: Timex | None, span: Span, trailing: bool = False,
) -> Claim | None:
    """``trailing``: the verb is a participle set off right after the name (it describes it)."""
    entity = kb.entity(mention.kb_id or "")
    if entity is None or entity.type in ("person", "place", "position"):
        return None
    if any(c.dep_ == "neg" for c in verb.children) or span.text.rstrip().endswith("?"):
        return None
    if verb_lemma(verb) in ("born", "bear"):
        return None  # "Margaret Court AC MBE (née Smith; born 16 July 1942)": her birth
    if root.dep_ == "appos" and _rendered(root.head) and entity.type == "work" and time and \
            ctx.article.text[: mention.start].rstrip().endswith(","):
        # "..., L'Homme de la Mancha, opened in 1968": the name set off is the adaptation's
        return _make(mention, time, span, "released", verb_lemma(verb))
    if _rendered(root):
        return None  # "His adaptation of Man of La Mancha opened in 1968": not the original
    if entity.type == "award" and (nominated_only(ctx, mention) or _placed_behind(verb)):
        return None
    # "Gaslight, directed by Alfred Hitchcock": who made it is checkable without a date
    maker = by_person(ctx, verb) if entity.type == "work" and verb.tag_ == "VBN" else None
    if time is None and entity.type != "award" and not is_present(verb) and maker is None:
        return None
    if time is not None and entity.type == "work" and _names_its_year(ctx, time, mention):
        return _make(mention, time, span, "released", verb_lemma(verb))
    if time is not None and entity.type == "work" and _at_entry_date(ctx, time, span) and \
            root.dep_ not in SUBJECT_DEPS and (
            _entry_title(ctx, kb, mention, span, entity.type)
            or _entry_work(ctx, kb, mention, root, verb)):
        # "1982: Fitzcarraldo; ends the Kinski partnership with Cobra Verde": the entry dates
        # the subject's own works it names as its events (whatever verb the parser chose)
        return _make(mention, time, span, "released", verb_lemma(verb))
    if not (verb.pos_ in ("VERB", "AUX") or verb.tag_.startswith("VB")):
        # "1981: Aké, a memoir of his boyhood": an entry that is the title of the subject's
        # own work dates the work; "2022 - Final match, at the US Open" says nothing checkable
        if _entry_title(ctx, kb, mention, span, entity.type):
            return _make(mention, time, span, "released", "")
        if entity.type == "award" and _entry_list(ctx, mention, span):
            # "1957: Albert Einstein Award", "1979: National Medal of Science; Oersted Medal":
            # a timeline entry that lists honours gives them to the profile's subject
            agent = _profile(ctx)
            return _make(mention, time, span, "award", "", agent) if agent else None
        return None
    if _ordered(root, verb):
        return None
    if any(c.lower_ == "without" and any(g.lower_ in ("him", "her") for g in c.children)
           for c in verb.children):
        return None  # "who had already led Benfica to the European Cup in 1961 without him"
    lemma = verb_lemma(verb)
    if lemma == "bring" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back"
                                for c in verb.children):
        lemma = "rejoin"  # "Manchester United brought him back in 2021"
    if lemma == "transfer" and any(c.dep_ == "dobj" and c.lower_ not in ("him", "her", "them")
                                   for c in verb.children):
        return None  # "transferred ownership of the IKEA Group to X": a thing moved, not him
    if lemma in ("move", "switch") and not (
            root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.i == verb.i):
        return None  # "moved to Molteni", not "moved to Portland, close to the offices of X"
    if lemma in _ELECT and _under_for(root, verb):
        return None  # "elected to X for the Y constituency": Y is whom the seat represents
    agent = _Agent("", None, is_name=True) if trailing else _agent(ctx, root, verb)
    if agent is None and verb.dep_ == "relcl" and _about_name(verb, root, mention) and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "they") for c in verb.children):
        # "The Firebird, which it staged in 1942": a body, named before, acts on the name
        agent = _Agent("", None, person=False)
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "presented Orpheus and Bluebeard": Bluebeard is an object too
    # ("The business was incorporated as Honda Motor Company in 1946": what it became is it)
    renamed = root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.i == verb.i \
        and passive(verb)
    if renamed and agent is None:
        agent = _Agent("", None, is_name=True)
    if agent is not None and (agent.is_name or _about_name(verb, root, mention) or renamed or (
            first.dep_ in ("dobj", "nsubjpass") and first.head.i == verb.i)):
        # (the name a relative clause is about is its object: "X, the arm she set up in 1978")
        active = (root.dep_ == "nsubj" or agent.is_name and root.dep_ != "nsubjpass") \
            and not (named_noun(root) and passive(verb)) and not trailing and not renamed \
            and not (verb.dep_ == "relcl" and _about_name(verb, root, mention))
        made = own_date_predicate(entity.type, lemma, verb, active)
        if made is not None and (time is not None or made == "created" and maker):
            credited = _Agent(maker.text, maker.kb_id) if maker and made == "created" else None
            return _make(mention, time, span, made, lemma, credited)
    # "she was given X": the subject receives
    received = any(c.dep_ == "nsubjpass" for c in verb.children)
    if agent is None or agent.is_name or not agent.person or not agent.kb_id:
        # "Barcelona signed him", "The Royal Society added its Copley Medal": the name or a
        # giver acts, and the profile's subject receives
        giver = agent is not None and not agent.person and not agent.is_name
        agent, received = _recipient(ctx, verb, award=entity.type == "award" and giver), True
    if agent is None:
        return None
    if received and any(c.lower_ in ("out", "away", "off") and c.dep_ in ("prep", "prt", "advmod")
                        and c.left_edge.i <= root.i <= c.right_edge.i for c in verb.children):
        return None  # "police led him out of a rehearsal at Dramaten": taken away from it
    if lemma in END_VERBS and (root.dep_ == "pobj" and root.head.lower_ in ("for", "to") or
                               FOR_BEFORE.search(ctx.article.text, max(0, mention.start - 10),
                                                  mention.start)):
        lemma = "join"  # "left Google for Facebook in 2008": Facebook is where she went
    predicate = relation(kb, agent.kb_id, mention.kb_id, lemma, ctx.subject, received=received)
    if predicate is None:
        return None
    if predicate == "position":
        if not is_present(verb):
            return None  # a post by the verb its holder does: only "still co-organises X"
        time = None
    if time is None and predicate != "award" and predicate not in (
            "member", "worked_at", "position"):
        return None  # undated: only a present role (judged at --as-of) or co-recipients
    others: list[str] = []
    for person in shared_with(ctx, mention) if predicate == "award" else ():
        add_person(ctx, others, person)  # "X, an honour he shared with Y"
    if predicate == "award" and not others:
        # "among the first recipients of the Kennedy Center Honors, alongside A, B and C"
        others = together_with(ctx, list(span), mention, Trigger(verb, "award"))
    # undated and not an award: a present role, judged at --as-of
    claim = _make(mention, time, span, predicate, lemma, agent, with_=others,
                  present=time is None and predicate != "award")
    if predicate == "position":
        # the post the verb names, for the freshness check ("co-organiser of the Tour of X")
        post = doer_post(kb, agent.kb_id or "", mention.kb_id, lemma)
        claim = replace(claim, qualifiers={**claim.qualifiers, "role": post})
    if predicate in ("worked_at", "member") and on_board(ctx.article.text, verb.idx, mention):
        # "sits on Microsoft's board": a seat on the board, not the employment
        claim = replace(claim, predicate="member", qualifiers={**claim.qualifiers, "board": True})
    return claim


_ELECT = frozenset({"elect", "re-elect", "reelect", "return"})


def _under_for(root: Token, verb: Token) -> bool:
    """The name hangs on the verb through a "for" phrase."""
    node = root
    for _ in range(8):
        if node.i == verb.i or node.head.i == node.i:
            return False
        if node.dep_ == "prep" and node.lower_ == "for":
            return True
        node = node.head
    return False


def _entry_title(
    ctx: ClaimContext, kb: KBReader, mention: Mention, span: Span, entity_type: str
) -> bool:
    block = next((b for b in ctx.article.blocks if b.start <= span.start_char < b.end), None)
    subject = ctx.subject.kb_id if ctx.subject else None
    if block is None or not block.date_label or entity_type != "work" or not subject:
        return False
    opening = ctx.article.text[block.start + len(block.date_label) : mention.start]
    return not any(c.isalnum() for c in opening) and _own_work(ctx, kb, mention)


def _at_entry_date(ctx: ClaimContext, time: Timex, span: Span) -> bool:
    """The date is the timeline entry's own ("1982: ..."), not another date inside it."""
    block = next((b for b in ctx.article.blocks if b.start <= span.start_char < b.end), None)
    return block is not None and bool(block.date_label) and \
        time.start < block.start + len(block.date_label)


def _entry_work(ctx: ClaimContext, kb: KBReader, mention: Mention, root: Token, verb: Token
                ) -> bool:
    """The subject's own work as what the entry's verb does: its object, or "with"/"in" it
    (not "the ideas of X", "after X": a reference to an older work). Callers have checked
    that the sentence is a dated entry."""
    if not _own_work(ctx, kb, mention):
        return False
    node, preps = root, []
    for _ in range(8):
        if node.i == verb.i:
            break
        if node.dep_ == "prep":
            preps.append(node.lower_)
        elif node.dep_ not in ("pobj", "dobj", "compound", "conj", "appos"):
            return False
        node = node.head
    else:
        return False
    return set(preps) <= {"with", "in"} and len(preps) <= 1


def _own_work(ctx: ClaimContext, kb: KBReader, mention: Mention) -> bool:
    subject = ctx.subject.kb_id if ctx.subject else None
    if not subject or not mention.kb_id:
        return False
    makers = kb.facts(mention.kb_id, CREATOR_PROPERTIES)
    return any(f.value.entity_id == subject for f in makers) \
        or any(f.value.entity_id == mention.kb_id for f in kb.facts(subject, ("P800",)))


def _entry_list(ctx: ClaimContext, mention: Mention, span: Span) -> bool:
    """A dated entry that is only a list of honours up to this one (names and separators)."""
    block = next((b for b in ctx.article.blocks if b.start <= span.start_char < b.end), None)
    if block is None or not block.date_label:
        return False
    start = block.start + len(block.date_label)
    # ("2008: Inducted into the Hall of Fame; Prince of Asturias Award": after a semicolon, a
    # new item of the entry)
    start = max(start, ctx.article.text.rfind(";", start, mention.start) + 1)
    opening = list(ctx.article.text[start : mention.start])
    # blank out the honours listed before it, and who gave them ("Copley Medal of the Royal
    # Society and the Order of the Elephant")
    for other in ctx.mention_at.values():
        if start <= other.start and other.end <= mention.start and other.label in (
                "award", "organization"):
            opening[other.start - start : other.end - start] = " " * (other.end - other.start)
    return not re.sub(r"\b(?:and|plus|the|an?|of)\b", "", "".join(opening)).strip(" ;,:/&-–—\n")


def _ordered(root: Token, verb: Token) -> bool:
    tok = root
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.lower_ in ORDER_PREPS:
            return True
        tok = tok.head
    return False


def _agent(ctx: ClaimContext, root: Token, verb: Token) -> _Agent | None:
    """The clause's subject: the name itself, the profile's subject, or another named person."""
    named = named_noun(root)
    if named is not None and (verb.head.i == named[0].i and verb.dep_ == "acl" or any(
            c.i == named[0].i for c in verb.children if c.dep_ in SUBJECT_DEPS)):
        return _Agent("", None, is_name=True)  # what is said of the noun is said of X
    subj = _clause_subject(verb)
    if subj is None:
        # "1988: Joined Bell Labs", "... and was knighted in 1997": a subjectless clause in a
        # profile is its subject's
        return _profile(ctx)
    if subj.lower_ in _RELATIVE_PRONOUNS and verb.dep_ in ("relcl", "acl"):
        subj = verb.head
    if subj.i == root.i or _same_mention(ctx, subj, root) or _version_of(subj, root) or (
            root.head.i == subj.i and subj.pos_ != "PRON" and (
                root.dep_ in ("appos", "acl") or set_off(ctx, root))):
        # "Her autobiography, Taking on the World, appeared in 2001": the name is the subject
        return _Agent("", None, is_name=True)
    if subj.pos_ == "PRON":
        return _profile(ctx) if ctx.subject and ctx.subject.takes(subj.lower_) else None
    if subj.ent_type_ == "DATE" or subj.lemma_.lower() in TIME_NOUNS:
        return _profile(ctx)  # "2015 brought both the Nobel Prize and the Medal": a profile's year
    named = ctx.mention_at.get(subj.i)
    if named is None:
        return None
    if ctx.subject is not None and ctx.subject.matches(named):
        return _profile(ctx)
    if named.label == "person":
        return _Agent(named.text, named.kb_id)
    return _Agent(named.text, named.kb_id, person=False)


def _version_of(subj: Token, root: Token) -> bool:
    """"The film version of The Silent World ... opened in": the subject is the named work."""
    return subj.lemma_.lower() in _VERSION_NOUNS and root.head.dep_ == "prep" and \
        root.head.lower_ == "of" and root.head.head.i == subj.i


def _clause_subject(verb: Token) -> Token | None:
    node = verb
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            return subj
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _same_mention(ctx: ClaimContext, a: Token, b: Token) -> bool:
    ma, mb = ctx.mention_at.get(a.i), ctx.mention_at.get(b.i)
    return ma is not None and ma is mb


def _profile(ctx: ClaimContext) -> _Agent | None:
    if ctx.subject is None or not ctx.subject.kb_id:
        return None
    return _Agent(ctx.subject.name, ctx.subject.kb_id)


def _recipient(ctx: ClaimContext, verb: Token, *, award: bool) -> _Agent | None:
    """The profile's subject as the object of the clause ("signed him"), or, for an award an
    organisation gives, as its unnamed recipient, unless the clause names another one."""
    others = False
    for child in verb.children:
        nodes = [child, *(c for c in child.children if c.dep_ == "pobj")] \
            if child.dep_ == "prep" and child.lower_ in ("to", "on", "upon") else [child]
        for node in nodes:
            if node.dep_ not in ("dobj", "dative", "pobj"):
                continue
            if node.pos_ == "PRON" and ctx.subject and ctx.subject.takes(node.lower_):
                return _profile(ctx)
            named = ctx.mention_at.get(node.i)
            if named is not None and named.label == "person":
                if ctx.subject is not None and ctx.subject.matches(named):
                    return _profile(ctx)
                others = True
    return _profile(ctx) if award and not others else None


def _make(
    mention: Mention, time: Timex | None, span: Span, predicate: str, lemma: str,
    agent: _Agent | None = None, *, with_: list[str] | None = None, present: bool = False,
) -> Claim:
    qualifiers: dict[str, object] = {"verb": lemma, "anchored": True,
                                     "during": lemma in DURING_VERBS}
    if with_:
        qualifiers["with"] = with_
    return Claim(
        id="",
        subject=agent.text if agent else "(unspecified)",
        subject_kb_id=agent.kb_id if agent else None,
        predicate=predicate,
        object=mention.text,
        object_kb_id=mention.kb_id,
        time=time,
        start=span.start_char,
        end=span.end_char,
        obj_start=mention.start,
        obj_end=mention.end,
        # A membership named with a verb of duration ("played for X in 1983") is dated
        # inside the membership, not at its start ("during").
        qualifiers=qualifiers,
        present=present,
        score=0.6,
    )
