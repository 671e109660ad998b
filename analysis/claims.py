"""Claim extraction: pure functions from an annotated Doc to Claim records.

A claim starts at a trigger (a verb or noun of ``analysis.vocabulary``), takes its object from
the entity mentions in the trigger's syntactic window (falling back to the words up to the next
trigger when the parse of a fragment such as "1988: Joined X" is poor), its time from the
temporal expression that attaches to it (or the bullet's date label), and its subject from the
syntax, with pronouns and name forms of the profile's subject resolved to the subject."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from analysis.claim_anchor_rules import DURING_VERBS
from analysis.claim_anchors import anchored_claims
from analysis.claim_context import (
    FOR_BEFORE,
    LEAD_VERBS,
    MEMBER_ROLES,
    SUBJECT_DEPS,
    TIME_NOUNS,
    YEAR,
    ClaimContext,
)
from analysis.claim_current import (
    current_roles,
    named_roles,
    present_acts,
    present_independence,
    present_spouses,
)
from analysis.claim_implied import AND_BEFORE, coordinated, still_held
from analysis.claim_named import (
    among_own_honours,
    antecedent_work,
    body_named_before,
    graduated_there,
    granting_school,
    led_by,
    listed_founders,
    member_of_which,
    modified_name,
    named_next,
    named_rendering,
    place_described,
    relative_object,
    shared_before,
    unnamed_work,
)
from analysis.claim_objects import (
    SETTING_PREPS,
    WORK_PREDICATES,
    as_role,
    by_person,
    mentions_in,
    nominated_only,
    on_board,
    path_preps,
    pick_object,
    preposition_before,
    rank_objects,
    role_phrase,
    speech_tokens,
    together_with,
    trigger_window,
    unversioned,
    window_degree,
)
from analysis.claim_shared import shared_in_next_sentence
from analysis.claim_subject import (
    nearest_work,
    resolve_subject,
    subject_token,
)
from analysis.claim_time import (
    LATER_WORDS,
    apposed_works_year,
    assign_times,
    conjunct_date,
    gapped_date,
    inherited_time,
    is_present,
    label_timex,
    main_clause,
    marked_present,
    ongoing,
    other_names_year,
    sentence_present,
    timex_at,
    timexes_in,
    unnamed_works_year,
)
from analysis.kb.api import KBReader
from analysis.models import Article, Block, Claim, Mention, Timex
from analysis.subject import ProfileSubject
from analysis.topic_terms import load_lexicon
from analysis.triggers import Trigger, find_triggers, in_other_event, verb_lemma
from analysis.vocabulary import (
    KNIGHTHOOD,
    PREDICATE_WEIGHT,
    ROLE_NOUNS,
    WORK_NOUNS,
)


def extract_claims(
    doc: Doc,
    *,
    article: Article,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    timexes: list[Timex],
    subject: ProfileSubject | None,
    kb: KBReader | None = None,
) -> list[Claim]:
    """All claims of the article, in text order, numbered c1, c2, ...

    With a KB, names the trigger words left without a claim are tried as KB-anchored claims
    (``analysis.claim_anchors``)."""
    ctx = ClaimContext(doc, article, subject, _index_mentions(doc, mentions), timexes)
    claims: list[Claim] = []
    for start, end in sentences:
        block = _block_at(article, start)
        if block is None or block.kind in ("heading", "title", "pull_quote"):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        found = list(_sentence_claims(ctx, span, block, start, end))
        said = {(c.subject_kb_id, c.predicate) for c in found if c.present}
        found += [c for c in current_roles(ctx, span) if (c.subject_kb_id, c.predicate) not in said]
        said = {(c.subject_kb_id, c.predicate) for c in found if c.present}
        found += [c for c in named_roles(ctx, span) if (c.subject_kb_id, c.predicate) not in said]
        now = {c.subject_kb_id for c in found if c.present}
        found += [c for c in present_acts(ctx, span, kb) if c.subject_kb_id not in now]
        found += present_independence(ctx, span, kb)
        wed = {c.object_kb_id for c in found if c.predicate == "married"}
        found += [c for c in present_spouses(ctx, span) if c.object_kb_id not in wed]
        shared = shared_in_next_sentence(ctx, start, end, claims)
        claims.extend([*found, shared] if shared is not None else found)
        if kb is not None:
            claims.extend(anchored_claims(ctx, kb, span, block, found))
    claims = [c for c in claims if not (c.predicate == "joined" and _to_scheme(ctx, c))]
    return [_renumber(c, i) for i, c in enumerate(claims, 1)]


# "signed Hamilton to its young driver programme": a scheme of the organisation, not a post in it
_SCHEME = re.compile(r"\b(?:to|into|onto)\s+(?:its|the|their|his|her)\s+(?:[\w-]+\s+){0,3}"
                     r"(?:programme|program|academy|scheme)\b", re.I)


# A body's event, led once ("the Vienna Philharmonic's New Year's Concert"), not its board
_EVENT_LED = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:concerts?|festival|tour|season|ceremony|gala|"
                        r"celebrations?|performances?|premiere|games?|match|race|campaign|"
                        r"expedition|delegation|rally|parade|procession)\b", re.I)


def _to_scheme(ctx: ClaimContext, claim: Claim) -> bool:
    """The claim's own verb, within three words before it, puts the subject into a scheme (not
    "joined NASA, where she was admitted to the astronaut programme": the joining stands)."""
    verb = str(claim.qualifiers.get("verb", ""))[:4].lower()
    text = ctx.article.text
    return bool(verb) and any(
        w.lower().startswith(verb)
        for m in _SCHEME.finditer(text, claim.start, claim.end)
        for w in text[max(claim.start, m.start() - 40) : m.start()].split()[-3:])


def _renumber(claim: Claim, index: int) -> Claim:
    return replace(claim, id=f"c{index}")


def _index_mentions(doc: Doc, mentions: list[Mention]) -> dict[int, Mention]:
    index: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for token in span or ():
            index[token.i] = m
    return index


def _block_at(article: Article, offset: int) -> Block | None:
    return next((b for b in article.blocks if b.start <= offset < b.end), None)


def _sentence_claims(
    ctx: ClaimContext, span: Span, block: Block, start: int, end: int
) -> Iterator[Claim]:
    triggers = find_triggers(span, ctx.mention_at)
    if not triggers:
        return
    own_time = assign_times(ctx, span, triggers)
    label_time = label_timex(ctx, block) if block.date_label else None
    frame_time = _fronted_time(ctx, span, own_time)
    sent_present = sentence_present(ctx, span, start, end)
    kept: dict[tuple[str, str | None, str, bool, bool], Claim] = {}
    for trig in triggers:
        time = timex_at(ctx, trig.time_at) or own_time.get(trig.token.i) or _year_clause(
            ctx, trig.token)
        if time is None and not in_other_event(trig.token):
            # "a month after leaving Google": the entry's date is not this event's
            time = inherited_time(span, trig, own_time) or label_time
            if time is None and frame_time is not None and (main_clause(trig.token) or (
                    trig.predicate in _PURPOSE_DATED and _purpose_of_main(trig.token))):
                time = frame_time
            if time is None and trig.predicate in ("joined", "studied") and \
                    _purpose_of_main(trig.token):
                time = _dated_journey(ctx, trig.token.head)
        time = _own_time(ctx, trig, time)
        claim = _build_claim(ctx, span, trig, triggers, time, sent_present, start, end)
        if claim is None:
            continue
        for each in (claim, *coordinated(ctx, claim), *still_held(ctx, claim, start, end)):
            key = (each.predicate, each.object_kb_id or each.object, each.subject,
                   each.present and each.time is None,
                   each.predicate == "studied" and each.qualifiers.get("verb") == "graduate")
            # "became a member of X" makes one claim, not two; "Her second Nobel Prize ...
            # came in 1910": of two, the dated one (but entering a school and graduating
            # from it are two)
            first = kept.get(key)
            if first is None or first.time is None and not first.present and each.time:
                kept[key] = each
    yield from kept.values()


def _own_time(ctx: ClaimContext, trig: Trigger, time: Timex | None) -> Timex | None:
    """The date the sentence gave the trigger, unless its construction says it is not its own."""
    verb = trig.token
    if verb.dep_ == "conj" and (own := _set_off_before_verb(ctx, verb)):
        return own  # "backed the strikers in 1949 and, the following year, co-founded X"
    if verb.lower_ == "native":
        return None  # "In 1950 she returned to her native Oslo": a birthplace, not a birth date
    if time is None or trig.predicate == "married" and verb.dep_ == "acomp":
        return None  # "in 1960 she was still married to X": the state, not the wedding
    if _still_now(verb):
        return None  # "He still chairs X, the network he helped found in 1996": of now
    if time.start < verb.idx and any(
            c.dep_ == "advmod" and c.lower_ in LATER_WORDS and (c.i < verb.i or c.lower_ != "then")
            for c in verb.children):
        return None  # "The couple divorced in 1982, and she later married X": after 1982
    if time.start < verb.idx and any(c.lower_ == "from" and any(g.lower_ == "there" for g in
                                                                c.children) for c in verb.children):
        return None  # "In 1991 he went to Princeton, and from there he moved to Tufts": later
    if verb.pos_ == "NOUN" and verb.dep_ == "compound" and verb.head.pos_ == "PROPN" and \
            not trig.degree:  # (but "a doctorate summa cum laude")
        return None  # "In 1960 she married the CNN founder Ted Turner": who he is, undated
    if verb.pos_ == "NOUN" and trig.predicate == "married" and _marriage_ended(ctx, verb):
        return None  # "His marriage to Rut ended in divorce in 1980": the end's date
    if trig.predicate == "born" and _outside_clause(verb, time):
        return None  # "Born in X, he took French citizenship in 1930": not the birth's date
    if trig.predicate in ("born", "died") and verb.pos_ == "NOUN" and verb.head.lower_ in (
            "since", "after", "before", "following") and not (
            verb.left_edge.idx <= time.start <= verb.right_edge.idx):
        return None  # "This 31 July marks forty years since the death of X": the anniversary's
    return time


def _topic_of_study(ctx: ClaimContext, trig: Trigger, obj: Mention) -> bool:
    """"a doctorate on the state religion ... of Cicero": what the study was about."""
    start = trig.token.idx + len(trig.token)
    if not start <= obj.start:
        return False
    between = ctx.article.text[start : obj.start]
    # (not "went on to Vale College": a particle)
    return bool(re.search(r"\b(?:on|about)\s+(?!to\b|at\b)", between)) and not re.search(
        r"\b(?:at|from)\s", between)


_MARRIAGE_ENDED = re.compile(r"[^,;.]{0,60}?\b(?:ended|end|ends|broke up|collapsed|was dissolved|"
                             r"was annulled|fell apart|came to an end)\b")


def _possessor(ctx: ClaimContext, work: Mention) -> Mention | None:
    """The linked person named with "'s" right before a work's title ("Stiller's X"), or set
    off after it before a year ("A Special Day, De Sica's 1977 chamber piece")."""
    text = ctx.article.text
    return next((m for m in ctx.mentions if m.label == "person" and m.kb_id and (
        text[m.end : work.start] in ("'s ", "’s ") or text[work.end : m.start] == ", "
        and re.match(r"['’]s (?:1[5-9]|20)\d\d\b", text[m.end : m.end + 8]))), None)


def _marriage_ended(ctx: ClaimContext, noun: Token) -> bool:
    """"His marriage to Rut ended in divorce in 1980": the words after the marriage say it
    ended (the parser may hang "ended" anywhere)."""
    return bool(_MARRIAGE_ENDED.match(ctx.article.text, noun.idx + len(noun.text)))


def _set_off_before_verb(ctx: ClaimContext, verb: Token) -> Timex | None:
    """A date set off between "and" and a conjoined verb: that verb's own."""
    text = ctx.article.text
    return next((t for t in ctx.timexes if t.end <= verb.idx
                 and not text[t.end : verb.idx].strip(" ,")
                 and AND_BEFORE.search(text, max(0, t.start - 8), t.start)), None)


