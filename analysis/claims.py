"""Claim extraction: pure functions from an annotated Doc to Claim records.

A claim starts at a trigger (a verb or noun of ``analysis.vocabulary``), takes its object from
the entity mentions in the trigger's syntactic window (falling back to the words up to the next
trigger when the parse of a fragment such as "1988: Joined X" is poor), its time from the
temporal expression that attaches to it (or the bullet's date label), and its subject from the
syntax, with pronouns and name forms of the profile's subject resolved to the subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from analysis.models import Article, Block, Claim, Mention, Timex
from analysis.subject import ProfileSubject
from analysis.triggers import Trigger, find_triggers, in_other_event, verb_lemma
from analysis.vocabulary import (
    DEGREE_NOUNS,
    DEGREE_WORDS,
    PREDICATE_WEIGHT,
    PREDICATES,
    PRESENT_MARKERS,
    RELATIONS,
    ROLE_NOUNS,
    SUBJECT_PRONOUNS,
    WORK_NOUNS,
)

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_INHERIT_DEPS = frozenset(
    {"conj", "xcomp", "advcl", "ccomp", "pcomp", "relcl", "acl", "prep", "pobj"}
)
_WITH_WORDS = frozenset({"with", "alongside", "and", "beside"})
_DATED_TYPES = frozenset({"DATE"})
_RELATIVE_TEXT = re.compile(r"\b(later|after|afterwards|earlier|before|ago|previous|next|"
                            r"following)\b", re.I)
_LEAD_VERBS = frozenset({"lead", "head", "direct", "chair", "run"})
_MEMBER_ROLES = frozenset({"fellow", "member", "associate", "academician"})
_PRESENT_PHRASES = re.compile(r"\b(these days|at present|to this day|as of today)\b", re.I)
_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b")
_AWARD_VERBS = frozenset({"award", "win", "co-win", "honor", "honour", "present", "give",
                          "grant", "bestow", "confer"})
# Predicates whose subject is a person: a non-name subject of these is the profile's subject.
_PERSON_PREDICATES = frozenset(
    {"born", "died", "studied", "joined", "worked_at", "left", "position", "award", "advisor"}
)
# Clauses that share their governor's date: "joining X in 2013 to lead Y".
_EMBEDDED_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl", "pobj", "prep", "dobj"})
_CLAUSE_BREAKS = frozenset({",", ";", "and", "but", "while", "whereas", "—", "–"})


@dataclass
class _Context:
    doc: Doc
    article: Article
    subject: ProfileSubject | None
    mention_at: dict[int, Mention]
    timexes: list[Timex]

    def mention_at_char(self, offset: int) -> Mention | None:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return self.mention_at.get(span.start) if span is not None else None


def extract_claims(
    doc: Doc,
    *,
    article: Article,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    timexes: list[Timex],
    subject: ProfileSubject | None,
) -> list[Claim]:
    """All claims of the article, in text order, numbered c1, c2, ..."""
    ctx = _Context(doc, article, subject, _index_mentions(doc, mentions), timexes)
    claims: list[Claim] = []
    for start, end in sentences:
        block = _block_at(article, start)
        if block is None or block.kind in ("heading", "title", "pull_quote"):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        claims.extend(_sentence_claims(ctx, span, block, start, end))
    return [_renumber(c, i) for i, c in enumerate(claims, 1)]


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
    ctx: _Context, span: Span, block: Block, start: int, end: int
) -> Iterator[Claim]:
    triggers = find_triggers(span, ctx.mention_at)
    if not triggers:
        return
    own_time = _assign_times(ctx, span, triggers)
    label_time = _label_timex(ctx, block) if block.date_label else None
    sent_present = _sentence_present(ctx, span, start, end)
    seen: set[tuple[str, str | None, str]] = set()
    for trig in triggers:
        time = _timex_at(ctx, trig.time_at) or own_time.get(trig.token.i)
        if time is None and not in_other_event(trig.token):
            # "a month after leaving Google": the entry's date is not this event's
            time = _inherited_time(span, trig, own_time) or label_time
        claim = _build_claim(ctx, span, trig, triggers, time, sent_present, start, end)
        if claim is None:
            continue
        for each in (claim, *_coordinated(ctx, claim)):
            key = (each.predicate, each.object_kb_id or each.object, each.subject)
            if key not in seen:  # "became a member of X" makes one claim, not two
                seen.add(key)
                yield each


_COORDINATED = frozenset({"award", "created", "founded", "released", "studied", "joined"})


def _coordinated(ctx: _Context, claim: Claim) -> Iterator[Claim]:
    """"Received the A.M. Turing Award and the IEEE von Neumann Medal": one claim per name."""
    if claim.predicate not in _COORDINATED or claim.obj_start < 0:
        return
    first = ctx.mention_at_char(claim.obj_start)
    span = ctx.doc.char_span(claim.obj_start, claim.obj_end, alignment_mode="expand")
    if first is None or span is None:
        return
    for conj in span.root.conjuncts:
        other = ctx.mention_at.get(conj.i)
        honours = {"award", "position"}
        if other is None or other is first or (
                other.label != first.label and not {other.label, first.label} <= honours):
            continue
        # "between the 2002 French Open and the 2003 Australian Open": a year of its own
        left = conj.left_edge.idx
        own = next((t for t in ctx.timexes if left <= t.start < other.end
                    and t.value[:1].isdigit()), None)
        yield replace(claim, object=other.text, object_kb_id=other.kb_id,
                      obj_start=other.start, obj_end=other.end, time=own or claim.time)


def _timex_at(ctx: _Context, offset: int) -> Timex | None:
    if offset < 0:
        return None
    return next((t for t in ctx.timexes if t.start <= offset < t.end), None)


def _build_claim(
    ctx: _Context,
    span: Span,
    trig: Trigger,
    triggers: list[Trigger],
    time: Timex | None,
    sent_present: bool,
    start: int,
    end: int,
) -> Claim | None:
    window = _window(span, trig, triggers)
    subj_text, subj_id, subj_mention = _subject(ctx, trig)
    if subj_mention is not None and _unversioned(ctx.doc, subj_mention) is not subj_mention:
        subj_mention = _unversioned(ctx.doc, subj_mention)
        subj_text, subj_id = subj_mention.text, None
    speech = _speech_tokens(span, ctx.mention_at)
    spoken = [t for t in window if t.i not in speech]
    objects = _rank_objects(trig, [
        _unversioned(ctx.doc, m) for m in _mentions_in(ctx, spoken) if m is not subj_mention
    ])
    degree = trig.degree or _degree(window)
    predicate = _refine_predicate(trig.predicate, degree, objects, trig.role is not None)
    qualifiers: dict[str, object] = {"verb": verb_lemma(trig.token)}
    obj = trig.target or _pick_object(objects, predicate, trig, ctx.subject)
    if trig.target is not None and predicate in ("released", "founded", "created"):
        # "Samson and Delilah (1949)": a work's date, whoever made it; an honour in a list of
        # the subject's honours ("Glenn Gould Prize (1999)") is the subject's.
        subj_text, subj_id, subj_mention = "(unspecified)", None, None
    elif _is_patient(trig, predicate, subj_mention, ctx.subject):
        # "COBOL, introduced in 1955" / "the Award was established in 1954": the thing made is
        # the grammatical subject; whoever made it is not named here.
        obj, subj_text, subj_id, subj_mention = subj_mention, "(unspecified)", None, None
    if degree and predicate == "studied":
        qualifiers["degree"] = degree
    if predicate == "position" and obj is not None and obj.label == "award":
        predicate = "award"  # "appointed to the Order of Merit", "named Sportsperson of the Year"
    if predicate == "position":
        role = trig.role or _role_phrase([t for t in window if t.i > trig.token.i], objects)
        if not role:
            return None
        qualifiers["role"] = role
        if set(role.lower().split()) & _MEMBER_ROLES:
            predicate = "member"  # "elected a Fellow of the Royal Society" is not a job
    if predicate == "award":
        others = _together_with(ctx, window, obj, trig)
        if others:
            qualifiers["with"] = others
    if predicate in ("worked_at", "joined"):
        role = trig.role or _as_role(window, trig)
        if role:
            qualifiers["role"] = role
    if not _complete(predicate, obj, time, subj_mention, qualifiers):
        return None
    # "serves as", "is chief executive of": a role in the present tense is a claim about now.
    present = trig.present or _is_present(trig.token) or _ongoing(trig.token, time) or (
        sent_present and predicate in ("position", "worked_at") and _marked_present(window))
    if time is not None and time.value[:1].isdigit() and not _ongoing(trig.token, time):
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


def _speech_tokens(span: Span, mention_at: dict[int, Mention]) -> set[int]:
    """Tokens of quoted speech (six words or more). A shorter quotation may be a title, and so
    is one that a KB name covers almost whole ("On Computable Numbers, with an ...")."""
    inside: set[int] = set()
    run: list[int] = []
    quote = False
    for tok in span:
        if tok.text in "“”\"":
            named = sum(1 for i in run if getattr(mention_at.get(i), "kb_id", None))
            if quote and sum(1 for i in run if span.doc[i].is_alpha) >= 6 and named < 0.8 * len(
                    run):
                inside.update(run)
            quote, run = not quote, []
        elif quote:
            run.append(tok.i)
    return inside


def _unversioned(doc: Doc, m: Mention) -> Mention:
    """"Python 1.0" where the KB knows only Python: the release is not the language, so the
    name is left unlinked rather than checked against the language's dates."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or not m.kb_id:
        return m
    nxt = doc[span.end]
    if nxt.like_num and ("." in nxt.text or len(nxt.text) <= 2) and not nxt.whitespace_ == "":
        return replace(m, text=f"{m.text} {nxt.text}", end=nxt.idx + len(nxt.text), kb_id=None,
                       kb_label=None)
    return m


