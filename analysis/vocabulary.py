"""The claim vocabulary: predicates, the words that trigger them, and the words around them.

Data, not branches: extending the vocabulary is adding a row here.
"""

from __future__ import annotations

import re

# predicate -> (what it asserts, the entity types its object may have)
PREDICATES: dict[str, tuple[str, frozenset[str]]] = {
    "born": ("the subject was born (time, place)", frozenset({"place"})),
    "died": ("the subject died (time, place)", frozenset({"place"})),
    "studied": (
        "the subject studied at / took a degree from the object",
        frozenset({"organization"}),
    ),
    "joined": ("the subject joined the object (start of employment)", frozenset({"organization"})),
    "worked_at": ("the subject worked at the object at that time", frozenset({"organization"})),
    "left": ("the subject left the object (end of employment)", frozenset({"organization"})),
    "position": (
        "the subject held a role (qualifier role) at the object",
        frozenset({"organization"}),
    ),
    "created": ("the subject created the object (a work)", frozenset({"work", "other"})),
    "founded": (
        "the subject founded the object",
        frozenset({"organization", "work", "other", "award"}),  # "founded the X Prize"
    ),
    "award": (
        "the subject received the object (an award), optionally with others",
        frozenset({"award"}),
    ),
    "released": ("the subject (a work) was released / published", frozenset()),
    "advisor": ("the object advised or supervised the subject", frozenset({"person"})),
    "member": ("the subject became a member or fellow of the object", frozenset({"organization"})),
    "married": ("the subject married the object", frozenset({"person"})),
    "citizen": ("the subject became a citizen of the object (a country)", frozenset({"place"})),
    "moved": ("the subject moved to (settled in) the object (a place)", frozenset({"place"})),
    # (made only for people the KB says died, by ``analysis.claim_current.present_acts``)
    "active": ("the subject does something now (\"still reads every script\")", frozenset()),
    # (made only for bodies the KB gives a parent, by ``claim_current.present_independence``)
    "independent": ("the subject (a body) stands on its own now, part of no other", frozenset()),
}

# Nouns of an honour received ("among his honours", "honoured with its medal")
HONOUR_NOUNS = frozenset({"honour", "honor", "award", "prize", "distinction", "decoration",
                          "accolade", "medal"})
# A periodical, as its description opens ("weekly business magazine"), not a journal the
# description mentions ("1948 article in the Bell System Technical Journal")
PERIODICAL = re.compile(r"^\s*(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}(?:magazine|newspaper|"
                        r"journal|periodical|gazette)\b", re.I | re.M)

# The words that end a company's legal name ("Formula One Group", "Sony Corporation")
CORPORATE_WORDS = frozenset({"company", "corporation", "inc", "incorporated", "ltd", "limited",
                             "plc", "llc", "group", "co", "holdings", "ag", "sa", "gmbh"})

# The properties by which a body belongs to another (a parent organisation, a whole)
ABSORBED_BY = ("P749", "P361")

