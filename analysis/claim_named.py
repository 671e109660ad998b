"""Objects a claim names outside its verb's own phrase: the work a relative clause or "its"
refers back to, the founders a list names, the name a participle describes, the work the next
sentence names, a work the sentence does not name at all, the place a description calls the
birthplace, the school that grants a degree and the body "led by" someone."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from analysis.claim_context import ClaimContext
from analysis.claim_subject import mention_in_phrase, subject_token
from analysis.models import Mention
from analysis.triggers import SCHOOL_NOUNS, Trigger, verb_lemma
from analysis.vocabulary import HONOUR_NOUNS, WORK_NOUNS


def antecedent_work(ctx: ClaimContext, trig: Trigger, predicate: str) -> Mention | None:
    """"The Two Fridas, which she finished in 1941": the clause's work is its antecedent."""
    head = trig.token.head
    if predicate in ("created", "released") and trig.token.dep_ == "relcl":
        found = ctx.mention_at.get(head.i)
        if found is None and head.lemma_.lower() in WORK_NOUNS | {"picture"}:
            # '"Imitation of Life," the picture Universal released in 1934': the work the
            # clause's noun stands beside
            found = _named_before(ctx, head.left_edge.idx)
        return found if found is not None and found.label in ("work", "other") else None
    if predicate in ("created", "released") and trig.token.tag_ == "VBN" and \
            trig.token.i > 1 and trig.token.doc[trig.token.i - 1].text == "," and any(
            t.like_num and len(t.text) == 4 for t in trig.token.subtree):
        # "Die Waffen nieder!, published in 1892, told the story": a dated participle set off
        # right after the work's name, however the parser hung it
        doc = trig.token.doc
        before = doc[trig.token.i - 2]
        found = ctx.mention_at.get(before.i) or (
            ctx.mention_at.get(before.i - 1) if before.is_punct and before.i > 0 else None)
        if found is not None and found.label == "work" and found.kb_id and \
                ctx.article.text[found.end : doc[trig.token.i - 1].idx].strip() in ("", "!", "?"):
            return found
    if predicate == "released" and trig.token.pos_ == "NOUN" and any(
            c.lower_ == "its" and c.dep_ == "poss" for c in trig.token.children):
        # "The language, renamed C++, reached users with its first release in 1985": the
        # work whose release it is, the clause's subject
        verb = trig.token
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        named = [ctx.mention_at[t.i] for t in subj.subtree if t.i in ctx.mention_at] \
            if subj is not None else []
        works = {m.start: m for m in named if m.label == "work"}
        return next(iter(works.values())) if len(works) == 1 else None
    return None


def _named_before(ctx: ClaimContext, at: int) -> Mention | None:
    """The name that ends just before ``at``, past a comma and quotation marks only."""
    text = ctx.article.text
    return next((m for m in ctx.mention_at.values() if m.end <= at
                 and re.fullmatch(r"[\s,\"'“”‘’]*", text[m.end : at]) and "," in text[m.end : at]),
                None)


def listed_founders(ctx: ClaimContext, trig: Trigger, predicate: str) -> list[str]:
    """The people "X's founders included" (or "were") lists."""
    tok = trig.token
    if predicate != "founded" or tok.pos_ != "NOUN" or tok.dep_ != "nsubj" or \
            verb_lemma(tok.head) not in ("include", "be"):
        return []
    listed = next((c for c in tok.head.children if c.dep_ in ("dobj", "attr")), None)
    people: list[str] = []
    for item in [listed, *listed.conjuncts] if listed is not None else []:
        named = ctx.mention_at.get(item.i)
        if named is not None and named.label == "person":
            name = named.kb_label or named.text
            if name not in people:
                people.append(name)
    return people


def modified_name(
    ctx: ClaimContext, trig: Trigger, predicate: str, maker: Mention | None
) -> Mention | None:
    """"Rotork, the engineering firm founded by Terence Conran": with the maker named after
    "by", what was founded is the name the participle describes."""
    tok = trig.token
    if predicate not in ("founded", "created") or maker is None or maker.label != "person" or \
            tok.dep_ != "acl" or tok.tag_ != "VBN":
        return None
    named = ctx.mention_at.get(tok.head.i) or mention_in_phrase(ctx, tok.head)
    return named if named is not None and named is not maker and named.label in (
        "organization", "work") else None


