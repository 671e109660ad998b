"""``profile_claims``: sets ``Doc._.claims`` (and ``Doc._.subject``) from the annotated Doc.

Thin on purpose: the logic lives in ``analysis.claims`` so that it tests without a pipeline.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from analysis.claim_time import named_dates_removed
from analysis.claims import extract_claims
from analysis.components.text import doc_text
from analysis.kb.api import KBReader
from analysis.models import Article, Timex
from analysis.namesakes import own_namesakes
from analysis.pipeline import sentence_spans
from analysis.subject import find_subject

for _name in ("claims", "subject"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ProfileClaims:
    """Sets the claims; ``kb`` (set by the pipeline, may be None) anchors claims on KB facts."""

    def __init__(self) -> None:
        self.kb: KBReader | None = None

    def __call__(self, doc: Doc) -> Doc:
        article: Article | None = doc._.article
        if article is None:
            doc._.claims = []
            return doc
        mentions = list(doc._.mentions or [])
        sentences = sentence_spans(doc)
        doc._.timexes = named_dates_removed(list(doc._.timexes or []), mentions, sentences,
                                             doc_text(doc))
        subject = find_subject(article, mentions, self.kb)
        doc._.subject = subject
        mentions = own_namesakes(mentions, subject, self.kb, doc_text(doc))
        doc._.mentions = mentions
        doc._.claims = extract_claims(
            doc,
            article=article,
            sentences=sentences,
            mentions=mentions,
            timexes=[_as_day(t) for t in doc._.timexes or []],
            subject=subject,
            kb=self.kb,
        )
        return doc


_DAY_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T")


def _as_day(timex: Timex) -> Timex:
    """A time of a known day ("died on Tuesday evening") dates a claim by its day."""
    if timex.type != "TIME" or not _DAY_TIME.match(timex.value):
        return timex
    return replace(timex, type="DATE", value=timex.value[:10], precision="day")


@Language.factory(
    "profile_claims",
    requires=["doc.sents", "doc.spans"],
    assigns=["doc._.claims", "doc._.subject"],
)
def make_profile_claims(nlp: Language, name: str) -> ProfileClaims:
    return ProfileClaims()