def _outside_clause(verb: Token, time: Timex) -> bool:
    """A modifier clause ("Born in X, ...") whose words do not hold the date."""
    if verb.dep_ not in ("advcl", "acl"):
        return False
    first, last = verb.left_edge, verb.right_edge
    return not first.idx <= time.start < last.idx + len(last.text)


def _still_now(verb: Token) -> bool:
    """A present-tense verb said to hold now ("still chairs", "currently leads")."""
    return verb.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "advmod" and c.lower_ in ("still", "currently", "now", "today")
        for c in verb.children)


def _year_clause(ctx: ClaimContext, verb: Token) -> Timex | None:
    """"In 1965, the year he set up Inversora": a clause on "the year" next to a date takes it."""
    noun = verb.head
    if verb.dep_ not in ("relcl", "acl") or noun.lemma_.lower() not in TIME_NOUNS:
        return None
    if noun.dep_ == "appos":
        return timex_at(ctx, noun.head.idx)
    first = noun.left_edge.i  # "1965, the year ...": the date just before the comma
    doc = noun.doc
    if first >= 2 and doc[first - 1].text == ",":
        return timex_at(ctx, doc[first - 2].idx)
    return None


# What a trip is made for and happens on arrival: not "to join a strike at the shipyard" nor
# "to work at the Cavendish" (a post the KB may date otherwise)
_PURPOSE_DATED = frozenset({"award", "context", "studied", "position", "founded"})


