"""``factcheck readability`` and ``factcheck topics``: thin commands over the library."""

from __future__ import annotations

from pathlib import Path

import click
from rich import box
from rich.console import Console
from rich.table import Table

from analysis.cli.common import article_argument, emit_json, format_option, model_option

SCORE_COLUMNS = [
    ("FRE", "flesch_reading_ease"),
    ("FK", "flesch_kincaid_grade"),
    ("Fog", "gunning_fog"),
    ("SMOG", "smog_index"),
    ("CLI", "coleman_liau_index"),
    ("ARI", "automated_readability_index"),
    ("DC", "dale_chall"),
    ("Std", "text_standard"),
]
# Parser-free work: only sentence boundaries are needed, so skip the slow annotators.
_UNNEEDED_PIPES = ("ner", "lemmatizer", "attribute_ruler")


def _read(paths: tuple[Path, ...]) -> list:
    from analysis.ingest import read_article

    return [read_article(p) for p in paths]


def _readability_row(table: Table, name: str, unit: dict) -> None:
    counts = [str(unit["sentences"]), str(unit["words"])]
    if unit.get("scored"):
        table.add_row(name, *counts, *(f"{unit[key]:.1f}" for _, key in SCORE_COLUMNS))
    else:
        table.add_row(name, *counts, f"[dim]{unit['reason']}[/dim]", *[""] * 7)


def _print_readability(console: Console, article, result: dict) -> None:
    minutes = result["article"]["reading_time_s"] / 60
    title = f"Readability: {article.title} ({article.path}), reading time {minutes:.1f} min"
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ["Unit", "Sent", "Words", *(c for c, _ in SCORE_COLUMNS)]:
        if column == "Unit":
            table.add_column(column, no_wrap=True, min_width=6, max_width=14, overflow="ellipsis")
        else:
            table.add_column(column, justify="right", no_wrap=True, min_width=4)
    _readability_row(table, "[bold]article[/bold]", result["article"])
    for section in result["sections"]:
        _readability_row(table, f"§{section['index']} {section['heading'] or '(lead)'}", section)
    console.print(table)
    for warning in result["warnings"]:
        console.print(f"[yellow]warning:[/yellow] {warning}")
    hardest = result["hardest"]["highest_grade"]
    if hardest:
        console.print("Hardest sentences (Flesch-Kincaid grade):")
        for row in hardest:
            console.print(
                f"  [{row['start']}:{row['end']}] grade {row['grade']:.1f}: {row['text']}"
            )


@click.command()
@article_argument(multiple=True)
@format_option("table", "json")
@model_option
def readability(articles: tuple[Path, ...], fmt: str, model: str | None) -> None:
    """Readability per article and section: Flesch, FK, fog, SMOG, Coleman-Liau, ARI, Dale-Chall.

    Scores use the pipeline's sentences (headings and pull quotes are not prose) and are
    computed offline; a section under 3 sentences or 30 words says "too short to score".

    Example:
        factcheck readability corpus/articles/yann-lecun-profile.txt --format json
    """
    from analysis.pipeline import analyze, load_pipeline, sentence_spans
    from analysis.readability import score_readability

    docs = _read(articles)
    nlp = load_pipeline(model, components=("profile_layout",))
    results = []
    with nlp.select_pipes(disable=[p for p in _UNNEEDED_PIPES if p in nlp.pipe_names]):
        for article in docs:
            spans = sentence_spans(analyze(nlp, article))
            results.append((article, score_readability(article, spans)))
    if fmt == "json":
        emit_json([{"path": a.path, "title": a.title, **r} for a, r in results])
        return
    console = Console()
    for article, result in results:
        _print_readability(console, article, result)


def _print_topics(console: Console, result: dict) -> None:
    if not result["scored"]:
        console.print(f"[yellow]topics not found:[/yellow] {result['reason']}")
        return
    table = Table(title=f"Topics (k={result['k']}, {result['documents']} sentences)")
    for column in ("Topic", "Label", "Top terms"):
        table.add_column(column)
    for topic in result["topics"]:
        terms = ", ".join(t["term"] for t in topic["terms"])
        table.add_row(str(topic["id"]), topic["label"], terms)
    console.print(table)
    for art in result["articles"]:
        mix = ", ".join(f"{i}: {w:.0%}" for i, w in enumerate(art["mix"]))
        sections = Table(title=f"{art['title']} ({art['path']}) mix {mix}")
        for column in ("§", "Heading", "Topic", "Weight", "Heading matches"):
            sections.add_column(column)
        for s in art["sections"]:
            match = s.get("heading_match", {}).get("matches")
            shown = {True: "yes", False: "[red]no[/red]", None: ""}[match]
            topic = f"{s['topic']} {s['label']}" if s["topic"] is not None else s.get("reason", "")
            weight = f"{s['weight']:.2f}" if s["topic"] is not None else ""
            sections.add_row(str(s["index"]), s["heading"] or "(lead)", topic, weight, shown)
        console.print(sections)
        for shift in (s for s in art["shifts"] if s["shift"]):
            console.print(
                f"  shift §{shift['from_section']} -> §{shift['to_section']}: topic "
                f"{shift['from_topic']} -> {shift['to_topic']} "
                f"(similarity {shift['similarity']:.2f})"
            )


@click.command()
@article_argument(multiple=True)
@format_option("table", "json")
@model_option
def topics(articles: tuple[Path, ...], fmt: str, model: str | None) -> None:
    """Topics (TF-IDF + NMF over sentences), each section's topic, shifts, off-topic headings.

    Several articles share one model, and each gets its topic mix. The result is
    deterministic. ``--model`` is accepted for symmetry; topics need no spaCy pipeline.

    Example:
        factcheck topics corpus/articles/*.txt --format json
    """
    from analysis.topics import analyze_topics

    result = analyze_topics(_read(articles))
    if fmt == "json":
        emit_json(result)
        return
    _print_topics(Console(), result)


COMMANDS = [readability, topics]
