"""Topic structure of articles: TF-IDF + NMF over paragraphs, mapped back to sections.

Why NMF rather than LDA: profile paragraphs are short (40-120 words), so per-document word
counts are too sparse for LDA's Dirichlet-multinomial estimates to settle; NMF on TF-IDF
factorises the weighted term matrix directly, is deterministic with ``init="nndsvda"`` and a
fixed ``random_state``, and gives sharper, more readable topics on a few dozen short documents.

Documents are paragraph blocks; consecutive bullets of one section form one document (a lone
bullet is too short to carry a topic). Headings are excluded (they are what we check the
content against) and so are pull quotes (they repeat the body and would double its weight).

Vocabulary choices (general, not tuned to any article):
- English stop words, words of 3+ letters, a light suffix stemmer so that "regulating" and
  "regulation" count as one term (terms are shown by their most frequent surface form);
- unigrams and bigrams of adjacent content words;
- ``min_df=2``: a topic is a theme that recurs, so a word used in one paragraph only is noise;
- ``max_df=0.6``: a word in most paragraphs (the profile's subject) separates nothing.

Number of topics: k in 2..min(8, n-1, round(sqrt(n))) for n documents, picking the k whose
paragraph-to-topic assignment has the highest mean cosine silhouette (ties: the smaller k). The
sqrt cap keeps the model at the grain of sections' themes rather than one topic per paragraph.
"""

from __future__ import annotations

import contextlib
import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from analysis.models import Article

if TYPE_CHECKING:
    from sklearn.decomposition import NMF
    from threadpoolctl import ThreadpoolController

# scikit-learn (with SciPy, ~1 s to import) is imported inside the functions that fit models,
# so that importing this module -- and every command that does not model topics -- stays cheap.

RANDOM_STATE = 0
MAX_TOPICS = 8
MIN_DOCUMENTS = 4  # below this there is nothing to factorise
MIN_DF, MAX_DF = 2, 0.6
TOP_TERMS, LABEL_TERMS = 8, 3
# A heading "matches" when at least this share of its content words occurs in the section's
# text or its dominant topic's top terms.
HEADING_MATCH_MIN = 0.25
_SUFFIXES = (
    "ings", "ing", "ions", "ion", "ities", "ity", "ness",
    "ments", "ment", "ically", "ical", "ally", "ly", "ers", "er", "ies", "ied", "ed", "es", "al",
    "ive", "ic", "s", "e",
)  # fmt: skip
# Fillers sklearn's list lacks; they recur everywhere and name no theme.
_EXTRA_STOP = frozenset(
    "like just really recent recently real new way ways make makes made use used "
    "using today year years time times things thing".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_APOSTROPHE = re.compile(r"['\u2019]")


@functools.cache
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return ENGLISH_STOP_WORDS | _EXTRA_STOP


@functools.lru_cache(maxsize=65536)  # a pure function of a word, called for every occurrence
def stem(word: str) -> str:
    """Strip one common suffix, keeping a stem of 4+ letters ("regulation" -> "regulat")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


@dataclass
class _Analyzer:
    """Tokeniser for TfidfVectorizer that remembers each stem's surface forms for display."""

    surface: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def words(self, text: str, record: bool = True) -> list[str]:
        out = []
        stop = _stop_words()
        for match in _WORD.finditer(text):
            word = _APOSTROPHE.split(match.group().lower(), maxsplit=1)[0]  # drop "'s", "n't"
            if len(word) < 3 or word in stop:
                continue
            stemmed = stem(word)
            if record:
                self.surface[stemmed][word] += 1
            out.append(stemmed)
        return out

    def __call__(self, text: str) -> list[str]:
        words = self.words(text)
        return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]

    def show(self, term: str) -> str:
        # most_common breaks ties by first occurrence: deterministic for a given input order.
        return " ".join(
            self.surface[p].most_common(1)[0][0] if p in self.surface else p for p in term.split()
        )


@dataclass(frozen=True)
class _Doc:
    article: int
    section: int
    start: int
    end: int
    text: str


def paragraph_documents(article: Article, index: int = 0) -> list[_Doc]:
    """Paragraphs and bullet runs of an article, headings and pull quotes excluded."""
    docs: list[_Doc] = []
    previous = None
    for block in article.blocks:
        if block.kind not in ("paragraph", "bullet"):
            previous = block
            continue
        text = article.block_text(block)
        merge = block.kind == "bullet" and previous is not None and previous.kind == "bullet"
        if merge and docs and docs[-1].section == block.section:
            last = docs[-1]
            docs[-1] = _Doc(index, last.section, last.start, block.end, f"{last.text}\n{text}")
        else:
            docs.append(_Doc(index, block.section, block.start, block.end, text))
        previous = block
    return docs


