"""Who a claim is about: the grammatical subject, resolved to names, relatives or works."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from analysis.claim_context import (
    INHERIT_DEPS,
    PERSON_PREDICATES,
    SUBJECT_DEPS,
    TIME_NOUNS,
    ClaimContext,
)
from analysis.models import Block, Mention
from analysis.triggers import Trigger, verb_lemma
from analysis.vocabulary import (
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    RELATIONS,
    ROLE_NOUNS,
    SUBJECT_PRONOUNS,
    TRANSFERS,
    VERB_TRIGGERS,
    WORK_NOUNS,
)

_OWN_STEPS = frozenset(
    "doctorate phd degree dphil mba thesis dissertation debut career appointment election "
    "tenure apprenticeship training studies".split()
)


_APPOINTING = frozenset(
    "appoint name elect promote elevate hire recruit nominate knight make".split())
# Verbs whose object does what their "to ..." clause says: "asked her to lead X"
_OBJECT_CONTROL = _APPOINTING | frozenset("ask invite persuade choose select pick".split())


Resolved = tuple[str, str | None, Mention | None]


_WITH_HONOUR = frozenset({"present", "honour", "honor", "reward", "recognise", "recognize",
                          "decorate"})


def _presented_with(verb: Token) -> bool:
    """"Reagan presented her with the National Medal of Science", "The Society honoured him
    with its Max Planck Medal": the object is the recipient."""
    return verb.lemma_ in _WITH_HONOUR and any(c.lower_ == "with" for c in verb.children)