def _refine_predicate(
    predicate: str, degree: str | None, objects: list[Mention], lead_verb: bool = False
) -> str:
    """"earned a PhD" is study, "received the Prize" an award; "launched a company" founds it."""
    if predicate == "context":
        return "studied" if degree else "award"
    if predicate == "released" and objects and objects[0].label == "organization":
        return "founded"
    if predicate == "position" and objects and objects[0].label == "work" and lead_verb:
        return "created"  # "directed the film", "led the project's first release"
    return predicate


def _is_patient(
    trig: Trigger, predicate: str, subj: Mention | None, subject: ProfileSubject | None
) -> bool:
    if subj is None or predicate not in ("created", "founded", "released"):
        return False
    if subject is not None and subject.matches(subj):
        return False
    participle = trig.token.dep_ in ("acl", "relcl") and trig.token.tag_ == "VBN"
    return subj.label != "person" and (trig.passive or participle)


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
        return obj is not None or time is not None or qualifiers.get("verb") not in _LEAD_VERBS
    return obj is not None


def _window(span: Span, trig: Trigger, triggers: list[Trigger]) -> list[Token]:
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
        stack.extend(c for c in tok.children if c.i not in others and span.start <= c.i < span.end)
    if (
        trig.token.dep_ in ("ROOT", "conj", "advcl", "xcomp", "acl", "relcl", "pcomp")
        and len(tokens) > 1
    ):
        return sorted(tokens, key=lambda t: t.i)
    later = [t.token.i for t in triggers if t.token.i > trig.token.i]
    stop = min(later) if later else span.end
    return list(span.doc[trig.token.i : stop])


