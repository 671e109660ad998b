"""What a claim is about: the words a trigger governs and the names among them."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from analysis.claim_context import (
    AWARD_VERBS,
    WITH_WORDS,
    ClaimContext,
)
from analysis.claim_subject import recipients_after_to, subject_token
from analysis.components.text import doc_text
from analysis.models import Mention
from analysis.subject import ProfileSubject
from analysis.triggers import Trigger, verb_lemma
from analysis.vocabulary import (
    BOARD_WORDS,
    DEGREE_NOUNS,
    DEGREE_WORDS,
    PREDICATES,
    ROLE_NOUNS,
    VENUE,
)


def speech_tokens(span: Span, mention_at: dict[int, Mention]) -> set[int]:
    """Tokens of quoted speech (six words or more). A shorter quotation may be a title, and so
    is one that a KB name covers almost whole ("On Computable Numbers, with an ...")."""
    inside: set[int] = set()
    text = span.text
    if '"' not in text and "“" not in text and "”" not in text:
        return inside  # most sentences quote no one
    run: list[int] = []
    quote = False
    for tok in span:
        if tok.text in '“”"':
            named = sum(1 for i in run if getattr(mention_at.get(i), "kb_id", None))
            if (
                quote
                and sum(1 for i in run if span.doc[i].is_alpha) >= 6
                and named < 0.8 * len(run)
            ):
                inside.update(run)
            quote, run = not quote, []
        elif quote:
            run.append(tok.i)
    return inside


def unversioned(doc: Doc, m: Mention) -> Mention:
    """ "Python 1.0" where the KB knows only Python: the release is not the language, so the
    name is left unlinked rather than checked against the language's dates."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or not m.kb_id:
        return m
    nxt = doc[span.end]
    if nxt.like_num and ("." in nxt.text or len(nxt.text) <= 2) and not nxt.whitespace_ == "":
        return replace(
            m, text=f"{m.text} {nxt.text}", end=nxt.idx + len(nxt.text), kb_id=None, kb_label=None
        )
    return m


def trigger_window(span: Span, trig: Trigger, triggers: list[Trigger]) -> list[Token]:
    """The trigger's subtree minus the subtrees of the triggers below it.

    Fragments parse poorly, so a trigger hanging off a noun or preposition takes the words up to
    the next trigger instead.
    """
    others = {t.token.i for t in triggers if t is not trig}
    tokens: list[Token] = []
    stack = [trig.token]
    while stack:
        tok = stack.pop()
        tokens.append(tok)
        stack.extend(c for c in tok.children if c.i not in others and span.start <= c.i < span.end
                     and not _own_clause(c))
    if (
        (trig.token.dep_ in ("ROOT", "conj", "advcl", "xcomp", "acl", "relcl", "pcomp", "acomp")
         # ("In 1910, the year her first collection, Evening, appeared, she married": a clause)
         or trig.token.dep_ == "ccomp" and trig.token.pos_ == "VERB")
        and len(tokens) > 1
    ):
        return sorted(tokens, key=lambda t: t.i)
    if trig.token.dep_ == "pcomp" and trig.token.tag_ == "VBG":
        return tokens  # "Within days of graduating he was with X": a bare gerund, no object
    later = [t.token.i for t in triggers if t.token.i > trig.token.i]
    stop = min(later) if later else span.end
    # "first 24 Hours of Le Mans victory": a noun's own name modifiers come before it
    first = min((c.left_edge.i for c in trig.token.lefts if c.dep_ in ("compound", "nmod")),
                default=trig.token.i)
    return list(span.doc[max(first, span.start) : stop])


def _own_clause(tok: Token) -> bool:
    """A clause with a subject of its own ("..., when he presented it at the Newton Institute"):
    its names are its own event's, not the trigger's."""
    # (a verb's: "made her a professor" keeps its complement)
    return (tok.dep_ in ("relcl", "advcl") or tok.dep_ == "ccomp" and tok.pos_ in (
        "VERB", "AUX")) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def mentions_in(ctx: ClaimContext, window: list[Token]) -> list[Mention]:
    seen: list[Mention] = []
    for tok in window:
        m = ctx.mention_at.get(tok.i)
        if m is not None and m not in seen:
            seen.append(m)
    return seen