def _purpose_of_main(token: Token) -> bool:
    """"In 1965 she was allowed to travel to Sicily to receive the Prize": an infinitive of
    purpose, with no subject of its own, on a main-clause verb shares the sentence's date."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                         for c in token.children) and not any(
        c.dep_ in SUBJECT_DEPS for c in token.children) and main_clause(token.head)


_JOURNEYS = frozenset({"cross", "move", "go", "leave", "return", "travel", "emigrate", "sail",
                       "come", "head", "relocate", "fly"})


def _dated_journey(ctx: ClaimContext, verb: Token) -> Timex | None:
    """"he crossed the Atlantic in 1995 to join the MRC": a journey's own year dates what it
    was made for."""
    if verb.lemma_ not in _JOURNEYS:
        return None
    years = [tx for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
             for g in c.children if g.dep_ == "pobj"
             for tx in ctx.timexes if tx.start <= g.idx < tx.end and YEAR.fullmatch(tx.text)]
    return years[0] if len(years) == 1 else None


def _fronted_time(ctx: ClaimContext, span: Span, owned: dict[int, Timex]) -> Timex | None:
    """"In 1958 he reached the Pole and founded the Trust": a date opening the sentence frames
    its main-clause events, whichever verb the parser hung it on."""
    head = span[: min(4, len(span))]
    if len(head) and head[0].lower_ == "back":
        # ("Back in Chicago in 1925, he assembled the Hot Five and recorded X": up to the comma)
        comma = next((t.i for t in span[:8] if t.text == ","), None)
        head = span[: comma - span.start] if comma is not None else head[:0]
        if len(head) < 2 or head[1].lower_ != "in":
            return None
    elif not len(head) or head[0].lower_ not in ("in", "on", "by", "during"):
        return None
    taken = {id(t) for t in owned.values()}
    return next((t for t in timexes_in(ctx, head.start_char, head.end_char)
                 if id(t) not in taken and t.start >= head.start_char), None)


def _build_claim(
    ctx: ClaimContext,
    span: Span,
    trig: Trigger,
    triggers: list[Trigger],
    time: Timex | None,
    sent_present: bool,
    start: int,
    end: int,
) -> Claim | None:
    if trig.target is not None and trig.token.lower_ in ("his", "her", "their") and \
            ctx.subject is not None and not ctx.subject.takes(trig.token.lower_):
        return None  # "Spielberg cast her in his 2021 West Side Story": his version, not hers
    window = trigger_window(span, trig, triggers)
    if _derived_subject(ctx, trig):
        return None
    subj_text, subj_id, subj_mention = resolve_subject(ctx, trig)
    if trig.predicate in ("citizen", "moved") and subj_mention is None and \
            ctx.subject is not None and subj_text.lower().split()[-1:] and \
            subj_text.lower().split()[-1] in _COUPLE | {"family"}:
        # "the family moved to Toronto and Jacobs became a Canadian citizen" (read with "the
        # family" for subject): a household's move or naturalisation is the subject's too
        subj_text, subj_id = ctx.subject.name, ctx.subject.kb_id
    if subj_text == "(someone else)" and time is not None and trig.token.dep_ == "relcl" and \
            not trig.token.left_edge.idx <= time.start <= trig.token.right_edge.idx:
        time = None  # "In 1976 he joined X, funding groups that built Y": not Y's date
    if subj_mention is not None and unversioned(ctx.doc, subj_mention) is not subj_mention:
        subj_mention = unversioned(ctx.doc, subj_mention)
        subj_text, subj_id = subj_mention.text, None
    speech = speech_tokens(span, ctx.mention_at)
    spoken = [t for t in window if t.i not in speech]
    objects = _candidate_objects(ctx, trig, rank_objects(
        trig, [unversioned(ctx.doc, m) for m in mentions_in(ctx, spoken) if m is not subj_mention]
    ), subj_mention)
    degree = trig.degree or window_degree(window)
    if degree and any(t.lower_ in ("honorary", "honoris") for t in window):
        degree = None  # "an honorary doctorate" is an honour, not a degree studied for
    predicate = _refine_predicate(trig.predicate, degree, objects, trig.role is not None, trig)
    qualifiers: dict[str, object] = {"verb": verb_lemma(trig.token)}
    obj = trig.target or antecedent_work(ctx, trig, predicate) or (
        led_by(ctx, trig, subj_mention) if predicate == "position" else None) or (
        place_described(ctx, trig) if predicate in ("born", "died") else None) or (
        granting_school(ctx, trig) if predicate == "studied" else None) or (
        graduated_there(ctx, trig, predicate)) or (
        member_of_which(ctx, trig) if predicate == "member" else None) or pick_object(
        objects, predicate, trig, ctx.subject) or relative_object(ctx, trig, predicate) or \
        named_next(ctx, trig, predicate) or modified_name(ctx, trig, predicate, subj_mention) \
        or shared_before(ctx, trig, predicate) or body_named_before(ctx, trig, predicate)
    if obj is None and predicate in ("created", "released"):
        obj = _the_work_noun(ctx, trig)
    if predicate == "position" and trig.role in LEAD_VERBS and obj is not None and \
            ctx.article.text[obj.end : obj.end + 2] in ("'s", "’s") and _EVENT_LED.match(
                ctx.article.text, obj.end + 2):
        return None  # "to lead the Vienna Philharmonic's New Year's Concert": the concert's
    if predicate == "studied" and obj is not None and qualifiers["verb"] == "attend" and \
            obj.label in ("other", "work", "award"):
        return None  # "he attended the Karlsruhe Congress of 1860": an event, not a school
    if predicate == "studied" and obj is not None and (
            obj.label == "person" or _topic_of_study(ctx, trig, obj)):
        obj = None  # "a doctorate on the state religion of Cicero": a topic, not a school
    if predicate == "citizen" and obj is None:
        obj = _nationality(trig)  # "became a Canadian citizen", "naturalised as a British subject"
    if predicate == "married" and obj is None and ctx.subject is not None and \
            (partner := _couple_partner(ctx, trig)) is not None:
        # "There he met Raisa Titarenko, ..., and the two married in 1951"
        obj, subj_text, subj_id, subj_mention = partner, ctx.subject.name, ctx.subject.kb_id, None
    if predicate == "award" and (said := subject_token(trig.token)) is not None and \
            said.lower_ == "it":
        # "It won the Academy Award for Best Picture": the work's honour, which the KB may
        # hold on the work and not on its maker; it can agree with the maker's, not refute them
        qualifiers["by_work"] = True
    if predicate == "award" and qualifiers["verb"] == "knight":
        # "King George VI knighted him": the honour is the knighthood the verb names
        obj = Mention(KNIGHTHOOD, trig.token.idx, trig.token.idx + len(trig.token), "award")
    elif predicate == "award" and obj is None and (dubbed := next((
            t for t in trig.token.subtree if t.lower_ == KNIGHTHOOD and t.head.head.i in (
                trig.token.i, t.head.i)), None)) is not None:
        # "was recognised with a knighthood in 1994", "received a knighthood"
        obj = Mention(KNIGHTHOOD, dubbed.idx, dubbed.idx + len(dubbed), "award")
    if predicate == "award" and subj_mention is not None and subj_mention.label == "award" and \
            obj is None and ctx.subject is not None and among_own_honours(ctx, trig.token):
        # "Among his honours was the Gold Medal of the AIA, awarded in 1947": his
        obj, subj_text, subj_id, subj_mention = subj_mention, ctx.subject.name, \
            ctx.subject.kb_id, None
    if trig.target is not None and predicate == "award" and (
            subj_mention is trig.target or subj_mention is not None
            and subj_mention.label in ("place", "organization")):
        # ("New Zealand's own highest honour, the Order of New Zealand, followed in 1993": the
        # country gives it)
        # "The Royal Gold Medal followed in 1997": the honour is the subject's next one
        subj_text, subj_id, subj_mention = (ctx.subject.name, ctx.subject.kb_id, None) if \
            ctx.subject else ("(unknown)", None, None)
    elif trig.target is not None and predicate in ("released", "founded", "created"):
        # "Samson and Delilah (1949)": a work's date, whoever made it; an honour in a list of
        # the subject's honours ("Glenn Gould Prize (1999)") is the subject's.
        subj_text, subj_id, subj_mention = "(unspecified)", None, None
    elif predicate == "released" and subj_mention is not None and subj_mention.label in (
            "work", "other") and not (ctx.subject and ctx.subject.matches(subj_mention)) and \
            not any(c.dep_ in ("dobj", "dative", "ccomp") for c in trig.token.children) and \
            ctx.article.text[subj_mention.end : subj_mention.end + 2] not in ("'s", "’s"):
        # (not "FX's adaptation of Kindred premiered": the owner of what premiered)
        # "The Trouble with Nigeria ... appeared in 1983, and ... Y, in 1987": a work that
        # appears is what was released, not the other work named later in the sentence (nor
        # "the Committee announced that ...": a body that says something)
        obj, subj_text, subj_id, subj_mention = subj_mention, "(unspecified)", None, None
    elif predicate == "founded" and qualifiers["verb"] == "come" and subj_mention is not None \
            and subj_mention.label in ("organization", "other", "work"):
        # "The National Health Service came into being in 1948": what began is the subject
        obj, subj_text, subj_id, subj_mention = subj_mention, "(unspecified)", None, None
    elif _is_patient(trig, predicate, subj_mention, ctx.subject):
        # "COBOL, introduced in 1955" / "the Award was established in 1954": the thing made is
        # the grammatical subject; whoever made it is not named here, unless "by" names them
        # ("X, composed for her by Marguerite Monnot": Monnot is credited with X)
        maker = by_person(ctx, trig.token) if predicate != "released" else None
        obj, subj_mention = subj_mention, maker
        subj_text, subj_id = (maker.text, maker.kb_id) if maker else ("(unspecified)", None)
    if predicate == "released" and obj is not None and obj.label == "work" and \
            (maker := _possessor(ctx, obj)) is not None:
        # "Mauritz Stiller's The Phantom Carriage (1921)": the film is credited to Stiller
        predicate, subj_text, subj_id, subj_mention = \
            "created", maker.kb_label or maker.text, maker.kb_id, maker
    if predicate == "joined" and qualifiers["verb"] == "sign" and obj is not None and \
            obj.label in ("work", "other") and _DOCUMENT.search(obj.text):
        # "signed the Oslo Accords in 1993": the document's date, not a club joined
        predicate, subj_text, subj_id, subj_mention = "released", "(unspecified)", None, None
    if predicate == "released" and obj is not None and obj.label != "work" and \
            (named_as := _named_as(ctx, trig, set_off=False)) is not None:
        obj = named_as  # "the Harlow Lectures, published the following year as The Plain Reader"
    if predicate == "released" and obj is None:
        # "an abstract, published in 1859 as On the Origin of Species" (not "Nordlys was
        # published in 1984 and, as North Light, in 1987": a translation set off by commas)
        obj = _named_as(ctx, trig, set_off=False) or _apposed_work(ctx, trig)
    if predicate == "released" and obj is not None and obj.label == "award":
        # "His Turing Award lecture, published as Reflections on Trusting Trust": a lecture
        # is published, not the award; the work is the one named after "as", if any
        obj = _named_as(ctx, trig)
        if obj is None:
            return None
    if predicate == "released" and obj is not None and (
            rendering := named_rendering(ctx, trig, obj)) is not None:
        obj = rendering
    elif predicate == "released" and obj is not None and unnamed_work(ctx, trig, obj):
        return None
    time = conjunct_date(ctx, obj, time) or time
    if gapped_date(ctx, obj, time) or _referenced(trig, time) or other_names_year(
            ctx, obj, time) or _ended(trig) or trig.time_at < 0 and (unnamed_works_year(
            ctx, obj, time) or apposed_works_year(ctx, obj, time)):
        # "he invented X, and in 1965 the detective Y": 1965 is Y's; "In September 1993,
        # eight months after she died, she won an Emmy": the date is the Emmy's
        time = None
    if degree and predicate == "studied":
        qualifiers["degree"] = degree
    if time is not None and _AFTER_BOUND.search(ctx.article.text, max(0, time.start - 16),
                                                time.start):
        time = None  # "After the 1974 season the Braves traded him": a bound, not the date
    if time is not None and (_UNTIL.search(ctx.article.text, max(0, time.start - 8), time.start)
                             or _under_until(ctx, trig, time)):
        qualifiers["until"] = True  # "a post he held until 1973": the date ends the role
    if predicate == "member" and qualifiers["verb"] in DURING_VERBS and time is not None:
        # "played for United in 1973": a year inside the membership, unless "his first game"
        # dates its start or "his last game" its end
        said = {a.lower_ for c in trig.token.children if c.dep_ == "dobj" for a in c.children}
        if said & {"last", "final"}:
            qualifiers["until"] = True
        elif not said & {"first", "debut"}:
            qualifiers["during"] = True
    board = obj is not None and on_board(ctx.article.text, trig.token.idx, obj)
    if predicate in ("joined", "worked_at") and board:
        # "joins the board of Amazon", "sits on Microsoft's board": a seat, not a job
        predicate = "member"
        qualifiers["board"] = True
    if predicate == "joined" and obj is not None and _PARTY.search(obj.text):
        predicate = "member"  # "joined the Socialist Party"
    if predicate == "position" and obj is not None and obj.label == "award":
        predicate = "award"  # "appointed to the Order of Merit", "named Sportsperson of the Year"
    if predicate == "award" and obj is not None and nominated_only(ctx, obj):
        return None
    if predicate == "position":
        # "took over from Desmond Tutu as chair of The Elders": the role is what follows "as"
        role = trig.role or (as_role(window, trig) if trig.token.lemma_ in (
            "take", "succeed", "replace") else None) \
            or role_phrase([t for t in window if t.i > trig.token.i], objects)
        if not role and obj is not None and (obj.label == "position" or obj.label == "other"
                                             and obj.text.split()[0].lower() in ROLE_NOUNS):
            # "serves in the Georgia State Senate": that seat; "named herself publisher of the
            # Post": a post the KB holds as an item of its own
            role = obj.kb_label or obj.text
        if role and obj is None and _anaphoric_role(window, trig, role):
            return None
        if role and obj is None and _owned_by_its(window, trig):
            qualifiers["its"] = True  # "and he became its president": some body's, named before
        elected_to = not role and obj is not None and obj.label == "organization" and \
            qualifiers["verb"] in ("elect", "appoint", "name", "admit", "induct", "nominate") and \
            "to" in (path_preps(trig, obj) or set())
        if elected_to:
            predicate = "member"  # "elected to the National Academy of Sciences": a seat in it
        elif not role and not board:
            return None
        elif not role:  # "serves on the board of X": a seat with no title
            predicate = "member"
            qualifiers["board"] = True
        else:
            qualifiers["role"] = role
            named = max((m for m in objects if m.kb_id and m.label == "organization"
                         and m.text in role), key=lambda m: len(m.text), default=None)
            if named is not None and obj is not None and obj is not named and \
                    obj.text in named.text:
                obj = named  # "president of CBS/Sony Records, a venture with CBS": its own
            if set(role.lower().split()) & MEMBER_ROLES and not (
                    obj is not None and preposition_before(ctx.doc, obj) == "at"):
                # "elected a Fellow of the Royal Society" is not a job ("a visiting fellow at
                # Harvard" is)
                predicate = "member"
    if predicate == "member" and trig.token.lemma_ == "fellow" and obj is not None and \
            preposition_before(ctx.doc, obj) == "at":
        # "a visiting fellow at Georgetown": a post at a university, not a society's fellowship
        predicate = "worked_at"
        qualifiers["role"] = " ".join([*(t.text for t in trig.token.lefts
                                         if t.dep_ in ("amod", "compound")), "fellow"])
    listed = listed_founders(ctx, trig, predicate)
    owner = next((ctx.mention_at.get(c.i) for c in trig.token.children if c.dep_ == "poss"),
                 None) if listed else None
    if listed and owner is not None:
        # "The initiative's founders included A, B and C": who founded it, the subject or not
        subj_text, subj_id, subj_mention = "(unspecified)", None, None
        obj = owner
        qualifiers["with"] = listed
    elif predicate in ("award", "founded", "created"):  # co-recipients, co-founders, co-authors
        others = together_with(ctx, window, obj, trig, firms=predicate == "created")
        if others:
            qualifiers["with"] = others
    if predicate == "studied" and qualifiers["verb"] == "enter" and obj is not None and \
            obj.label == "organization" and not _SCHOOL.search(f"{obj.text} {obj.kb_label or ''}") \
            and as_role(window, trig):
        # "entered the Shochiku studio as an assistant cameraman": a job, not a school
        predicate = "joined"
    if predicate in ("worked_at", "joined", "left"):  # "stepped down as chief executive"
        role = trig.role or as_role(window, trig)
        if role:
            qualifiers["role"] = role
        if predicate == "joined" and obj is not None and _SCHOOL.search(
                f"{obj.text} {obj.kb_label or ''}") and _AS_STUDENT.search(
                " ".join(t.text for t in window if t.i > trig.token.i)):
            # "moved to St John's College as a research student" (not "joined the company as
            # a co-op student": a job)
            predicate = "studied"
        if role and obj is None and predicate == "worked_at" and (
                trig.present or is_present(trig.token)):
            predicate = "position"  # "still works as a psychologist": a post held now
    if not _complete(predicate, obj, time, subj_mention, qualifiers) or _verb_misread(
            trig, str(qualifiers["verb"]), obj, subj_text, subj_mention, ctx.article.text,
            predicate):
        return None
    # "serves as", "is chief executive of": a role in the present tense is a claim about now.
    present = (
        trig.present
        or is_present(trig.token)
        or ongoing(trig.token, time)
        or (sent_present and predicate in ("position", "worked_at")
            and not _past_tense(trig.token)  # "the club he was still coaching when he died"
            and marked_present([t for t in window if not _in_relative(t, trig.token)]))
    )
    if time is not None and time.value[:1].isdigit() and not ongoing(trig.token, time) and \
            qualifiers["verb"] != "remain":  # "remains X, the title he was given in 2005"
        present = False  # "1960 - Becomes professor": a dated entry in the historic present
    return Claim(
        id="",
        subject=subj_text,
        subject_kb_id=subj_id,
        predicate=predicate,
        object=obj.text if obj else None,
        object_kb_id=obj.kb_id if obj else None,
        time=time,
        start=start,
        end=end,
        obj_start=obj.start if obj else -1,
        obj_end=obj.end if obj else -1,
        present=present,
        qualifiers=qualifiers,
        score=_score(predicate, obj, time, present, span.text),
    )


def _candidate_objects(
    ctx: ClaimContext, trig: Trigger, objects: list[Mention], subj_mention: Mention | None
) -> list[Mention]:
    """The ranked names the verb may have acted on, without those that only describe."""
    if subj_mention is not None:
        # "NVIDIA's GeForce 256, launched in 1997": names inside the subject's own phrase
        # describe the subject; they are not what the verb acted on.
        phrase = _phrase_range(ctx, subj_mention, trig)
        objects = [m for m in objects if not phrase[0] <= m.start < phrase[1]]
    # "a run that FIFA would later call the goal of the century": FIFA acts in its own clause;
    # so does the festival in "X won the best actor award, and the festival gave Y its Lion"
    objects = [m for m in objects if not _subject_of_other_verb(ctx, trig, m)
               and not _in_conjoined_clause(ctx, trig, m)]
    # "the foundation", "the university": a description stands for a name as a subject or an
    # owner; as an object it is too often another clause's ("before returning to the university")
    # (but "The centre is run today by Tone Hansen": the passive verb's own subject is what
    # the person after "by" acts on)
    objects = [m for m in objects if not (m.method == "coref" and m.text[:4].lower() == "the "
                                          and not (subj_mention is not None
                                                   and subj_mention.label == "person"
                                                   and _passive_subject(ctx, trig, m)))]
    # "2007: Fourth Wimbledon title; buys a stake in X": a part of the entry before a semicolon
    # is not what the later verb acted on
    text = ctx.article.text
    objects = [m for m in objects if not (
        m.end <= trig.token.idx and ";" in text[m.end : trig.token.idx])]
    if trig.predicate in ("born", "died") and trig.token.pos_ == "NOUN":
        # "At his death he was preparing to wrap the Arc de Triomphe in Paris": the noun's own
        # phrase says where ("his death in Paris"), not the clause after it
        edge = trig.token.right_edge
        objects = [m for m in objects if m.start < edge.idx + len(edge)]
    if trig.predicate == "left":  # "left Princeton for Stony Brook": where he went next
        objects = [m for m in objects if "for" not in (path_preps(trig, m) or set())
                   and not FOR_BEFORE.search(text, max(0, m.start - 10), m.start)]
    if trig.token.lemma_ == "take":  # "took over from Ferenc Kiss as president of X"
        objects = [m for m in objects if "from" not in (path_preps(trig, m) or set())]
    if trig.predicate in WORK_PREDICATES:
        # "launched in 1997 and marketed as the world's first GPU": what it was called, not
        # what was launched or founded
        objects = [m for m in objects if "as" not in (path_preps(trig, m) or set())]
        # nor the maker: "set up by the Security Council in July 1960"
        objects = [m for m in objects if "by" not in (path_preps(trig, m) or set())]
    if trig.predicate == "worked_at":
        # "worked with Kjetil Thorsen of Snøhetta": a collaborator's firm, not an employer
        objects = [m for m in objects if "with" not in (path_preps(trig, m) or set())]
    if trig.predicate in ("position", "joined", "award"):
        # "Elected President of the Commission by the European Parliament", "awarded seven
        # perfect scores over the course of the Montreal Games": who chose, and where
        # (but one "presides over" the body itself)
        venue = _AGENT_OR_VENUE - ({"over"} if trig.token.lemma_ == "preside" else set())
        objects = [m for m in objects if not venue & (path_preps(trig, m) or set())
                   and not _BY_BEFORE.search(ctx.article.text, max(0, m.start - 12), m.start)]
    return objects


def _in_conjoined_clause(ctx: ClaimContext, trig: Trigger, mention: Mention) -> bool:
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    node = span.root if span is not None else None
    for _ in range(8):
        if node is None or node.i == trig.token.i or node.head.i == node.i:
            return False
        # ("left school and went to Tokyo as an apprentice at X": a verb with an object of
        # its own does not share the next verb's; "founded and ran X" shares X)
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and node.head.i == trig.token.i \
                and (any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
                     or any(c.dep_ == "dobj" for c in trig.token.children)
                     # (a real verb: not "studied physics and then mathematics at X")
                     and load_lexicon().lemma(node.lower_, "verb") is not None):
            return True
        node = node.head
    return False


def _apposed_work(ctx: ClaimContext, trig: Trigger) -> Mention | None:
    """"publishes her first autobiography, Quant by Quant": the work named after the comma
    that follows the verb's object (where the parser lost the apposition)."""
    made = next((c for c in trig.token.children if c.dep_ == "dobj"
                 and c.lemma_.lower() in WORK_NOUNS), None)
    at = made.i + 1 if made is not None else len(ctx.doc)
    if at + 1 >= len(ctx.doc) or ctx.doc[at].text != ",":
        return None
    named = ctx.mention_at.get(at + 1)
    return named if named is not None and named.label == "work" and named.kb_id else None


