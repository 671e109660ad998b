"""Find the words that make a claim in a sentence: verbs, nouns, and a few fixed constructions."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from analysis.claim_context import TIME_NOUNS
from analysis.components.text import doc_text
from analysis.models import Mention
from analysis.vocabulary import (
    CONTEXT_VERBS,
    DEGREE_NOUNS,
    HONOUR_NOUNS,
    NOUN_TRIGGERS,
    PHRASAL_TRIGGERS,
    ROLE_NOUNS,
    TRANSFERS,
    VERB_TRIGGERS,
    WHILE_AT,
    WORK_NOUNS,
)

# Past forms the lemmatizer cannot recover when the tagger takes a sentence-initial verb of a
# fragment ("1988: Joined X", "Became head of Y") for a proper noun.
_IRREGULAR = {
    "won": "win",
    "became": "become",
    "left": "leave",
    "wrote": "write",
    "built": "build",
    "led": "lead",
    "ran": "run",
    "took": "take",
    "got": "get",
    "born": "born",
    "founded": "found",
    "co-founded": "co-found",
    "began": "begin",
    "made": "make",
    "spent": "spend",
    "staged": "stage",  # the lemmatizer makes it "stag"
}
_ROLES_PLAYED = frozenset({"role", "part", "character", "cameo"})
_GUIDANCE = frozenset({"supervision", "guidance", "direction", "tutelage", "mentorship"})
_USE_ON_VERBS = frozenset({"build", "draw", "base", "rely", "expand", "improve", "work"})
# "led the lab", "heads the group": the verb is the role.
_LEAD_VERBS = frozenset({"lead", "head", "direct", "chair", "run", "manage", "coach",
                         "preside"})
_OPEN_QUOTES = frozenset({"“", '"', "‘"})
_CLOSE_QUOTES = frozenset({"”", '"', "’"})


@dataclass(frozen=True)
class Trigger:
    """A claim-making word. ``role`` is preset for role constructions; ``inherits`` takes the
    sentence's main date ("while at X" has none of its own)."""

    token: Token
    predicate: str
    role: str | None = None
    present: bool = False
    inherits: bool = False
    degree: str | None = None
    target: Mention | None = None  # the object, when the construction names it ("X (1951)")
    time_at: int = -1  # offset of the timex that dates it, when the construction fixes it
    shared_time: bool = False  # that timex dates another claim too ("the same year as X")

    @property
    def passive(self) -> bool:
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in self.token.children)


def find_triggers(span: Span, mention_at: dict[int, Mention]) -> list[Trigger]:
    """Triggers in sentence order; words inside names and inside quotations are skipped."""
    found: list[Trigger] = []
    quoted = _quoted_tokens(span)
    for tok in span:
        if tok.i in quoted or _inside_name(tok, mention_at):
            continue
        trig = _word_trigger(tok, span) or _construction(tok, span, mention_at)
        if trig is not None:
            found.append(trig)
    return _citizenship_on_copula([t for t in found if not _renounced(t)])


def _renounced(trig: Trigger) -> bool:
    """"gave up his American citizenship", "was stripped of it": an end, not a citizenship."""
    head = trig.token.head
    return trig.predicate == "citizen" and (
        head.lemma_ in _RENOUNCE or head.dep_ == "prep" and head.head.lemma_ in _RENOUNCE)


def _citizenship_on_copula(found: list[Trigger]) -> list[Trigger]:
    """"became a naturalised citizen of X in 1882": the copula tells the citizenship (its date,
    and the dates of verbs conjoined to it, are that event's), not a post."""
    posts = {t.token.i for t in found if t.predicate == "position"}
    merged = {t.token.head.i for t in found if t.predicate == "citizen"
              and t.token.dep_ == "attr" and t.token.head.i in posts}
    return [replace(t, predicate="citizen", role=None) if t.token.i in merged else t
            for t in found if not (t.predicate == "citizen" and t.token.dep_ == "attr"
                                   and t.token.head.i in merged)]


_RENOUNCE = frozenset({"give", "renounce", "relinquish", "lose", "revoke", "surrender", "strip",
                       "forfeit", "abandon", "deprive"})


def _inside_name(tok: Token, mention_at: dict[int, Mention]) -> bool:
    """Words of a name are not triggers, but a lone unlinked "name" may be a mis-tagged verb
    ("1949: Joined ...") or a degree ("PhD")."""
    mention = mention_at.get(tok.i)
    if mention is None:
        return False
    return bool(mention.kb_id) or " " in mention.text.strip()


_PLACE_VERBS = frozenset({"win", "gain", "earn", "secure", "get", "take", "offer"})


# "holds a professorship at X": the post held names the role.
_HELD_POSTS = {"professorship": "professor", "chairmanship": "chairman", "chair": "chair",
               "directorship": "director", "presidency": "president", "deanship": "dean",
               "editorship": "editor", "premiership": "premier", "chancellorship": "chancellor"}


def _held_post(verb: Token) -> str | None:
    post = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return _HELD_POSTS.get(post.lemma_.lower()) if post is not None else None


_POSTS = frozenset({"post", "position", "job", "appointment", "role", "lectureship",
                    "fellowship", "residency", "chair", *_HELD_POSTS})


def _takes_up_post(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _POSTS for c in verb.children)


def _place_at(verb: Token) -> bool:
    """"won a place at X", "won a tennis scholarship to X" (the parser hangs "at X" on the verb
    or on the noun)."""
    place = next((c for c in verb.children if c.dep_ == "dobj"
                  and c.lemma_ in ("place", "scholarship")), None)
    if place is None or place.i + 1 >= len(verb.doc):
        return False
    after = place.nbor(1).lower_
    return after == "at" or place.lemma_ == "scholarship" and after == "to"