# Prepositions under which a name is the setting of an act, not what it made or founded.
SETTING_PREPS = frozenset(
    {"at", "in", "during", "for", "under", "with", "from", "to", "on", "within", "by", "into", "of",
     "aboard"}
)
# Prepositions that put a name in another event ("After posts at X, she joined Y").
OTHER_EVENT_PREPS = frozenset({"after", "before", "following", "prior", "until", "since"})
WORK_PREDICATES = frozenset({"created", "founded", "released"})


def path_preps(trig: Trigger, mention: Mention) -> set[str] | None:
    """The prepositions between the mention and the trigger in the parse (None: not reached)."""
    doc = trig.token.doc
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    node, preps = span.root, set()
    for _ in range(8):
        if node.i == trig.token.i:
            return preps
        if node.dep_ in ("prep", "agent", "dative") or node.pos_ == "ADP":
            preps.add(node.lower_)
        if node.dep_ == "advcl":  # "until X removed him": the clause's marker, like a preposition
            preps.update(c.lower_ for c in node.children if c.dep_ == "mark")
        if node.head.i == node.i:
            break
        node = node.head
    before = doc[span.start - 1] if span.start > 0 else None
    return {before.lower_} if before is not None and before.pos_ == "ADP" else None


def reported_or_possessor(trig: Trigger, mention: Mention) -> bool:
    """ "wrote that discarding the Voting Rights Act's requirement ...": a name inside what was
    said, or one that only owns another noun, is not what the verb made."""
    doc = trig.token.doc
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    if node.dep_ == "poss":
        return True
    for _ in range(8):
        if node.i == trig.token.i or node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "csubj"):
            return True
        node = node.head
    return False


def rank_objects(trig: Trigger, objects: list[Mention]) -> list[Mention]:
    """Names attached to the trigger first, then those after it; names inside another event's
    phrase ("after posts at X") are dropped."""
    ranked: list[tuple[int, int, Mention]] = []
    for m in objects:
        preps = path_preps(trig, m)
        if preps and preps & OTHER_EVENT_PREPS:
            continue
        score = (2 if preps is not None else 0) + (1 if m.start > trig.token.idx else 0)
        ranked.append((-score, m.start, m))
    return [m for _, _, m in sorted(ranked, key=lambda x: (x[0], x[1]))]


def _after_partner(trig: Trigger, m: Mention) -> bool:
    """"co-founded, with Cesare Pavese, the literary journal Il menabò": the parser hangs the
    object on the partner set off by commas, as an apposition."""
    doc = trig.token.doc
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(4):
        if node.dep_ == "appos" and node.head.dep_ != "appos":  # (the outermost apposition)
            partner = node.head
            prep = partner.head
            return partner.dep_ == "pobj" and prep.lower_ == "with" and prep.head.i == \
                trig.token.i and doc[node.left_edge.i - 1].text == ","
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _verbs_object(trig: Trigger, m: Mention) -> bool:
    """The verb's direct object, with no number in its phrase ("an 1851 Exhibition
    Scholarship" is a scholarship's name, and its year no date of the award)."""
    span = trig.token.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "dobj" and span.root.head.i == trig.token.i \
        and not any(t.like_num for t in span.root.subtree) \
        and not any(t.like_num for t in span.doc[span.end : span.end + 1])  # "Ford 1600 title"


_WHAT_IS_NOW = re.compile(r"\bwhat (?:is|was) (?:now|then|today)\b[^,;.]*$")