def named_next(ctx: ClaimContext, trig: Trigger, predicate: str) -> Mention | None:
    """"He began designing a new systems language ... The language, Go, was released in 2009":
    the work made is the one the next sentence names."""
    if predicate != "created":
        return None
    made = next((c for c in trig.token.children if c.dep_ == "dobj"), None)
    if made is None or made.pos_ != "NOUN" or not any(
            c.lower_ in ("a", "an") for c in made.children):
        return None
    doc = ctx.doc
    end = trig.token.sent.end
    if end >= len(doc):
        return None
    start = doc[end].sent.start if not doc[end].is_space else end + 1
    for i in range(start + 1, min(start + 3, len(doc) - 2)):
        if doc[i].lemma_ == made.lemma_ and doc[i - 1].lower_ == "the" and doc[i + 1].text == ",":
            named = ctx.mention_at.get(i + 2)
            if named is None or named.label != "work":
                return None
            # placed on the noun that stands for it, inside the claim's sentence
            return replace(named, start=made.idx, end=made.idx + len(made.text))
    return None


def shared_before(ctx: ClaimContext, trig: Trigger, predicate: str) -> Mention | None:
    """"2012: the BBVA Frontiers of Knowledge Award, shared with Yves Meyer": the honour shared
    is the one named just before the participle."""
    tok = trig.token
    if predicate != "award" or tok.lemma_ not in ("share", "split") or tok.tag_ != "VBN":
        return None
    text = ctx.article.text
    return next((m for m in ctx.mentions if m.label == "award" and m.kb_id and m.end <= tok.idx
                 and text[m.end : tok.idx].strip() in (",", "")), None)


_ENTRY_VERBS = frozenset({"enter", "enrol", "enroll", "attend", "matriculate", "study"})


def graduated_there(ctx: ClaimContext, trig: Trigger, predicate: str) -> Mention | None:
    """"Entering Tokyo Imperial University in 1920, he graduated in 1926": a graduation that
    names no school is from the one the sentence has just said the subject entered."""
    tok = trig.token
    if predicate != "studied" or tok.lemma_ != "graduate" or any(
            c.lower_ in ("from", "at") for c in tok.children):
        return None
    entered = [t for t in tok.sent if t.i < tok.i and t.lemma_.lower() in _ENTRY_VERBS]
    names = [ctx.mention_at.get(t.i) for v in entered for t in v.subtree if t.i < tok.i]
    return next((m for m in names if m is not None and m.kb_id and m.label == "organization"),
                None)


def relative_object(ctx: ClaimContext, trig: Trigger, predicate: str) -> Mention | None:
    """"Tata Steel, which the group had founded in 1868": the relative pronoun's antecedent is
    what was founded, made or released; "Fisk University, where she studied": where."""
    tok = trig.token
    if predicate in ("studied", "worked_at") and tok.dep_ == "relcl" and any(
            c.lower_ == "where" for c in tok.children):
        # "a scholarship to Fisk University, where she studied communication": studied there
        # (not "the Applied Physics Laboratory, where he studied rocket propellants": research)
        named = ctx.mention_at.get(tok.head.i)
        span = ctx.doc.char_span(named.start, named.end, alignment_mode="expand") \
            if named is not None else None
        research = tok.lemma_ == "study" and (span is None or span.root.lower_ not in SCHOOL_NOUNS)
        return named if named is not None and named.kb_id and named.label == "organization" \
            and not research else None
    start = next((c.idx for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                  and any(g.lower_ == "which" for g in c.children)), None)
    if predicate == "studied" and tok.dep_ == "relcl" and start is not None:
        # "the University of Iowa, from which she graduated in 1988": the school named just
        # before (whatever noun the parser hung the clause on), known to the KB or not
        text = ctx.article.text
        named = next((m for m in ctx.mention_at.values()
                      if m.end <= start and text[m.end : start].strip() == ","), None)
        return named if named is not None and named.label == "organization" else None
    if predicate not in ("founded", "created", "released", "award") or tok.dep_ != "relcl" or \
            not (any(c.lower_ in ("which", "that") and c.dep_ in ("dobj", "nsubjpass")
                     for c in tok.children) or _zero_relative(tok)):
        return None
    named = ctx.mention_at.get(tok.head.i)
    if predicate == "award":
        # "Japan's Praemium Imperiale for sculpture, which she received in 1997"
        head = tok.head
        while named is None and head.dep_ in ("pobj", "prep") and head.head.i != head.i:
            head = head.head  # ("... Imperiale for sculpture, which": past its "for" phrase)
            named = ctx.mention_at.get(head.i)
        return named if named is not None and named.kb_id and named.label == "award" else None
    first = tok.head.left_edge.i
    if named is None and tok.head.pos_ == "NOUN" and first >= 2 and \
            tok.doc[first - 1].text == ",":
        # "the National Foundation for X, the charity that Y had founded": the name the
        # description follows
        named = ctx.mention_at.get(first - 2)
    return named if named is not None and named.kb_id and named.label in (
        "work", "organization", "other") else None