def _fit(matrix: np.ndarray, k: int) -> tuple[NMF, np.ndarray]:
    from sklearn.decomposition import NMF

    model = NMF(n_components=k, init="nndsvda", random_state=RANDOM_STATE, max_iter=1000)
    return model, model.fit_transform(matrix)


def choose_k(
    matrix, fits: dict[int, tuple[NMF, np.ndarray]] | None = None
) -> tuple[int, dict[int, float]]:
    """The number of topics with the best cosine silhouette of the paragraphs' dominant topics.

    ``fits``, when given, receives each k's fitted model and weights so the caller reuses the
    chosen one instead of fitting it again (the fit is deterministic).
    """
    from sklearn.metrics import silhouette_score

    n = matrix.shape[0]
    top = max(2, min(MAX_TOPICS, n - 1, round(math.sqrt(n))))
    scores: dict[int, float] = {}
    for k in range(2, top + 1):
        model, weights = _fit(matrix, k)
        if fits is not None:
            fits[k] = (model, weights)
        labels = weights.argmax(axis=1)
        distinct = len(set(labels.tolist()))
        ok = 1 < distinct < n
        scores[k] = float(silhouette_score(matrix, labels, metric="cosine")) if ok else -1.0
    best = max(scores, key=lambda k: (round(scores[k], 6), -k))
    return best, {k: round(v, 4) for k, v in scores.items()}


def _topic(index: int, row: np.ndarray, terms: np.ndarray, analyzer: _Analyzer) -> dict:
    order = sorted(range(len(row)), key=lambda i: (-row[i], terms[i]))[:TOP_TERMS]
    shown = [{"term": analyzer.show(terms[i]), "weight": round(float(row[i]), 4)} for i in order]
    label_terms: list[str] = []
    for item in shown:  # skip a bigram whose words are already in the label
        words = item["term"].split()
        if not all(w in " ".join(label_terms).split() for w in words):
            label_terms.append(item["term"])
        if len(label_terms) == LABEL_TERMS:
            break
    return {"id": index, "label": " / ".join(label_terms), "terms": shown, "_stems": terms[order]}


def _heading_match(heading: str | None, body: str, topic: dict | None, an: _Analyzer) -> dict:
    """Share of the heading's content words found in the section body or its topic's terms."""
    wanted = set(an.words(heading or "", record=False))
    if not wanted:
        return {"similarity": None, "matches": None, "reason": "heading has no content words"}
    have = set(an.words(body, record=False))
    if topic is not None:
        have |= {part for term in topic["_stems"] for part in term.split()}
    share = len(wanted & have) / len(wanted)
    return {"similarity": round(share, 2), "matches": share >= HEADING_MATCH_MIN}


def _mix(weights: np.ndarray) -> list[float]:
    total = float(weights.sum())
    return [round(float(w) / total, 4) if total else 0.0 for w in weights]


def _sections(article: Article, docs: list[_Doc], fitted: tuple, topics: list[dict]) -> list[dict]:
    vec, model, analyzer = fitted
    out = []
    for section in article.sections:
        body = "\n".join(d.text for d in docs if d.section == section.index)
        row = {
            "index": section.index,
            "heading": section.heading,
            "start": section.start,
            "end": section.end,
            "topic": None,
        }
        weights = model.transform(vec.transform([body]))[0] if body else np.zeros(len(topics))
        topic = None
        if weights.sum() > 0:
            mix = _mix(weights)
            best = int(np.argmax(weights))
            topic = topics[best]
            row |= {"topic": best, "label": topic["label"], "weight": mix[best], "mix": mix}
        else:
            row["reason"] = "no paragraphs" if not body else "no topic vocabulary"
        if section.heading:
            row["heading_match"] = _heading_match(section.heading, body, topic, analyzer)
        out.append(row)
    return out