def pick_object(
    objects: list[Mention], predicate: str, trig: Trigger, subject: ProfileSubject | None
) -> Mention | None:
    wanted = PREDICATES[predicate][1]
    candidates = [m for m in objects if not (subject and subject.matches(m))]
    noun = trig.token if trig.token.pos_ == "NOUN" else next(
        (c for c in trig.token.children if c.dep_ in ("attr", "oprd")), None)
    if predicate == "citizen" and noun is not None:
        # "Becomes a French citizen and sails for New York": the adjective on "citizen"
        doc = trig.token.doc
        own = [m for m in candidates if any(
            t.head.i == noun.i and t.dep_ in ("amod", "compound")
            for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ())]
        if own:
            return own[0]
    if predicate in WORK_PREDICATES:
        # ("the opening of the Chichu Art Museum": an event noun's "of" names what opened)
        # ("designed the glass facade of Harpa": the part made is of the work)
        candidates = [m for m in candidates if (not (path_preps(trig, m) or set()) & SETTING_PREPS
                      or _after_partner(trig, m)
                      or (trig.token.lemma_ in _EVENT_NOUNS or _made_part(trig)
                          or trig.token.lemma_.lower() in _MAKER_NOUNS)
                      and path_preps(trig, m) == {"of"})
                      and not reported_or_possessor(trig, m)]
    if predicate == "award":
        # "won the 200 metres at the World Junior Championships": the event is the setting
        # ("won 91 caps for Argentina": the team it was for is no award either)
        # (but "his only victory in the Vuelta": the race the noun names is what was won)
        won = trig.token.pos_ == "NOUN" and trig.token.lemma_.lower() in ("victory", "win")
        candidates = [m for m in candidates
                      if not (path_preps(trig, m) or set()) & {"at", "in", "during", "for"}
                      or won and path_preps(trig, m) <= {"at", "in"}]
    if predicate == "position" and trig.role is not None and verb_lemma(trig.token) != "hold":
        # "led Alphabet", not "ran the mile at the University of Oregon": a leadership verb's
        # organisation is its direct object.
        # ("chairs the board of Gavi": the organisation of the thing led counts too; "holds a
        # professorship at X" names the post, not the organisation: that follows "at")
        # ("presides over the club": the body is after "over")
        direct = (set(), {"of"}, {"over"}) if trig.token.lemma_ == "preside" else (set(), {"of"})
        candidates = [m for m in candidates if path_preps(trig, m) in direct]
    if predicate == "position":
        # "became the architect of its overhaul: ..., the merger with Quaker Oats": past a colon
        # the names are what was done, not where
        candidates = [m for m in candidates
                      if not _past_colon(trig.token, m)]
        # The employer is the organisation after "at" or the verb's object; a department named
        # in the role ("head of the X Department") is not. Known names first, then in order.
        orgs = [
            m for m in candidates if m.label == "organization" or (m.kb_id and m.label == "other")
        ]
        doc = trig.token.doc
        orgs.sort(key=lambda m: (preposition_before(doc, m) == "of", m.kb_id is None))
        if not orgs:
            # "was named Time's Person of the Year": an honour, checked as an award; "serves in
            # the Georgia State Senate" names the post itself (a KB position)
            return next((m for m in candidates if m.label == "award"), None) or next(
                (m for m in candidates if m.label == "position" and m.kb_id), None)
        return orgs[0]
    # A KB entity typed "other" (a Wikidata class the importer does not map) may still be the
    # organisation; names the KB knows go before names it does not.
    if predicate == "studied":  # "graduated with a Bachelor of Science": the degree, no school
        candidates = [m for m in candidates if not _DEGREE_NAME.search(m.text)]
    typed = [
        m
        for m in candidates
        if m.label in wanted
        or (
            m.kb_id
            and m.label == "other"
            and "organization" in wanted
            and m.text.lower().rstrip(".") not in DEGREE_WORDS | DEGREE_NOUNS
            # (not "attended the trial of Adolf Eichmann": an event named in lower case)
            and not m.text[:1].islower()
        )
    ]
    typed.sort(key=lambda m: m.kb_id is None)
    if predicate in ("born", "died"):
        # "born in Musoma, in what is now the Mara Region of northern Tanzania": the town, before
        # the places that say where it lies now (or lay then)
        text = doc_text(trig.token.doc)
        typed.sort(key=lambda m: bool(_WHAT_IS_NOW.search(text, max(0, m.start - 60), m.start)))
    if typed:
        return typed[0]
    if predicate in WORK_PREDICATES:
        return next((m for m in candidates if m.label in ("other", "work")), None)
    if predicate == "award" and (verb_lemma(trig.token) in AWARD_VERBS
                                 or trig.token.lemma_ == "victory"):
        # An explicit award verb: the thing awarded is an award whatever type the KB gave it.
        # (Not a work: "his translation of Beowulf won the Whitbread" did not award Beowulf.)
        # ("awarded him the Padma Bhushan": the verb's object, whatever the tagger took it for)
        return next((m for m in candidates if m.label == "other" and m.kb_id), None) or next(
            (m for m in candidates if m.label in ("other", "organization", "place") and not m.kb_id
             and not any(c.isdigit() for c in m.text) and _verbs_object(trig, m)), None)
    if predicate == "advisor":
        # "under the supervision of the philosopher Nicola Abbagnano", tagged an organisation:
        # an adviser is a person, and a name with no institution word may be one
        return next((m for m in candidates if m.label == "organization" and not m.kb_id
                     and len(m.text.split()) in (2, 3) and not VENUE.search(m.text)
                     and not _ORG_WORD.search(m.text)), None)
    if predicate in ("joined", "worked_at"):
        # "joined the Tokyo office of Antonin Raymond": the person whose practice it is
        return next((m for m in candidates if m.label == "person" and _practice_of(trig, m)),
                    None)
    if predicate in ("born", "died"):
        # "Born in Kraków": a place name the tagger took for a person is still the place.
        # Not "died in the Ethiopian capital": a people's adjective describes the place.
        return next(
            (
                m
                for m in candidates
                if not m.kb_id
                and (m.label != "organization" or _town_taken_for_org(trig, m))
                and (path_preps(trig, m) or set()) & {"in", "at"}
                and not _describes(trig, m)
            ),
            None,
        )
    return None