def _mentions_in(ctx: _Context, window: list[Token]) -> list[Mention]:
    seen: list[Mention] = []
    for tok in window:
        m = ctx.mention_at.get(tok.i)
        if m is not None and m not in seen:
            seen.append(m)
    return seen


# Prepositions under which a name is the setting of an act, not what it made or founded.
_SETTING_PREPS = frozenset({"at", "in", "during", "for", "under", "with", "from", "to", "on",
                            "within", "by", "into", "of"})
# Prepositions that put a name in another event ("After posts at X, she joined Y").
_OTHER_EVENT_PREPS = frozenset({"after", "before", "following", "prior", "until", "since"})
_WORK_PREDICATES = frozenset({"created", "founded", "released"})


def _path_preps(trig: Trigger, mention: Mention) -> set[str] | None:
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
        if node.head.i == node.i:
            break
        node = node.head
    before = doc[span.start - 1] if span.start > 0 else None
    return {before.lower_} if before is not None and before.pos_ == "ADP" else None


def _rank_objects(trig: Trigger, objects: list[Mention]) -> list[Mention]:
    """Names attached to the trigger first, then those after it; names inside another event's
    phrase ("after posts at X") are dropped."""
    ranked: list[tuple[int, int, Mention]] = []
    for m in objects:
        preps = _path_preps(trig, m)
        if preps and preps & _OTHER_EVENT_PREPS:
            continue
        score = (2 if preps is not None else 0) + (1 if m.start > trig.token.idx else 0)
        ranked.append((-score, m.start, m))
    return [m for _, _, m in sorted(ranked, key=lambda x: (x[0], x[1]))]


