"""When a claim happened: the date each trigger owns, and whether it is said of now."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from analysis.claim_context import (
    CLAUSE_BREAKS,
    DATED_TYPES,
    EMBEDDED_DEPS,
    PRESENT_PHRASES,
    RELATIVE_TEXT,
    YEAR,
    ClaimContext,
)
from analysis.claim_subject import finite_governor
from analysis.dates import SAME_YEAR
from analysis.kb.kinds import KIND_OF_WORD
from analysis.models import Block, Mention, Timex
from analysis.triggers import Trigger
from analysis.vocabulary import (
    PRESENT_MARKERS,
)


def timex_at(ctx: ClaimContext, offset: int) -> Timex | None:
    if offset < 0:
        return None
    return next((t for t in ctx.timexes if t.start <= offset < t.end), None)


def assign_times(ctx: ClaimContext, span: Span, triggers: list[Trigger]) -> dict[int, Timex]:
    """Each dated timex goes to the first trigger above it in the parse (or the only trigger,
    when that trigger is the main verb)."""
    trigger_ids = {t.token.i for t in triggers}
    # "Fiddler on the Roof (1971) earned him an Academy Award": the bracketed year is the
    # film's, taken by its construction, and dates nothing else.
    fixed = {t.time_at for t in triggers if t.time_at >= 0 and not t.shared_time}
    wanted: dict[int, list[tuple[Timex, int]]] = {}
    hung: set[int] = set()  # (ids of the dates the parse hangs under their owner)
    for tx in timexes_in(ctx, span.start_char, span.end_char):
        if any(tx.start <= at < tx.end for at in fixed) or _someone_elses(ctx, tx):
            continue
        tok = span.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if tok is None:
            continue
        owner = owner_above(tok.root, trigger_ids)
        if owner is not None:
            hung.add(id(tx))
        if owner is None and len(triggers) == 1 and main_clause(triggers[0].token) and \
                not _other_clause(tok.root, triggers[0].token):
            owner = triggers[0].token.i
        if owner is None:
            owner = _means_below(tok.root, trigger_ids) or _copula_noun(tok.root, trigger_ids) \
                or _complement_owner(tok.root, trigger_ids)
        bracket = _life_bracket(ctx, tx) if owner is not None else None
        if bracket is not None and not bracket[0] < span.doc[owner].idx < bracket[1]:
            continue
        if owner is not None:
            wanted.setdefault(owner, []).append((tx, tok.start))
    owned: dict[int, Timex] = {}
    clauses_on_dates: set[int] = set()
    for trig in triggers:
        # "2013, the same year that she founded RNARx": a clause on a date is at that date
        on_date = _date_clause(ctx, span, trig.token)
        if on_date is not None and trig.token.i not in wanted:
            wanted[trig.token.i] = [(on_date, trig.token.i)]
            clauses_on_dates.add(trig.token.i)
    for owner, found in sorted(wanted.items()):
        # Several dates hung on one verb: it keeps the one after it ("earned X ... in 1988");
        # one before it goes to an earlier trigger that has none ("Born ... in 1967, he earned").
        # Dates inside a relative clause below the verb are that clause's ("joined X in 1989,
        # where she held a chair until 2006"); then the date after the verb is its own.
        # A date only inside a relative clause is never the verb's ("appointed director of the
        # Opera, where his First Symphony was heard in November 1889").
        found = [f for f in found if not _where_clause(span.doc[f[1]], owner)
                 and not _later_participle(span.doc[f[1]], owner, f[0])]
        if not found:
            continue
        direct = [f for f in found if not through_clause(span.doc[f[1]], owner)] or found
        # "made his debut in 1989, and in 1992 moved on to Bordeaux": the date the parse hangs
        # on the verb before one it was only given for want of another owner
        direct = [f for f in direct if id(f[0]) in hung] or direct
        # "married Baumbach, her partner since the early 2010s, in December 2023": a "since"
        # date is a state's beginning; another date is the event's
        direct = [f for f in direct if not _since(span.doc[f[1]], owner)] or direct
        if all(_since(span.doc[f[1]], owner) for f in direct) and not _perfect(span.doc[owner]):
            continue  # "She married X, her partner since 2010": no simple past lasts "since"
        # a written date before a counted one ("In 1976 he received X, and the following
        # year ...": the counted year is the next clause's, however the parser hung it)
        direct = [f for f in direct if not RELATIVE_TEXT.search(f[0].text)] or direct
        # "married Al Joyner, the 1984 Olympic triple jump champion": a year that describes
        # the object is not the verb's
        direct = [f for f in direct if not _describing_year(span.doc[f[1]])] or direct
        # ("he published X, a novel about ... in 1920s Ilhéus": the story's decade)
        direct = [f for f in direct if not _setting_decade(span.doc[f[1]])] or direct
        # (not past a semicolon: "On 16 March 1905 he married X; the couple ... divorced in
        # 1924" -- the later clause's date is its own)
        after = [f for f in direct if f[1] > owner and ";" not in span.doc[owner : f[1]].text] \
            or direct
        owned.setdefault(owner, after[0][0])
        for tx, at in found:
            if tx is owned[owner] or at > owner:
                continue  # ("led it from 2002 until it closed in 2010": both are the verb's)
            other = preceding_owner(span, triggers, owned, at, strict=False)
            if other is not None:
                owned[other] = tx
    for owner, tx in list(owned.items()):
        tok = span.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if tok is not None and owner > tok.start and len(wanted.get(owner, [])) == 1 and \
                owner not in clauses_on_dates:
            other = preceding_owner(span, triggers, owned, tok.start)
            if other is not None:
                del owned[owner]
                owned[other] = tx
    _fronted_citizenship(ctx, span, triggers, owned)
    by_token = {t.token.i: t for t in triggers}
    for trig in triggers:
        # "awarded him the Medal of Freedom, presented by Obama at the White House in 2014":
        # the presentation set off after the honour dates the award
        tok = trig.token
        head = tok.head
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_ in _PRESENTED and \
                tok.i in owned and head.dep_ in ("dobj", "dative", "nsubjpass") and \
                head.head.i not in owned and (award := by_token.get(head.head.i)) is not None \
                and award.predicate == "award":
            owned[head.head.i] = owned[tok.i]
    for trig in triggers:
        # "He has been a member of X since 1996": the copula's date is the membership's
        head = trig.token.head
        if trig.predicate == "member" and trig.token.dep_ == "attr" and head.i in owned and \
                trig.token.i not in owned and head.lemma_ == "be":
            owned[trig.token.i] = owned[head.i]
    return owned


_PRESENTED = frozenset({"present", "hand", "confer", "bestow", "give", "deliver"})


def _fronted_citizenship(ctx: ClaimContext, span: Span, triggers: list[Trigger],
                         owned: dict[int, Timex]) -> None:
    """"In 1968, ..., the family moved to Toronto and Jacobs became a Canadian citizen": a date
    that opens the sentence frames a citizenship told in a coordinated clause."""
    fronted = next((tx for tx in timexes_in(ctx, span.start_char, span.end_char)
                    if tx.start - span.start_char <= 8 and tx.type == "DATE"), None)
    if fronted is None:
        return
    for trig in triggers:
        verb = trig.token.head if trig.token.dep_ == "attr" else trig.token
        if trig.predicate == "citizen" and trig.token.i not in owned and \
                verb.dep_ in ("conj", "advcl", "ROOT") and \
                not any(c.dep_ == "mark" for c in verb.children):
            owned[trig.token.i] = fronted


def _describing_year(tok: Token) -> bool:
    """A year modifying a noun set off after a name ("X, the 1984 Olympic champion")."""
    noun = tok.head
    return tok.dep_ in ("nummod", "compound", "amod") and noun.pos_ == "NOUN" and \
        noun.dep_ == "appos" and any(c.dep_ == "det" for c in noun.children)


def _perfect(verb: Token) -> bool:
    """"has been married since", "had lived there since": a perfect, which "since" goes with
    (as does a present: "is married since" in some usage, and a role "serves since")."""
    return verb.tag_ in ("VBZ", "VBP", "VBG") or any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _since(tok: Token, owner: int) -> bool:
    """The date is the object of a "since" that hangs on the owner verb itself (not "Since
    joining X in 2013, he has ...": there "in" governs the date)."""
    while tok.i != owner and tok.head.i != tok.i:
        if tok.dep_ == "prep":
            return tok.lower_ == "since" and tok.head.i == owner
        tok = tok.head
    return False


_PERSON_OR_PLACE_RELATIVE = frozenset({"where", "who", "whom", "whose"})


_NEXT_YEAR = re.compile(r"the\s+(?:following|next|previous|preceding)\s+year", re.I)


def _date_clause(ctx: ClaimContext, span: Span, verb: Token) -> Timex | None:
    if verb.dep_ != "relcl":
        return None
    head = verb.head
    # (a written year, or "the same year", "the following year" resolved in its sentence,
    # not a bare "the year"; from every dated timex: timexes_in drops a relative one beside
    # a written year)
    return next((t for t in ctx.timexes
                 if t.start <= head.idx < t.end and t.type in DATED_TYPES
                 and t.value[:1].isdigit()
                 and (YEAR.search(t.text) or SAME_YEAR.fullmatch(t.text.strip())
                      or _NEXT_YEAR.fullmatch(t.text.strip()))), None)


def _copula_noun(date: Token, trigger_ids: set[int]) -> int | None:
    """"He was among the founders of X in 1971": a date on a copula is that of the one event
    noun its clause names (not of a verb in a clause conjoined to it)."""
    # (only "in 1971" on the copula itself: not a name's bracketed life dates)
    if date.dep_ != "pobj" or date.head.dep_ != "prep":
        return None
    verb = date.head.head
    if verb.lemma_ not in ("be", "become"):  # ("became a citizen of X in 1882" too)
        return None
    own = [t.i for c in verb.children if c.dep_ in ("prep", "attr")
           for t in c.subtree if t.i in trigger_ids and _noun_under(t, verb)]
    return own[0] if len(own) == 1 else None


def _noun_under(noun: Token, verb: Token) -> bool:
    """"was among the founders": an event noun the copula reaches by "attr"/"prep" only."""
    if noun.pos_ != "NOUN":
        return False
    while noun.i != verb.i:
        if noun.dep_ not in ("attr", "prep", "pobj") or noun.head.i == noun.i:
            return False
        noun = noun.head
    return True


def _means_below(date: Token, trigger_ids: set[int]) -> int | None:
    """"marked the honour that year by founding the Medal": the date of a verb that makes no
    claim is that of the one thing it was done by."""
    verb = date.head
    if date.dep_ not in ("npadvmod", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    if date.dep_ == "pobj":  # "in 1988"
        verb = verb.head
    means = [g.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
             for g in c.children if g.dep_ == "pcomp" and g.i in trigger_ids]
    return means[0] if len(means) == 1 else None


def _where_clause(node: Token, owner: int) -> bool:
    """Is the date inside a "where ..." clause below the verb (another event at that place)?"""
    doc = node.doc
    if owner < node.i and any(doc[i].lower_ == "where" and doc[i - 1].text == ","
                              for i in range(owner + 1, node.i)):
        return True  # by the words too: the parser may hang the clause's verb on the main one
    for _ in range(12):
        if node.i == owner or node.head.i == node.i:
            return False
        if node.dep_ == "relcl" and any(d.lower_ in _PERSON_OR_PLACE_RELATIVE
                                        for d in node.subtree if d.i < node.i):
            # "..., where his First Symphony was heard in 1889", "studied under Kurt Jooss,
            # whose ballet had made his name in 1932": the clause's own event
            return True
        node = node.head
    return False


def through_clause(
    node: Token, owner: int, deps: tuple[str, ...] = ("relcl", "acl", "advcl", "ccomp")
) -> bool:
    for _ in range(12):
        if node.i == owner or node.head.i == node.i:
            return False
        if node.dep_ in deps:
            return True
        node = node.head
    return False


def owner_above(node: Token, trigger_ids: set[int]) -> int | None:
    start = node.i
    for _ in range(12):
        if node.i in trigger_ids:
            return node.i
        if node.head.i == node.i or _own_clause(node) or _fronted_in_conjunct(node, start) or \
                _own_statement(node):
            # "..., and in Denmark she was given Y in 2012", "joined X and in 1996 followed
            # Summers to Y": the date is that clause's
            return None
        node = node.head
    return None


def _fronted_in_conjunct(verb: Token, date: int) -> bool:
    """A conjoined verb whose own clause opens with the date ("and in 1996 followed ...")."""
    return verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and \
        verb.head.i < date < verb.i


def _own_clause(verb: Token) -> bool:
    """A conjoined clause with a subject of its own ("..., and she was given Y"), or a perfect
    participle's ("she serves on the board, having bought a stake in it in 2015")."""
    perfect = verb.dep_ == "advcl" and verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ == "having" for c in verb.children)
    return perfect or verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _own_statement(verb: Token) -> bool:
    """"The 2008 constitution bars X, so Y became president": the parser hangs a statement with
    a subject of its own under the trigger's verb; its date is not the trigger's."""
    return verb.dep_ == "ccomp" and verb.pos_ == "VERB" and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def main_clause(token: Token) -> bool:
    """Not inside a relative or adverbial clause ("..., where he completed a degree")."""
    node = token
    for _ in range(8):
        if node.dep_ in ("relcl", "advcl", "ccomp", "acl"):
            return False
        if node.head.i == node.i:
            return True
        node = node.head
    return True


def preceding_owner(
    span: Span,
    triggers: list[Trigger],
    owned: dict[int, Timex],
    timex_i: int,
    strict: bool = True,
) -> int | None:
    """ "joining X in 2013 to lead Y": a date right after a trigger's object belongs to it,
    not to the later verb the parser hung it on, unless a clause break comes between."""
    before = [t.token.i for t in triggers if t.token.i < timex_i and t.token.i not in owned]
    if not before:
        return None
    between = span.doc[before[-1] + 1 : timex_i]
    # "The honours did not stop with her death: in 1998 she was inducted": a colon opens
    # another statement
    if strict and any(t.lower_ in CLAUSE_BREAKS or t.text == ":" for t in between):
        return None
    return before[-1]


# "since Dorothy Hodgkin in 1964": the keyword, a name and the date, nothing else between
_COMPARED = re.compile(r"\b(?:since|like|unlike|than|after|before|following)\s+"
                       r"(?=(?:[A-Z][\w.'’-]*\s+){1,4}(?:in|on)\s+$)")


# "after Marie Curie in 1903 and Maria Goeppert Mayer in 1963": the list goes on
_COMPARED_LIST = re.compile(r"\b(?:since|like|unlike|than|after|before|following)\s+"
                            r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:in|on)\s+\d{4},?\s+(?:and\s+)?"
                            r"(?=(?:[A-Z][\w.'’-]*\s+){1,4}(?:in|on)\s+$)")