_ORG_WORD = re.compile(r"\b(?:laborator(?:y|ies)|society|academy|council|company|corporation|"
                       r"foundation|association|group|press|bank|museum|library|agency|"
                       r"ministry|department|inc|ltd|co)\b", re.I)


def _town_taken_for_org(trig: Trigger, m: Mention) -> bool:
    """"born in Santiago de Cuba", tagged an organisation: "in" a name that is no institution
    is a place (not "died at the Mayo Clinic", nor "in the Royal Infirmary")."""
    return trig.predicate == "born" and path_preps(trig, m) == {"in"} and \
        not VENUE.search(m.text)


def _describes(trig: Trigger, m: Mention) -> bool:
    """"the Ethiopian capital": a nationality adjective before the noun it describes."""
    span = trig.token.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.ent_type_ == "NORP" and span.root.dep_ == "amod"


_EVENT_NOUNS = frozenset({"opening", "launch", "release", "premiere"})
# "among the founders of X", "the creator of Y": what the maker made follows "of"
_MAKER_NOUNS = frozenset({"founder", "co-founder", "cofounder", "founding", "creator",
                          "inventor"})
_PART_NOUNS = frozenset("facade façade interior roof extension wing entrance lobby staircase "
                        "cover sleeve logo lyrics libretto costumes".split())


def _made_part(trig: Trigger) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _PART_NOUNS for c in trig.token.children)
_PRACTICES = frozenset({"office", "studio", "practice", "firm", "atelier", "workshop",
                        "laboratory", "lab", "chambers", "staff"})


def _practice_of(trig: Trigger, m: Mention) -> bool:
    """"the office of Antonin Raymond", "the studio of Lucio Fontana", "the staff of X": a
    person's workplace; "went to work for X": a person as employer (not "X's campaign")."""
    doc = trig.token.doc
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start < 2:
        return False
    if doc[span.start - 1].lower_ == "for" and doc[span.start - 1].head == trig.token and \
            trig.token.lemma_ == "work":
        return span.end >= len(doc) or doc[span.end].tag_ != "POS"
    return doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lemma_ in _PRACTICES


_DEGREE_NAME = re.compile(r"\b(?:bachelor|master|doctor) of\b|\bdiploma\b|\bdegree\b", re.I)


def _past_colon(tok: Token, m: Mention) -> bool:
    doc = tok.doc
    if m.start <= tok.idx:
        return False
    for t in doc[tok.i + 1 :]:  # up to the mention only, not to the end of the article
        if t.idx >= m.start:
            return False
        if t.text in (":", ";"):
            return True
    return False


