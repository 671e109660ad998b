"""Unsupported claims: promotional or absolute statements that no evidence could back.

Kept deliberately narrow (an editor ignores a tool that cries wolf): each pattern is a
construction that asserts a guarantee, a superlative of all time, or a universal consensus.
"""

from __future__ import annotations

import re

from analysis.checks.base import CheckContext, Finding
from analysis.checks.registry import register

_SUPERLATIVE = "an absolute superlative with no source"
# The colon's clause gives the record the superlative sums up, with its date.
_EVIDENCE_AFTER = re.compile(r"[^:.;]{0,60}:\s+[^:]*\b(?:1[5-9]|20)\d\d\b")
_BASELINE = re.compile(r"\beven (?:among|for|by the standards of|next to|beside)\s+$", re.I)
_PATTERNS = [
    (
        re.compile(
            r"(?<!\bto )(?<!\bto help )\b(ensures?|ensured|guarantees?|guaranteed|guaranteeing|"
            r"ensuring)\b"
            r"(?! (?:that )?(?:data|privacy|compliance))"
            # "GM's leadership of the electric era is assured"
            r"|\b(?:is|are|looks|seems) (?:now |all but |surely )?assured\b(?! (?:by|that|of)\b)",
            re.I,
        ),
        "asserts a guarantee no source can back",
    ),
    (
        re.compile(
            # not "the best-paid athlete", "best-selling": a measured ranking, not praise
            # nor "most of his time", a quantity
            r"\b(the )?(single )?(most|greatest|best|finest|foremost)\b(?!-|\s+of\b)"
            r"[^.;]{0,40}?\b("
            r"of all time|ever|in history|of (?:the|this|our|his|her) (?:[\w-]+ )?(?:century|"
            r"generation|era|time)|in the (?:[\w-]+ )?world|of its kind anywhere"
            # "the most brilliant mind Italy produced in the twentieth century"
            r"|in the (?:[\w-]+ )?century"
            # "the most important artist the television age has produced"
            r"|(?:has|have) (?:ever )?(?:produced|known|seen))\b",
            re.I,
        ),
        _SUPERLATIVE,
    ),
    (
        re.compile(
            # ("the youngest undisputed world champion" is a title, not praise)
            r"\b(undisputed(?!\s+(?:[\w-]+\s+){0,2}(?:champions?|championships?|titles?)\b)|"
            r"unrivall?ed|unparall?eled|unmatched|unquestionably|"
            r"indisputably|single-handedly|singlehandedly|without equal)\b",
            re.I,
        ),
        "an absolute claim with no source",
    ),
    (
        # "No scientist before or since has matched ...", "No invention ... has done more"
        re.compile(
            # "No mathematician before or since has possessed an intuition as pure as his"
            # ("No English footballer, before or since, has been held in such affection")
            r"^\W*(?:no|none|not a single|not one) (?:[\w,'’-]+\s+){1,4}?(?:before or since|"
            r"before (?:him|her|them) or since),?\s+(?:has|have|had|could|can|did)\b|"
            r"^\W*(?:no|none|not a single|not one) (?:[\w,-]+\s+){1,8}?(?:(?:has|have|had|could|"
            r"can|will)\s+(?:ever\s+)?)?(?:done more|did more|does more|matched|rivall?ed|"
            r"equall?ed|surpassed|come close|came close|compared|escaped|been untouched|match|"
            r"rival|equal|surpass)"
            # ("Nobody has ever driven a racing car better")
            r"|^\W*(?:no|none|not a single|not one|nobody) (?:[\w,-]+\s+){0,8}?(?:has|have|had|"
            r"did|does|will|could|can|is|was)\b[^.;]{0,60}?\b(?:more(?! than a)|longer|better|"
            r"further|"
            r"greater|as much|"
            r"deeper|wider|broader|larger|bigger|stronger|faster|quicker|finer|higher|clearer|"
            r"harder|surer|sharper|bolder|truer|richer|wiser|braver|keener)\b"
            # "No poet of her century wrote with greater precision", "No filmmaker ... has looked
            # at ordinary people with such complete attention"
            r"|^\W*no (?:[\w,'’-]+\s+){1,10}?[^.;]{0,60}?\bwith (?:greater|more(?! than)|such|"
            r"as much)\b"
            # ("No athlete, in any sport, has ever carried the hopes of so many")
            r"|^\W*no (?:[\w,-]+\s+){1,8}?[\w-]+\b[^.;]{0,60}?\b(?:so (?:many|much|completely|"
            r"deeply|profoundly)|further|more deeply|more completely)\b"
            # "No one alive understands it better than she does", "No poet ... has ever been
            # loved by as many readers", "No athlete in history has combined ... the way she did"
            r"|^\W*no (?:[\w'’-]+\s+){0,8}?[\w-]+\b[^.;]{0,80}?\b(?:better than (?:he|she|they|"
            r"him|her|them)|as many [\w-]+|the way (?:he|she|they) (?:did|does|has)|"
            # "No sportsman, in any game, has towered over his contemporaries as he did"
            r"as (?:he|she|they) (?:did|does|has|had)(?=\W*$)|"
            # "No British athlete has ever dominated an event the way Radcliffe dominated ..."
            r"the way [\w'’-]+ (?:dominated|ruled|owned|commanded|mastered)|"
            r"as (?:completely|fully|deeply|profoundly|well|much|powerfully|vividly) as)\b"
            # "No athlete in any sport has ever been so universally admired"
            r"|^\W*no (?:[\w'’-]+\s+){1,8}?(?:has|have|had)\s+(?:ever\s+)?[^.;]{0,60}?\bso\s+"
            r"[\w-]+"
            # "No leader in Africa's history has done more ... than Sirleaf"
            r"|^\W*(?:no|none|not a single|not one) (?:[\w'’-]+\s+){1,8}?(?:has|have|had)\s+"
            r"(?:ever\s+)?done more\b"
            # "no athlete in any sport has ever been as dominant as Martina was"
            r"|^\W*(?:no|none|not a single|not one) (?:[\w'’-]+\s+){1,8}?(?:has|have|had)\s+"
            r"ever\s+been\s+as\s+[\w-]+\s+as\b"
            # "No artist of the twentieth century gave a vanished world a more lasting home"
            r"|^\W*(?:no|none|not a single|not one) (?:[\w'’-]+\s+){1,6}?(?:[a-z]+ed|gave|made|"
            r"wrote|left|built|drew|sang|took|won|brought|found)\b[^.;]{0,60}?\b(?:an?|any) "
            r"(?:more [\w-]+|greater|finer|better|richer|deeper|truer|larger)\b",
            re.I,
        ),
        "a universal comparison no source can back",
    ),
    (
        # "there has never been a greater chess player", "there will never be another"
        re.compile(r"\bthere (?:has|have|had) never been (?:a |an )?(?:greater|better|finer|"
                   r"more [\w-]+)\b|\bthere (?:will|would) never be (?:another|a greater|a better)"
                   r"\b"
                   # "no engineer alive has touched more lives", "there was no physicist alive
                   # who could match him", "No civil servant of her generation commanded
                   # greater respect"
                   # ("No educator of the twentieth century changed classrooms more")
                   r"|\bno (?:[\w-]+\s+){1,3}?(?:alive|living|"
                   r"in (?:the )?(?:[\w-]+\s+){0,3}?history|of (?:his|her|their|"
                   r"the|this|that|our) (?:[\w-]+\s+)?(?:generation|century|era|time|age))"
                   r"\s+[^.;]{0,60}?\b(?:more(?! than a)|better|greater|match|rival|equal)\b",
                   re.I),
        "a universal comparison no source can back",
    ),
    (
        re.compile(r"\b(?:would|could) (?:never|not) have (?:been|existed|come|happened|"
                   r"succeeded|taken|become)\b", re.I),
        "a counterfactual no source can back",
    ),
    (
        re.compile(r"^\W*no other [\w-]+(?: [\w-]+)? (?:could|would) (?:ever )?have\b"
                   r"|\bonce and for all\b|\bsets? the standard for\b"
                   # "remain the definitive treatments of every field they address"
                   r"|\bthe definitive [\w-]+(?: [\w-]+)? (?:of|on|for|to) "
                   r"(?:every|all|any|each)\b",
                   re.I),
        "a claim of uniqueness or finality no source can back",
    ),
    (
        re.compile(
            r"\b(?:every|each|all|any)\s+(?:[\w-]+\s+){0,6}?(?:owes?|depends?|relies?|rests?)\b"
            r"|\bunderpins?\s+(?:every|all|each|any)\b|\bowes? (?:its|their) (?:very )?existence\b"
            # "His structures have made possible every new antibiotic developed since"
            r"|\b(?:made|make|makes|making) possible (?:every|all|each)\b"
            # "Every design school in the world still teaches by his method"
            r"|^\W*(?:every|each) (?:[\w-]+ ){1,3}in the world\b",
            re.I,
        ),
        "a universal claim no source can back",
    ),
    (
        re.compile(
            r"\bwill (?:always|forever|remain|continue to be|never stop being)\b[^.;]{0,40}?"
            r"\b(?:most|greatest|best|leading|dominant|unmatched)\b|\bfor generations to come\b",
            re.I,
        ),
        "a prediction stated as certainty",
    ),
    (
        re.compile(
            r"\b(everyone|everybody|no one|nobody)\b (agrees|knows|disputes|doubts|denies)", re.I
        ),
        "claims a universal consensus",
    ),
]
_REPORTED = re.compile(
    r"\b(?:one of the|some of the|among the|named (?:him|her|them|it)|ranked|listed|voted|"
    # "Time named Tenzing and Hillary among the 100 most important people": the magazine's list
    r"named [^.;]{1,60}? among|"
    # "is regularly named among the best ever made": the critics' lists
    r"(?:named|counted|included) among|"
    r"called (?:him|her|it)|(?:marked|singled) out as|"
    r"lists (?:him|her|them|it)|according to|reckoned|certified|"
    # "a team that many still consider the finest ever": an opinion given to its holders
    r"(?:many|most|some|critics|fans|historians|experts|commentators)(?: \w+)? "
    r"(?:still )?(?:consider|regard|rate|deem|call)s?|"
    # "He regarded X as the best record he ever made": the person's own judgement, reported
    r"(?:he|she|they|who) (?:\w+ )?(?:regarded|considered|rated|deemed|thought|believed)|"
    # "Duncan Edwards, the teammate Charlton always called the best he ever saw": his word
    r"(?:(?-i:[A-Z][\w'’-]+)|he|she|they|who|whom) (?:\w+ )?called)\b",
    re.I)