def _transferred(verb: Token) -> bool:
    """"sold him to Chelsea", "traded her to the Lynx": a club passing a player on."""
    return any(c.dep_ == "dobj" and (c.lower_ in ("him", "her") or c.pos_ == "PROPN")
               for c in verb.children) and any(
        c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children)


# The head nouns of a school's name: "went on to the Royal College of Art" is to study there
# ("went on to NASA" is not).
SCHOOL_NOUNS = frozenset({"college", "university", "school", "academy", "conservatory",
                          "conservatoire", "polytechnic", "seminary", "lycée", "gymnasium"})


def _to_school(verb: Token) -> bool:
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    school = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return school is not None and school.lower_ in SCHOOL_NOUNS and school.pos_ == "PROPN"


_SPOUSES = frozenset({"wife", "husband", "bride", "spouse"})


def _as_spouse(verb: Token) -> bool:
    """"took as his wife X", "took X as her husband"."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(
        g.lower_ in _SPOUSES for g in c.children) for c in verb.children)


def _listed_honour(tok: Token, span: Span, mention_at: dict[int, Mention]
                   ) -> tuple[Mention, Token] | None:
    """"<honour>, <year>" opening a sentence or list item: the honour and its year."""
    doc = tok.doc
    named = mention_at.get(tok.i - 1) if tok.i > 0 else None
    if named is None or named.label != "award" or tok.i + 1 >= span.end:
        return None
    first = doc[span.start]
    year = doc[tok.i + 1]
    if first.idx != named.start or not (year.like_num and len(year.text) == 4
                                        and year.text.isdigit()):
        return None
    after = doc[tok.i + 2] if tok.i + 2 < span.end else None
    return (named, year) if after is None or after.text in (":", ";", ".", "—", "–", ",") \
        else None


def _same_year_as(tok: Token, span: Span, mention_at: dict[int, Mention]
                  ) -> tuple[Mention, Token] | None:
    """"..., the same year as his Dancing House": the work or organisation named, and the
    last year written before it in the sentence."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].lower_ != "year" or doc[tok.i - 2].lower_ != "same":
        return None
    named = next((mention_at[i] for i in range(tok.i + 1, min(tok.i + 4, span.end))
                  if i in mention_at), None)
    if named is None or not named.kb_id or named.label not in ("work", "organization"):
        return None
    year = next((t for t in reversed(doc[span.start : tok.i - 2])
                 if t.like_num and len(t.text) == 4 and t.text.isdigit()), None)
    return (named, year) if year is not None else None


def _spouse_since(tok: Token, mention_at: dict[int, Mention]) -> tuple[Mention, int] | None:
    """"<person>, his wife since <year>": the person and the year's offset."""
    doc = tok.doc
    if tok.i < 3 or tok.i + 2 >= len(doc) or doc[tok.i - 2].text != "," or \
            doc[tok.i - 1].lower_ not in ("his", "her") or doc[tok.i + 1].lower_ != "since":
        return None
    named = mention_at.get(tok.i - 3)
    year = doc[tok.i + 2]
    if named is None or named.label != "person" or not (year.like_num and len(year.text) == 4):
        return None
    return named, year.idx