def _before_parse_subject(
    ctx: ClaimContext, trig: Trigger, default: tuple[str, str | None]
) -> tuple[Token | None, Resolved | None]:
    """Who the claim is about when it is not the grammatical subject: a recipient, an
    appointee, a possessor, a work described after a comma; or a result already decided."""
    tok = possessor(trig.token) if trig.token.pos_ == "NOUN" else None
    if trig.predicate == "born" and trig.token.head.lemma_ == "give":
        return None, ("(someone else)", None, None)  # "she gave birth to her daughter"
    if trig.predicate in ("born", "died") and trig.token.pos_ == "NOUN":
        # "reports the death of President Kennedy": whose death is the "of" phrase's
        tok = tok or next((g for c in trig.token.children if c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj"), None)
    if trig.predicate in ("award", "context") and not trig.passive:
        # "Obama awarded her the Medal": the recipient is the indirect object (a pronoun or a
        # person; "awarded the RIBA Gold Medal" is a misparse, not a recipient).
        recipients = [
            c for c in (*trig.token.children, *recipients_after_to(trig.token))
            if (c.dep_ in ("dative", "iobj", "pobj", "nmod", "conj") or c.dep_ == "dobj"
                and _presented_with(trig.token))
            and (c.pos_ == "PRON" or getattr(ctx.mention_at.get(c.i), "label", "") == "person")
        ]
        # ("awarded its Hubbard Medal to Tharp and Maurice Ewing": the profile's subject first)
        tok = tok or next((c for c in recipients if ctx.subject is not None and c.i in
                           ctx.mention_at and ctx.subject.matches(ctx.mention_at[c.i])),
                          recipients[0] if recipients else None)
        if tok is None and trig.token.lemma_ == "present" and any(
                c.dep_ == "nsubj" for c in trig.token.children):
            # "She presented the medal to a student": the presenter is no recipient
            return None, ("(someone else)", None, None)
    if tok is None and trig.predicate in ("award", "context") and _time_subject(trig.token):
        # "The year 2009 brought her both the Nobel Prize and ...": a time brings the honour;
        # the one who received it is the object
        tok = next((c for c in trig.token.children if c.dep_ in ("dobj", "dative", "iobj")
                    and c.pos_ == "PRON"), None)
        if tok is None:
            return None, (default[0], default[1], None)
    if trig.predicate in ("position", "joined", "award") and not trig.passive and \
            trig.token.lemma_ in _APPOINTING:
        # "President Kibaki appointed her minister": the appointee is the direct object
        tok = tok or _appointee(ctx, trig.token)
    control = trig.token.head if trig.token.dep_ == "conj" else trig.token
    head = control.head
    if tok is None and control.dep_ == "xcomp" and head.lemma_ in _OBJECT_CONTROL:
        # "Mandela appointed him to chair the Commission": he chairs it (so in "asked her to
        # establish and chair it": she does)
        tok = next((c for c in head.children if c.dep_ == "dobj"), None)
    if tok is None and trig.predicate in ("released", "created", "founded"):
        named = _named_before_comma(ctx, trig.token)
        if named is not None:
            return None, (named.kb_label or named.text, named.kb_id, named)
    if tok is None and _subjectless_entry(ctx, trig.token) and not any(
            c.dep_ in ("nsubj", "nsubjpass") and not _semicolon_between(c, trig.token)
            for c in trig.token.children):
        # (a verb with a subject of its own keeps it: "... in which Tolbert is killed")
        return None, (default[0], default[1], None)
    return tok, None


def resolve_subject(ctx: ClaimContext, trig: Trigger) -> Resolved:
    default = (ctx.subject.name, ctx.subject.kb_id) if ctx.subject else ("(unknown)", None)
    noun = trig.token
    if noun.pos_ == "NOUN" and noun.dep_ == "dobj" and noun.head.dep_ == "acl" and \
            noun.head.pos_ == "VERB":
        # "Robert Mills, a young physicist finishing his doctorate at X": the doctorate is
        # that of whoever the participle describes
        return resolve_subject(ctx, replace(trig, token=noun.head))
    if noun.dep_ in ("relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                             for c in noun.children) and \
            noun.head.dep_ in ("attr", "oprd") and noun.head.head.pos_ in ("VERB", "AUX"):
        # "Lili Boulanger became, in 1913, the first woman to win the Prix de Rome": the one
        # who became that woman won it
        return resolve_subject(ctx, replace(trig, token=noun.head.head))
    if trig.predicate == "award" and noun.lemma_ in _WITH_HONOUR and ctx.subject is not None:
        # "His work in Birmingham was recognised with a knighthood": the work's owner's honour
        done = next((c for c in noun.children if c.dep_ == "nsubjpass"), None)
        owner = possessor(done) if done is not None and done.pos_ == "NOUN" else None
        if owner is not None and owner.pos_ == "PRON" and ctx.subject.takes(owner.lower_):
            return default[0], default[1], None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) \
        if noun.pos_ == "NOUN" and trig.predicate in ("born", "died") else None
    if owner is not None and owner.pos_ == "NOUN" and (
            owner.lemma_.lower() in RELATIONS | _OTHERS_ROLES):
        # "before the master's death in 1908": a death the possessive gives someone else (not
        # "the composer's death", which may well be the subject's)
        return "(someone else)", None, None
    if trig.predicate == "award" and noun.lemma_ in ("share", "split") and noun.tag_ == "VBN" \
            and not any(c.dep_ == "agent" for c in noun.children):
        # "2012: Fjord Prize, shared with Per Moe": the honour is the subject's, shared; in
        # "Rut Aas won the Fjord Prize, shared with Per Moe" it is the winner's
        governor = noun.head
        while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
            governor = governor.head
        if governor.pos_ in ("VERB", "AUX") and governor.i != noun.i and \
                not _in_dated_entry(ctx, noun):
            return resolve_subject(ctx, replace(trig, token=governor))
        return default[0], default[1], None
    if trig.predicate == "advisor" and noun.pos_ == "NOUN" and noun.head.lower_ == "under" and \
            noun.head.head.tag_ == "VBN" and noun.head.head.dep_ == "acl":
        # "graduated with a thesis on Thomas Aquinas, written under the supervision of X":
        # the thesis is the graduate's, wherever the parser hung the participle
        clause = noun.head.head
        while clause.dep_ == "acl" or clause.pos_ not in ("VERB", "AUX"):
            if clause.head.i == clause.i:
                break
            clause = clause.head
        return resolve_subject(ctx, replace(trig, token=clause))
    if noun.lower_ == "native" and noun.pos_ == "NOUN" and noun.dep_ in ("advcl", "npadvmod"):
        # "A native of Zlín, ..., he went to work": the native is the clause's subject
        return resolve_subject(ctx, replace(trig, token=noun.head))
    if trig.predicate == "joined" and verb_lemma(noun) in TRANSFERS:
        # "McGraw shipped him to the Cincinnati Reds": the one shipped joins the club
        moved = next((c for c in noun.children if c.dep_ == "dobj"), None)
        named = ctx.mention_at.get(moved.i) if moved is not None else None
        if named is not None and not (ctx.subject and ctx.subject.matches(named)):
            return named.kb_label or named.text, named.kb_id, named
        if named is None and moved is not None and moved.lower_ in SUBJECT_PRONOUNS and \
                ctx.subject is not None and not ctx.subject.takes(moved.lower_):
            return "(someone else)", None, None
        return default[0], default[1], None
    if noun.pos_ == "NOUN" and (noun.dep_ == "compound" or noun.dep_ == "appos" and not any(
            c.dep_ == "poss" for c in noun.children)
            and noun.doc[max(0, noun.left_edge.i - 1)].text == ",") and (
            named := ctx.mention_at.get(noun.head.i)) is not None and named.label == "person" \
            and not (ctx.subject and ctx.subject.matches(named)):
        # "married the CNN founder Ted Turner": the founder is the man named; so is Bischof in
        # "Bischof, a fellow founder of Magnum" (not Laura in "Laura, his wife since 1926")
        return named.kb_label or named.text, named.kb_id, named
    tok, decided = _before_parse_subject(ctx, trig, default)
    if decided is not None:
        return decided
    if tok is None and trig.predicate in ("born", "died") and _kin_before(trig.token) and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.token.children):
        return "(someone else)", None, None
    if tok is None and trig.predicate in ("position", "worked_at", "joined", "founded"):
        # "a team coached by Bob Knight", "founded by Kofi Busia": the one the passive names
        # after "by" holds the post or founded it
        tok = next((g for c in trig.token.children if c.dep_ == "agent"
                    for g in c.children if g.dep_ == "pobj"), None)
    tok = tok or _waited_for(trig.token) or subject_token(trig.token)
    if tok is None or tok.like_num and _subjectless_entry(ctx, tok):
        # ("1940: Marries Dan Topping and becomes an American citizen": the entry's year made
        # the subject of its second verb; the entry is the subject's own)
        return default[0], default[1], None
    if tok.pos_ in ("VERB", "AUX") and trig.token.i > 0:
        # "Becomes X as his son Lee Hsien Loong takes over": a verb parsed as the subject;
        # the name written just before the trigger is the one who acts
        named = ctx.mention_at.get(trig.token.i - 1)
        if named is not None and named.label == "person" and named.kb_id and not (
                ctx.subject and ctx.subject.matches(named)):
            return named.kb_label or named.text, named.kb_id, named
    # (a pronoun has no name inside its phrase: "she ... Star Trek: The Next Generation" is a
    # misparse that hangs the title on "she" as an apposition)
    mention = ctx.mention_at.get(tok.i) or (
        mention_in_phrase(ctx, tok) if tok.pos_ != "PRON" else None)
    if (
        mention is not None
        and trig.token.dep_ == "acl"
        and trig.token.tag_ == "VBG"
        and mention.label != "person"
        and tok.i == trig.token.head.i
    ):
        # "Joined Eckert-Mauchly, writing the A-0 compiler": the parser hangs the participle on
        # the company; the profile's subject is the one writing.
        return default[0], default[1], None
    if mention is None and tok.i == trig.token.head.i and trig.predicate in ("died", "born") and \
            trig.token.dep_ == "acl" and tok.tag_ == "NNS":
        # "Kavi Pradeep's lament for the soldiers killed in the war with China": theirs (a
        # singular noun may be a misparse: "..., gave astronomers evidence ..., died in 2016")
        return "(someone else)", None, None
    if mention is None and tok.i == trig.token.head.i and tok.lemma_.lower() in WORK_NOUNS:
        # "His score for The Empire Strikes Back, released in 1977": the work it is for
        # (not its owner: "FX's television adaptation of Kindred" is an adaptation of Kindred)
        work = next((ctx.mention_at[t.i] for t in tok.subtree if t.i in ctx.mention_at
                     and ctx.mention_at[t.i].label in ("work", "other")
                     and "poss" not in (t.dep_, t.head.dep_)), None)
        work = work or nearest_work(ctx, trig.token)
        if work is not None:
            return work.kb_label or work.text, work.kb_id, work
    if mention is None and tok.pos_ == "PROPN" and ctx.subject is not None and \
            tok.text.casefold() in ctx.subject.names:
        # "Gretzky, who serves as vice-chairman": the subject's surname, left unlinked because
        # his parents share it
        return default[0], default[1], None
    if mention is None and tok.i == trig.token.head.i and not (
            trig.token.dep_ == "relcl" and any(c.lower_ in ("who", "that", "which")
                                               and c.dep_ in SUBJECT_DEPS
                                               for c in trig.token.children)):
        # A participle hung on a non-name ("Appointed professor ..., founding X"): the
        # profile's subject did it. Not "Simone, who died in 1990" (a person not in the KB).
        return default[0], default[1], None
    if mention is None and tok.i == trig.token.head.i and tok.pos_ == "NOUN" and any(
            c.lower_ in ("that", "which") and c.dep_ in SUBJECT_DEPS for c in trig.token.children
    ) and tok.lemma_.lower() not in WORK_NOUNS:
        # "funding the groups that built the first TCP/IP implementations": they built them
        return "(someone else)", None, None
    if mention is not None and mention.label == "place" and trig.predicate == "award" and \
            trig.token.dep_ == "relcl" and tok.i == trig.token.head.i:
        # "The State of Things, a film about a crew stranded in Portugal, which won the Golden
        # Lion": a place wins no prize; the "which" reaches back to the work described
        work = max((m for m in ctx.mentions if m.label == "work" and m.kb_id
                    and trig.token.sent.start_char <= m.start < mention.start),
                   key=lambda m: m.start, default=None)
        return (work.kb_label or work.text, work.kb_id, work) if work is not None else \
            ("(someone else)", None, None)
    if mention is not None:
        if ctx.subject and ctx.subject.matches(mention):
            return default[0], default[1], mention
        return mention.kb_label or mention.text, mention.kb_id, mention
    if tok.lower_ in SUBJECT_PRONOUNS and trig.predicate == "died" and _kin_named_before(tok):
        # "His father, Manus, ran a shop; when he died in 1959 the boy was 12": the father
        return "(someone else)", None, None
    if tok.lower_ in SUBJECT_PRONOUNS:
        first = _first_clause_subject(ctx, tok)
        if first is not None:
            # "Lili was frail from childhood, and she died in March 1918": the pronoun of a
            # second clause is the first clause's subject
            return first
        if ctx.subject is not None and not ctx.subject.takes(tok.lower_):
            # "he died in Greece" in a profile of a woman: someone else, the last man named.
            other = previous_person(ctx, tok)
            return (
                (other.kb_label or other.text, other.kb_id, other)
                if other
                else ("(someone else)", None, None)
            )
        return default[0], default[1], None
    if tok.lemma_.lower() in ("couple", "pair") and any(c.lower_ == "the" for c in tok.children) \
            and trig.predicate in ("award", "moved", "founded"):
        # "the couple shared the 1935 Nobel Prize": she did, with her husband
        return default[0], default[1], None
    if tok.lower_ in RELATIONS or any(c.lower_ in RELATIONS for c in tok.lefts):
        return "(someone else)", None, None
    if tok.lower_ == "it" and tok.head.i == trig.token.i and tok.dep_ == "nsubj" and \
            trig.predicate not in ("award", "context"):
        # "after the 1962 elections it entered ...": a thing did (but "it won the Orange Prize"
        # names the author's honour too)
        return "(someone else)", None, None
    if tok.lemma_.lower() in WORK_NOUNS:
        # "Beloved, her novel of ..., won the Pulitzer": the work did, named nearby.
        # ("The novel won the Strega Prize": the work named before it in the paragraph; not
        # "the revised version was unveiled", nor "the translation appeared": another thing)
        bare = trig.predicate == "award" and [c.lower_ for c in tok.children] == ["the"]
        work = nearest_work(ctx, trig.token, tok if bare else None)
        return (work.kb_label or work.text, work.kb_id, work) if work else ("(a work)", None, None)
    # "It was during his postdoc ... that": an expletive, or a fragment's stray noun or number.
    if tok.pos_ not in ("NOUN", "PROPN"):
        return default[0], default[1], None
    if trig.predicate in PERSON_PREDICATES and _in_dated_entry(ctx, trig.token):
        # "2012 – Scores 91 goals ... and lifts the Copa América": an entry of the subject's
        # timeline has no subject of its own; a noun the parser made one is a misparse
        return default[0], default[1], None
    if trig.predicate in PERSON_PREDICATES:
        # "the physicist joined ...", but "her laboratory still runs on ..." is not her
        personal = (
            tok.lemma_.lower() in ROLE_NOUNS
            or tok.lemma_.lower().endswith(("ist", "er", "or", "ian", "man", "woman"))
            or any(
                # "her doctorate", "his debut" are hers; "his side won" is the team's
                tok.lemma_.lower() in _OWN_STEPS
                and c.dep_ == "poss"
                and c.lower_ in SUBJECT_PRONOUNS
                and (ctx.subject is None or ctx.subject.takes(c.lower_))
                for c in tok.children
            )
        )
        if personal and any(c.dep_ == "det" and c.lower_ in ("another", "other")
                            for c in tok.children):
            return "(someone else)", None, None  # "another Black woman, Venus Williams, won"
        named = _apposed_person(ctx, tok) if personal else None
        if named is not None and not (ctx.subject and ctx.subject.matches(named)):
            # "a great-granddaughter of Inukai Tsuyoshi, the prime minister assassinated in
            # 1932": the parser made the apposition a clause; the role is the named man's
            return named.kb_label or named.text, named.kb_id, named
        return (default[0], default[1], None) if personal else ("(unspecified)", None, None)
    phrase = tok.doc[tok.left_edge.i : tok.i + 1].text
    return phrase, None, None


# People a profile names by their tie to the subject: "the master's death", "her teacher's"
_OTHERS_ROLES = frozenset({"master", "teacher", "mentor", "patron", "friend", "rival",
                           "colleague", "pupil", "student", "employer", "benefactor"})


def _waited_for(verb: Token) -> Token | None:
    """"It would be 42 years before another woman, X, won Y": the parser hangs "won" on "be";
    who won is the one named after "before"."""
    head = verb.head
    if verb.dep_ != "conj" or head.lemma_ != "be" or not any(
            c.dep_ in ("nsubj", "expl") and c.lower_ in ("it", "there") for c in head.children):
        return None
    return next((g for c in head.children if c.dep_ == "prep" and c.lower_ in ("before", "until")
                 for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)


def recipients_after_to(verb: Token) -> list[Token]:
    """"awarded the 1957 Nobel Prize to Yang and Lee": the recipients after "to", the first
    one first."""
    preps = [c for c in verb.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"]
    # ("jointly to Pierre and Marie Curie and to Gabriel Lippmann": the second "to" too)
    preps += [p for c in preps for p in c.conjuncts if p.lower_ == "to"]
    objects = [g for c in preps for g in c.children if g.dep_ == "pobj"]
    # ("to Tharp and Maurice Ewing", parsed as "Tharp" modifying "Ewing": both are recipients)
    return objects + [t for g in objects for t in (*g.conjuncts, *g.lefts) if t.dep_ == "conj"
                      or t.dep_ == "nmod" and t.pos_ == "PROPN"
                      and any(c.dep_ == "cc" for c in t.children)]


def _first_clause_subject(ctx: ClaimContext, pronoun: Token) -> Resolved | None:
    """The person, not the profile's subject, named as the subject of the clause that the
    pronoun's clause is conjoined to (a capitalised name the linker missed is someone else)."""
    verb = pronoun.head
    doc = pronoun.doc
    if pronoun.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "ROOT" and pronoun.i > 1 and \
            doc[pronoun.i - 1].text == ";":
        # "Capa ... went on to co-found Magnum with ... George Rodger; he was killed in 1954":
        # the clause before the semicolon, parsed as a sentence of its own, has the subject
        before = doc[pronoun.i - 2]
        while before.head.i != before.i and before.head.i < pronoun.i:
            before = before.head  # (up to the first clause's verb, wherever the parser hung it)
        verb = before
    elif pronoun.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj":
        return None
    else:
        verb = verb.head
    first = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if first is None:
        return None
    echoed = next((forms for forms in (MALE_PRONOUNS, FEMALE_PRONOUNS)
                   if pronoun.lower_ in forms), frozenset()) - {pronoun.lower_}
    if any(t.lower_ in echoed for t in verb.subtree if t.i < pronoun.i):
        return None  # "Kohl appointed her minister in 1991, and in 1994 she became ...": her
    named = ctx.mention_at.get(first.i)
    if named is None:
        unlinked = first.text.istitle() and first.lower_ not in SUBJECT_PRONOUNS and not (
            ctx.subject and first.lower_ in ctx.subject.names)
        return ("(someone else)", None, None) if unlinked and first.pos_ in (
            "PROPN", "NOUN") else None
    if named.label != "person" or (ctx.subject and ctx.subject.matches(named)):
        return None
    return named.kb_label or named.text, named.kb_id, named


def _apposed_person(ctx: ClaimContext, tok: Token) -> Mention | None:
    """The person named just before ", the <role>" or ", a <role>" (``tok`` heads the role's
    phrase)."""
    if tok.dep_ == "appos" and (named := ctx.mention_at.get(tok.head.i)) is not None and \
            named.label == "person":
        return named  # "Robert Mills, a young physicist finishing his doctorate at X"
    edge = tok.left_edge
    if edge.i < 2 or edge.lower_ not in ("the", "a", "an") or edge.nbor(-1).text != ",":
        return None
    named = ctx.mention_at.get(edge.i - 2)
    return named if named is not None and named.label == "person" else None


_KIN_BY_PRONOUN = {
    "he": frozenset("father brother son husband grandfather uncle nephew grandson".split()),
    "she": frozenset("mother sister daughter wife grandmother aunt niece granddaughter".split()),
}


def _kin_named_before(pronoun: Token) -> bool:
    """A relative of the pronoun's gender ("His father") is an earlier subject of its sentence."""
    kin = _KIN_BY_PRONOUN.get(pronoun.lower_, frozenset())
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in kin
               and any(c.dep_ == "poss" for c in t.children)
               for t in pronoun.doc[pronoun.sent.start : pronoun.i])


def _semicolon_between(a: Token, b: Token) -> bool:
    """"1986: Marries María Kodama; dies in Geneva": a subject across a ";" is a misparse."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[lo:hi])


def _kin_before(verb: Token) -> bool:
    """"...; their only child, a daughter named Rene, was born two years later": a subject the
    parser lost, named by a family noun earlier in the clause."""
    for tok in reversed(list(verb.doc[verb.sent.start : verb.i])):
        if tok.text == ";":
            return False
        if tok.lower_ in RELATIONS and any(c.dep_ == "poss" for c in tok.children):
            return True
    return False


def _time_subject(verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.lemma_.lower() in TIME_NOUNS
                                    or subject.ent_type_ == "DATE")


def _in_dated_entry(ctx: ClaimContext, tok: Token) -> bool:
    return _dated_block(ctx, tok) is not None


def _dated_block(ctx: ClaimContext, tok: Token) -> Block | None:
    return next((b for b in ctx.article.blocks
                 if b.date_label and b.start <= tok.idx < b.end), None)


def _subjectless_entry(ctx: ClaimContext, tok: Token) -> bool:
    """"1929 – Marries Diego Rivera and begins teaching at X": an entry that opens with a verb
    is the subject's, every clause of it (the parser may make a name the second verb's subject)."""
    block = _dated_block(ctx, tok)
    if block is None:
        return False
    # "1995: The Unconsoled (Cheltenham Prize); appointed OBE": each ";" part opens anew
    opening = block.start + len(block.date_label or "")
    semicolons = [t.idx for t in tok.sent if t.text == ";" and opening <= t.idx < tok.idx]
    opening = max([opening, *semicolons])
    first = next((t for t in tok.sent if t.idx >= opening and t.is_alpha), None)
    return first is not None and (
        first.pos_ in ("VERB", "AUX") or verb_lemma(first) in VERB_TRIGGERS)


def _named_before_comma(ctx: ClaimContext, verb: Token) -> Mention | None:
    """"commanded Gemini 8, launched on 16 March 1965": a subjectless participle right after a
    comma describes the thing named before the comma (the parser hangs it on the main verb)."""
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("advcl", "conj", "acl") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return None
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    named = ctx.mention_at.get(verb.i - 2)
    return named if named is not None and named.label in ("work", "other") else None


def _appointee(ctx: ClaimContext, verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ not in ("dobj", "dative"):
            continue
        if c.pos_ == "PRON" or getattr(ctx.mention_at.get(c.i), "label", "") == "person":
            return c
        # "appointed her Assistant Minister" parsed as "her minister": "her" is the appointee
        her = next((p for p in c.children if p.dep_ == "poss" and p.lower_ == "her"), None)
        if her is not None and c.dep_ == "dobj":
            return her
    for c in verb.children:
        # "made her a professor": a small clause, "her" its subject
        if c.dep_ in ("ccomp", "oprd", "xcomp"):
            named = next((g for g in c.children if g.dep_ == "nsubj" and (
                g.pos_ == "PRON" or getattr(ctx.mention_at.get(g.i), "label", "") == "person")),
                None)
            if named is not None:
                return named
    return None


def nearest_work(ctx: ClaimContext, tok: Token, noun: Token | None = None) -> Mention | None:
    """The work named last before ``tok`` in its sentence; for "The novel won X" (``noun``, the
    subject), the linked work named last earlier in its paragraph."""
    sent = tok.sent
    works = [
        m
        for m in ctx.mention_at.values()
        if m.label == "work" and sent.start_char <= m.start < tok.idx
    ]
    if not works and noun is not None and any(c.lower_ == "the" for c in noun.children):
        block = next((b for b in ctx.article.blocks if b.start <= tok.idx < b.end), None)
        works = [m for m in ctx.mention_at.values() if m.label == "work" and m.kb_id
                 and block is not None and block.start <= m.start < sent.start_char]
    return max(works, key=lambda m: m.start, default=None)


def previous_person(ctx: ClaimContext, tok: Token) -> Mention | None:
    """The last person named before ``tok`` who is not the profile's subject."""
    best = None
    # A pronoun reaches back a sentence, not to anyone named paragraphs earlier.
    sent = tok.sent
    earliest = sent.start_char if sent.start == 0 else tok.doc[sent.start - 1].sent.start_char
    for m in ctx.mention_at.values():
        if (
            m.label == "person"
            and earliest <= m.start
            and m.end <= tok.idx
            and not (ctx.subject and ctx.subject.matches(m))
        ):
            if best is None or m.start > best.start:
                best = m
    return best


def possessor(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "poss"), None)