def _shifts(sections: list[dict]) -> list[dict]:
    scored = [s for s in sections if s["topic"] is not None]
    shifts = []
    for a, b in zip(scored, scored[1:], strict=False):
        va, vb = np.array(a["mix"]), np.array(b["mix"])
        cosine = float(va @ vb / (np.linalg.norm(va) * np.linalg.norm(vb)))
        shifts.append(
            {
                "from_section": a["index"],
                "to_section": b["index"],
                "from_topic": a["topic"],
                "to_topic": b["topic"],
                "shift": a["topic"] != b["topic"],
                "similarity": round(cosine, 3),
            }
        )
    return shifts


def _article(
    index: int,
    article: Article,
    docs: list[_Doc],
    fitted: tuple,
    weights: np.ndarray,
    topics: list[dict],
) -> dict:
    mine = [i for i, d in enumerate(docs) if d.article == index]
    sections = _sections(article, [docs[i] for i in mine], fitted, topics)
    return {
        "path": article.path,
        "title": article.title,
        "mix": _mix(weights[mine].sum(axis=0)) if mine else [],
        "sections": sections,
        "shifts": _shifts(sections),
        "mismatched_headings": [
            s["index"] for s in sections if s.get("heading_match", {}).get("matches") is False
        ],
    }


def _unscored(articles: list[Article], reason: str) -> dict:
    return {
        "scored": False,
        "reason": reason,
        "topics": [],
        "articles": [{"path": a.path, "title": a.title} for a in articles],
    }


def analyze_topics(articles: list[Article]) -> dict:
    """One TF-IDF + NMF model over all the articles' paragraphs; each article's topic structure.

    Args:
        articles: one or more ingested articles.

    Returns:
        JSON-ready dict: model facts (k, per-k silhouette, documents, vocabulary), ``topics``
        (id, label, top terms) and per article its ``mix``, ``sections`` (dominant topic,
        weight, mix, heading match), ``shifts`` and ``mismatched_headings``; or
        ``scored: false`` with the reason when there is too little text to model.
    """
    docs = [d for i, a in enumerate(articles) for d in paragraph_documents(a, i)]
    if len(docs) < MIN_DOCUMENTS:
        return _unscored(
            articles, f"too few paragraphs to find topics ({len(docs)}; need {MIN_DOCUMENTS})"
        )
    with _fast_sklearn():
        return _model_topics(articles, docs)


@contextlib.contextmanager
def _fast_sklearn() -> Iterator[None]:
    """scikit-learn without its per-call checks, and one BLAS thread, for our own fits.

    The inputs are built here (finite TF-IDF, constant valid parameters), so re-validating
    them on every NMF fit, transform and silhouette was a third of the time per article. The
    matrices are small: one BLAS thread is as fast and gives the same numbers whether a batch
    runs in one process or in pool workers (which run with one thread each).
    """
    import sklearn

    with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
        with _blas_controller().limit(limits=1, user_api="blas"):
            yield


@functools.cache
def _blas_controller() -> ThreadpoolController:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()  # inspecting the loaded libraries once, not per article


def _model_topics(articles: list[Article], docs: list[_Doc]) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer

    analyzer = _Analyzer()
    vec = TfidfVectorizer(analyzer=analyzer, min_df=MIN_DF, max_df=MAX_DF, sublinear_tf=True)
    try:
        matrix = vec.fit_transform([d.text for d in docs])
    except ValueError:  # every term pruned: nothing recurs across paragraphs
        return _unscored(articles, "no vocabulary recurs across paragraphs")
    if matrix.shape[1] < 2:
        return _unscored(articles, "no vocabulary recurs across paragraphs")
    fits: dict[int, tuple[NMF, np.ndarray]] = {}
    k, scores = choose_k(matrix, fits)
    model, weights = fits[k]
    terms = vec.get_feature_names_out()
    topics = [_topic(i, row, terms, analyzer) for i, row in enumerate(model.components_)]
    fitted = (vec, model, analyzer)
    result = {
        "scored": True,
        "method": "tfidf+nmf",
        "k": k,
        "k_selection": {"criterion": "cosine silhouette", "scores": scores},
        "documents": len(docs),
        "vocabulary": len(terms),
        "random_state": RANDOM_STATE,
        "articles": [_article(i, a, docs, fitted, weights, topics) for i, a in enumerate(articles)],
    }
    for topic in topics:
        del topic["_stems"]
    return {**result, "topics": topics}


def analyze_article_topics(article: Article) -> dict:
    """The report's ``topics`` key for one article: the model facts, topics and its structure."""
    result = analyze_topics([article])
    per_article = result.pop("articles")[0]
    return {**result, **{k: v for k, v in per_article.items() if k not in ("path", "title")}}