def window_degree(window: list[Token]) -> str | None:
    for tok in window:
        if tok.lower_.rstrip(".") in DEGREE_WORDS or tok.lower_ in DEGREE_WORDS:
            if tok.ent_type_ == "PERSON" or tok.is_title and tok.i + 1 < len(tok.doc) and \
                    tok.nbor(1).text[:1].isupper():
                continue  # "Ma Ying-jeou": a name, not a Master of Arts
            return tok.text
    return None


def _one_of(tok: Token) -> bool:
    return tok.lower_ == "one" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "of"


def role_phrase(window: list[Token], objects: list[Mention]) -> str | None:
    """ "professor at X" -> "professor"; "head of the Y Department at X" -> that whole phrase.

    The phrase ends at the first linked organisation introduced by "at", "for", "with"... (the
    employer); "head of the X Department" keeps its "of" phrase.
    """
    doc = window[0].doc if window else None
    stop = min(
        (
            m.start
            for m in objects
            if m.kb_id
            and m.label == "organization"
            and doc is not None
            and preposition_before(doc, m) not in (None, "of")
        ),
        default=None,
    )
    words: list[Token] = []
    inside = [(m.start, m.end) for m in objects]
    for tok in window:
        if stop is not None and tok.idx >= stop:
            break
        named = any(a < tok.idx < b for a, b in inside)  # "CBS/Sony Records": one name
        if words and tok.pos_ == "ADP" and any(b == words[-1].idx + len(words[-1]) for _, b in
                                               inside):
            break  # "chancellor of the College of William & Mary in Virginia": the name ends it
        if (tok.is_punct and tok.text != "-" and not named) or (
            tok.pos_ == "ADP" and tok.i + 1 < len(tok.doc)
            and (tok.nbor(1).like_num or tok.nbor(1).ent_type_ in ("DATE", "TIME"))
            and not _one_of(tok.nbor(1))  # ("as one of the federation's vice-presidents")
        ):
            break  # "leader of the CDU in 1998": the date is not part of the role
        words.append(tok)
    while words and words[-1].lower_ in ("at", "of", "for", "with", "in", "the", "a", "an", "and",
                                         "from", "within", "by"):
        words.pop()
    # (and "named him the Feynman Professor": the one named is no part of the role; "promoted
    # to full professor": nor is the "to")
    # ("is currently chief scientist": the adverb is no part of the title either)
    while words and (words[0].lower_ in ("as", "the", "a", "an", "its", "his", "her", "their",
                                         "him", "them", "to", "himself", "herself",
                                         "themselves") or words[0].pos_ == "ADV"):
        words.pop(0)
    possessive = next((i for i, t in enumerate(words) if t.tag_ == "POS"), None)
    if possessive is not None and not any(t.lower_ in ROLE_NOUNS for t in words[:possessive]):
        words = words[possessive + 1 :]  # "Apple's chief operating officer": the role follows
    if words and words[-1].tag_ == "NNS" and words[-1].lemma_.lower() in ROLE_NOUNS and any(
            t.lower_ == "of" for t in window[:3]):
        # "serves as one of the federation's vice-presidents": one vice-president
        return "".join(t.text_with_ws for t in words[:-1]) + words[-1].lemma_
    if not any(t.lower_ in ROLE_NOUNS for t in words):
        return None
    return "".join(t.text_with_ws for t in words).strip()


def as_role(window: list[Token], trig: Trigger) -> str | None:
    """ "spent a stint at X as a management consultant" -> "management consultant"; also
    "rising to senior vice-president", "becoming chief engineer"."""
    for i, tok in enumerate(window):
        cue = (
            tok.lower_ == "as"
            or (
                tok.lower_ == "to"
                and i > 0
                and window[i - 1].lemma_ in ("rise", "promote", "advance")
            )
            or tok.lemma_ == "become"
        )
        if cue and tok.i > trig.token.i:
            words = [t for t in window[i + 1 : i + 6] if not t.is_punct]
            while words and words[0].pos_ == "DET":
                words.pop(0)
            role = []
            for t in words:
                if t.pos_ not in ("NOUN", "PROPN", "ADJ") and t.lower_ != "-":
                    break
                role.append(t.text)
            if role and any(
                w.lower() in ROLE_NOUNS or w.lower().endswith(("er", "ist", "ant")) for w in role
            ):
                return " ".join(role)
    return None


