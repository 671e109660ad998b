"""Attribution: a quotation needs a source an editor can find; a pull quote must quote the text.

A source is specific when the words around the quote name a venue (a named outlet, show,
event, book or person, i.e. a proper noun) or a full date. "In various talks", "in a 2023
podcast", "as he once said", "in interviews" name nothing that can be looked up.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from analysis.checks.base import CheckContext, Finding
from analysis.checks.registry import register
from analysis.models import Block, Evidence

_QUOTE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")
_QUOTE_PAIRS = re.compile(r"[“\"]([^”\"]*)[”\"]")
_SPEECH = re.compile(
    r"\b(said|says|say|told|tells|noted|notes|note|argued|argues|advises|advised|recalled|"
    r"recalls|wrote|writes|remarked|remarks|stressed|stresses|explained|explains|added|adds|"
    r"insisted|insists|quipped|observed|joked|declared|stated|states|warned|warns|asked|put it|"
    r"puts it|likes to say|has said|once said|reminded|reminds|remind)\b",
    re.I,
)
# A word of a speaker's description, not a pronoun, a time or a preposition naming who
_DESCRIBING = (r"(?!(?:of|for|at|from|with|in|on|by|to|he|she|they|it|we|i|you|who|that|year|"
               r"years|decade|decades|month|months|week|weeks|day|days|time|later)\b)")
_VAGUE = re.compile(
    r"\b(?:in|at|during|on|across|over)\s+(?:a|an|the|one|various|several|many|numerous|some|"
    r"countless|multiple|his|her|their|recent|past|more than one)?\s*"
    r"(?:\d{4}\s+|recent\s+|past\s+|public\s+|"
    r"online\s+)?(?:talks?|interviews?|podcasts?|speech(?:es)?|lectures?|conversations?|"
    r"occasions?|settings?|forums?|panels?|events?|conferences?|keynotes?|appearances?|posts?|"
    r"remarks|writings|discussions?|the past)\b"
    # ("in remarks published by the International Olympic Committee": a named record)
    r"(?!\s+(?:published|reported|released|recorded|transcribed)\s+by\b)"
    r"|\b(?:once|often|frequently|reportedly|famously|repeatedly)\s+(?:said|noted|remarked|"
    r"quipped|joked|put it|observed|wrote|told|claimed|boasted|complained|mused)\b"
    r"|\b(?:likes?|liked|loves?|loved|is fond of|was fond of)\s+(?:to\s+)?(?:say|saying|tell|"
    r"telling|remark|joke|quip|put it|repeat|remind|point out|pointing out)\w*\b"
    r"|\b(?:told|tells|has told|tell|(?:put|puts|said|explained|remarked|confided) it to|"
    r"(?:said|explained|remarked|confided|joked) to)\s+(?:interviewers|audiences|reporters|"
    r"journalists|students|friends|colleagues|crowds|listeners|readers|people|"
    r"(?:an|one) interviewer|(?:a|one) (?:reporter|journalist))\b"
    r"|\bmore than once\b|\bon (?:several|many|more than one) occasions?\b"
    r"|\bover the years\b|\b(?:is|was) (?:said|reported|reputed|thought|believed|supposed) to "
    r"have\b"
    r"|\b(?:is|was|has been|have been) (?:often |widely |frequently |famously |once )?quoted as "
    r"(?:saying|having said)\b"
    r"|\b(?:one|a|another) (?:(?:former|longtime|close|old|one-time|onetime|fellow|"
    # ("a Bloomsbury friend remembered", "a former White House colleague": a circle named,
    # the friend not)
    r"veteran|(?-i:[A-Z][\w'’-]+)) ){0,3}(?:student|colleague|friend|observer|"
    r"admirer|critic|employee|insider|associate|acquaintance|fan|rival|pupil|teammate|"
    r"collaborator|assistant|neighbou?r|classmate|contemporary|aide)\b(?! (?:named|called))"
    # "one of the England bowlers of that era admitted": one of a group, unnamed
    r"|\bone of (?:the|his|her|their) (?:[\w'’-]+ ){0,3}?(?:students|colleagues|friends|"
    r"singers|players|bowlers|batsmen|teammates|team-mates|pupils|musicians|rivals|assistants|"
    r"aides|collaborators|critics|admirers|contemporaries|opponents|neighbou?rs|dancers|actors|"
    r"classmates|staff|editors)\b(?! (?:named|called))"
    r"|\b(?:as )?(?:one|an?|another|some) (?:[\w-]+ ){0,2}?(?:said|says|put it|puts it|recalled|"
    r"noted|remarked|observed|wrote|told|has said|once said|joked)\b"
    # "one former Ferrari mechanic said", "a former CBSO violinist remembered", "as one of his
    # former ministers later put it": a speaker described, never named (no comma, no "of X")
    r"|\b(?:as )?(?:one|an?|another)(?: of (?:the|his|her|their))? "
    r"(?:" + _DESCRIBING + r"[\w'’-]+ ){1,4}?(?:later |once |afterwards |then )?"
    r"(?:said|says|put it|puts it|recalled|remembered|noted|remarked|observed|admitted|told|"
    r"joked)\b"
    r"|\bin the words of (?:a|an|one|some)\b"
    r"|\baccording to (?:people|those|sources|friends|colleagues|someone|insiders|associates|"
    r"an? (?:aide|associate|friend|source|insider|colleague))\b"
    r"|\b(?:sources|insiders|observers|critics|people familiar[^,.]*)\s+(?:say|said|note|claim)"
    r"|\bas (?:he|she|they) (?:likes|like|liked) to (?:say|put it)\b"
    r"|\bit (?:is|was|has been) said\b"
    # "in one of many conversations with journalists"
    r"|\bin one of (?:his |her |their |the )?(?:many|several|countless|numerous|various|"
    r"frequent|his|her|their) (?:talks|interviews|conversations|lectures|speeches|appearances|"
    r"podcasts|chats|encounters)\b"
    # "as she has said many times", "he has often argued"
    r"|\b(?:said|told|remarked|noted|written|argued|repeated) (?:it )?(?:many|countless|several|"
    r"numerous|a thousand) times\b"
    r"|\b(?:has|have|had) (?:often|repeatedly|frequently|long|always) (?:said|told|remarked|"
    r"noted|written|argued|insisted|joked|quipped|observed|put it|claimed|maintained|"
    r"complained|boasted|mused)\b"
    # "as the saying usually credited to him goes": who says so, and where, is not said
    r"|\b(?:usually |often |widely |commonly |generally )?(?:credited|attributed|ascribed) to "
    r"(?:him|her|them)\b(?!,? (?:by|in) (?-i:(?:the |The )?[A-Z]))",
    re.I)
# A venue named in lower case still names one: "a post to the comp.os.minix newsgroup".
_NAMED_VENUE = re.compile(
    r"\b(?:newsgroup|mailing list|[a-z]+\.[a-z]+(?:\.[a-z]+)+)\b"
    # "she told Life magazine": a publication the KB need not know, named by its kind
    r"|\b(?:told|to)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:magazine|"
    r"newspaper|radio|television|daily|weekly)\b")
_TOLD_THE = re.compile(r"\btold\s+the\s+(?:[\w'’-]+\s+){1,3}$", re.I)
_ADDRESSED = ("told ", "told the ", "to ", "to the ", "with ", "with the ", "on ", "on the ")
_SECTION_NAME = re.compile(
    r"^(?:from|in|see)?\s*(?:the\s+)?(?:section|discussion|chapter|part|passage)s?\s+(?:on|about|"
    r"of|titled|called)\s+(?:the\s+)?(?P<name>.+)$",
    re.I,
)
_STOP = frozenset("the a an of on in and his her their its to for from with at about".split())


@register
def check_attribution(ctx: CheckContext) -> list[Finding]:
    found = _vague_quotes(ctx)
    for block in ctx.analysis.article.blocks:
        if block.kind == "pull_quote":
            finding = _pull_quote(ctx, block)
            if finding is not None:
                found.append(finding)
    # (hearsay that sources a block quotation is flagged with it, once)
    flagged = {f.start for f in found}
    return found + [f for f in _hearsay(ctx) if f.start not in flagged]


def _vague_quotes(ctx: CheckContext) -> list[Finding]:
    """Quotations in the body whose attribution names no findable source. A quotation may span
    sentences ('"Talk is cheap. Show me the code," he has told interviewers'): its attribution
    is the rest of the sentences it touches."""
    found = []
    seen: set[tuple[int, int]] = set()
    for block in ctx.analysis.article.blocks:
        if block.kind not in ("paragraph", "bullet"):
            continue
        # (every pair of marks, short ones too: a short quoted title ("Why I Write") left
        # unpaired would pair its closing mark with the next quotation's opening one)
        for q in _QUOTE_PAIRS.finditer(ctx.text[block.start:block.end]):
            if len(q.group(1).split()) < 3 or len(q.group(1)) < 12:
                continue  # scare quotes and names, not quotations
            region = _quote_region(ctx, block.start + q.start(), block.start + q.end())
            if region is None or region in seen:
                continue
            seen.add(region)
            finding = _vague_in(ctx, *region)
            if finding is not None:
                found.append(finding)
    return found


# "Picasso is said to have remarked that ...": a remark reported without its words' source
_HEARSAY = re.compile(r"\b(?:is|was|are|were) (?:said|reported|reputed|supposed) to have (?:said|"
                      r"remarked|quipped|joked|declared|observed|told|called|described|claimed|"
                      r"boasted|complained)\b", re.I)


def _hearsay(ctx: CheckContext) -> list[Finding]:
    """Remarks put in indirect speech on hearsay; a quotation is judged by ``_vague_quotes``."""
    found = []
    for start, end in ctx.analysis.sentences:
        sentence = ctx.text[start:end]
        m = _HEARSAY.search(sentence)
        if m is None or any(q in sentence for q in '"“”'):
            continue  # (a quotation, or a name in quotation marks: "called her 'X'")
        found.append(Finding(
            "vague_attribution", "medium", start, end,
            f"A remark reported on hearsay ('{m.group(0)}'): an editor cannot find where it "
            "was said",
            (Evidence(f'Attribution in the article: "{" ".join(sentence.split())}"',
                      "the article"),),
            "Name who reported the remark, where and when, or cut it."))
    return found


def _quote_region(ctx: CheckContext, q_start: int, q_end: int) -> tuple[int, int] | None:
    touched = [(s, e) for s, e in ctx.analysis.sentences if s < q_end and e > q_start]
    if not touched:
        return None
    end = max(touched[-1][1], q_end)  # the closing quotation mark after the sentence's stop
    return touched[0][0], end


def _vague_in(ctx: CheckContext, start: int, end: int) -> Finding | None:
    # Blank the quotes out, keeping offsets, so that matches point into the text.
    outside = _QUOTE.sub(lambda q: " " * len(q.group(0)), ctx.text[start:end])
    vague = _VAGUE.search(outside)
    if vague is None or _names_a_venue(ctx, start, end, vague, outside):
        return None
    if _OCCASION_WORDS.fullmatch(vague.group(0).strip()) and _occasion_before(ctx, start):
        return None  # "On 19 January 2023, in Napier, she announced ... she told reporters"
    return Finding(
        "vague_attribution", "medium", start, end,
        f"The quote's source is vague ('{vague.group(0).strip()}'): an editor cannot find "
        "where this was said",
        (Evidence(f'Attribution in the article: "{" ".join(outside.split())}"', "the article"),),
        "Name the talk, interview or podcast and its date, or link the recording.",
    )


# Attributions that only say who listened; the occasion may be told in the sentence before.
_OCCASION_WORDS = re.compile(r"(?:told|tells|has told|tell)\s+\w+", re.I)


def _occasion_before(ctx: CheckContext, start: int) -> bool:
    """The previous sentence of the same paragraph dates the occasion to the day."""
    block = next((b for b in ctx.analysis.article.blocks if b.start <= start < b.end), None)
    previous = [(s, e) for s, e in ctx.analysis.sentences
                if block is not None and block.start <= s and e <= start]
    if not previous:
        return False
    s, e = previous[-1]
    return any(s <= t.start < e and t.precision == "day" for t in ctx.analysis.timexes)


# A name inside the vague speaker's description: "from the early English Opera Group days"
_SPEAKERS_TIME = re.compile(r"\b(?:from|of|in)\s+(?:the\s+|his\s+|her\s+|their\s+|that\s+|"
                            r"those\s+)?(?:early\s+|late\s+|first\s+)?$", re.I)
_TIME_AFTER = re.compile(r"\s+(?:years|days|era|period|time|times|generation)\b", re.I)


# A new clause after the attribution: what it names is not where the words were said
_NEXT_CLAUSE = re.compile(r"[,;]\s+(?:and|but|yet|while|though|although)\b|;")


def _names_a_venue(ctx: CheckContext, start: int, end: int, vague: re.Match[str],
                   outside: str) -> bool:
    """Does the attribution name where it was said? A proper-noun mention right after the vague
    words ("in a 2023 podcast with Lex Fridman") or addressed by the speaker ("told Morley
    Safer", "to The Guardian"), a named venue in lower case, or a full date ("on 3 May 2023")."""
    if _NAMED_VENUE.search(outside):
        return True
    quotes = [(start + q.start(), start + q.end()) for q in _QUOTE.finditer(ctx.text[start:end])]
    near = (start + vague.start(), start + vague.end() + 60)
    subject = ctx.analysis.subject
    for m in ctx.analysis.mentions:
        if not start <= m.start < end or any(a <= m.start < b for a, b in quotes):
            continue
        if not m.text[:1].isupper() or m.label == "position":
            continue
        if m.label == "place" and not ctx.text[max(start, m.start - 4):m.start].lower().endswith(
                ("in ", "at ")):
            continue  # "in Napier" says where; a place named otherwise does not
        if m.label == "person" and subject is not None and subject.matches(m):
            continue
        if start + vague.start() <= m.start < start + vague.end() or _SPEAKERS_TIME.search(
                ctx.text, max(start, m.start - 30), m.start) and _TIME_AFTER.match(ctx.text, m.end):
            continue  # "one of the England bowlers", "a friend from the Combat years": who
        if m.start >= start + vague.end() and _NEXT_CLAUSE.search(
                ctx.text, start + vague.end(), m.start):
            continue  # "he is supposed to have said, and the Norge flight ... bore him out"
        # ("told The New York Times": the linker may read "New York" as the place and
        # "Times" as a name of its own; the words before the run of names say who was told)
        first = m.start
        while (before := next((x for x in ctx.analysis.mentions if 0 <= first - x.end <= 1
                               and x.start < first), None)) is not None:
            first = before.start
        lead_in = ctx.text[max(start, first - 12):first].lower()
        if near[0] <= m.start <= near[1] or lead_in.endswith(_ADDRESSED) or \
                _TOLD_THE.search(ctx.text, max(start, first - 40), first):
            # ("she told the Madrid daily El País in a 1986 interview": the paper is named)
            return True
    if any(start <= t.start < end and t.precision == "day"
           and not any(a <= t.start < b for a, b in quotes) for t in ctx.analysis.timexes):
        return True
    # "she told a rally ... in Concord, N.H., in February 2016": a place and a month name the
    # occasion, even where the sentence adds that she had said it before
    placed = any(start <= m.start < end and m.label == "place" and not any(
        a <= m.start < b for a, b in quotes) and ctx.text[max(start, m.start - 4):m.start].lower()
        .endswith(("in ", "at ")) for m in ctx.analysis.mentions)
    return placed and any(start <= t.start < end and t.precision == "month"
                          and not any(a <= t.start < b for a, b in quotes)
                          for t in ctx.analysis.timexes)


def _pull_quote(ctx: CheckContext, block: Block) -> Finding | None:
    article = ctx.analysis.article
    quoted = ctx.text[block.start : block.end]
    source = _best_source(ctx, block, quoted)
    evidence: list[Evidence] = []
    named = _named_section(block.attribution or "")
    if source is None and not named:
        return _external_quote(ctx, block)
    if source is None:
        return Finding(
            "quote_mismatch",
            "medium",
            block.start,
            block.end,
            "This pull quote does not match any passage of the article",
            (),
            "Quote the article's words exactly, or drop the pull quote.",
        )
    ratio, src = source
    actual = article.sections[src.section]
    evidence.append(
        Evidence(
            f"Quoted passage in section '{actual.heading or 'lead'}'",
            f"the article, offset {src.start}",
        )
    )
    if ratio < 0.97:
        return Finding(
            "quote_mismatch",
            "low",
            block.start,
            block.end,
            "This pull quote misquotes the article",
            tuple(evidence),
            f'Use the article\'s words: "{ctx.text[src.start : src.end]}"',
        )
    if not named:
        return None
    scores = [(_overlap(named, s.heading or ""), s) for s in article.sections if s.heading]
    best = max(scores, key=lambda x: x[0], default=(0.0, None))
    if best[1] is None or best[0] < 0.5 or best[1].index == actual.index:
        return None
    if _overlap(named, actual.heading or "") >= best[0]:
        return None
    return Finding(
        "quote_mismatch",
        "low",
        block.start,
        block.end,
        f"The pull quote says it is from the section on '{named}' ('{best[1].heading}'), but "
        f"the passage is in '{actual.heading or 'the lead'}'",
        tuple(evidence),
        f"Attribute it to the section '{actual.heading or 'the lead'}'.",
    )


def _external_quote(ctx: CheckContext, block: Block) -> Finding | None:
    """A block quotation from outside the article: its attribution must name a source."""
    attribution = (block.attribution or "").strip() or _introduction(ctx, block) or \
        _within(ctx, block)
    if not attribution and _quoted_before(ctx, block):
        return None
    told = None if attribution else _so_told(ctx, block)
    if told is not None:
        # "So a friend later recalled of her last weeks at the front.": the next paragraph
        # gives the source; the flag, if any, is on its words
        start, end = told
        said = ctx.text[start:end]
        vague = _VAGUE.search(said) or _HEARSAY.search(said)
        if vague is None:
            return None
        return Finding(
            "vague_attribution", "medium", start, end,
            f"The block quotation above is given a vague source ('{vague.group(0)}')",
            (Evidence(f'Attribution in the article: "{" ".join(said.split())}"', "the article"),),
            "Name who said it, and where and when.")
    follow = None if attribution else _follow_up(ctx, block)
    if follow is not None and _vague_in(ctx, *follow) is None:
        return None  # sourced in the next paragraph, as an inline quote's words would be
    vague = _VAGUE.search(attribution)
    if attribution and not vague:
        return None
    if vague and _venue_named(ctx, block, attribution):
        return None  # "she told Life magazine in an interview published in April 1956"
    what = f"'{vague.group(0)}'" if vague else "none given"
    # the flag covers the attribution line too, where it follows the quotation in the text
    end = block.attribution_start + len(block.attribution) if block.attribution and \
        block.attribution_start is not None and block.attribution_start >= block.end else block.end
    return Finding(
        "vague_attribution", "medium", block.start, end,
        f"This block quotation's source is vague ({what})",
        (Evidence(f"Attribution: \"{attribution or '(none)'}\"", "the article"),),
        "Name the book, talk or interview it comes from, with its date.")


_SO_TOLD = re.compile(r"\W*so\s+(?:[\w'’-]+\s+){0,4}?(?:said|says|recalled|remembered|"
                      r"remarked|wrote|told|put it|observed|joked|noted)\b", re.I)


def _so_told(ctx: CheckContext, block: Block) -> tuple[int, int] | None:
    """The first sentence of the paragraph after a block quotation, when it says who said it
    ("So she is said to have remarked to a friend", "So a friend later recalled")."""
    after = [b for b in ctx.analysis.article.blocks if b.start >= block.end]
    if not after or after[0].kind != "paragraph":
        return None
    first = next(((s, e) for s, e in ctx.analysis.sentences if after[0].start <= s < after[0].end),
                 (after[0].start, after[0].end))
    return first if _SO_TOLD.match(ctx.text, first[0], first[1]) else None


def _venue_named(ctx: CheckContext, block: Block, attribution: str) -> bool:
    """The attribution's words, found in the article near the block, name the paper, talk or
    date ("in an interview" with Life magazine is no vague interview)."""
    attribution = attribution.lstrip(' "”’,')  # (it may open on the quotation's closing mark)
    at = ctx.text.find(attribution, max(0, block.start - 1000))
    if at < 0 or at > block.end + 1000:
        return False
    end = at + len(attribution)
    outside = _QUOTE.sub(lambda q: " " * len(q.group(0)), ctx.text[at:end])
    vague = _VAGUE.search(outside)
    return vague is not None and _names_a_venue(ctx, at, end, vague, outside)


def _within(ctx: CheckContext, block: Block) -> str:
    """'"In the future ...," she said in her Nobel lecture, delivered in Stockholm on December 8,
    1983.' -- a block quotation that names its occasion after the quoted words."""
    said = _SAID.search(ctx.text, block.start, block.end)
    closing = max(ctx.text.rfind(c, block.start, block.end) for c in '"”')
    # ('"Music is the weapon of the future," as he liked to put it.': the words after the
    # quotation are its attribution, vague or not)
    own = ctx.text[said.start() : block.end] if said else ctx.text[closing + 1 : block.end] \
        if closing > block.start else ""
    says = _SAYS_NOW.search(ctx.text, block.start, block.end)
    if says is not None and not _VAGUE.search(own):
        return ctx.text[says.start() + 1 : block.end].strip()
    sourced = _OCCASION.search(own) or _NARRATED_MOMENT.search(own) or \
        _NAMED_AND_DATED.search(own) or _FROM_TITLE_DATED.search(ctx.text, block.start, block.end)
    if sourced and not own.strip():
        own = sourced.group(0)
    return own if sourced or _VAGUE.search(own) else ""


# '"Canto, qué mal me sales ..." From "Estadio Chile", Víctor Jara, September 1973': a credit
# line naming the work, quoted, and its date
_FROM_TITLE_DATED = re.compile(
    r"\bFrom\s+[\"“][^\"”\n]{2,80}[\"”][^\n\"“”]{0,60}?\b(?:1[6-9]|20)\d\d\b")


# '"I have been lucky," she says, pouring coffee': the profile's own interview, in the present
_SAYS_NOW = re.compile(r"[,”\"]\s*(?:he|she|they|[A-Z][\w'’-]+)\s+(?:says|tells me|tells us|"
                       r"adds|explains|recalls|laughs)\b")


def _quoted_before(ctx: CheckContext, block: Block) -> bool:
    """The paragraph before quotes the block's opening words with a named occasion ("...,"
    he told the nation in his televised resignation address on December 25, 1991): the block
    repeats a sourced quotation."""
    before = [b for b in ctx.analysis.article.blocks if b.end <= block.start]
    if not before or before[-1].kind != "paragraph":
        return False
    first = re.split(r"[.!?;,]", ctx.text[block.start : block.end].strip(_QUOTE_MARKS))[0]
    opening = " ".join(first.split()[:6])
    for start, end in ctx.analysis.sentences:
        if before[-1].start <= start < before[-1].end:
            sentence = ctx.text[start:end]
            if len(opening) > 15 and opening in sentence and _OCCASION.search(sentence) and \
                    _vague_in(ctx, start, end) is None:
                return True
    return False


_QUOTE_MARKS = "“”\"' "


# '"I just thank God it's all over," he told the crowd a few minutes later': the story has just
# told where and when
_NARRATED_MOMENT = re.compile(
    r"\b(?:a few |several |some |\w+ )?(?:minutes|moments|hours) (?:later|afterwards?)\b"
    r"|\bthat (?:night|day|evening|afternoon|morning)\b|\bthe next (?:day|morning)\b", re.I)


# '(from My Turn, 2016)', 'she told The New York Times in 1985': a named work or paper, dated
# ("told the Royal Academy's magazine in 2022": the paper by its owner and kind)
_NAMED_AND_DATED = re.compile(
    r"\b(?:told|from|in|to)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
    r"(?:\s+(?:magazine|newspaper|journal|review|radio|television|weekly|daily))?,?\s+"
    r"(?:in\s+|on\s+)?(?:[A-Z][a-z]+\s+(?:\d{1,2},\s+)?)?(?:1[6-9]|20)\d\d\b")


# "Addressing the crowd on 28 August 1963, she said:", "in his 1970 documentary Nina: ..."
_ADDRESSED_ON = re.compile(
    r"\b(?:address\w*|speaking|spoke|documentary|interview|broadcast)\b[^.]*\b(?:1[6-9]|20)\d\d\b"
    r"|\b(?:1[6-9]|20)\d\d\s+(?:documentary|interview|broadcast|film)\b", re.I)


_SAID = re.compile(r"[,”\"]\s*(?:he|she|they|[A-Z][\w'’-]+)\s+(?:said|wrote|told|declared|"
                   r"remarked|observed|argued)\b")


def _introduction(ctx: CheckContext, block: Block) -> str:
    """"At his press conference that day he wept openly:" -- the paragraph before a block
    quotation that ends with a colon introduces it; its last sentence is the attribution."""
    before = [b for b in ctx.analysis.article.blocks if b.end <= block.start]
    if not before or before[-1].kind != "paragraph":
        return ""
    last = before[-1]
    text = ctx.text[last.start : last.end].rstrip()
    if not text.endswith(":"):
        return ""
    sentences = [(s, e) for s, e in ctx.analysis.sentences if last.start <= s < last.end]
    start = sentences[-1][0] if sentences else last.start
    intro = ctx.text[start : last.start + len(text)].strip()
    # "He wrote:" names no source; "At his press conference that day he said:" names one, and
    # so does "Addressing the crowd on 28 August 1963, she said:"
    if _OCCASION.search(intro) or _ADDRESSED_ON.search(intro):
        return intro
    earlier = sentences[-2][0] if len(sentences) > 1 else start
    if _POINTS_BACK.search(intro) and any(
            m.label == "work" and m.kb_id and earlier <= m.start < last.end
            for m in ctx.analysis.mentions):
        # "... were published in 1988 as Six Memos for the Next Millennium. In the first of
        # them he wrote:": the work the sentence before names, which the KB knows
        return ctx.text[earlier : last.start + len(text)].strip()
    return ""


_POINTS_BACK = re.compile(r"\b(?:in|from)\s+(?:the\s+\w+\s+of\s+)?(?:it|them|its\s+\w+|the\s+"
                          r"(?:book|essay|lecture|letter|text|volume|collection)s?)\b", re.I)


def _follow_up(ctx: CheckContext, block: Block) -> tuple[int, int] | None:
    """"Gates made that argument in his commencement address at Harvard on June 7, 2007." -- the
    paragraph after a block quotation opens by pointing back at it and names the occasion."""
    after = [b for b in ctx.analysis.article.blocks if b.start >= block.end]
    if not after or after[0].kind != "paragraph":
        return None
    first = next(((s, e) for s, e in ctx.analysis.sentences if after[0].start <= s < after[0].end),
                 (after[0].start, after[0].end))
    text = ctx.text[first[0] : first[1]]
    # ("That sentence, which opens the second volume of The Second Sex": a work the KB knows)
    named_work = any(m.label == "work" and m.kb_id and first[0] <= m.start < first[1]
                     for m in ctx.analysis.mentions)
    return first if _BACK_REFERENCE.search(text) and (_OCCASION.search(text) or named_work) \
        else None


_BACK_REFERENCE = re.compile(
    r"\b(?:that|this|these|those|the)\s+(?:argument|words?|lines?|remarks?|point|passage|"
    r"quotation|quote|sentence|observation|case|plea|warning)\s+(?:comes?|came|is|was|are|were)"
    r"\s+(?:from|taken from)\b"  # "The line comes from the Nobel lecture he gave in Oslo"
    r"|\b(?:that|this|these|those)\s+(?:argument|words?|lines?|remarks?|point|passage|quotation|"
    r"quote|sentence|observation|case|plea|warning)\b"
    r"|\b(?:said|wrote|made|put|spoke)\s+(?:it|this|that|these|those|so)\b"
    # "So he wrote in his 1987 memoir The Magic Lantern"
    r"|^\W*so\s+(?:he|she|they|[A-Z][\w'’-]+)\s+(?:said|wrote|put it|told|argued)\b"
    # "So said Mayor Richard J. Daley ..., in a statement issued at City Hall"
    r"|^\W*so\s+(?:said|wrote|spoke)\s+[A-Z]"
    # "Those were the words of Jean Cocteau, in a tribute he recorded ..."
    r"|\b(?:these|those|they)\s+(?:were|are)\s+(?:the\s+)?(?:\w+\s+)?words\b", re.I)
_OCCASION = re.compile(
    r"\b(?:press conference|news conference|speech|address|interview|lecture|letter|broadcast|"
    r"memoir|autobiography|diary|essay|article|column|statement|testimony|sermon|eulogy|"
    r"debate|hearing|editorial|book|tribute|obituary|remarks)(?:e?s)?\b", re.I)


def _best_source(ctx: CheckContext, pull: Block, quoted: str) -> tuple[float, Block] | None:
    best: tuple[float, Block] | None = None
    for block in ctx.analysis.article.blocks:
        if block is pull or block.kind in ("pull_quote", "heading", "title"):
            continue
        text = ctx.text[block.start : block.end]
        if quoted in text:
            return 1.0, _sub_block(block, text.index(quoted), len(quoted))
        # '"... a racing driver."' pulled from '"... a racing driver," he told': the words
        # inside the marks, without the closing punctuation the sentence around them changes
        core = quoted.strip(_MARKS).rstrip(".,;:!?")
        if len(core.split()) >= 4 and core in text:
            return 1.0, _sub_block(block, text.index(core), len(core))
        # '"A dangerous profession, ..."' pulled from 'called architecture "a dangerous ...'
        at = text.lower().find(core.lower()) if len(core.split()) >= 4 else -1
        if at >= 0:
            return 1.0, _sub_block(block, at, len(core))
        if _quoted_words_run(quoted, text):
            # '"The work is about freedom. Nobody can buy it"' pulled from '"The work is about
            # freedom," he said. "Nobody can buy it"': one speech, split by its attribution
            return 1.0, block
        if len(text) >= 2000:
            continue
        # A block whose length alone caps the ratio at the bar (difflib's real_quick_ratio:
        # matches <= the shorter length) cannot win: skip building a matcher for it. Most
        # paragraphs are several times a quote's length.
        bar = 0.8 if best is None else max(0.8, best[0])
        if 2.0 * min(len(quoted), len(text)) / (len(quoted) + len(text)) <= bar:
            continue
        ratio = SequenceMatcher(None, quoted, text, autojunk=False).ratio()
        if ratio > bar:
            best = (ratio, block)
    return best


_MARKS = " \t\n\"'“”‘’«»"
_WORD = re.compile(r"[\w'’-]+")


def _quoted_words_run(pulled: str, text: str) -> bool:
    """Are the pull quote's words, in order, the words of the block's quotations run
    together (punctuation and the attribution between them aside)?"""
    words = _WORD.findall(pulled.lower())
    if len(words) < 6:
        return False
    spoken = [w for q in _QUOTE.finditer(text) for w in _WORD.findall(q.group(1).lower())]
    return f" {' '.join(words)} " in f" {' '.join(spoken)} "


def _sub_block(block: Block, offset: int, length: int) -> Block:
    return Block(block.kind, block.start + offset, block.start + offset + length, block.section)


def _named_section(attribution: str) -> str | None:
    m = _SECTION_NAME.match(attribution.strip().rstrip("."))
    return m.group("name") if m else None


def _overlap(named: str, heading: str) -> float:
    a = {_stem(w) for w in re.findall(r"\w+", named.lower()) if w not in _STOP}
    b = {_stem(w) for w in re.findall(r"\w+", heading.lower()) if w not in _STOP}
    return len(a & b) / len(a) if a else 0.0


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)]
    return word