# lemma -> predicate. Checked on verbs (and on the participles a tagger may mislabel).
VERB_TRIGGERS: dict[str, str] = {
    "bear": "born",
    "born": "born",
    "die": "died",
    "pass": "died",
    "kill": "died",
    "murder": "died",
    "assassinate": "died",
    "graduate": "studied",
    "study": "studied",
    "attend": "studied",
    "enrol": "studied",
    "enroll": "studied",
    "pursue": "studied",
    "major": "studied",
    "join": "joined",
    "hire": "joined",
    "recruit": "joined",
    "work": "worked_at",
    "spend": "worked_at",
    "teach": "worked_at",
    "marry": "married",
    "naturalise": "citizen",
    "naturalize": "citizen",
    "wed": "married",
    "remarry": "married",
    "enter": "studied",
    "matriculate": "studied",
    "sign": "joined",
    "leave": "left",
    "depart": "left",
    "resign": "left",
    "retire": "left",
    "quit": "left",
    "become": "position",
    "appoint": "position",
    "enthrone": "position",  # "enthroned as Archbishop of Cape Town"
    "name": "position",
    "elect": "position",
    "promote": "position",
    "elevate": "position",  # "Mubarak elevated him to deputy prime minister"
    "serve": "position",
    "lead": "position",
    "head": "position",
    "direct": "position",
    "chair": "position",
    "run": "position",
    "create": "created",
    "develop": "created",
    "invent": "created",
    "design": "created",
    "build": "created",
    "write": "created",
    "author": "created",
    "introduce": "created",
    "devise": "created",
    "produce": "created",
    "co-create": "created",
    "co-develop": "created",
    "co-author": "created",
    "co-write": "created",
    "sketch": "created",
    "draft": "created",
    "conceive": "created",
    "propose": "created",
    "patent": "created",
    "compose": "created",
    "score": "created",
    "finish": "created",
    "manage": "position",
    "coach": "position",
    "lift": "award",
    "record": "created",
    "paint": "created",
    "sculpt": "created",
    "film": "created",
    "pen": "created",
    "coin": "created",
    "found": "founded",
    "co-found": "founded",
    "cofound": "founded",
    "establish": "founded",
    "set": "founded",
    "win": "award",
    "knight": "award",
    "induct": "award",
    "co-win": "award",
    "award": "award",
    "honor": "award",
    "honour": "award",
    "share": "award",
    "release": "released",
    "unveil": "released",
    "launch": "released",
    "publish": "released",
    "debut": "released",
    "premiere": "released",
    "premier": "released",  # the lemmatizer's lemma of "premiered"
    "appear": "released",
    "announce": "released",
    "ship": "released",
    "open-source": "released",
    "play": "member",
    "read": "studied",
    "open": "released",
    "advise": "advisor",
    "supervise": "advisor",
    "mentor": "advisor",
}

# Verbs that only make a claim with a particular object: "earned a PhD", "received the Prize".
CONTEXT_VERBS = frozenset(
    {"earn", "receive", "obtain", "complete", "gain", "get", "take", "collect", "pick", "land",
     "scoop", "bring", "present"}
)

# Nouns that make a claim on their own: "his postdoctoral work at X", "the founding of Y".
NOUN_TRIGGERS: dict[str, str] = {
    "advisor": "advisor",
    "adviser": "advisor",
    "supervisor": "advisor",
    "supervision": "advisor",  # "a thesis written under the supervision of X"
    "member": "member",
    "fellow": "member",
    "birth": "born",
    "death": "died",
    "postdoc": "worked_at",
    "tenure": "worked_at",
    "founding": "founded",
    "founder": "founded",
    "co-founder": "founded",
    "cofounder": "founded",
    "creator": "created",
    "inventor": "created",
    "release": "released",
    "launch": "released",
    "opening": "released",  # "the opening of the Chichu Art Museum"
    "premiere": "released",
    "marriage": "married",  # "The year 1902 brought his marriage to Alma"
    "citizen": "citizen",  # "became a naturalised citizen of the United States in 1882"
    "citizenship": "citizen",
    "wedding": "married",
    "induction": "award",  # "induction into the Hall of Fame"
    "victory": "award",  # "first 24 Hours of Le Mans victory"
    "laureate": "award",
    "recipient": "award",
    "winner": "award",
    "alumnus": "studied",
    "alumna": "studied",
    "graduate": "studied",
}

DEGREE_WORDS = frozenset(
    "phd ph.d ph.d. doctorate doctoral dphil master masters master's bachelor bachelors "
    "bachelor's degree diploma msc m.sc ms ma mba bsc b.sc bs ba jd md habilitation "
    "diplôme mfa bfa mphil meng beng llb llm mph mpa msw edd dma dds bmus mmus".split()
)

ROLE_NOUNS = frozenset(
    "professor lecturer dean provost chancellor president vice-president director head chief "
    "chair chairman chairwoman chairperson ceo cto cfo coo cso founder co-founder scientist "
    "researcher fellow engineer manager editor partner principal lead leader officer secretary "
    "minister governor senator member postdoc postdoctoral investigator advisor adviser "
    "vp executive architect curator conductor captain coach ambassador envoy justice judge "
    "magistrate mayor trustee commissioner representative congressman congresswoman speaker "
    "critic columnist correspondent publisher "
    "treasurer rector regent premier deputy delegate consul attorney prosecutor counsel "
    "vice-chancellor secretary-general superintendent warden master councillor councilor "
    "alderman bishop archbishop cardinal abbot abbess pope president-elect champion".split()
)