def _pick_object(
    objects: list[Mention], predicate: str, trig: Trigger, subject: ProfileSubject | None
) -> Mention | None:
    wanted = PREDICATES[predicate][1]
    candidates = [m for m in objects if not (subject and subject.matches(m))]
    if predicate in _WORK_PREDICATES:
        candidates = [m for m in candidates if not (_path_preps(trig, m) or set()) & _SETTING_PREPS]
    if predicate == "position":
        # The employer is the organisation after "at" or the verb's object; a department named
        # in the role ("head of the X Department") is not. Known names first, then in order.
        orgs = [m for m in candidates if m.label == "organization"
                or (m.kb_id and m.label == "other")]
        doc = trig.token.doc
        orgs.sort(key=lambda m: (_preposition_before(doc, m) == "of", m.kb_id is None))
        if not orgs:
            # "was named Time's Person of the Year": an honour, checked as an award
            return next((m for m in candidates if m.label == "award"), None)
        return orgs[0]
    # A KB entity typed "other" (a Wikidata class the importer does not map) may still be the
    # organisation; names the KB knows go before names it does not.
    typed = [m for m in candidates if m.label in wanted
             or (m.kb_id and m.label == "other" and "organization" in wanted
                 and m.text.lower().rstrip(".") not in DEGREE_WORDS | DEGREE_NOUNS)]
    typed.sort(key=lambda m: m.kb_id is None)
    if typed:
        return typed[0]
    if predicate in _WORK_PREDICATES:
        return next((m for m in candidates if m.label in ("other", "work")), None)
    if predicate == "award" and verb_lemma(trig.token) in _AWARD_VERBS:
        # An explicit award verb: the thing awarded is an award whatever type the KB gave it.
        return next((m for m in candidates if m.label in ("other", "work") and m.kb_id), None)
    if predicate in ("born", "died"):
        # "Born in Kraków": a place name the tagger took for a person is still the place.
        return next((m for m in candidates if not m.kb_id and m.label != "organization"
                     and (_path_preps(trig, m) or set()) & {"in", "at"}), None)
    return None