def _someone_elses(ctx: ClaimContext, tx: Timex) -> bool:
    """"(since Dorothy Hodgkin in 1964)", "the poet Ai Qing (1910–1996)": a bracketed date
    that goes with another person, inside the brackets or just before them."""
    text = ctx.article.text
    opened = text.rfind("(", max(0, tx.start - 80), tx.start)
    closed = text.find(")", tx.end, tx.end + 40)
    if opened < 0 or ")" in text[opened : tx.start] or closed < 0:
        # ", since Dorothy Hodgkin in 1964": a comparison with someone else's date
        since = list(_COMPARED.finditer(text, max(0, tx.start - 60), tx.start)) or list(
            _COMPARED_LIST.finditer(text, max(0, tx.start - 120), tx.start))
        if not since:
            return False
        opened, closed = since[-1].start(), tx.start
    return any((opened < m.start < closed or not text[m.end : opened].strip())
               and m.label == "person" and m.end <= closed
               and not (ctx.subject and ctx.subject.matches(m))
               for m in ctx.mention_at.values())


def _life_bracket(ctx: ClaimContext, tx: Timex) -> tuple[int, int] | None:
    """"Wangari Maathai (1 April 1940 – 25 September 2011) was ... the founder of X": the
    subject's life dates in brackets after the name (their span), which date only what is
    said inside them ("(born 1939, Los Angeles)")."""
    text = ctx.article.text
    opened = text.rfind("(", max(0, tx.start - 40), tx.start)
    closed = text.find(")", tx.end, tx.end + 60)
    if opened < 0 or closed < 0 or ")" in text[opened : tx.start] or ctx.subject is None:
        return None
    named = any(m.label == "person" and ctx.subject.matches(m) and m.end <= opened
                and not text[m.end : opened].strip() for m in ctx.mention_at.values())
    return (opened, closed) if named else None


