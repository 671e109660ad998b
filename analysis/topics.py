"""Topic structure of articles: TF-IDF + NMF over sentences, mapped back to sections.

Why NMF rather than LDA: profile paragraphs are short (40-120 words), so per-document word
counts are too sparse for LDA's Dirichlet-multinomial estimates to settle; NMF on TF-IDF
factorises the weighted term matrix directly, is deterministic with the ``nndsvda`` start (from
an exact SVD for one article, a randomized one with a fixed ``random_state`` for a corpus), and
gives sharper, more readable topics on a few dozen short documents.

Documents are sentences of paragraphs and bullets (one article has only a dozen paragraphs,
too few for NMF to pull apart themes that share one); a sentence of fewer than
``MIN_DOC_WORDS`` words joins its neighbour. Pull quotes are excluded (they repeat the body).
A section's topic mix is the sum of its sentences' topic weights.

Vocabulary (general, not tuned to any article; see ``analysis.topic_terms``):
- content words only -- nouns, adjectives and unknown words (names, jargon) told from verbs
  and adverbs by the installed model's lemmatizer tables, no pipeline run -- lemmatised and
  folded by a light suffix stemmer ("regulating" and "regulation" are one term, shown by its
  noun form), plus bigrams of adjacent kept words;
- a term must recur (``min_df`` 2, more in a large corpus), must not be in most documents
  (``MAX_DF``), nor in most sections (``MAX_SECTION_SHARE``: the profile's subject);
- headings are weak labels: a heading's terms, when the bodies use them, are added to its
  section's sentences at ``HEADING_WEIGHT`` of an occurrence, so the editor's statement of a
  section's subject steers an ambiguous split without introducing a word (a heading foreign
  to its body still shows as a mismatch).

Number of topics: k in 2..min(8, sections, round(sqrt(documents))): the best cosine silhouette
of the sentences' dominant topics among the k where every topic dominates some section (a
topic no section is about is noise to an editor); ties go to the smaller k. A corpus of more
than ``DENSE_SILHOUETTE`` sentences is scored on a fixed sample of that many.

Labels: the most distinctive nouns and bigrams of a topic -- weight times the term's share of
its weight over all topics (as in FREX / c-TF-IDF) -- with heading words of the sections the
topic dominates counted ``HEADING_BOOST`` times; an adjective alone ("neural") is no label.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from analysis.models import Article
from analysis.topic_sections import article_structure, section_weights
from analysis.topic_terms import Terms, split_sentences, stem

__all__ = ["analyze_article_topics", "analyze_topics", "choose_k", "sentence_documents", "stem"]

if TYPE_CHECKING:
    from sklearn.decomposition import NMF
    from threadpoolctl import ThreadpoolController

# scikit-learn (with SciPy, ~1 s to import) is imported inside the functions that fit models,
# so that importing this module -- and every command that does not model topics -- stays cheap.

RANDOM_STATE = 0
MAX_TOPICS = 8
MIN_DOCUMENTS = 4  # below this there is nothing to factorise
MIN_SECTIONS = 3  # fewer: k is not bounded by, nor required to head, sections
MAX_DF = 0.5
MAX_SECTION_SHARE = 0.6
TOP_TERMS, LABEL_TERMS = 8, 3
MIN_DOC_WORDS = 4  # a shorter sentence ("He never did.") carries no theme of its own
HEADING_WEIGHT = 0.75  # a heading term counts as 3/4 of an occurrence in each sentence
HEADING_BOOST = 1.5
DENSE_CELLS = 50_000  # below this (one article), dense beats sparse overhead
DENSE_SILHOUETTE = 2_000  # documents whose silhouette is scored: distances in 32 MB
MIN_DF_PER_DOCUMENTS = 200  # min_df grows by one per this many documents (corpus runs)


@dataclass(frozen=True)
class _Doc:
    article: int
    section: int
    start: int
    end: int
    text: str


def sentence_documents(article: Article, index: int = 0) -> list[_Doc]:
    """Sentences of an article's paragraphs and bullets, headings and pull quotes excluded.

    One article has a dozen paragraphs: too few documents for NMF to pull apart themes that
    share a paragraph. A sentence too short to carry a theme joins its predecessor.
    """
    docs: list[_Doc] = []
    for block in article.blocks:
        if block.kind not in ("paragraph", "bullet"):
            continue
        for start, end in split_sentences(article.block_text(block), block.start):
            text = article.text[start:end]
            last = docs[-1] if docs else None
            short = len(text.split()) < MIN_DOC_WORDS or (
                last is not None and len(last.text.split()) < MIN_DOC_WORDS
            )
            if short and last is not None and last.section == block.section:
                docs[-1] = _Doc(index, last.section, last.start, end, f"{last.text}\n{text}")
            else:
                docs.append(_Doc(index, block.section, start, end, text))
    return docs


def _fit(matrix, k: int, svd: tuple | None = None) -> tuple[NMF, np.ndarray]:
    from sklearn.decomposition import NMF

    if svd is None:
        model = NMF(n_components=k, init="nndsvda", random_state=RANDOM_STATE, max_iter=1000)
        return model, model.fit_transform(matrix)
    model = NMF(n_components=k, init="custom", max_iter=1000)
    w, h = _nndsvda(matrix, *svd, k)
    return model, model.fit_transform(matrix, W=w, H=h)


def _nndsvda(matrix: np.ndarray, u: np.ndarray, s: np.ndarray, vt: np.ndarray, k: int) -> tuple:
    """NMF's "nndsvda" start (Boutsidis & Gallopoulos 2008, zeros filled with the mean) for k.

    Why not NMF's own: it runs a randomized SVD for every k, which on one article's small
    dense matrix cost as much as the fit. The exact SVD is computed once and truncated per k.
    """
    w, h = np.zeros((u.shape[0], k)), np.zeros((k, vt.shape[1]))
    for j in range(k):
        x, y = u[:, j], vt[j, :]
        if j == 0:
            w[:, 0], h[0, :] = np.sqrt(s[0]) * np.abs(x), np.sqrt(s[0]) * np.abs(y)
            continue
        xp, yp, xn, yn = np.maximum(x, 0), np.maximum(y, 0), -np.minimum(x, 0), -np.minimum(y, 0)
        positive = np.linalg.norm(xp) * np.linalg.norm(yp)
        negative = np.linalg.norm(xn) * np.linalg.norm(yn)
        a, b, sigma = (xp, yp, positive) if positive > negative else (xn, yn, negative)
        scale = np.sqrt(s[j] * sigma)
        w[:, j] = scale * a / np.linalg.norm(a)
        h[j, :] = scale * b / np.linalg.norm(b)
    eps = 1e-6
    w[w < eps], h[h < eps] = 0, 0
    mean = matrix.mean()
    w[w == 0], h[h == 0] = mean, mean
    return w, h


def choose_k(
    matrix, groups: np.ndarray, top: int, fits: dict[int, tuple[NMF, np.ndarray]] | None = None
) -> tuple[int, dict[int, float]]:
    """The number of topics (2..top): best cosine silhouette of the documents' topics, among
    the k for which every topic is the dominant topic of at least one section.

    Sentence silhouettes grow with k on short documents; requiring each topic to head a
    section stops k at the grain an editor reads. With fewer than three sections (an article
    without headings) that requirement means nothing and is dropped.
    """
    from sklearn.metrics.pairwise import cosine_distances

    n_units = int(groups.max()) + 1
    onehot = np.zeros((n_units, len(groups)))
    onehot[groups, np.arange(len(groups))] = 1.0
    live = np.flatnonzero(np.asarray(matrix.sum(axis=1)).ravel() > 0)
    # The distances are computed once for every k, over at most DENSE_SILHOUETTE documents:
    # all of one article's, a fixed sample of a corpus's (all of them would not fit in memory,
    # and the pairs grow with the square of the corpus).
    scored = live
    if len(live) > DENSE_SILHOUETTE:
        sample = np.random.default_rng(RANDOM_STATE).choice(live, DENSE_SILHOUETTE, replace=False)
        scored = np.sort(sample)
    distances = cosine_distances(matrix[scored])
    # A dense matrix is one article's: its exact SVD is cheap, and one serves every k.
    svd = np.linalg.svd(matrix, full_matrices=False) if isinstance(matrix, np.ndarray) else None
    scores: dict[int, float] = {}
    for k in range(2, top + 1):
        model, weights = _fit(matrix, k, svd)
        if fits is not None:
            fits[k] = (model, weights)
        labels = weights[live].argmax(axis=1)
        per_section = onehot @ weights
        used = set(per_section[per_section.sum(axis=1) > 0].argmax(axis=1).tolist())
        ok = 1 < len(set(labels.tolist())) < len(live)
        ok = ok and (len(used) == k or n_units < MIN_SECTIONS)
        sampled = weights[scored].argmax(axis=1)
        ok = ok and 1 < len(set(sampled.tolist())) < len(scored)
        scores[k] = _silhouette(distances, sampled) if ok else -1.0
    best = max(scores, key=lambda k: (round(scores[k], 6), -k))
    return best, {k: round(v, 4) for k, v in scores.items()}


def _silhouette(distances: np.ndarray, labels: np.ndarray) -> float:
    """``sklearn.metrics.silhouette_score`` on precomputed distances, step for step.

    Why not sklearn's: per call it re-validates its input and recomputes the distances chunk
    by chunk, which on one article's few dozen sentences cost ten times the arithmetic.
    The sums run in sklearn's order (a ``bincount`` per row), so the scores are the same.
    """
    _, labels = np.unique(labels, return_inverse=True)
    freqs = np.bincount(labels)
    sums = np.array([np.bincount(labels, weights=row, minlength=len(freqs)) for row in distances])
    rows = np.arange(len(labels))
    intra = sums[rows, labels]
    sums[rows, labels] = np.inf
    inter = (sums / freqs).min(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        intra = intra / (freqs - 1).take(labels, mode="clip")
        samples = (inter - intra) / np.maximum(intra, inter)
    return float(np.nan_to_num(samples).mean())  # nan: a one-document cluster, scored 0


def _topic(
    index: int, model: NMF, terms: np.ndarray, rank: np.ndarray, vocab: Terms, boost: set[str]
) -> dict:
    """Top terms by weight; the label from the most distinctive nouns and bigrams.

    Distinctiveness is a term's weight times its share of the term's weight over all topics
    (as in FREX / c-TF-IDF): a word every topic uses names none of them. Words of the headings
    of the sections the topic dominates count ``HEADING_BOOST`` times: a weak, editor-given
    label that still has to be frequent in the body to be chosen.
    """
    row = model.components_[index]
    share = row / np.maximum(model.components_.sum(axis=0), 1e-12)
    # Sorted by weight, ties by term, as sorted() on (-weight, term) would, but in numpy: the
    # vocabulary has hundreds of terms and each topic sorts it twice. Stable sorts by the
    # term's rank (``_term_rank``), then by weight, give that order (-0.0 and 0.0 tie in both).
    order = np.lexsort((rank, -row))[:TOP_TERMS]
    shown = [{"term": vocab.show(terms[i]), "weight": round(float(row[i]), 4)} for i in order]
    hint = np.array([HEADING_BOOST if all(p in boost for p in t.split()) else 1.0 for t in terms])
    score = row * share * hint  # the same float operations, in the same order, per term
    ranked = np.lexsort((rank, -score)).tolist()
    label: list[str] = []
    for i in ranked:
        if row[i] <= 0 or len(label) == LABEL_TERMS:
            break
        term = vocab.show(terms[i])
        taken = " ".join(label).split()
        if vocab.is_weak_label(terms[i]) or all(w in taken for w in term.split()):
            continue
        label = [t for t in label if not set(t.split()) <= set(term.split())] + [term]
    return {"id": index, "label": " / ".join(label), "terms": shown, "_stems": terms[order]}


def _term_rank(terms: np.ndarray) -> np.ndarray:
    """Each term's position in the sorted vocabulary (str order, as Python compares)."""
    rank = np.empty(len(terms), dtype=np.intp)
    rank[sorted(range(len(terms)), key=terms.__getitem__)] = np.arange(len(terms))
    return rank