def _word_trigger(tok: Token, span: Span) -> Trigger | None:
    low = tok.lower_
    if tok.dep_ == "amod" and not _fragment_verb(tok, span):
        return None  # "Babbage's proposed engine": a participle that describes, not narrates
    if low in ("opening", "closing") and tok.dep_ in ("amod", "compound", "nmod"):
        return None  # "the opening segment of Memories": which part, not a premiere
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in _ROLES_PLAYED:
        return None  # "West Side Story, a role written for her": the role was, not the film
    if low == "born":
        return Trigger(tok, "born")
    if low == "married" and tok.dep_ == "acomp" and any(c.lower_ == "to" for c in tok.children):
        # "she is now married to X": the state, its spouse, now if the copula says so
        return Trigger(tok, "married", present=tok.head.tag_ in ("VBZ", "VBP"))
    if low.rstrip(".") in DEGREE_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
        return _degree_noun(tok)
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or _fragment_verb(tok, span) \
            or _conjoined_present(tok):
        lemma = verb_lemma(tok)
        if lemma == "take" and _has_particle(tok, "up") and _takes_up_post(tok) or \
                lemma == "accept" and _takes_up_post(tok):
            # "took up a research post at X in 1938", "accepted a research post with X"
            return Trigger(tok, "joined")
        if lemma == "make" and any(c.dep_ in ("ccomp", "oprd", "xcomp") and c.lemma_.lower()
                                   in ROLE_NOUNS for c in tok.children):
            return Trigger(tok, "position")  # "finally made her a professor of accompaniment"
        if lemma == "make" and any(c.dep_ in ("ccomp", "oprd", "xcomp", "attr") and
                                   c.lower_ in _ORDER_RANKS for c in tok.children):
            return Trigger(tok, "award")  # "was made a Knight of the Garter"
        if lemma == "take" and _as_spouse(tok):
            return Trigger(tok, "married")  # "taking as his wife Elissa Mäkiniemi"
        if lemma == "call" and _next_word(tok) == "to" and tok.i + 3 < len(tok.doc) and \
                tok.nbor(3).lower_ == "bar":
            return Trigger(tok, "studied")  # "called to the bar at the Inner Temple": trained
        if lemma == "call" and _next_word(tok) == "to" and any(
                c.dep_ == "auxpass" for c in tok.children):
            return Trigger(tok, "joined")  # "he was called to the University of Berlin"
        if lemma == "come" and _next_word(tok) == "into" and tok.i + 2 < len(tok.doc) and \
                tok.nbor(2).lower_ in ("being", "existence"):
            return Trigger(tok, "founded")  # "The National Health Service came into being in"
        phrasal = PHRASAL_TRIGGERS.get((lemma, _next_word(tok)))
        if phrasal is not None:
            return Trigger(tok, phrasal)
        if lemma == "pass" and _next_word(tok) != "away":
            if any(c.dep_ == "dobj" and (c.ent_type_ == "DATE" or c.lemma_ in TIME_NOUNS)
                   for c in tok.children):
                return Trigger(tok, VERB_TRIGGERS["spend"])  # "passed 1985 at X": spent
            return None
        if lemma == "set" and not _has_particle(tok, "up"):
            return None
        if _builds_on(tok):
            return None
        if lemma == "preside" and tok.tag_ not in ("VBZ", "VBP"):
            return None  # "presided over the Physiological Congress": a meeting chaired once
        if lemma in _LEAD_VERBS:
            return None if _leads_away(tok) or _leads_a_part(tok) else \
                Trigger(tok, "position", role=lemma)
        if lemma in ("reach", "hit") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _OUTLETS for c in tok.children):
            return Trigger(tok, "released")  # "reached British shops in 1993"
        if lemma in ("recognise", "recognize") and _with_honour(tok):
            return Trigger(tok, "award")  # "His work was recognised with a knighthood in 1994"
        if lemma in ("hold", "win", "assume") and (held := _held_post(tok)):
            # "holds a professorship at X"; "who had won the presidency in 1991": its start
            return Trigger(tok, "position", role=held)
        if lemma in ("succeed", "replace") and any(c.lower_ == "as" for c in tok.children):
            return Trigger(tok, "position")  # "He succeeded Tony Trabert as captain of X"
        if lemma in TRANSFERS and _transferred(tok):
            return Trigger(tok, "joined")  # "McGraw shipped him to the Cincinnati Reds"
        if lemma == "go" and _into_work(tok):
            return Trigger(tok, "joined")  # "In 1973 he went into management with Preston"
        if lemma == "go" and _has_particle(tok, "on") and _to_school(tok):
            return Trigger(tok, "studied")  # "went on to the Royal College of Art in 1921"
        if lemma in _PLACE_VERBS and _place_at(tok):
            return Trigger(tok, "studied")  # "won a place at the Slade": admitted there
        if VERB_TRIGGERS.get(lemma) == "award" and tok.head.lower_.rstrip(".") in DEGREE_NOUNS:
            return None  # "her doctorate, awarded by Harvard in 1934": the degree's claim
        if VERB_TRIGGERS.get(lemma) == "award" and any(
                c.dep_ == "dobj" and (c.lower_.rstrip(".") in DEGREE_NOUNS or any(
                    g.dep_ == "compound" and g.lower_.rstrip(".") in DEGREE_NOUNS
                    for g in c.children)) for c in tok.children):
            return None  # "Göttingen awarded her a doctorate in 1874": the degree's claim too
        if lemma == "bear" and tok.tag_ != "VBN" and any(
                c.dep_ == "dobj" and c.lemma_.lower() not in _OFFSPRING for c in tok.children):
            return None  # "A lunar crater and an asteroid bear her name": no birth
        if lemma in VERB_TRIGGERS:
            return Trigger(tok, VERB_TRIGGERS[lemma])
        if lemma in CONTEXT_VERBS:
            return Trigger(tok, "context")
        if lemma in _SHOWN and tok.tag_ == "VBN":
            return Trigger(tok, "released")  # "Sunflower Seeds, shown at Tate Modern in 2010"
        if lemma in ("be", "remain"):  # "He also remains Apple's chief operating officer"
            return _copula_role(tok)
        return None
    if tok.pos_ in ("NOUN", "PROPN"):
        if low == "work" or tok.lemma_ == "work":
            return _work_noun(tok)
        if low == "job" and _next_word(tok) in ("as", "at", "with"):
            # "talked her way into a job as associate editor of the African Review"
            return Trigger(tok, "worked_at")
        if low in ("season", "campaign") and _next_word(tok) in ("with", "at", "for") and (
                edge := next((c.lower_ for c in tok.children if c.dep_ == "amod"
                              and c.lower_ in ("first", "debut", "last", "final")), None)):
            # "2006: Final season with Ferrari; first season with Mercedes"
            return Trigger(tok, "joined" if edge in ("first", "debut") else "left")
        if tok.lemma_.lower() in ("study", "studies") and tok.pos_ == "NOUN" and \
                _next_word(tok) == "at" and not (tok.dep_ == "pobj" and tok.head.lower_ == "of"
                                                 and tok.head.head.lemma_.lower() in ROLE_NOUNS):
            # (not "director of scientific studies at the École normale": a post)
            return Trigger(tok, "studied")  # "A spell of graduate study at Columbia followed"
        if low == "career" and (_next_word(tok) == "at" or any(
                c.lower_ == "at" for c in tok.children)):
            return Trigger(tok, "joined")  # "began his managerial career at Dundee in 1974"
        if tok.lemma_.lower() in NOUN_TRIGGERS and (not in_other_event(tok) or _dated(tok)) \
                and not _served_as(tok) and not _reported_event(tok) and not _theme(tok) \
                and not _makers_dealt_with(tok):
            return Trigger(tok, NOUN_TRIGGERS[tok.lemma_.lower()])
    return None


_OUTLETS = frozenset("shop store market shelf cinema theater theatre bookshop bookstore "
                     "screen newsstand reader audience".split())


_REPORTING = frozenset({"announce", "report", "confirm", "disclose", "reveal", "mourn"})


_THEME_PREPS = frozenset({"against", "about", "over", "beyond", "between", "like", "versus",
                          "into"})


# (and the honours that make a title: "recognised with a knighthood")
_HONOUR_NOUNS = HONOUR_NOUNS | {"knighthood", "damehood", "peerage", "order"}