def _named_as(ctx: ClaimContext, trig: Trigger, set_off: bool = True) -> Mention | None:
    """The work named in the verb's "as" phrase ("published as Reflections on Trusting Trust")."""
    for prep in trig.token.children:
        if prep.lower_ == "as" and (set_off or prep.i == 0 or prep.nbor(-1).text != ","):
            for tok in prep.subtree:
                named = ctx.mention_at.get(tok.i)
                if named is not None and named.label == "work":
                    return named
    return None


def _referenced(trig: Trigger, time: Timex | None) -> bool:
    """A verb in an "after/before/since/until" clause names a known event to count from; a
    date outside that clause is not its date."""
    tok = trig.token
    if time is None or tok.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until", "once")
            for c in tok.children):
        return False
    inside = [t.idx for t in tok.subtree]
    return not min(inside) <= time.start <= max(inside)


def _passive_subject(ctx: ClaimContext, trig: Trigger, mention: Mention) -> bool:
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "nsubjpass" and \
        span.root.head.i == trig.token.i and any(c.dep_ == "agent" for c in trig.token.children)


def _subject_of_other_verb(ctx: ClaimContext, trig: Trigger, mention: Mention) -> bool:
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.i != trig.token.i and \
        root.head.pos_ in ("VERB", "AUX") and root.head.dep_ in ("relcl", "advcl", "ccomp")