def _unscored(articles: list[Article], reason: str) -> dict:
    return {
        "scored": False,
        "reason": reason,
        "topics": [],
        "articles": [{"path": a.path, "title": a.title} for a in articles],
    }


def analyze_topics(articles: list[Article]) -> dict:
    """One TF-IDF + NMF model over all the articles' sentences; each article's topic structure.

    Args:
        articles: one or more ingested articles.

    Returns:
        JSON-ready dict: model facts (k, per-k silhouette, documents, vocabulary), ``topics``
        (id, label, top terms) and per article its ``mix``, ``sections`` (dominant topic,
        weight, mix, heading match), ``shifts`` and ``mismatched_headings``; or
        ``scored: false`` with the reason when there is too little text to model.
    """
    import sklearn

    # The matrices are built here (finite, valid parameters): scikit-learn's per-call input
    # and parameter validation cost a third of one article's topic model.
    with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
        return _analyze_topics(articles)


def _analyze_topics(articles: list[Article]) -> dict:
    prepared = [_prepare(a) for a in articles]
    docs = [d if i == 0 else replace(d, article=i) for i, p in enumerate(prepared) for d in p.docs]
    if len(docs) < MIN_DOCUMENTS:
        return _unscored(
            articles, f"too few sentences to find topics ({len(docs)}; need {MIN_DOCUMENTS})"
        )
    if len(prepared) == 1:
        vocab = prepared[0].vocab  # the model only reads it: no copy needed
    else:
        vocab = Terms()
        for p in prepared:  # in article order, as if every document were tokenised here
            vocab.absorb(p.vocab)
    tokens = [t for p in prepared for t in p.tokens]
    with _fast_sklearn():
        return _model_topics(articles, docs, tokens, vocab)