def _zero_relative(verb: Token) -> bool:
    """"Rappler, the digital news site she co-founded in 2010": a relative clause with no
    pronoun, whose object is the noun it describes (it has a subject, and no object of its own)."""
    return any(c.dep_ == "nsubj" for c in verb.children) and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass") or c.lower_ in ("which", "that", "who",
                                                                          "whom", "where", "when")
        for c in verb.children)


def member_of_which(ctx: ClaimContext, trig: Trigger) -> Mention | None:
    """"the Traveling Wilburys, the supergroup of which he is still a member": the group the
    relative clause describes (not "Jeff Lynne", named alongside him)."""
    tok = trig.token
    clause = tok.head if tok.dep_ == "attr" else tok
    if clause.dep_ != "relcl" or not any(
            c.lower_ == "of" and any(g.lower_ in ("which", "whom") for g in c.children)
            for c in (*clause.children, *tok.children)):
        return None
    noun = clause.head
    named = ctx.mention_at.get(noun.i)
    first = noun.left_edge.i
    if named is None and first >= 2 and tok.doc[first - 1].text == ",":
        named = ctx.mention_at.get(first - 2)  # "X, the supergroup of which ...": X
    if named is None and noun.dep_ == "appos":
        named = ctx.mention_at.get(noun.head.i)
    return named if named is not None and named.label in ("organization", "other") else None


# What renders a work under its name: a singer's recording of a song, a film of a book.
_VERSIONS = frozenset({"version", "rendition", "cover", "recording"})


RENDERINGS = frozenset({"adaptation", "adaption", "translation", "remake", "version"})


def named_rendering(ctx: ClaimContext, trig: Trigger, obj: Mention) -> Mention | None:
    """"His French adaptation of Man of La Mancha, L'Homme de la Mancha, opened in 1968": the
    name set off after the source's names the adaptation, which is what opened."""
    head = subject_token(trig.token)
    if head is None or head.pos_ != "NOUN" or head.lemma_.lower() not in RENDERINGS:
        return None
    text = ctx.article.text
    return next((m for m in sorted(set(ctx.mention_at.values()), key=lambda m: m.start)
                 if m.label == "work" and m.kb_id and m is not obj and m.start > obj.start
                 and text[obj.end : m.start].strip() == "," and m.start < trig.token.idx), None)


def unnamed_work(ctx: ClaimContext, trig: Trigger, obj: Mention) -> bool:
    """"FX's television adaptation of Kindred ... premiered": what premiered is the adaptation,
    a work the sentence does not name; FX owns it and Kindred is its source."""
    head = subject_token(trig.token)
    span = ctx.doc.char_span(obj.start, obj.end, alignment_mode="expand")
    if head is None or span is None or head.pos_ != "NOUN" or head.i in ctx.mention_at:
        return False
    root = span.root
    if head.lemma_.lower() in _VERSIONS:
        # "Her version of "Respect," released in 1967", "the film version of The Silent
        # World": a version goes by the name of what it renders (a KB lists it under that
        # name), unlike an adaptation
        return False
    # (not "his score for X, released in 1977": the work it is for is the one released)
    return root.dep_ == "poss" and root.head == head or (
        root.dep_ == "pobj" and root.head.lower_ in ("of", "from", "on")
        and root.head.head == head)


def among_own_honours(ctx: ClaimContext, verb: Token) -> bool:
    """The sentence lists the honour "among his honours" (the subject's, by the pronoun)."""
    return ctx.subject is not None and any(
        t.lower_ == "among" and any(
            p.lemma_.lower() in HONOUR_NOUNS and any(
                o.dep_ == "poss" and ctx.subject.takes(o.lower_) and o.pos_ == "PRON"
                for o in p.children) for p in t.children)
        for t in verb.sent)