# Nouns that name a degree and so make a claim of study on their own ("Her PhD, from X, ...").
DEGREE_NOUNS = frozenset(
    "phd ph.d doctorate dphil mba mfa msc bsc master's bachelor's masters bachelors".split()
)

# Verb + particle pairs whose meaning the verb alone does not carry.
PHRASAL_TRIGGERS: dict[tuple[str, str], str] = {
    ("come", "out"): "released",
    ("bring", "out"): "released",  # "brought out The Advanced Montessori Method"
    ("put", "out"): "released",
    ("step", "down"): "left",
    ("stand", "down"): "left",  # "stood down as leader"
    ("pick", "up"): "context",
    ("set", "up"): "founded",
    ("pass", "away"): "died",
    ("take", "over"): "position",
    # "nominated to the Rajya Sabha": a seat (nominated *for* a prize is no award)
    ("nominate", "to"): "position",
    ("go", "up"): "studied",  # "went up to Somerville College, Oxford"
    ("line", "up"): "member",  # "In 1921 he lined up for the Akron Pros"
}

# Nouns naming someone by their relation to the subject: "her daughter won ..." is not her.
RELATIONS = frozenset(
    "daughter son wife husband father mother brother sister child children parent parents "
    "partner spouse colleague student mentor advisor adviser friend rival successor "
    "predecessor grandson granddaughter niece nephew cousin uncle aunt grandfather "
    "grandmother grandparent grandparents stepfather stepmother".split()
)
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})

# Verbs of a club passing a player on: "shipped him to the Reds" (the player joins them).
TRANSFERS = frozenset({"ship", "trade", "sell", "loan", "transfer", "deal"})

# Common nouns that name a work: "the 2022 film", "her novel", "his third album".
WORK_NOUNS = frozenset(
    "film movie album record book novel play opera symphony song single series documentary "
    "paper essay memoir collection poem painting building game collaboration recording "
    "translation score adaptation version rendition cover autobiography".split()
)

SUBJECT_PRONOUNS = frozenset("he she they him her his hers their them himself herself".split())

# "while at X", "during her time at X": a claim that the subject worked at X at the time.
WHILE_AT = frozenset({"while", "when", "during"})

# What a seat is on: "sits on the board of X", "a trustee council", "X's board of directors".
BOARD_WORDS = frozenset({"board", "trustees", "council", "committee"})

PRESENT_MARKERS = frozenset({"now", "currently", "today", "presently", "still", "nowadays"})

# Object words for CONTEXT_VERBS: a degree makes "studied", an award-typed object makes "award".
PREDICATE_WEIGHT: dict[str, float] = {
    "member": 0.6,
    "married": 0.6,
    "citizen": 0.6,
    "moved": 0.55,
    "born": 0.9,
    "died": 0.9,
    "award": 0.85,
    "created": 0.8,
    "founded": 0.8,
    "released": 0.75,
    "studied": 0.75,
    "position": 0.75,
    "joined": 0.7,
    "left": 0.7,
    "worked_at": 0.6,
    "advisor": 0.6,
}

# The object of "knighted": matched against honours whose name holds "Knight" or "Dame".
KNIGHTHOOD = "knighthood"


# A building or institution, not a town: "died at the Hôtel Ritz", "born in the Royal
# Infirmary", "Singapore General Hospital"
VENUE = re.compile(
    r"\b(?:h[oô]tel|hospital|clinic|infirmary|sanatorium|hospice|house|home|palace|theat(?:re|er)|"
    r"church|cathedral|abbey|chapel|museum|hall|cent(?:re|er)|prison|jail|station|airport|"
    r"stadium|arena|castle|villa|farm|estate|residence|apartment|manor|ranch|studio|school|"
    r"college|university|institute|laboratory|camp|barracks|ship)\b", re.I)