def _verb_misread(trig: Trigger, verb: str, obj: Mention | None, subj_text: str,
                  subj_mention: Mention | None, text: str, predicate: str = "") -> bool:
    """Verbs that make a claim only in some of their senses."""
    if any(c.dep_ == "neg" for c in trig.token.children):
        return True  # "Borges never won the Nobel Prize": a claim that it did not happen
    verb_of = trig.token.head if trig.token.dep_ == "prep" else trig.token  # "to work under X"
    if verb_of.dep_ == "xcomp" and _UNREALIZED & {verb_of.head.lemma_.lower(),
                                                  verb_of.head.lower_.removesuffix("d")}:
        return True  # "where he hoped to work under Thomson": a wish, not what happened
    if verb == "win" and obj is not None and (
            _ELECTORAL_AFTER.match(text, obj.end) or _ELECTORAL_BEFORE.search(
                text, max(0, obj.start - 25), obj.start)):
        return True  # "won the Kawhmu constituency", "won the seat of X": an election
    if verb == "announce" and any(c.dep_ == "ccomp" for c in trig.token.children):
        return True  # "the Committee announced that she would share X": a statement
    if verb in ("enter", "read") and predicate != "joined" and not (
            obj and _SCHOOL.search(f"{obj.text} {obj.kb_label or ''}")):
        # "entered Parliament" is no enrolment, "entered the Leman School" is; "read classics
        # at Cambridge" is study, "read a paper at the Royal Society" is not
        return True
    if verb == "attend" and obj is not None and (obj.label in ("work", "person") or {
            "as", "for"} & (path_preps(trig, obj) or set())):
        return True  # "attended the trial as a reporter for The New Yorker": no school
    if verb in _INTRANSITIVE_RELEASE and trig.token.pos_ != "NOUN" and \
            subj_text != "(unspecified)" and (
            subj_mention is None or subj_mention.label == "person") and not any(
            c.dep_ == "dobj" for c in trig.token.children) and not _subject_named_work(trig, obj):
        return True  # "she appeared in an episode of X": a performance, not a release
    if verb == "open" and not ((subj_mention is not None and subj_mention.label == "work")
                               or (obj is not None and obj.label == "work")):
        return True  # a play or film opens; "the company opened for business" is no founding
    # "plays for the Mariners" is membership; "played Hamlet" is not
    return verb == "play" and (obj is None or "for" not in (path_preps(trig, obj) or ()))