def _subject(ctx: _Context, trig: Trigger) -> tuple[str, str | None, Mention | None]:
    default = (ctx.subject.name, ctx.subject.kb_id) if ctx.subject else ("(unknown)", None)
    tok = _possessor(trig.token) if trig.token.pos_ == "NOUN" else None
    if trig.predicate == "award" and not trig.passive:
        # "Obama awarded her the Medal": the recipient is the indirect object (a pronoun or a
        # person; "awarded the RIBA Gold Medal" is a misparse, not a recipient).
        tok = tok or next((c for c in trig.token.children if c.dep_ in ("dative", "iobj")
                           and (c.pos_ == "PRON" or getattr(ctx.mention_at.get(c.i), "label",
                                                           "") == "person")), None)
    tok = tok or _subject_token(trig.token)
    if tok is None:
        return default[0], default[1], None
    mention = ctx.mention_at.get(tok.i) or _mention_in_phrase(ctx, tok)
    if (mention is not None and trig.token.dep_ == "acl" and trig.token.tag_ == "VBG"
            and mention.label != "person" and tok.i == trig.token.head.i):
        # "Joined Eckert-Mauchly, writing the A-0 compiler": the parser hangs the participle on
        # the company; the profile's subject is the one writing.
        return default[0], default[1], None
    if mention is None and tok.i == trig.token.head.i:
        # A participle hung on a non-name ("Appointed professor ..., founding X"): the
        # profile's subject did it.
        return default[0], default[1], None
    if mention is not None:
        if ctx.subject and ctx.subject.matches(mention):
            return default[0], default[1], mention
        return mention.kb_label or mention.text, mention.kb_id, mention
    if tok.lower_ in SUBJECT_PRONOUNS:
        if ctx.subject is not None and not ctx.subject.takes(tok.lower_):
            # "he died in Greece" in a profile of a woman: someone else, the last man named.
            other = _previous_person(ctx, tok)
            return (other.kb_label or other.text, other.kb_id, other) if other else (
                "(someone else)", None, None)
        return default[0], default[1], None
    if tok.lower_ in RELATIONS or any(c.lower_ in RELATIONS for c in tok.lefts):
        return "(someone else)", None, None
    if tok.lemma_.lower() in WORK_NOUNS:
        # "Beloved, her novel of ..., won the Pulitzer": the work did, named nearby.
        work = _nearest_work(ctx, trig.token)
        return (work.kb_label or work.text, work.kb_id, work) if work else ("(a work)", None, None)
    # "It was during his postdoc ... that": an expletive, or a fragment's stray noun or number.
    if tok.pos_ not in ("NOUN", "PROPN"):
        return default[0], default[1], None
    if trig.predicate in _PERSON_PREDICATES:
        # "the physicist joined ...", but "her laboratory still runs on ..." is not her
        personal = tok.lemma_.lower() in ROLE_NOUNS or tok.lemma_.lower().endswith(
            ("ist", "er", "or", "ian", "man", "woman")) or any(
            c.dep_ == "poss" and c.lower_ in SUBJECT_PRONOUNS
            and (ctx.subject is None or ctx.subject.takes(c.lower_)) for c in tok.children)
        return (default[0], default[1], None) if personal else ("(unspecified)", None, None)
    phrase = tok.doc[tok.left_edge.i : tok.i + 1].text
    return phrase, None, None


def _nearest_work(ctx: _Context, tok: Token) -> Mention | None:
    sent = tok.sent
    works = [m for m in ctx.mention_at.values() if m.label == "work"
             and sent.start_char <= m.start < tok.idx]
    return max(works, key=lambda m: m.start, default=None)


def _previous_person(ctx: _Context, tok: Token) -> Mention | None:
    """The last person named before ``tok`` who is not the profile's subject."""
    best = None
    for m in ctx.mention_at.values():
        if m.label == "person" and m.end <= tok.idx and not (
                ctx.subject and ctx.subject.matches(m)):
            if best is None or m.start > best.start:
                best = m
    return best


def _possessor(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "poss"), None)