@dataclass(frozen=True)
class _Prepared:
    """An article's documents and their tokens, with the display forms they recorded."""

    docs: tuple[_Doc, ...]  # article index 0
    tokens: tuple[list[tuple[str, bool]], ...]
    vocab: Terms


# While ``keep_prepared`` is active (see there): prepared articles by content, and the
# articles themselves by (path, content hash). Both keyed with the hash last.
_KEPT: dict[tuple[str, tuple, str], _Prepared] | None = None
_KEPT_ARTICLES: dict[tuple[str, str], Article] = {}
_KEPT_LIMIT = 0


def _prepare(article: Article) -> _Prepared:
    key = (article.text, article.blocks, article.sha256)
    if _KEPT is not None and (found := _KEPT.get(key)) is not None:
        return found
    docs = tuple(sentence_documents(article))
    vocab = Terms()
    prepared = _Prepared(docs, tuple(vocab.tokens(d.text) for d in docs), vocab)
    if _KEPT is not None:
        _keep(_KEPT, key, prepared)
        _keep(_KEPT_ARTICLES, (article.path, article.sha256), article)
    return prepared


def _keep(kept: dict, key: tuple, value: object) -> None:
    """Keep the ``_KEPT_LIMIT`` entries of smallest content hash (the summary's sample)."""
    if _KEPT_LIMIT <= 0 or key in kept:
        return
    if len(kept) >= _KEPT_LIMIT:
        largest = max(kept, key=lambda k: k[-1])
        if largest[-1] <= key[-1]:
            return
        del kept[largest]
    kept[key] = value