# Works made from another work, which keep the other's name but have a date of their own
_DERIVED_NOUNS = frozenset({"translation", "adaptation", "remake"})


def _derived_subject(ctx: ClaimContext, trig: Trigger) -> bool:
    """"its English translation appeared in 1990": the translation's date, not the book's; the
    KB may not hold the translation at all, so the sentence says nothing checkable of the book
    (a translation named in the phrase, "its translation, The Silence," is linked instead)."""
    if trig.predicate not in ("released", "created"):
        return False
    subj = subject_token(trig.token)
    return subj is not None and subj.lemma_.lower() in _DERIVED_NOUNS and \
        not any(t.i in ctx.mention_at for t in subj.subtree)


def _the_work_noun(ctx: ClaimContext, trig: Trigger) -> Mention | None:
    """"Takemitsu wrote the piece in 1966": the work "the piece" stands for, named last before
    it in its paragraph."""
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in WORK_NOUNS for c in trig.token.children):
        return None  # "a translation of 1956 introduced the book": another work's date
    noun = next((c for c in trig.token.children if c.dep_ in ("dobj", "nsubjpass")
                 and c.lemma_.lower() in WORK_NOUNS | {"piece", "work"}
                 and any(d.lower_ == "the" for d in c.children)), None)
    return nearest_work(ctx, noun, noun) if noun is not None else None


