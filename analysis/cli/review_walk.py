"""The interactive review in the terminal: one open flag at a time, each decision saved at once.

Keys: c confirm, d dismiss (asks the reason), f fixed, n note, s skip, q quit. Decisions are
written as they are made, so quitting (or a crash) loses nothing and the next run resumes with
the flags still open.
"""

from __future__ import annotations

import textwrap
from typing import Any

import click

from analysis.report.terminal import review_line
from analysis.review.session import decide
from analysis.review.store import ReviewStore

KEYS = {"c": "confirmed", "d": "dismissed", "f": "fixed"}
_PROMPT = "[c]onfirm error, [d]ismiss, [f]ixed, [n]ote, [s]kip, [q]uit"
_CONTEXT = 160  # characters of article text shown before and after the sentence


def _context(report: dict[str, Any], flag: dict[str, Any]) -> str:
    text = report.get("text") or ""
    start, end = flag.get("start", 0), flag.get("end", 0)
    if not text or not 0 <= start < end <= len(text):
        return f"“{flag['sentence']}”"
    before = " ".join(text[max(0, start - _CONTEXT):start].split())
    after = " ".join(text[end:end + _CONTEXT].split())
    sentence = click.style(" ".join(text[start:end].split()), bold=True)
    return f"…{before} >>{sentence}<< {after}…"


def show_flag(report: dict[str, Any], flag: dict[str, Any], position: str) -> None:
    """Print one flag: what is wrong, the sentence in context, evidence and suggestion."""
    click.echo()
    click.secho(f"{position} [{flag['id']}] {flag['severity'].upper()} "
                f"{flag['category'].replace('_', ' ')}: {flag['message']}", bold=True)
    click.echo(textwrap.fill(_context(report, flag), width=100, initial_indent="  ",
                             subsequent_indent="  "))
    for ev in flag.get("evidence") or []:
        source = f" — {ev['source']}" if ev.get("source") else ""
        click.echo(f"  evidence: {ev['statement']}{source}")
    if flag.get("suggestion"):
        click.echo(f"  suggestion: {flag['suggestion']}")
    line = review_line(flag)
    if line:
        click.secho(f"  review: {line}", fg="magenta")


def walk(
    store: ReviewStore, report: dict[str, Any], flags: list[dict[str, Any]], reviewer: str
) -> dict[str, int]:
    """Review ``flags`` (open flags of ``report``, with their ``review``) one by one.

    Returns:
        How many flags got each decision, and how many were skipped.
    """
    done: dict[str, int] = {"confirmed": 0, "dismissed": 0, "fixed": 0, "noted": 0, "skipped": 0}
    originals = {f["id"]: f for f in report["flags"]}
    for i, flag in enumerate(flags, 1):
        show_flag(report, flag, f"({i}/{len(flags)})")
        # A note given first stays with the decision that follows it.
        note = (flag.get("review") or {}).get("note") or ""
        while True:
            key = click.prompt(_PROMPT, type=click.Choice([*KEYS, "n", "s", "q"]),
                               show_choices=False)
            if key == "q":
                return done
            if key == "s":
                done["skipped"] += 1
                break
            original = originals[flag["id"]]
            if key == "n":
                note = click.prompt("Note", default=note, show_default=bool(note))
                decide(store, report, original, "open", reviewer=reviewer, note=note)
                done["noted"] += 1
                continue  # a note does not decide: ask again about the same flag
            if key == "d":
                note = click.prompt("Why is it a false alarm?", default=note or None)
            decide(store, report, original, KEYS[key], reviewer=reviewer, note=note)
            done[KEYS[key]] += 1
            break
    return done