def _later_participle(tok: Token, owner: int, tx: Timex) -> bool:
    """"entered the Academy, qualifying as a physician four years later": a counted date in a
    participle clause after the verb is the participle's event."""
    if not RELATIVE_TEXT.search(tx.text):
        return False
    node = tok
    for _ in range(8):
        if node.i == owner or node.head.i == node.i:
            return False
        if node.tag_ == "VBG" and node.dep_ in ("advcl", "xcomp", "conj") and node.i > owner:
            return True
        node = node.head
    return False


def _complement_owner(date_root: Token, trigger_ids: set[int]) -> int | None:
    """"India made him the first recipient of the prize in 1983" (the date on "made" is the
    honour's); "It was in 1988 that she married X" (a cleft: the date is the clause's)."""
    verb = date_root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    cleft = verb.lemma_ == "be" and any(c.lower_ == "it" and c.dep_ in ("nsubj", "expl")
                                        for c in verb.children)
    for c in verb.children:
        if c.i not in trigger_ids or c.dep_ not in ("ccomp", "oprd", "xcomp"):
            continue
        if verb.lemma_ in ("make", "name") or cleft and any(
                m.lower_ == "that" and m.dep_ == "mark" for m in c.children):
            return c.i
    return None


def _other_clause(date_root: Token, trigger: Token) -> bool:
    """"Raiders followed in 1981, and E.T. brought him another Oscar": the date is the verb's
    before the trigger, and the trigger is a conjoined clause with a subject of its own."""
    verb = date_root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.i != trigger.i and verb.head.i == trigger.i and (
            _own_clause(verb) or _own_statement(verb) or _fronted_in_conjunct(verb, date_root.i)):
        # "In 2008 she received X, and she was given Y in 2012": 2012 is Y's; so is 1996 in
        # "joined X and in 1996 followed Summers to Y"
        return True
    return verb.i != trigger.i and trigger.head.i == verb.i and _own_clause(trigger)