def _subject_named_work(trig: Trigger, obj: Mention | None) -> bool:
    """"the year her first collection, Evening, appeared": the work set off after the verb's
    subject is what appeared."""
    if obj is None or obj.label != "work":
        return False
    span = trig.token.doc.char_span(obj.start, obj.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "appos" and span.root.head.dep_ == "nsubj" \
        and span.root.head.pos_ == "NOUN" and span.root.head.head.i == trig.token.i \
        and span.start > 0 and span.doc[span.start - 1].text == ","


_ELECTORAL_AFTER = re.compile(
    r"\s+(?:constituency|seat|riding|electorate|district|ward|by-election|election|primary)\b",
    re.I)
_ELECTORAL_BEFORE = re.compile(r"\b(?:seat|constituency|riding|electorate) (?:of|for) (?:the )?$",
                               re.I)
_DOCUMENT = re.compile(r"\b(?:manifesto|declaration|treaty|petition|charter|accords?|pact|"
                       r"convention|protocol|agreement|act)\b", re.I)
_INTRANSITIVE_RELEASE = frozenset({"appear", "premiere", "debut"})
# Verbs whose infinitive complement tells a plan, a wish or an attempt, not an event
_UNREALIZED = frozenset({"hope", "plan", "intend", "want", "wish", "expect", "aim", "seek", "try",
                         "attempt", "refuse", "decline", "fail", "hesitate", "long", "dream"})
_PARTY = re.compile(r"\bparty\b", re.I)
_AGENT_OR_VENUE = frozenset({"by", "over", "during", "throughout"})
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
_UNTIL = re.compile(r"\b(?:until|till|up to)\s+$", re.I)


def _under_until(ctx: ClaimContext, trig: Trigger, time: Timex) -> bool:
    """"became Prime Minister again, until his defeat in the election of 1996": a date inside
    the verb's "until" phrase ends what the verb began."""
    span = ctx.doc.char_span(time.start, time.end, alignment_mode="expand")
    node = span.root if span is not None else None
    for _ in range(12):
        if node is None or node.i == trig.token.i or node.head.i == node.i:
            return False
        if node.dep_ == "prep" and node.lower_ in ("until", "till") and \
                node.head.i == trig.token.i and node.idx < time.start:
            return True
        node = node.head
    return False
_AFTER_BOUND = re.compile(r"\b(?:after|following)\s+(?:the\s+)?$", re.I)
_SCHOOL = re.compile(
    r"\b(school|college|university|academy|institute|conservatoire|"
    r"conservatory|lyc[ée]e|gymnasium|polytechnic)\b",
    re.I,
)


_ENDING = frozenset({"end", "collapse", "dissolve", "close", "conclude", "fold", "expire"})


def _ended(trig: Trigger) -> bool:
    """"The marriage to Pills ended in divorce in 1957": the date is the end of what the noun
    names, not its start (the claim stays, undated)."""
    tok = trig.token
    return tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in _ENDING


def _owned_by_its(window: list[Token], trig: Trigger) -> bool:
    """"became its president": the role after the verb is owned by "its" or "their"."""
    return any(t.i > trig.token.i and t.lower_ in ("its", "their") and t.dep_ == "poss"
               and t.head.lemma_.lower() in ROLE_NOUNS for t in window)


def _anaphoric_role(window: list[Token], trig: Trigger, role: str) -> bool:
    """"appointed Reid Professor ..., one of the youngest ever to hold the chair": a bare
    "the <role>" with no organisation names a post the sentence has already named."""
    if " " in role:
        return False
    at = next((t for t in window if t.i > trig.token.i and t.text == role), None)
    if at is None or at.i == 0 or at.doc[at.i - 1].lower_ != "the":
        return False
    return any(t.lower_ in ROLE_NOUNS for t in trig.token.sent if t.i < trig.token.i)


def _past_tense(verb: Token) -> bool:
    return verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _in_relative(tok: Token, verb: Token) -> bool:
    """Is ``tok`` inside a relative clause below ``verb`` ("..., where it was still billed")?"""
    node = tok
    for _ in range(10):
        if node.i == verb.i or node.head.i == node.i:
            return False
        if node.dep_ in ("relcl", "acl"):
            return True
        node = node.head
    return False


def _phrase_range(ctx: ClaimContext, mention: Mention, trig: Trigger) -> tuple[int, int]:
    """Character range of the noun phrase around ``mention`` (its root's subtree), unless
    the trigger itself lies inside it."""
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return (mention.start, mention.end)
    root = span.root
    while root.dep_ in ("compound", "nummod", "appos") and root.head is not root:
        root = root.head
    left, right = root.left_edge, root.right_edge
    if left.i <= trig.token.i <= right.i:
        return (mention.start, mention.end)
    return (left.idx, right.idx + len(right.text))


def _refine_predicate(
    predicate: str, degree: str | None, objects: list[Mention], lead_verb: bool = False,
    trig: Trigger | None = None,
) -> str:
    """ "earned a PhD" is study, "received the Prize" an award; "launched a company" founds it."""
    if predicate == "context":
        return "studied" if degree else "award"
    if trig is not None and trig.target is not None:
        objects = [trig.target]  # ("Floating Weeds (1934), made on loan to the Daiei studio")
    if predicate == "released" and objects and objects[0].label == "organization" and (
            trig is None or not (path_preps(trig, objects[0]) or set()) & SETTING_PREPS):
        return "founded"  # "launched a company"; not "opened at the Ambassadors Theatre"
    if predicate == "position" and objects and objects[0].label == "work" and lead_verb:
        return "created"  # "directed the film", "led the project's first release"
    return predicate


_NATIONALS = frozenset({"citizen", "citizenship", "subject", "national", "passport"})


def _nationality(trig: Trigger) -> Mention | None:
    """The nationality adjective of "a Canadian citizen", "British citizenship", "naturalised
    as an American": the country is matched to the KB's by that word."""
    tok = trig.token
    heads = [tok] if tok.lemma_.lower() in _NATIONALS else [
        t for t in tok.subtree if t.lemma_.lower() in _NATIONALS or t.dep_ == "pobj"
        and t.head.lower_ == "as"]
    for head in heads:
        for word in (head, *head.children):
            if word.dep_ in ("amod", "compound", "pobj") and word.is_alpha and \
                    word.text[:1].isupper() and word.lemma_.lower() not in _NATIONALS:
                return Mention(word.text, word.idx, word.idx + len(word.text), "other",
                               method="nationality")
    return None


_COUPLE = frozenset({"two", "couple", "pair", "they"})


def _couple_partner(ctx: ClaimContext, trig: Trigger) -> Mention | None:
    """The person named before "the two" / "the couple" / "they" married, in its sentence:
    the profile's subject's partner."""
    subj = next((c for c in trig.token.children if c.dep_ == "nsubj"), None)
    if subj is None and trig.token.dep_ == "acl":
        subj = trig.token.head  # "and the two married in 1951", "married" read as a modifier
    if subj is None or subj.lower_ not in _COUPLE:
        return None
    sent = trig.token.sent
    people = [m for i, m in ctx.mention_at.items() if sent.start <= i < subj.i
              and m.label == "person" and not (ctx.subject and ctx.subject.matches(m))]
    return max(people, key=lambda m: m.start, default=None)


def _is_patient(
    trig: Trigger, predicate: str, subj: Mention | None, subject: ProfileSubject | None
) -> bool:
    if subj is None or predicate not in ("created", "founded", "released"):
        return False
    if subject is not None and subject.matches(subj):
        return False
    participle = trig.token.dep_ in ("acl", "relcl") and trig.token.tag_ == "VBN"
    head = trig.token.head
    if participle and trig.token.dep_ == "acl" and head.dep_ == "pobj" and \
            not subj.start <= head.idx < subj.end:
        return False  # "together with a companion paper written with X": the paper was written
    # "X, set up by the Security Council": the one after "by" made it; it is not what was made
    by_agent = any(subj.start <= t.idx < subj.end for c in trig.token.children
                   if c.dep_ == "agent" for t in c.subtree)
    return subj.label != "person" and (trig.passive or participle) and not by_agent


def _complete(
    predicate: str,
    obj: Mention | None,
    time: Timex | None,
    subj: Mention | None,
    qualifiers: dict[str, object],
) -> bool:
    """A claim worth recording names what it is about: an object, or a date for born/died."""
    if predicate in ("born", "died"):
        return obj is not None or time is not None
    if predicate == "released":
        return obj is not None or (subj is not None and time is not None)
    if predicate == "position":
        # A named role is checkable by itself ("was recently named chief executive"); a bare
        # "runs" or "leads" with nothing run or led is not a claim.
        if obj is not None or qualifiers.get("verb") not in LEAD_VERBS:
            return True
        # "During the 1990s she led protests": a date does not make leading a role.
        role = str(qualifiers.get("role") or "").lower()
        return time is not None and bool(role) and role not in LEAD_VERBS and role != "lead"
    if predicate == "left" and obj is None:
        return bool(qualifiers.get("role")) and time is not None  # a post left, dated
    if predicate == "studied" and obj is None:
        # "She completed her doctorate in 1908": a degree, dated, names the studies
        return time is not None and str(qualifiers.get("degree", "")).lower().rstrip(".") in \
            _DOCTORATES
    return obj is not None


_AS_STUDENT = re.compile(r"\bas an? (?:[\w-]+ ){0,2}?(?:student|undergraduate|postgraduate)\b",
                         re.I)
_DOCTORATES = frozenset({"phd", "ph.d", "doctorate", "dphil", "d.phil"})


def _score(
    predicate: str, obj: Mention | None, time: Timex | None, present: bool, text: str
) -> float:
    """Check-worthiness: specific, dated, linked statements first; present tense ages badly."""
    score = PREDICATE_WEIGHT.get(predicate, 0.5) * 0.6
    score += 0.2 if time is not None else 0.0
    score += 0.1 if obj is not None and obj.kb_id else 0.0
    score += 0.1 if present else 0.0
    score += 0.05 if any(ch.isdigit() for ch in text) else 0.0
    return round(min(score, 1.0), 2)