def _with_honour(verb: Token) -> bool:
    return any(c.lower_ == "with" and any(g.dep_ == "pobj" and g.lemma_.lower() in _HONOUR_NOUNS
                                          for g in c.children) for c in verb.children)


_TRADES = frozenset({"management", "coaching", "business", "partnership", "practice",
                     "publishing", "banking", "broadcasting", "politics"})


def _into_work(verb: Token) -> bool:
    """"went into management with Wigan Athletic": a trade taken up at a body named after
    (the parser may hang the body on the trade)."""
    trade = next((g for c in verb.children if c.lower_ == "into" for g in c.children
                  if g.lemma_.lower() in _TRADES), None)
    return trade is not None and any(c.dep_ == "prep" and c.lower_ in ("with", "at")
                                     for c in (*verb.children, *trade.children))


_DEALT_PREPS = frozenset({"to", "for", "with", "from", "by", "against", "toward", "towards"})


def _makers_dealt_with(tok: Token) -> bool:
    """"rented her garage to the founders of Google": the makers are whom the sentence's
    subject dealt with, not the subject (unlike "one of the founders", "among the founders")."""
    return NOUN_TRIGGERS.get(tok.lemma_.lower()) in ("founded", "created") and \
        tok.dep_ == "pobj" and tok.head.lower_ in _DEALT_PREPS


def _theme(tok: Token) -> bool:
    """"three tales of love against death": death as a theme, nobody's."""
    return tok.lemma_.lower() in ("death", "birth") and tok.head.lower_ in _THEME_PREPS and \
        not any(c.dep_ == "poss" or c.lower_ == "of" for c in tok.children)


def _reported_event(tok: Token) -> bool:
    """"Her family announced her death on 14 July": the date is the announcement's."""
    return tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and tok.head.lemma_ in _REPORTING


def _served_as(tok: Token) -> bool:
    """"serves as a fellow at Entrisphere": a post the verb's claim holds, with its role."""
    prep = tok.head
    return tok.lower_ in ROLE_NOUNS and prep.lower_ == "as" and prep.head.pos_ in (
        "VERB", "AUX") and verb_lemma(prep.head) in ("serve", "act", "work")


def verb_lemma(tok: Token) -> str:
    """The lemma of a trigger word, recovered by suffix rules when the tagger mislabels it."""
    low = tok.lower_
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low == "found" and _bare_infinitive(tok):
        return "found"  # "helped found the Association": only "found" has that base form
    if low.startswith("co-") and len(low) > 4:
        # "co-founded", "co-wrote" (one token, see pipeline.keep_co_words): the lemmatizer
        # has no entry; the act is the base verb's, the partners are named by "with"
        return _base_lemma(low[3:])
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_:
        return tok.lemma_.lower()
    return _base_lemma(low, tok.lemma_.lower())


def _bare_infinitive(tok: Token) -> bool:
    """"helped found", "to found", "would found": a base form, which "find" has not as "found"
    (not "could be found": the passive of "find")."""
    if any(c.dep_ == "auxpass" for c in tok.children):
        return False
    if tok.dep_ == "xcomp" and tok.head.lower_ in ("help", "helped", "helps"):
        return True
    return any(c.dep_ == "aux" and (c.lower_ in ("to", "help", "helped", "helps")
                                    or c.tag_ == "MD") for c in tok.children)


def _base_lemma(low: str, fallback: str | None = None) -> str:
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("es", ""),
        ("s", ""),
    ):
        if low.endswith(suffix):
            stem = low[: -len(suffix)] + repl
            if stem in VERB_TRIGGERS or stem in CONTEXT_VERBS:
                return stem
    return low if fallback is None else fallback


def _fragment_verb(tok: Token, span: Span) -> bool:
    """The first word after a "YEAR:" label, or of a verbless fragment, tagged as a noun."""
    if not (tok.text[:1].isupper() and tok.lower_.endswith(("ed", "n", "s"))):
        return False  # checked first: the scan below is per token of the sentence
    prev = [t for t in span[: max(0, tok.i - span.start)] if not t.is_space]
    after_label = (
        bool(prev)
        and prev[-1].text in (":", "–", "—", "-", "|")
        and all(t.like_num or t.is_punct or t.is_alpha and t.text[:1].isupper() for t in prev)
    )
    # "1937: Joins the Associated Press": timelines narrate in the past or the present tense
    return (not prev or after_label) and tok.text[:1].isupper() and tok.lower_.endswith(
        ("ed", "n", "s"))


def _conjoined_present(tok: Token) -> bool:
    """"Wins a third World Cup and signs for the Cosmos": a present-tense verb after "and" that
    the tagger took for a plural noun (no determiner, conjoined with a verb in -s)."""
    return tok.tag_ == "NNS" and tok.dep_ == "conj" and tok.head.tag_ == "VBZ" and not any(
        c.dep_ in ("det", "nummod", "amod", "poss", "compound") for c in tok.children)


_OFFSPRING = frozenset({"son", "daughter", "child", "twin", "baby", "boy", "girl", "heir"})
_AWAY = frozenset({"out", "away", "off", "into", "through", "across", "back", "onto", "toward",
                   "towards"})


def _leads_away(tok: Token) -> bool:
    """"police led him out of a rehearsal", "led the climbers across the ice": someone taken
    somewhere, not a body headed."""
    return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in _AWAY for c in tok.children) \
        and any(c.dep_ == "dobj" and (c.pos_ == "PRON" or c.ent_type_ == "PERSON" or
                                      c.tag_ == "NNS") for c in tok.children)


# Parts of a body that a member may lead without leading the body: "led the SNP group at
# Holyrood", "headed the Labour delegation"
_PARTS_LED = frozenset({"group", "delegation", "caucus", "faction", "wing", "contingent", "bloc",
                        "slate", "benches"})