def _mention_in_phrase(ctx: _Context, head: Token) -> Mention | None:
    """ "The Llama 3.1 model": the name inside the subject's noun phrase."""
    for tok in head.lefts:
        if tok.dep_ in ("compound", "nmod", "nummod", "amod", "poss") and tok.i in ctx.mention_at:
            return ctx.mention_at[tok.i]
    for tok in head.rights:
        if tok.dep_ == "appos" and tok.i in ctx.mention_at:
            return ctx.mention_at[tok.i]  # "Her daughter Irène Joliot-Curie"
    if head.dep_ == "appos" and head.head.i in ctx.mention_at:
        # "COBOL, the common business-oriented language introduced in 1955"
        return ctx.mention_at[head.head.i]
    return None


def _subject_token(token: Token) -> Token | None:
    """The grammatical subject of the trigger, looking up through conjoined and embedded verbs."""
    current = token
    for _ in range(6):
        subj = next((c for c in current.children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is not None:
            return subj
        if current.dep_ in ("acl", "relcl") and current.head is not current:
            return current.head
        if current.dep_ not in _INHERIT_DEPS or current.head is current:
            return None
        current = current.head
    return None


def _assign_times(ctx: _Context, span: Span, triggers: list[Trigger]) -> dict[int, Timex]:
    """Each dated timex goes to the first trigger above it in the parse (or the only trigger,
    when that trigger is the main verb)."""
    trigger_ids = {t.token.i for t in triggers}
    wanted: dict[int, list[tuple[Timex, int]]] = {}
    for tx in _timexes_in(ctx, span.start_char, span.end_char):
        tok = span.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if tok is None:
            continue
        owner = _owner_above(tok.root, trigger_ids)
        if owner is None and len(triggers) == 1 and _main_clause(triggers[0].token):
            owner = triggers[0].token.i
        if owner is not None:
            wanted.setdefault(owner, []).append((tx, tok.start))
    owned: dict[int, Timex] = {}
    for owner, found in sorted(wanted.items()):
        # Several dates hung on one verb: it keeps the one after it ("earned X ... in 1988");
        # one before it goes to an earlier trigger that has none ("Born ... in 1967, he earned").
        # Dates inside a relative clause below the verb are that clause's ("joined X in 1989,
        # where she held a chair until 2006"); then the date after the verb is its own.
        direct = [f for f in found if not _through_clause(span.doc[f[1]], owner)] or found
        after = [f for f in direct if f[1] > owner] or direct
        owned.setdefault(owner, after[0][0])
        for tx, at in found:
            if tx is owned[owner]:
                continue
            other = _preceding_owner(span, triggers, owned, at, strict=False)
            if other is not None:
                owned[other] = tx
    for owner, tx in list(owned.items()):
        tok = span.doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if tok is not None and owner > tok.start and len(wanted.get(owner, [])) == 1:
            other = _preceding_owner(span, triggers, owned, tok.start)
            if other is not None:
                del owned[owner]
                owned[other] = tx
    return owned


def _through_clause(node: Token, owner: int) -> bool:
    for _ in range(12):
        if node.i == owner or node.head.i == node.i:
            return False
        if node.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        node = node.head
    return False


def _owner_above(node: Token, trigger_ids: set[int]) -> int | None:
    for _ in range(12):
        if node.i in trigger_ids:
            return node.i
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _main_clause(token: Token) -> bool:
    """Not inside a relative or adverbial clause ("..., where he completed a degree")."""
    node = token
    for _ in range(8):
        if node.dep_ in ("relcl", "advcl", "ccomp", "acl"):
            return False
        if node.head.i == node.i:
            return True
        node = node.head
    return True


def _preceding_owner(
    span: Span, triggers: list[Trigger], owned: dict[int, Timex], timex_i: int,
    strict: bool = True,
) -> int | None:
    """ "joining X in 2013 to lead Y": a date right after a trigger's object belongs to it,
    not to the later verb the parser hung it on, unless a clause break comes between."""
    before = [t.token.i for t in triggers if t.token.i < timex_i and t.token.i not in owned]
    if not before:
        return None
    between = span.doc[before[-1] + 1 : timex_i]
    if strict and any(t.lower_ in _CLAUSE_BREAKS for t in between):
        return None
    return before[-1]


def _inherited_time(span: Span, trig: Trigger, owned: dict[int, Timex]) -> Timex | None:
    """A clause with no date of its own shares its governor's ("while at X", "to lead Y"), or
    that of a date just before it with no clause break between ("... in 2013 to lead Y")."""
    if trig.inherits and owned:
        return next(iter(owned.values()))
    node = trig.token
    head = node.head
    if node.dep_ == "conj" and head.i in owned and owned[head.i].start < head.idx:
        # "In 2011 she received X and was named Y": a fronted date frames both verbs.
        return owned[head.i]
    for _ in range(4):
        if node.dep_ not in _EMBEDDED_DEPS or node.head.i == node.i:
            break
        node = node.head
        if node.i in owned:
            return owned[node.i]
    before = [tx for tx in owned.values() if tx.end <= trig.token.idx]
    if not before:
        return None
    nearest = max(before, key=lambda tx: tx.end)
    gap = span.doc.char_span(nearest.end, trig.token.idx, alignment_mode="expand")
    if gap is not None and any(t.lower_ in _CLAUSE_BREAKS for t in gap):
        return None
    return nearest


def _timexes_in(ctx: _Context, start: int, end: int) -> list[Timex]:
    dated = [
        t
        for t in ctx.timexes
        if start <= t.start < end and t.type in _DATED_TYPES and t.value[:1].isdigit()
    ]
    # "Three years later ... between the 2002 French Open and ...": the counted date is the
    # sentence's frame, the written years are its events'.
    absolute = [t for t in dated if not _RELATIVE_TEXT.search(t.text)]
    return absolute if absolute else dated


def _label_timex(ctx: _Context, block: Block) -> Timex | None:
    return next(
        iter(_timexes_in(ctx, block.start, block.start + len(block.date_label or ""))), None
    )


def _sentence_present(ctx: _Context, span: Span, start: int, end: int) -> bool:
    if any(t.lower_ in PRESENT_MARKERS for t in span) or _PRESENT_PHRASES.search(span.text):
        return True
    return any(t.value == "PRESENT_REF" for t in ctx.timexes if start <= t.start < end)


def _ongoing(token: Token, time: Timex | None) -> bool:
    """"Since 2005 she has served as Chancellor": the present perfect with "since" says the
    role still holds."""
    if time is None or time.mod not in ("ON_OR_AFTER", "START") and not (
            time.start >= 6 and token.doc.text[max(0, time.start - 6) : time.start].lower()
            .strip().endswith("since")):
        return False
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
               for c in token.children)


def _marked_present(window: list[Token]) -> bool:
    """A "now"/"currently" in the claim's own words; "(now Meta)" renames, it does not date."""
    for tok in window:
        if tok.lower_ in PRESENT_MARKERS and not (tok.i > 0 and tok.doc[tok.i - 1].text == "("):
            return True
    text = " ".join(t.text for t in window)
    return bool(_PRESENT_PHRASES.search(text))


def _is_present(token: Token) -> bool:
    if token.tag_ in ("VBZ", "VBP"):
        return True
    return any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") and c.lemma_ != "have"
        for c in token.children
    )