# A figure that measures the claim: "with around 100 million copies sold", "eight gold medals".
# "five FIFA World Player of the Year awards in a row": a count in words, a title of a few words
_FIGURE = re.compile(
    r"\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|"
    r"twenty|thirty|forty|fifty|dozens of|hundreds of)(?:\s+(?:million|billion|thousand))?\s+"
    r"(?:[\w-]+\s+){0,6}?(?:copies|sold|records?|medals?|titles?|goals|wins|victories|votes|"
    r"viewers|sales|units|languages|editions|performances|citations|awards|prizes|trophies|"
    r"championships|caps)\b", re.I)
# "The most celebrated animator of his generation has never ...": the superlative names the
# subject of a sentence about something else; it is not what the sentence asserts.
# Fame among the subject's own works, which a record of performances and sales bears out
_OWN_BEST = re.compile(r"\W*(?:the\s+)?(?:most\s+(?:famous|popular|performed|recorded|played|"
                       r"familiar)|best[- ](?:known|loved|selling))\s+(?:[\w'’-]+\s+){0,4}?"
                       r"(?:he|she|they|[A-Z][\w'’-]+)\s+(?:ever\s+)?(?:wrote|composed|made|"
                       r"recorded|painted|published|designed|built|directed)\b")
_EPITHET = re.compile(r"^\W*the\s+$", re.I)
_COPULA_AFTER = re.compile(r"^[\s,]*(?:is|was|are|were|remains|remained|has been|had been)\b",
                           re.I)