def _leads_a_part(tok: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _PARTS_LED and c.pos_ == "NOUN"
               for c in tok.children)


def _builds_on(tok: Token) -> bool:
    """"to build on AlphaFold", "drew on X": using a thing, not making it. ("Died on 3 March"
    and "founded on 4 April" keep their claims: only these verbs mean "use" with "on".)"""
    if verb_lemma(tok) not in _USE_ON_VERBS:
        return False
    return _next_word(tok) in ("on", "upon") or any(
        c.dep_ in ("prt", "prep") and c.lower_ in ("on", "upon") for c in tok.children)


def _degree_noun(tok: Token) -> Trigger | None:
    """"Her PhD ... from X in 2005": the degree names the claim. Not when it is the object of
    a verb that already makes one ("earned a PhD")."""
    head = tok.head
    head_lemma = verb_lemma(head) if head.i != tok.i else ""
    if head_lemma in CONTEXT_VERBS or VERB_TRIGGERS.get(head_lemma) == "studied":
        return None
    if any(c.lower_ in ("honorary", "honoris") for c in tok.children):
        return None  # "an honorary doctorate" is an honour: the verb's claim, not a degree
    return Trigger(tok, "studied", degree=tok.text)


_OTHER_EVENT = frozenset({"after", "before", "following", "since", "until", "prior", "centenary",
                          "centennial", "anniversary", "bicentenary", "jubilee"})


def _dated(tok: Token) -> bool:
    """"after Pierre's death in 1906": the noun carries a date of its own."""
    return any(t.like_num and len(t.text) == 4 for t in tok.subtree if t.i != tok.i)


def in_other_event(tok: Token) -> bool:
    """"after her death", "a month after leaving Google": a reference to another event, which
    this sentence neither dates nor claims."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].dep_ == "poss" and doc[tok.i - 2].lower_ in _OTHER_EVENT:
        return True  # "After his death Mahler's music ...": the parser may not hang it there
    node = tok
    for _ in range(2):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lower_ in _OTHER_EVENT:
            return True
    return False


# Verbs that release a work only as a participle: "shown at", not "showed that"
_SHOWN = frozenset({"show", "exhibit", "display"})


# Ranks of an order of chivalry or merit: to be made one is to receive the order
_ORDER_RANKS = frozenset({"knight", "dame", "companion", "commander", "officer", "chevalier",
                          "grand"})


def _next_word(tok: Token) -> str:
    return tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""


def _has_particle(tok: Token, word: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == word for c in tok.children)


def _copula_role(tok: Token) -> Trigger | None:
    """ "She is the CEO of X", "he was a professor at Y": a position claim on the copula."""
    attr = next((c for c in tok.children if c.dep_ in ("attr", "acomp")), None)
    if (
        attr is None
        or attr.lower_ not in ROLE_NOUNS
        and not any(c.lower_ in ROLE_NOUNS for c in attr.children if c.dep_ in ("compound", "amod"))
    ):
        return None
    return Trigger(tok, "position", present=tok.tag_ in ("VBZ", "VBP"))


def _work_noun(tok: Token) -> Trigger | None:
    """ "his postdoctoral work at X": a claim that the subject worked at X."""
    mods = {c.lower_ for c in tok.children}
    nxt = _next_word(tok)
    if mods & {"postdoctoral", "postdoc", "post-doctoral"}:
        return Trigger(tok, "worked_at", role="postdoctoral researcher")
    if nxt == "at":
        return Trigger(tok, "worked_at")
    return None


def _native_place(tok: Token, mention_at: dict[int, Mention]) -> Mention | None:
    """The birthplace in "a native of Zlín" or "his native Donetsk" (not "native speakers", nor
    "the natives of", nor someone else's "their native village" with no owner named)."""
    if tok.dep_ == "amod":
        place = mention_at.get(tok.head.i)
        owned = any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in tok.head.children)
        return place if place is not None and place.label == "place" and owned else None
    if tok.pos_ != "NOUN" or not any(c.lower_ in ("a", "an") for c in tok.children):
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            place = next((mention_at[c.i] for c in prep.children if c.i in mention_at), None)
            if place is not None and place.label == "place":
                return place
    return None