def preposition_before(doc: Doc, m: Mention) -> str | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    i = span.start - 1 if span is not None else -1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return doc[i].lower_ if i >= 0 and doc[i].pos_ == "ADP" else None


def together_with(
    ctx: ClaimContext, window: list[Token], award: Mention | None, trig: Trigger,
    firms: bool = False,
) -> list[str]:
    """Co-recipients: people after "with"/"alongside" in the award's clause, and people
    conjoined with the subject ("Doudna and Charpentier received ..."); with ``firms``, the
    KB's organisations after "with" too ("designed X together with Snøhetta")."""
    after = award.end if award else -1
    people: list[str] = []
    seen_with = False
    skip_to = -1
    for tok in window:
        if tok.idx < after or tok.i <= skip_to:
            continue
        if tok.text in (";", "—") or (tok.text == "," and seen_with is False and people):
            break
        if tok.lower_ == "and" and tok.i + 1 < len(tok.doc) and tok.nbor(1).is_punct:
            break  # "... in 2017 and, with X, the Kavli Prize": X shares another award
        if tok.lower_ in WITH_WORDS:
            seen_with = seen_with or tok.lower_ != "and"
            continue
        if tok.is_punct and tok.text == "," and tok.nbor(1).lower_ in ("and", "but", "while"):
            break
        if tok.text == "," and tok.i + 1 < len(tok.doc) and tok.nbor(1).tag_ in ("VBN", "VBG") \
                and tok.nbor(1).lemma_ not in ("share", "split"):  # (", shared with X" shares)
            # "together with Steve Jobs, presented by President Ronald Reagan": the giver, in
            # a participle set off by commas, shares nothing (the words after it may)
            skip_to = next((t.i for t in tok.doc[tok.i + 1 : tok.sent.end] if t.text == ","),
                           tok.sent.end)
            continue
        m = ctx.mention_at.get(tok.i)
        if m is not None and m is not award and m.label == "award":
            break
        # (not "with Chris Meledandri of Illumination": his firm; nor "with the New York Times
        # columnist George Vecsey": his paper, nor "the Sahrawi activist Aminatou Haidar": a
        # people's name before a noun describes the one named next)
        if seen_with and m is not None and not _modifies_noun(tok, m) and (
                m.label == "person" or firms and m.kb_id and m.label == "organization"
                and tok.i > 0 and tok.doc[tok.i - 1].lower_ != "of"):
            add_person(ctx, people, m)
    for prep in trig.token.children:
        # "With the pianist Alfred Cortot she had also written an opera": fronted; or set off
        # before the object ("co-founded, with Cesare Pavese, the journal Il menabò")
        if prep.dep_ == "prep" and prep.lower_ in ("with", "alongside") and (
                prep.i < trig.token.i or award is not None and prep.idx < award.start):
            for tok in prep.subtree:
                m = ctx.mention_at.get(tok.i)
                if m is not None and m.label == "person":
                    add_person(ctx, people, m)
    if award is not None and award.label == "award":
        for verb in trig.token.sent:
            # "... at a White House ceremony that also honored Bill Russell"
            if verb.lemma_.lower() in ("honor", "honour", "fete") and verb.dep_ in (
                    "relcl", "acl") and any(c.lower_ == "also" for c in verb.children):
                for tok in verb.subtree:
                    m = ctx.mention_at.get(tok.i)
                    if m is not None and m.label == "person":
                        add_person(ctx, people, m)
    subj = subject_token(trig.token)
    if trig.predicate == "award" and trig.token.lemma_ in ("award", "give", "present"):
        # "awarded the Nobel Prize to Yang and Lee": the recipients share it
        recipients = recipients_after_to(trig.token)
        subj = next(iter(recipients), subj)
        for tok in recipients:
            m = ctx.mention_at.get(tok.i)
            if m is not None and m.label == "person":
                add_person(ctx, people, m)
    for conj in subj.conjuncts if subj is not None else ():
        # ("she and her son Richard shared the Hubbard Medal": the son is named in apposition)
        m = ctx.mention_at.get(conj.i) or next(
            (ctx.mention_at[t.i] for t in conj.subtree if t.i in ctx.mention_at
             and ctx.mention_at[t.i].label == "person"), None)
        if m is not None and m.label == "person":
            add_person(ctx, people, m)
    shared = shared_with(ctx, award)
    for clause in trig.token.children:
        if clause.lemma_ == "share" and clause.dep_ in ("advcl", "acl", "conj"):
            _sharers(ctx, clause, shared)  # "The Nobel Prize came in 1986, shared with X"
    for m in shared:
        add_person(ctx, people, m)
    return people