# "Simply put, no athlete ...": a lead-in before the sentence's claim
_LEAD_IN = re.compile(r"^\W*(?:simply put|put simply|quite simply|in short|in a word|frankly|"
                      r"plainly|make no mistake)\s*,\s*", re.I)
_LAW_BEFORE = re.compile(r"\b(?:amendment|constitution|law|act|treaty|charter|bill|clause|"
                         r"statute|article|convention|accord)s?\s+$", re.I)
_SIMILE = re.compile(r"\b(?:like|as if|as though)\s+$", re.I)
# "the Academy Award for Best Actress": a capitalised superlative inside a sentence opens a
# title ("Best Picture", "Most Valuable Player"), not praise
_TITLE_SUPERLATIVE = re.compile(r"(?<=\S )(?:Best|Most|Greatest|Finest)(?= [A-Z])")
# "..., and no runner since has come close": a universal comparison in a coordinated clause
_CLAUSE_OPENER = re.compile(r"(?:[;:—–]|,\s+(?:and|but|yet|while))\s+(?=no\b|none\b|not a single\b|"
                            r"not one\b)", re.I)
# (a quotation still open at the sentence's end: its closing mark went to the next one)
_QUOTE = re.compile(r"[“\"][^”\"]*(?:[”\"]|$)")