def _birthplace_named(tok: Token, mention_at: dict[int, Mention]) -> Mention | None:
    """The place "her birthplace" is said to be ("Her birthplace was Kiev", "His birthplace,
    Ulm, ..."); only the birthplace of "his" or "her" (not "the birthplace of jazz")."""
    if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in tok.children):
        return None
    named = [c for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        named += [c for c in tok.head.children if c.dep_ == "attr"]
    place = next((mention_at[c.i] for c in named if c.i in mention_at), None)
    # (an unlinked name is the place whatever the tagger took it for: "Kiev" as a person)
    return place if place is not None and (place.label == "place" or not place.kb_id) else None


def _construction(tok: Token, span: Span, mention_at: dict[int, Mention]) -> Trigger | None:
    """ "while at X" (worked there then), "under PERSON" (a supervisor) and a sentence-initial
    "As ROLE at X, ..." (a position)."""
    if tok.lower_ not in _CONSTRUCTION_WORDS and tok.lemma_ not in _OPENING_LEMMAS:
        return None  # (every token of every sentence passes here: most open nothing)
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if tok.lower_ in WHILE_AT and nxt is not None and nxt.lower_ == "at":
        return Trigger(nxt, "worked_at", inherits=True)
    if tok.lower_ in ("his", "her", "their") and _award_after(tok, mention_at):
        return Trigger(tok, "award")
    if tok.lower_ == "native" and (place := _native_place(tok, mention_at)) is not None:
        return Trigger(tok, "born", target=place)  # "a native of Zlín", "his native Donetsk"
    if tok.lower_ == "birthplace" and (place := _birthplace_named(tok, mention_at)) is not None:
        return Trigger(tok, "born", target=place)  # "Her birthplace was Kiev"
    if tok.lemma_ == "return" and tok.pos_ == "VERB" and _returns_as(tok, mention_at):
        return Trigger(tok, "position")  # "1980: ... returns as Prime Minister"
    if tok.lemma_ in _MOVES and tok.pos_ == "VERB" and (place := _moved_to(tok, mention_at)):
        return Trigger(tok, "moved", target=place)  # "In 1912 he moved to Bern"
    if tok.lemma_ == "issue" and tok.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.i in mention_at and mention_at[c.i].label == "work"
            for c in tok.children):
        return Trigger(tok, "released")  # "issued the Arusha Declaration" (not "a stamp")
    if tok.lemma_ in ("move", "relocate") and (tok.pos_ == "VERB" or _conjoined_present(tok)) \
            and _moves_alone(tok) and (body := _moved_to(tok, mention_at, "organization")):
        # "1928: Becomes a U.S. citizen and moves with Carl to Washington University": a job
        return Trigger(tok, "joined", target=body)
    if tok.lower_ == "newly" and tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ in _NEWLY:
        # "a fellow of the newly founded Linux Foundation": the founding shares the date.
        target = next((mention_at[i] for i in range(tok.i + 2, min(tok.i + 4, len(tok.doc)))
                       if i in mention_at), None)
        if target is not None:
            return Trigger(tok, "founded", target=target, inherits=True)
    if tok.lower_ in ("the", "his", "her", "their") and _appositive_year(tok, mention_at):
        year = tok.doc[tok.i + 1]
        return Trigger(tok, "released", target=mention_at[tok.i - 2], time_at=year.idx)
    if tok.tag_ == "POS" and (owned := _owners_year(tok, mention_at)) is not None:
        # "A Special Day, De Sica's 1977 chamber piece": the year and the maker of the work
        return Trigger(tok, "released", target=owned[0], time_at=owned[1].idx)
    if tok.lower_ in ("the", "his", "her", "their", "its") and (
            dated := _year_before_work(tok, mention_at)) is not None:
        # "the 1985 Montreal Protocol", "her 1962 novel The Golden Notebook": the year dates it
        return Trigger(tok, "released", target=dated[0], time_at=dated[1].idx)
    if tok.text == "(" and _work_year(tok, mention_at):
        year, named = tok.doc[tok.i + 1], mention_at[tok.i - 1]
        # "Academy Award for Best Actress, Klute (1972)": in an honours line, the honour's year
        honour = _honour_before(tok, named, mention_at) if named.label == "work" else None
        if honour is not None:
            return Trigger(tok, "award", target=honour, time_at=year.idx)
        # "Samson and Delilah (1949)" dates a release; "Glenn Gould Prize (1999)" an award
        predicate = {"award": "award", "position": "position"}.get(named.label, "released")
        return Trigger(tok, predicate, target=named, time_at=year.idx,
                       role=named.text if predicate == "position" else None)
    if tok.text == "(" and (renamed := _other_title_year(tok, mention_at)) is not None:
        # "The Baron in the Trees (Il barone rampante, 1957)": the title in the original
        # language, then the year
        return Trigger(tok, "released", target=renamed[0], time_at=renamed[1].idx)
    if tok.lemma_ in ("follow", "come") and tok.pos_ == "VERB" and not any(
            c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in tok.children):
        # "Its sequel, Parable of the Talents, followed in 1998", "The Royal Gold Medal
        # followed in 1997", "The Nobel Prize came in 1986": what follows is released, or
        # the subject's next honour
        named = _subject_mention(tok, mention_at)
        kinds = ("work", "award") if tok.lemma_ == "follow" else ("award",)
        if named is not None and named.kb_id and named.label in kinds:
            return Trigger(tok, "released" if named.label == "work" else "award", target=named)
    if tok.lemma_ == "follow" and tok.tag_ in ("VBD", "VBN"):
        # "Snow is published in Turkish, followed the same year by Istanbul": the work that
        # came after, and when
        named = next((mention_at[t.i] for c in tok.children if c.dep_ == "agent"
                      for g in c.children if g.dep_ == "pobj" for t in g.subtree
                      if t.i in mention_at), None)
        if named is not None and named.kb_id and named.label == "work":
            return Trigger(tok, "released", target=named)
    if tok.text == "," and (listed := _listed_honour(tok, span, mention_at)) is not None:
        # a list of honours: "Ramon Magsaysay Award for International Understanding, 1999"
        return Trigger(tok, "award", target=listed[0], time_at=listed[1].idx)
    if tok.lower_ == "as" and (same := _same_year_as(tok, span, mention_at)) is not None:
        # "opened in October 1997, the same year as his Dancing House": its year too
        named, year = same
        return Trigger(tok, "released" if named.label == "work" else "founded", target=named,
                       time_at=year.idx, shared_time=True)
    if tok.lower_ in _SPOUSES and (wed := _spouse_since(tok, mention_at)) is not None:
        # "survived by Laura, his wife since 1926": the marriage, dated
        return Trigger(tok, "married", target=wed[0], time_at=wed[1])
    if tok.lower_ in ("under", "by") and _supervisor_after(tok, mention_at):
        return Trigger(tok, "advisor")
    if tok.lower_ in _STUDIOS and (teacher := _studio_of(tok, mention_at)) is not None:
        return Trigger(tok, "advisor", target=teacher)  # "studied in the atelier of X"
    if tok.lower_ == "with" and (found := _supervisor_named(tok, mention_at)) is not None:
        return Trigger(found[0], "advisor", target=found[1])
    if (
        tok.lower_ == "under"
        and nxt is not None
        and getattr(mention_at.get(nxt.i), "label", None) == "person"
        and tok.head.lemma_.lower() not in _UNDER_A_CHIEF
    ):
        return Trigger(tok, "advisor")
    if tok.lower_ == "as" and tok.i == span.start:
        words = [t.lower_ for t in span[1:8]]
        if any(w in ROLE_NOUNS for w in words):
            root = span.root
            present = root.tag_ in ("VBZ", "VBP") or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in root.children
            )
            return Trigger(tok, "position", present=present)
    return None