def mention_in_phrase(ctx: ClaimContext, head: Token) -> Mention | None:
    """ "The Llama 3.1 model": the name inside the subject's noun phrase."""
    named = ctx.mention_at.get(head.head.i) if head.dep_ == "appos" else None
    if named is not None and named.label == "person":
        return named  # "Jill Barad, the former Barbie marketer who is now ...": Barad, not Barbie
    for tok in head.lefts:
        if tok.dep_ in ("compound", "nmod", "nummod", "amod", "poss") and tok.i in ctx.mention_at:
            if ctx.mention_at[tok.i].label == "place" and head.pos_ == "NOUN":
                continue  # "a Norland architect, born in 1930": a place says what kind
            return ctx.mention_at[tok.i]
    for tok in head.rights:
        if tok.dep_ == "appos" and tok.i in ctx.mention_at:
            return ctx.mention_at[tok.i]  # "Her daughter Irène Joliot-Curie"
    if head.lemma_.lower() in WORK_NOUNS:
        # "his first book of war photographs, Death in the Making, also appeared": the title
        # set off inside the phrase (the parser may hang it on "photographs")
        titled = next((ctx.mention_at[t.i] for t in head.subtree if t.dep_ == "appos"
                       and t.i in ctx.mention_at and ctx.mention_at[t.i].label == "work"), None)
        if titled is not None:
            return titled
    doc = head.doc
    if head.i + 2 < len(doc) and doc[head.i + 1].text == ",":
        # "Its sequel, Until We Are Free, came out": a title the parser read as a clause
        title = ctx.mention_at.get(head.i + 2)
        after = doc.char_span(title.end, title.end + 1) if title is not None else None
        if title is not None and title.label == "work" and after is not None and \
                after.text == ",":
            return title
    if head.dep_ == "appos":
        # "COBOL, the common business-oriented language introduced in 1955"; the name just
        # before the comma first: "the Sea Truck, a craft made by Rotork, the engineering firm
        # founded by Terence Conran" is Rotork's phrase, whatever the parser hung it on
        edge = head.left_edge.i
        before = ctx.mention_at.get(edge - 2) if edge >= 2 and head.doc[edge - 1].text == "," \
            else None
        if before is not None:
            return before
        if head.head.i in ctx.mention_at:
            return ctx.mention_at[head.head.i]
    return None