LATER_WORDS = frozenset({"later", "afterwards", "afterward", "subsequently", "eventually",
                         "thereafter", "then"})


def _setting_decade(tok: Token) -> bool:
    """A decade written before a place's name ("1920s Ilhéus"): when a story is set."""
    return bool(re.fullmatch(r"(?:1[5-9]|20)\d0s", tok.text)) and tok.i + 1 < len(tok.doc) \
        and tok.doc[tok.i + 1].pos_ == "PROPN"


def inherited_time(span: Span, trig: Trigger, owned: dict[int, Timex]) -> Timex | None:
    """A clause with no date of its own shares its governor's ("while at X", "to lead Y"), or
    that of a date just before it with no clause break between ("... in 2013 to lead Y")."""
    if trig.inherits and owned:
        return next(iter(owned.values()))
    node = trig.token
    head = finite_governor(node) or node.head
    if any(c.lower_ in LATER_WORDS and (c.i < node.i or c.lower_ != "then")
           for c in node.children):
        return None  # "In 1950 he married X, and the two later set up Y": not in 1950
    first = head
    while node.dep_ == "conj" and first.dep_ == "conj" and first.head.i != first.i and \
            first.i not in owned and first.pos_ in ("VERB", "AUX"):
        first = first.head  # "In 1955 he stood down, was created Earl and was made a Knight"
    if node.dep_ == "conj" and first.i in owned and owned[first.i].start < first.idx:
        # "In 2011 she received X and was named Y": a fronted date frames both verbs.
        return owned[first.i]
    if node.pos_ == "NOUN":
        # "The year 1995 brought the Pritzker Prize and the opening of X": an event noun in
        # the dated verb's object list shares the verb's date
        obj = node
        while obj.dep_ == "conj" and obj.head.i != obj.i:
            obj = obj.head
        if obj.dep_ == "pobj" and obj.head.dep_ in ("dative", "prep"):
            obj = obj.head  # "brought his marriage to Alma and the premiere of X": misparsed
        if obj.dep_ in ("dobj", "dative") and obj.head.i in owned:
            return owned[obj.head.i]
    for _ in range(4):
        if node.dep_ not in EMBEDDED_DEPS | {"attr"} or node.head.i == node.i:
            break
        # (a copula's own date is not its complement's: "He is the co-founder of X, and was
        # ranked ... in the late 2010s")
        copula = node.dep_ == "attr"
        node = node.head
        if node.i in owned and not copula:
            return owned[node.i]
    if node is not trig.token and node.dep_ == "conj" and node.head.i in owned and \
            owned[node.head.i].start < node.head.idx and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        # "In 1921 she joined X and was soloist at the premiere of Y": the fronted date
        # frames the second clause's event too
        return owned[node.head.i]
    before = [tx for tx in owned.values() if tx.end <= trig.token.idx]
    if not before:
        return None
    nearest = max(before, key=lambda tx: tx.end)
    gap = span.doc.char_span(nearest.end, trig.token.idx, alignment_mode="expand")
    if gap is not None and any(t.lower_ in CLAUSE_BREAKS for t in gap):
        return None
    if gap is not None and any(t.text == ")" for t in gap):
        return None  # "Thompson (born February 4, 1943) is a computer scientist who designed"
    return nearest