# "serving under Bill Clinton", "a minister under Attlee": a chief, not a teacher
_UNDER_A_CHIEF = frozenset({"serve", "fight", "play", "govern", "rule", "reign", "command",
                            "minister", "secretary", "envoy", "deputy", "president", "officer"})


def _subject_mention(tok: Token, mention_at: dict[int, Mention]) -> Mention | None:
    """The name that is the verb's subject, or in apposition to it ("Its sequel, X, ...")."""
    heads = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.dep_ == "acl":  # "Its sequel, X, followed in 1998" parsed as a participle
        heads.append(tok.head)
    for subj in heads:
        for t in (subj, *(c for c in subj.children if c.dep_ == "appos")):
            if t.i in mention_at:
                return mention_at[t.i]
    return None


_NEWLY = frozenset({"founded", "formed", "created", "established", "launched", "opened"})
# Verbs of moving house: "moved to Bern", "settled in Chawton", "emigrated to Canada".
_MOVES = frozenset({"move", "relocate", "emigrate", "settle", "retreat", "withdraw"})
_OPENING_LEMMAS = _MOVES | {"follow", "come", "return", "issue"}


def _returns_as(verb: Token, mention_at: dict[int, Mention]) -> bool:
    """"returned as prime minister in 1982": back in a post, named after "as"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            role = next((c for c in prep.children if c.dep_ == "pobj"), None)
            named = mention_at.get(role.i) if role is not None else None
            if role is not None and (role.lower_ in ROLE_NOUNS or named is not None
                                     and named.label == "position"):
                return True
    return False


def _moves_alone(verb: Token) -> bool:
    """The one who moves is a single person ("she moved", or a timeline's subjectless verb),
    not "the couple", and no study follows ("moved north to Sheffield, graduating in 1973")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ not in ("he", "she") and subject.pos_ != "PROPN":
        return False
    return not any(t.lemma_.lower() in ("graduate", "study", "read") for t in verb.subtree
                   if t.i > verb.i)


def _moved_to(verb: Token, mention_at: dict[int, Mention], label: str = "place") -> Mention | None:
    """The KB place after the move's "to" (or a settling's "in"); not a place inside a longer
    phrase ("moved to the University of Geneva" is a job, "moved to Paris's Left Bank" a part)."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None  # "they were later moved to Vladslo": things (or people) moved by others
    preps = ("to", "in") if verb.lemma_ == "settle" else ("to",)
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        named = mention_at.get(obj.i) if obj is not None else None
        if named is not None and named.label == label and named.kb_id:
            return named
    return None


# The words that may open a construction below
_CONSTRUCTION_WORDS = WHILE_AT | _SPOUSES | frozenset(
    {"his", "her", "their", "its", "the", "newly", "(", ",", "as", "under", "by", "with", "native",
     "birthplace", "atelier", "studio", "class", "workshop", "'s", "’s"})


def _owners_year(tok: Token, mention_at: dict[int, Mention]) -> tuple[Mention, Token] | None:
    """"Work, Person's YEAR noun": the work set off before a person's possessive and a year."""
    doc = tok.doc
    person = mention_at.get(tok.i - 1)
    if person is None or person.label != "person" or tok.i + 2 >= len(doc):
        return None
    year = doc[tok.i + 1]
    if not (year.text.isdigit() and len(year.text) == 4 and doc[tok.i + 2].pos_ in ("NOUN", "ADJ")):
        return None
    first = doc.char_span(person.start, person.end, alignment_mode="expand")
    if first is None or first.start < 2 or doc[first.start - 1].text != ",":
        return None
    work = mention_at.get(first.start - 2)
    return (work, year) if work is not None and work.label == "work" and work.kb_id else None


def _appositive_year(tok: Token, mention_at: dict[int, Mention]) -> bool:
    """"King Richard, the 2022 film about her father", "Adiós Nonino, his 1954 elegy": the
    appositive dates the work."""
    doc = tok.doc
    if tok.i < 2 or tok.i + 2 >= len(doc) or doc[tok.i - 1].text != ",":
        return False
    work = mention_at.get(tok.i - 2)
    year, noun = doc[tok.i + 1], doc[tok.i + 2]
    if work is None or not (year.like_num and len(year.text) == 4):
        return False
    if tok.lower_ != "the":
        # "Adiós Nonino, his 1954 elegy for his father": the maker's own work, of any kind
        return work.label == "work" and bool(work.kb_id) and noun.pos_ == "NOUN"
    return work.label in ("work", "other") and noun.lower_ in WORK_NOUNS


_VERSION_NOUNS = frozenset({"recording", "rendition", "version", "cover"})


def _year_before_work(tok: Token, mention_at: dict[int, Mention]) -> tuple[Mention, Token] | None:
    """A year between a determiner and a KB work's name, a kind noun between them or not."""
    doc = tok.doc
    if tok.i + 2 >= len(doc):
        return None
    year = doc[tok.i + 1]
    if not (year.like_num and len(year.text) == 4 and year.text.isdigit()):
        return None
    at = tok.i + 3 if doc[tok.i + 2].lower_ in WORK_NOUNS else tok.i + 2
    if doc[tok.i + 2].lower_ in _VERSION_NOUNS and tok.lower_ in ("his", "her", "their"):
        # "his 1958 recording of Don Gibson's "I Can't Stop Loving You"": the year of the
        # subject's own version of the song named after "of"
        at = next((k for k in range(tok.i + 4, min(tok.i + 10, len(doc)))
                   if k in mention_at and mention_at[k].label == "work"), at) \
            if tok.i + 3 < len(doc) and doc[tok.i + 3].lower_ == "of" else at
    work = mention_at.get(at) if at < len(doc) else None
    if work is None or work.label != "work" or not work.kb_id or work.start != doc[at].idx:
        return None
    last = doc.char_span(work.start, work.end, alignment_mode="expand")
    if last is not None and last[-1].tag_ in ("NNS", "NNPS"):
        return None  # "her 2017 Reith Lectures": one year of a series, not the series' date
    return work, year


def _honour_before(tok: Token, work: Mention, mention_at: dict[int, Mention]) -> Mention | None:
    """The honour a line names just before the work, set off by a comma."""
    text = doc_text(tok.doc)
    for k in range(tok.i - 2, max(tok.sent.start, tok.i - 40) - 1, -1):
        named = mention_at.get(k)
        if named is not None and named is not work:
            return named if named.label == "award" and text[named.end : work.start] == ", " \
                else None
    return None


def _work_year(tok: Token, mention_at: dict[int, Mention]) -> bool:
    """"Samson and Delilah (1951)": a year in brackets right after a work dates it."""
    doc = tok.doc
    before = mention_at.get(tok.i - 1) if tok.i > 0 else None
    return (before is not None and before.label in ("work", "other", "award", "position")
            and tok.i + 2 < len(doc)
            and doc[tok.i + 1].like_num and len(doc[tok.i + 1].text) == 4
            and doc[tok.i + 2].text == ")")


def _other_title_year(tok: Token, mention_at: dict[int, Mention]) -> tuple[Mention, Token] | None:
    """"X (Y, 1957)" where Y is another name of the work X: the work and the year."""
    doc = tok.doc
    before = mention_at.get(tok.i - 1) if tok.i > 0 else None
    inside = mention_at.get(tok.i + 1)
    if before is None or inside is None or before.label != "work" or not before.kb_id or \
            inside.kb_id != before.kb_id:
        return None
    after = next((t.i for t in doc[tok.i + 1 : tok.i + 12] if t.idx >= inside.end
                  and t.text not in ("!", "?")), None)  # ("Thy Soul Shall Bear Witness!, 1921")
    if after is None or after + 2 >= len(doc) or doc[after].text != "," or \
            not (doc[after + 1].like_num and len(doc[after + 1].text) == 4) or \
            doc[after + 2].text != ")":
        return None
    return before, doc[after + 1]


def _supervisor_named(
    tok: Token, mention_at: dict[int, Mention]
) -> tuple[Token, Mention] | None:
    """"with Robert Oppenheimer as her doctoral advisor": the supervisor's noun and person."""
    named = mention_at.get(tok.i + 1)
    if named is None or named.label != "person":
        return None
    doc = tok.doc
    after = next((t.i for t in doc[tok.i + 1 : tok.i + 6] if t.idx >= named.end), None)
    words = [t.lower_ for t in doc[after : after + 4]] if after is not None else []
    if words[:2] not in (["as", "her"], ["as", "his"], ["as", "their"]):
        return None
    noun = next((t for t in doc[after + 2 : after + 4] if NOUN_TRIGGERS.get(t.lower_) ==
                 "advisor"), None)
    return (noun, named) if noun is not None else None


_STUDIOS = frozenset({"atelier", "studio", "class", "workshop"})


def _studio_of(tok: Token, mention_at: dict[int, Mention]) -> Mention | None:
    """The teacher in "studied in the atelier of Léon Bonnat", "trained in the class of X"."""
    doc = tok.doc
    if not any(c.lower_ == "the" for c in tok.children) or tok.i + 2 >= len(doc) or \
            doc[tok.i + 1].lower_ != "of":
        return None
    # (the teacher may come with a description: "the studio of the Cubist painter X")
    verb = tok.head.head if tok.dep_ == "pobj" else None
    if verb is None or verb.lemma_ not in ("study", "train", "enrol", "enroll", "enter", "learn"):
        return None
    for t in doc[tok.i + 2 : tok.i + 9]:
        if t.is_punct:
            return None
        if t.i in mention_at and mention_at[t.i].label == "person":
            return mention_at[t.i]
    return None


def _supervisor_after(tok: Token, mention_at: dict[int, Mention]) -> bool:
    """"under the supervision of X", "supervised by X", "advised by X"."""
    doc = tok.doc
    words = [t.lower_ for t in doc[tok.i + 1 : tok.i + 5]]
    if tok.lower_ == "by":
        if tok.i == 0 or doc[tok.i - 1].lower_ not in ("supervised", "advised", "mentored"):
            return False
        after = tok.i + 1
    elif words[:1] == ["the"] and len(words) > 2 and words[1] in _GUIDANCE and words[2] == "of":
        after = tok.i + 4
    else:
        return False
    mention = mention_at.get(after)
    return mention is not None and mention.label == "person"


def _award_after(tok: Token, mention_at: dict[int, Mention]) -> bool:
    """"her second Nobel Prize came in 1911": a possessed award is a claim to it."""
    doc = tok.doc
    for i in range(tok.i + 1, min(tok.i + 4, len(doc))):
        mention = mention_at.get(i)
        if mention is not None:
            return mention.label == "award"
        if not (doc[i].is_alpha and doc[i].pos_ in ("ADJ", "NUM")):
            return False
    return False


def _quoted_tokens(span: Span) -> set[int]:
    inside = False
    quoted: set[int] = set()
    for tok in span:
        if tok.text in _OPEN_QUOTES and not inside:
            inside = True
            continue
        if tok.text in _CLOSE_QUOTES and inside:
            inside = False
            continue
        if inside:
            quoted.add(tok.i)
    return quoted