def finite_governor(verb: Token) -> Token | None:
    """"She became the first woman to preside over X and received her doctorate": the parser
    conjoins the past-tense verb with the infinitive; it goes with the finite verb above."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or head.tag_ != "VB" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return None
    node = head.head
    for _ in range(4):
        if node.tag_ in ("VBD", "VBZ", "VBP"):
            return node
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _elliptical_after_semicolon(between: Span) -> bool:
    """A semicolon, then the verb with no subject of its own ("...; buys a stake")."""
    marks = [t.i for t in between if t.text == ";"]
    return bool(marks) and not any(
        t.pos_ in ("NOUN", "PROPN", "PRON") for t in between.doc[marks[-1] + 1 : between.end])


_SINGULAR_FORMS = frozenset({"is", "was", "has", "'s"})


def _agreeing_antecedent(clause: Token, noun: Token) -> Token:
    """ "Feigenbaum, a pioneer of expert systems, who is ...": a singular verb's "who" is not
    the plural noun it follows but the one that noun's "of" phrase belongs to."""
    singular = clause.tag_ == "VBZ" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in _SINGULAR_FORMS for c in clause.children
    ) or clause.lower_ in _SINGULAR_FORMS
    while singular and noun.tag_ in ("NNS", "NNPS") and noun.dep_ == "pobj" and \
            noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