def kept_article(path: str) -> Article | None:
    """The article at ``path`` as kept by ``keep_prepared``, if the file still has the same
    bytes (so reading it again would give the same article); None otherwise."""
    if _KEPT is None:
        return None
    try:
        sha256 = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None
    return _KEPT_ARTICLES.get((path, sha256))


@contextlib.contextmanager
def keep_prepared(limit: int) -> Iterator[None]:
    """Remember, while active, the prepared documents of the ``limit`` articles of smallest
    content hash, and the articles (``kept_article``).

    Why: a batch run in one process models each article's topics, then models a corpus sample
    (the articles of smallest hash, ``batch_summary.TOPIC_SAMPLE``) again. Kept, their files
    are not parsed, nor their sentences split and tokenised, twice. The articles and tokens
    are the same either way, so the models are too. Articles analysed meanwhile must come from
    ``read_article`` (a batch's do), whose content hash is that of the file's bytes. Not
    thread-safe: for one batch in one thread.
    """
    global _KEPT, _KEPT_ARTICLES, _KEPT_LIMIT
    saved = _KEPT, _KEPT_ARTICLES, _KEPT_LIMIT
    _KEPT, _KEPT_ARTICLES, _KEPT_LIMIT = {}, {}, limit
    try:
        yield
    finally:
        _KEPT, _KEPT_ARTICLES, _KEPT_LIMIT = saved


@contextlib.contextmanager
def _fast_sklearn() -> Iterator[None]:
    """scikit-learn without its per-call checks, and one BLAS thread, for our own fits.

    The inputs are built here (finite TF-IDF, constant valid parameters), so re-validating
    them on every NMF fit and transform was a third of the time per article. The
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


def _features(
    docs: list[_Doc], tokens: list[list[tuple[str, bool]]], vocab: Terms
) -> list[list[str]]:
    """Each document's terms, without those spread over most sections.

    ``tokens`` are the documents' tokens, all recorded in ``vocab`` (so all content stems are
    known). A term in more than ``MAX_SECTION_SHARE`` of the sections (the profile's subject,
    "AI" in an AI profile) separates no section from another; bigrams containing one go too.
    """
    features = [vocab.terms(t) for t in tokens]
    units: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for doc, terms in zip(docs, features, strict=True):
        for term in terms:
            units[term].add((doc.article, doc.section))
    n_units = len({(d.article, d.section) for d in docs})
    if n_units < 4:
        return features
    common = {t for t, u in units.items() if " " not in t and len(u) > MAX_SECTION_SHARE * n_units}
    return [[t for t in terms if not common & set(t.split())] for terms in features]


def _tfidf(
    articles: list[Article], docs: list[_Doc], tokens: list[list[tuple[str, bool]]], vocab: Terms
) -> tuple | None:
    """The documents' TF-IDF matrix (heading terms added) and its terms; None if no term recurs."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    # A theme recurs: a term must occur in two documents, more in a large corpus.
    min_df = max(2, round(len(docs) / MIN_DF_PER_DOCUMENTS))
    counter = CountVectorizer(analyzer=list, min_df=min_df, max_df=MAX_DF)
    try:
        counts = counter.fit_transform(_features(docs, tokens, vocab))
    except ValueError:  # every term pruned: nothing recurs across documents
        return None
    if counts.shape[1] < 2:
        return None
    counts = _with_headings(counts, counter.vocabulary_, articles, docs, vocab)
    matrix = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    return matrix, counter.get_feature_names_out()