def timexes_in(ctx: ClaimContext, start: int, end: int) -> list[Timex]:
    dated = [
        t
        for t in ctx.timexes
        if start <= t.start < end and t.type in DATED_TYPES and t.value[:1].isdigit()
    ]
    # "Three years later ... between the 2002 French Open and ...": the counted date is the
    # sentence's frame, the written years are its events'.
    # Per clause of a ";"-joined sentence: "... in 1971; Mallowan had been knighted three
    # years earlier" keeps the second clause's own (relative) date.
    text = ctx.article.text
    out: list[Timex] = []
    # A relative date after a written one counts from it ("In 1960 he won X, and the
    # following year he took up Y"): both stay.
    for part in _semicolon_parts(dated, text):
        absolute = [t for t in part if not RELATIVE_TEXT.search(t.text)]
        out.extend([t for t in part if t in absolute or absolute[0].start < t.start]
                   if absolute else part)
    return out


def _semicolon_parts(timexes: list[Timex], text: str) -> list[list[Timex]]:
    parts: list[list[Timex]] = []
    for t in sorted(timexes, key=lambda t: t.start):
        if parts and ";" not in text[parts[-1][-1].end : t.start]:
            parts[-1].append(t)
        else:
            parts.append([t])
    return parts


def label_timex(ctx: ClaimContext, block: Block) -> Timex | None:
    return next(iter(timexes_in(ctx, block.start, block.start + len(block.date_label or ""))), None)