def _stray_subject(verb: Token) -> Token | None:
    """"Spassky resigned the game by telephone and Fischer became world champion": a name
    just before a conjoined verb without a subject, parsed as the object's conjunct, is the
    verb's subject."""
    if verb.dep_ != "conj" or verb.i < 2 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    name = verb.doc[verb.i - 1]
    if name.pos_ != "PROPN" or name.dep_ != "conj" or name.head.i >= name.i:
        return None
    first = name.left_edge
    return name if first.i > 0 and verb.doc[first.i - 1].lower_ in ("and", "but") else None


def subject_token(token: Token) -> Token | None:
    """The grammatical subject of the trigger, looking up through conjoined and embedded verbs."""
    current = finite_governor(token) or token
    if (stray := _stray_subject(current)) is not None:
        return stray
    for _ in range(6):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        # ("In 1910, the year her first collection appeared": "the year" parsed as a second
        # subject; the collection appeared)
        subj = next((c for c in subjects if c.lemma_ not in TIME_NOUNS or len(subjects) == 1),
                    None)
        last = max((c for c in current.children if c.dep_ in SUBJECT_DEPS and c.i < current.i),
                   key=lambda c: c.i, default=None)
        if subj is not None and last is not None and last is not subj and \
                last.lower_ in SUBJECT_PRONOUNS and subj.i == subj.sent.start and \
                not list(subj.children):
            # "Stung when the club declined ..., he signed for PSV": an opening participle the
            # parser took for a name; the pronoun is the subject
            subj = last
        # "In 1968, the year he won X, he helped found Y": parsed with "helped" as an
        # auxiliary that holds the subject, and "the year" as the verb's
        subj = next((g for c in current.children if c.dep_ == "aux"
                     for g in c.children if g.dep_ in SUBJECT_DEPS), subj)
        if subj is not None and subj.i < current.i and _elliptical_after_semicolon(
                current.doc[subj.i : current.i]):
            # "2007: Fourth Wimbledon title; buys a stake in X": each part of an entry is
            # the subject's own; the parser took the first part for the second's subject
            return None
        if subj is not None and current.dep_ == "relcl" and subj.tag_ in ("WP", "WDT"):
            # "her daughter Jane, who teaches at Columbia": "who" stands for its antecedent,
            # and "Thompson is a computer scientist who designed Unix": for the copula's subject
            antecedent = _agreeing_antecedent(current, current.head)
            # (not "The conductor was Zubin Mehta, who is ...": a name is its own antecedent)
            if antecedent.dep_ == "attr" and antecedent.head.lemma_ == "be" and \
                    antecedent.pos_ == "NOUN":
                return next((c for c in antecedent.head.children if c.dep_ in SUBJECT_DEPS),
                            antecedent)
            return antecedent
        if subj is not None:
            return subj
        if current.dep_ in ("acl", "relcl") and current.head is not current:
            return current.head
        if current.dep_ not in INHERIT_DEPS or current.head is current:
            return None
        current = current.head
    return None