def _modifies_noun(tok: Token, m: Mention) -> bool:
    after = next((t for t in tok.doc[tok.i : tok.i + 12] if t.idx >= m.end), None)
    return after is not None and after.pos_ == "NOUN"


def shared_with(ctx: ClaimContext, award: Mention | None) -> list[Mention]:
    """"a Grammy Award ..., which she shared with Harry Belafonte": the award's relative
    clause names the co-recipients."""
    span = ctx.doc.char_span(award.start, award.end, alignment_mode="expand") if award else None
    if span is None:
        return []
    found = []
    # "X, an honour he shared with Y": the clause may hang on an apposition of the award
    heads = [*span, *(c for tok in span for c in tok.children if c.dep_ == "appos")]
    for clause in (c for tok in heads for c in tok.children):
        if clause.dep_ == "relcl" and clause.lemma_ == "share":
            _sharers(ctx, clause, found)
    return found


def _sharers(ctx: ClaimContext, clause: Token, found: list[Mention]) -> None:
    """The people a "share" clause names after "with" or "alongside" (also on its object:
    "sharing the winning car with X and Y")."""
    heads = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
    for prep in (c for h in heads for c in h.children if c.lower_ in ("with", "alongside")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            # "with the singer Harry Belafonte": the name may hang on its description
            named = [t for head in (obj, *obj.conjuncts)
                     for t in (head, *(c for c in head.children if c.dep_ == "appos"))]
            for tok in named:
                m = ctx.mention_at.get(tok.i)
                if m is not None and m.label == "person" and m not in found:
                    found.append(m)


def add_person(ctx: ClaimContext, people: list[str], m: Mention) -> None:
    name = m.kb_label or m.text
    if name not in people and not (ctx.subject and ctx.subject.matches(m)):
        people.append(name)


_BOARD = re.compile(rf"\b(?:{'|'.join(sorted(BOARD_WORDS))})\b", re.I)
# "joins Apple's board of directors": the board is named after the company.
_POSSESSED_BOARD = re.compile(rf"['’]s\s+(?:\w+\s+)?(?:{'|'.join(sorted(BOARD_WORDS))})\b", re.I)


def on_board(text: str, verb_at: int, obj: Mention) -> bool:
    """ "sits on the board of X", "joined X's board of directors": a seat on X's board."""
    return bool(_BOARD.search(text, verb_at, obj.start) or _POSSESSED_BOARD.match(text, obj.end)
                # "joins the board of Amazon", linked to the board itself
                or re.match(r"(?:the\s+)?board\b", obj.text, re.I))


def by_person(ctx: ClaimContext, verb: Token) -> Mention | None:
    """The linked person a passive verb names with "by" ("composed by Marguerite Monnot")."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for tok in agent.children:
            m = ctx.mention_at.get(tok.i)
            if tok.dep_ == "pobj" and m is not None and m.label == "person" and m.kb_id:
                return m
    return None


_NOMINATION_AFTER = re.compile(r"\s*(?:-|\s)?(?:nominations?|nods?|shortlisting)\b", re.I)
_NOMINATED_BEFORE = re.compile(r"\bnominat\w*\s+(?:for|to)\s+(?:the\s+|an?\s+|her\s+|his\s+)?$",
                               re.I)


def nominated_only(ctx: ClaimContext, award: Mention) -> bool:
    """"brought her first Oscar nomination", "nominated for the Booker": a nomination is not
    the honour."""
    text = ctx.article.text
    return bool(_NOMINATION_AFTER.match(text, award.end)) or bool(
        _NOMINATED_BEFORE.search(text, max(0, award.start - 40), award.start))