def sentence_present(ctx: ClaimContext, span: Span, start: int, end: int) -> bool:
    if any(t.lower_ in PRESENT_MARKERS for t in span) or PRESENT_PHRASES.search(span.text):
        return True
    return any(t.value == "PRESENT_REF" for t in ctx.timexes if start <= t.start < end)


def ongoing(token: Token, time: Timex | None) -> bool:
    """ "Since 2005 she has served as Chancellor": the present perfect with "since" says the
    role still holds."""
    if time is None or time.mod not in ("ON_OR_AFTER", "START") and not _after_since(token, time):
        return False
    # ("He serves as X, a post he has held since 2021": the simple present says it too)
    return token.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in token.children
    )


def _after_since(token: Token, time: Timex) -> bool:
    # Doc.text joins every token on each access: look at the token before the date instead.
    at = token.doc.char_span(time.start, time.start + 1, alignment_mode="expand")
    return at is not None and at.start > 0 and token.doc[at.start - 1].lower_ == "since"


def marked_present(window: list[Token]) -> bool:
    """A "now"/"currently" in the claim's own words; "(now Meta)" renames, it does not date."""
    for tok in window:
        if tok.lower_ in PRESENT_MARKERS and not (tok.i > 0 and tok.doc[tok.i - 1].text == "("):
            return True
    text = " ".join(t.text for t in window)
    return bool(PRESENT_PHRASES.search(text))