def _model_topics(
    articles: list[Article], docs: list[_Doc], tokens: list[list[tuple[str, bool]]], vocab: Terms
) -> dict:
    fitted = _tfidf(articles, docs, tokens, vocab)
    if fitted is None:
        return _unscored(articles, "no vocabulary recurs across sentences")
    matrix, terms = fitted
    if matrix.shape[0] * matrix.shape[1] <= DENSE_CELLS:
        # NMF's solver on a small sparse matrix spends its time in scipy's sparse overhead
        # (transposes, products): dense is faster and gives the same factors.
        matrix = matrix.toarray()
    units = {key: i for i, key in enumerate(dict.fromkeys((d.article, d.section) for d in docs))}
    groups = np.array([units[(d.article, d.section)] for d in docs])
    by_sections = len(units) if len(units) >= MIN_SECTIONS else MAX_TOPICS
    top = max(2, min(MAX_TOPICS, by_sections, round(math.sqrt(len(docs)))))
    top = min(top, *matrix.shape)  # NMF's nndsvda start needs k <= documents and terms
    if top < 2:
        return _unscored(articles, "too few recurring terms to separate topics")
    fits: dict[int, tuple[NMF, np.ndarray]] = {}
    k, scores = choose_k(matrix, groups, top, fits)
    model, weights = fits[k]
    per_section = section_weights(docs, weights)
    rank = _term_rank(terms)
    topics = [
        _topic(i, model, terms, rank, vocab, _heading_keys(articles, per_section, i, vocab))
        for i in range(k)
    ]
    doc_keys = [{key for key, _ in t} for t in tokens]
    structures = [
        article_structure(i, a, docs, doc_keys, per_section, topics, vocab)
        for i, a in enumerate(articles)
    ]
    for topic in topics:
        del topic["_stems"]
    return {
        "scored": True,
        "method": "tfidf+nmf",
        "k": k,
        "k_selection": {"criterion": "cosine silhouette", "scores": scores},
        "documents": len(docs),
        "vocabulary": len(terms),
        "random_state": RANDOM_STATE,
        "articles": structures,
        "topics": topics,
    }


def _with_headings(counts, vocabulary: dict, articles, docs, vocab: Terms):
    """Add each section's heading terms to its sentences at ``HEADING_WEIGHT`` (weak labels).

    Only terms the bodies already use (the fitted vocabulary) are added: a heading reinforces
    what its section says, never introduces a word, so a heading foreign to its body still
    shows as a mismatch.
    """
    if HEADING_WEIGHT <= 0:
        return counts
    counts = counts.tolil().astype(float)
    heading_terms: dict[tuple[int, int], list[str]] = {}
    for row, doc in enumerate(docs):
        key = (doc.article, doc.section)
        if key not in heading_terms:
            heading = articles[doc.article].sections[doc.section].heading or ""
            heading_terms[key] = vocab.terms(vocab.tokens(heading, record=False))
        for term in heading_terms[key]:
            if term in vocabulary:
                counts[row, vocabulary[term]] += HEADING_WEIGHT
    return counts.tocsr()


def _heading_keys(articles: list[Article], per_section: dict, topic: int, vocab: Terms) -> set:
    """Content stems of the headings of the sections where ``topic`` dominates."""
    keys: set[str] = set()
    for (a, s), row in per_section.items():
        heading = articles[a].sections[s].heading
        if heading and row.sum() > 0 and int(np.argmax(row)) == topic:
            keys |= {key for key, _ in vocab.tokens(heading, record=False)}
    return keys


def analyze_article_topics(article: Article) -> dict:
    """The report's ``topics`` key for one article: the model facts, topics and its structure."""
    result = analyze_topics([article])
    per_article = result.pop("articles")[0]
    return {**result, **{k: v for k, v in per_article.items() if k not in ("path", "title")}}