def _degree(window: list[Token]) -> str | None:
    for tok in window:
        if tok.lower_.rstrip(".") in DEGREE_WORDS or tok.lower_ in DEGREE_WORDS:
            return tok.text
    return None


def _role_phrase(window: list[Token], objects: list[Mention]) -> str | None:
    """"professor at X" -> "professor"; "head of the Y Department at X" -> that whole phrase.

    The phrase ends at the first linked organisation introduced by "at", "for", "with"... (the
    employer); "head of the X Department" keeps its "of" phrase.
    """
    doc = window[0].doc if window else None
    stop = min((m.start for m in objects if m.kb_id and m.label == "organization"
                and doc is not None and _preposition_before(doc, m) not in (None, "of")),
               default=None)
    words: list[Token] = []
    for tok in window:
        if stop is not None and tok.idx >= stop:
            break
        if (tok.is_punct and tok.text != "-") or (tok.pos_ == "ADP" and tok.i + 1 < len(tok.doc)
                                                   and tok.nbor(1).like_num):
            break  # "leader of the CDU in 1998": the date is not part of the role
        words.append(tok)
    while words and words[-1].lower_ in ("at", "of", "for", "with", "in", "the", "a", "an", "and"):
        words.pop()
    while words and words[0].lower_ in ("as", "the", "a", "an", "its", "his", "her", "their"):
        words.pop(0)
    if not any(t.lower_ in ROLE_NOUNS for t in words):
        return None
    return " ".join(t.text for t in words)