_SINGULAR_PRONOUNS = frozenset({"he", "she", "it"})


def is_present(token: Token) -> bool:
    if token.tag_ == "VBZ":
        return True
    if token.tag_ == "VBP":
        # "suggested he spend a summer at elBulli": with "he" the present is "spends"; this is
        # the subjunctive of a past request
        return not any(c.dep_ == "nsubj" and c.lower_ in _SINGULAR_PRONOUNS
                       and not any(g.dep_ == "conj" for g in c.children)  # not "he and she"
                       for c in token.children)
    if token.pos_ == "NOUN" and token.dep_ in ("attr", "acomp", "oprd") and \
            token.head.lemma_ in ("be", "remain") and token.head.tag_ in ("VBZ", "VBP"):
        return True  # "She also remains a member of the Bundestag", "is still a member of X"
    if token.dep_ == "xcomp" and token.head.lemma_ == "continue" and is_present(token.head):
        return True  # "He continues to serve as chairman"
    if token.dep_ == "acl" and token.tag_ == "VBN" and any(
            c.dep_ == "agent" for c in token.children) and token.head.dep_ == "attr":
        # "Today it is the Sanger Institute, directed by Allan Bradley": the body as it is now
        copula = token.head.head
        return copula.lemma_ == "be" and copula.tag_ in ("VBZ", "VBP") and any(
            c.lower_ in ("today", "now", "currently") for c in copula.children)
    return any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") and c.lemma_ != "have"
        for c in token.children
    )


_AND_BETWEEN = re.compile(r"\band\b")
_BEFORE_NAME = re.compile(r"[\s,]*(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?")


def conjunct_date(ctx: ClaimContext, obj: Mention | None, time: Timex | None) -> Timex | None:
    """"won the prize at Cannes in 1961 and, in April 1962, the Academy Award": a date that
    opens the object's own conjunct, after the verb's first date, is the object's."""
    if obj is None or time is None or time.end > obj.start:
        return None
    text = ctx.article.text
    for tx in timexes_in(ctx, time.end, obj.start):
        if tx.start >= time.end and _AND_BETWEEN.search(text, time.end, tx.start) and \
                _BEFORE_NAME.fullmatch(text, tx.end, obj.start) and \
                tx.precision in ("year", "month", "day"):
            return tx
    return None


def gapped_date(ctx: ClaimContext, obj: Mention | None, time: Timex | None) -> bool:
    """A date that opens a second object of the same verb, after the claim's own object."""
    if obj is None or time is None or time.start < obj.end:
        return False
    if not re.search(r",?\s+and\s+(?:in|on|by)\s+$", ctx.article.text[obj.end : time.start]):
        return False
    after = ctx.doc.char_span(time.end, len(ctx.article.text), alignment_mode="expand")
    nxt = next((t for t in after if not t.is_space), None) if after is not None else None
    return nxt is not None and nxt.pos_ in ("DET", "PROPN", "NOUN", "ADJ") and nxt.lower_ not in (
        "he", "she", "they")