def granting_school(ctx: ClaimContext, trig: Trigger) -> Mention | None:
    """"In 1874 the University of Göttingen awarded her a doctorate": the school that grants
    the degree is where it was earned."""
    tok = trig.token
    if tok.dep_ == "compound":  # ("a doctorate summa cum laude")
        tok = tok.head
    if tok.dep_ != "dobj" or verb_lemma(tok.head) not in ("award", "grant", "confer", "give"):
        return None
    giver = next((ctx.mention_at.get(c.i) for c in tok.head.children if c.dep_ == "nsubj"), None)
    return giver if giver is not None and giver.label == "organization" else None


_PLACE_NOUNS = frozenset({"city", "town", "village", "place", "hamlet", "port", "capital",
                          "country", "island", "region", "province", "district", "suburb",
                          "neighbourhood", "neighborhood", "settlement"})


def place_described(ctx: ClaimContext, trig: Trigger) -> Mention | None:
    """"Larkana, the Sindhi town where she was born", "St Petersburg, the city of her birth":
    the place a description set off after it calls the birthplace (or the place of death)."""
    tok = trig.token
    if tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children):
        noun = tok.head
    elif tok.pos_ == "NOUN" and tok.head.lower_ == "of" and \
            any(c.dep_ == "poss" for c in tok.children):
        noun = tok.head.head
    else:
        return None
    if noun.lemma_.lower() not in _PLACE_NOUNS:
        return None
    place = ctx.mention_at.get(noun.i)
    if place is None:  # the name just before the description (the parser may hang it elsewhere)
        edge = noun.left_edge.idx
        place = next((m for m in ctx.mentions if m.end <= edge
                      and ctx.article.text[m.end:edge] == ", "), None)
    return place if place is not None and place.label == "place" else None


def led_by(ctx: ClaimContext, trig: Trigger, subj_mention: Mention | None) -> Mention | None:
    """"The Gewandhaus Orchestra, currently led by its Kapellmeister Riccardo Chailly": the
    body a participle with an agent hangs on is the one its agent leads."""
    verb = trig.token
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or subj_mention is None or \
            subj_mention.label != "person" or not any(c.dep_ == "agent" for c in verb.children):
        return None
    body = ctx.mention_at.get(verb.head.i)
    return body if body is not None and body.label == "organization" else None


# Nouns that take up a body named before: "she resigned from the organization"
_BODY_NOUNS = frozenset({"organization", "organisation", "society", "club", "company", "firm",
                         "party", "association", "institute", "orchestra", "band", "group",
                         "union", "league", "academy", "foundation", "body", "fund", "trust",
                         "institution", *SCHOOL_NOUNS})


def body_named_before(ctx: ClaimContext, trig: Trigger, predicate: str) -> Mention | None:
    """"When the Daughters of the American Revolution refused ..., she resigned from the
    organization": the body "the organization" takes up is the one named before it in the
    sentence, or, if its name has the noun ("the college"), earlier in the section."""
    if predicate not in ("joined", "left", "member", "worked_at", "position"):
        return None
    verb = trig.token
    # ("The fund, which X leads today": the noun the relative clause hangs on)
    said = [verb.head] if verb.dep_ == "relcl" and any(
        c.lower_ in ("which", "that") and c.dep_ == "dobj" for c in verb.children) else [
        g for c in verb.children if c.dep_ == "dobj" or c.dep_ == "prep"
        for g in ([c] if c.dep_ == "dobj" else c.children) if g.dep_ in ("dobj", "pobj")]
    noun = next((g for g in said if g.lemma_.lower() in _BODY_NOUNS and g.pos_ == "NOUN"
                 and any(d.lower_ == "the" for d in g.children)), None)
    return body_by_noun(ctx, noun, in_sentence=True) if noun is not None else None


def body_by_noun(ctx: ClaimContext, noun: Token, *, in_sentence: bool) -> Mention | None:
    """The KB's organisation that "the press", "the fund" takes up: the last one named before
    it in the section whose name has that noun (or, ``in_sentence``, any named earlier in its
    sentence). The name may have been given paragraphs before."""
    section = next((b for b in ctx.article.sections if b.start <= noun.idx < b.end), None)
    sent_start = noun.sent.start_char
    word = noun.lemma_.lower()
    return max((m for m in ctx.mention_at.values()
                if m.label == "organization" and m.kb_id and m.end <= noun.idx and (
                    in_sentence and sent_start <= m.start
                    or section is not None and section.start <= m.start
                    and word in f"{m.text} {m.kb_label or ''}".lower().split())),
               key=lambda m: m.start, default=None)