def _as_role(window: list[Token], trig: Trigger) -> str | None:
    """"spent a stint at X as a management consultant" -> "management consultant"; also
    "rising to senior vice-president", "becoming chief engineer"."""
    for i, tok in enumerate(window):
        cue = tok.lower_ == "as" or (tok.lower_ == "to" and i > 0 and window[i - 1].lemma_ in (
            "rise", "promote", "advance")) or tok.lemma_ == "become"
        if cue and tok.i > trig.token.i:
            words = [t for t in window[i + 1 : i + 6] if not t.is_punct]
            while words and words[0].pos_ == "DET":
                words.pop(0)
            role = []
            for t in words:
                if t.pos_ not in ("NOUN", "PROPN", "ADJ") and t.lower_ != "-":
                    break
                role.append(t.text)
            if role and any(w.lower() in ROLE_NOUNS or w.lower().endswith(("er", "ist", "ant"))
                            for w in role):
                return " ".join(role)
    return None


def _preposition_before(doc: Doc, m: Mention) -> str | None:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    i = span.start - 1 if span is not None else -1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return doc[i].lower_ if i >= 0 and doc[i].pos_ == "ADP" else None


def _together_with(
    ctx: _Context, window: list[Token], award: Mention | None, trig: Trigger
) -> list[str]:
    """Co-recipients: people after "with"/"alongside" in the award's clause, and people
    conjoined with the subject ("Doudna and Charpentier received ...")."""
    after = award.end if award else -1
    people: list[str] = []
    seen_with = False
    for tok in window:
        if tok.idx < after:
            continue
        if tok.text in (";", "—") or (tok.text == "," and seen_with is False and people):
            break
        if tok.lower_ == "and" and tok.i + 1 < len(tok.doc) and tok.nbor(1).is_punct:
            break  # "... in 2017 and, with X, the Kavli Prize": X shares another award
        if tok.lower_ in _WITH_WORDS:
            seen_with = seen_with or tok.lower_ != "and"
            continue
        if tok.is_punct and tok.text == "," and tok.nbor(1).lower_ in ("and", "but", "while"):
            break
        m = ctx.mention_at.get(tok.i)
        if m is not None and m is not award and m.label == "award":
            break
        if seen_with and m is not None and m.label == "person":
            _add_person(ctx, people, m)
    subj = _subject_token(trig.token)
    for conj in subj.conjuncts if subj is not None else ():
        m = ctx.mention_at.get(conj.i)
        if m is not None and m.label == "person":
            _add_person(ctx, people, m)
    return people


def _add_person(ctx: _Context, people: list[str], m: Mention) -> None:
    name = m.kb_label or m.text
    if name not in people and not (ctx.subject and ctx.subject.matches(m)):
        people.append(name)


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