_TITLED = frozenset({"work", "organization", "award", "other", "position"})


def unnamed_works_year(ctx: ClaimContext, obj: Mention | None, time: Timex | None) -> bool:
    """"an adaptation of the 1955 novel by C. S. Lewis": a year on a kind of work that the
    claim's name is not (nor described by) dates that other work."""
    if time is None:
        return False
    span = ctx.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    year = span.root
    noun = year.head
    if year.dep_ not in ("nummod", "compound", "amod") or noun.lemma_.lower() not in KIND_OF_WORD:
        return False
    if obj is None:
        return True
    inside = noun.left_edge.idx <= obj.start < noun.right_edge.idx + len(noun.right_edge)
    return not inside and not obj.start <= noun.head.idx < obj.end


def apposed_works_year(ctx: ClaimContext, obj: Mention | None, time: Timex | None) -> bool:
    """"The Departed, a 2006 reworking of Infernal Affairs, brought him the Academy Award": a
    year in the description set off after a work's name is that work's, not the claim's."""
    if time is None:
        return False
    span = ctx.doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in ("nummod", "compound", "amod"):
        return False
    noun = span.root.head
    named = ctx.mention_at.get(noun.head.i) if noun.dep_ == "appos" else None
    return named is not None and named.label == "work" and (obj is None or obj.kb_id is None
                                                             or named.kb_id != obj.kb_id)


def other_names_year(ctx: ClaimContext, obj: Mention | None, time: Timex | None) -> bool:
    """"built beside the offices of the Lumen Fund of 1968", "the National Stadium of 1958":
    a year after another name's "of" is that name's, not the claim's; so is one in brackets
    right after it ("brought X and Death of a Ladies' Man (1977)")."""
    if time is None:
        return False
    text = ctx.article.text
    for m in ctx.mentions:
        if not m.kb_id or m.label not in _TITLED or (obj is not None and m.kb_id == obj.kb_id):
            continue
        after = m.end <= time.start and re.fullmatch(r"\s+of\s+", text[m.end : time.start])
        inside = m.start < time.start < m.end and re.search(r"\sof\s+$", text[m.start : time.start])
        bracketed = m.end <= time.start and re.fullmatch(r"\s*\(\s*", text[m.end : time.start]) \
            and text[time.end : time.end + 1] == ")"
        if after or inside or bracketed:
            return True
    return False


def named_dates_removed(
    timexes: list[Timex], mentions: list[Mention], sentences: Sequence[tuple[int, int]] = (),
    text: str = "",
) -> list[Timex]:
    """Without the date words that are part of a linked title ("the Winter Suite", "Four
    Seasons Hotel"): a season or a month in a name dates nothing. A year inside a name
    ("the 2010 World Cup") is kept, it says when, unless the sentence gives another date
    ("1996: Founds the Forum 2000 conference") and the name is not itself a time ("DBE in the
    2019 New Year Honours")."""
    names = [(m.start, m.end) for m in mentions if m.kb_id and m.label in _TITLED]

    def named(t: Timex) -> bool:
        return any(t.start < b and a < t.end for a, b in names)

    def as_time(t: Timex) -> bool:
        return any(t.start < b and a < t.end and _IN_THE.search(text, max(0, a - 8), a)
                   for a, b in names)

    def written(t: Timex) -> bool:
        return any(c.isdigit() for c in t.text)

    def dated_elsewhere(t: Timex) -> bool:
        sentence = next(((s, e) for s, e in sentences if s <= t.start < e), None)
        return sentence is not None and any(
            o is not t and sentence[0] <= o.start < sentence[1] and written(o) and not named(o)
            for o in timexes)

    return [t for t in timexes
            if not named(t) or written(t) and (as_time(t) or not dated_elsewhere(t))]


_IN_THE = re.compile(r"\bin\s+(?:the\s+)?$", re.I)