def _repeats_body(ctx: CheckContext, start: int, end: int) -> bool:
    core = ctx.text[start:end].strip(" \t\n\"'“”‘’«»").rstrip(".,;:!?")
    words = core.split()
    if len(words) < 4:
        return True
    probe = " ".join(words[: min(8, len(words))])
    return ctx.text.find(probe) not in (-1, ctx.text.find(probe, start))  # found elsewhere


@register
def check_unsupported(ctx: CheckContext) -> list[Finding]:
    found = []
    # A pull quote repeats the body, where its words are judged; one the body does not hold
    # ("No artist of the century gave ... a more lasting home" set off alone) is the page's own
    pull_quotes = {(b.start, b.end) for b in ctx.analysis.article.blocks if b.kind == "pull_quote"
                   and _repeats_body(ctx, b.start, b.end)}
    for start, end in ctx.analysis.sentences:
        if any(s <= start < e for s, e in pull_quotes):
            continue
        # A quoted speaker may boast; the article's own voice may not.
        sentence = _QUOTE.sub(lambda m: " " * len(m.group(0)), ctx.text[start:end])
        sentence = _LEAD_IN.sub(lambda m: " " * len(m.group(0)), sentence)
        whole = _TITLE_SUPERLATIVE.sub(lambda m: " " * len(m.group(0)), sentence)
        clauses = [" " * c.end() + whole[c.end():] for c in _CLAUSE_OPENER.finditer(whole)]
        for pattern, why in _PATTERNS:
            # (a clause is judged on its own words: "one of the most widely read books, and no
            # author has been more widely loved" ranks the books, not the author)
            sentence, m = next(((c, x) for c in (whole, *clauses) if (x := pattern.search(c))),
                               (whole, None))
            if m and _REPORTED.search(sentence[: m.end() + 10]):
                continue  # "Time named him one of the 100 most influential": a source's ranking
            if m and _FIGURE.search(whole):
                continue  # the sentence gives the measure that supports it
            if m and _LAW_BEFORE.search(sentence[: m.start()]):
                continue  # "the amendment guaranteeing freedom of worship": what a law provides
            if m and _SIMILE.search(sentence[: m.start()]):
                continue  # "sounded like the best idea anyone ever had": a figure of speech
            if m and why == _SUPERLATIVE and _EVIDENCE_AFTER.match(sentence, m.end()):
                continue  # "the best junior in the world: she won X in 1984 and ...": shown
            if m and why == _SUPERLATIVE and _BASELINE.search(sentence[: m.start()]):
                continue  # "unusual even among the best runners of her generation": a yardstick
            if m and why == _SUPERLATIVE and _OWN_BEST.match(sentence, m.start()):
                continue  # "the most famous few minutes Villa-Lobos ever wrote": of his own work
            if m and why == _SUPERLATIVE and _EPITHET.match(
                    sentence[: m.start()] + (m.group(1) or "")) and not _COPULA_AFTER.match(
                    sentence[m.end():]):
                continue
            if m:
                found.append(
                    Finding(
                        "unsupported_claim",
                        "low",
                        start,
                        end,
                        f"'{m.group(0).strip()}' {why}",
                        (),
                        "Attribute it to a source, give the evidence, or tone it down.",
                    )
                )
                break
    return found
