"""``factcheck kb``: import sources into a KB database, show an entity, count what a KB holds."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from analysis.cli.common import emit_json, format_option, kb_options
from analysis.errors import KBError
from analysis.kb.facts_yaml import load_yaml
from analysis.kb.importing import ImportReport
from analysis.kb.loader import LayeredKB, collect_kb_files, load_kb
from analysis.kb.model import KBEntity, KBFact, KBValue
from analysis.kb.properties import PROPERTIES, QUALIFIERS, property_name
from analysis.kb.store import KnowledgeBase
from analysis.kb.wikidata import import_wikidata

DEFAULT_DB = Path("factcheck-kb.db")


def _console() -> Console:
    # Piped output keeps whole lines (URLs, dates) instead of wrapping at 80 columns.
    return Console(width=None if sys.stdout.isatty() else 200, highlight=False)


def db_option(func: Callable) -> Callable:
    return click.option(
        "--db",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        envvar="FACTCHECK_KB_DB",
        metavar="PATH",
        help=f"KB database (default: $FACTCHECK_KB_DB, else ./{DEFAULT_DB}).",
    )(func)


@click.group("kb")
def kb() -> None:
    """Build and inspect the knowledge base (KB) that claims are checked against."""


@kb.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--strict", is_flag=True, help="Fail on a malformed JSON line instead of skipping.")
@format_option("table", "json")
def import_cmd(paths: tuple[Path, ...], db: Path | None, strict: bool, fmt: str) -> None:
    """Import Wikidata JSON (.json, .gz, .bz2, dumps) and YAML facts files into a KB database.

    The database is created if needed. All files are imported in one transaction: if one
    fails, the database is left as it was. Importing a file again replaces what it added.

    Example:

        factcheck kb import latest-all.json.bz2 corpus/kb/ --db kb.db
    """
    found = collect_kb_files(paths)
    if found["db"]:
        raise KBError(f"{found['db'][0]}: is a KB database; import its source files instead")
    target = db or DEFAULT_DB
    with KnowledgeBase.open(target, create=True) as store:
        with store.transaction():
            reports = [import_wikidata(store, p, strict=strict) for p in found["wikidata"]]
            if found["yaml"]:
                reports += load_yaml(store, found["yaml"])
        stats = store.stats()
    if fmt == "json":
        emit_json({"db": str(target), "imports": [r.as_dict() for r in reports], "kb": stats})
        return
    _print_imports(reports, target, stats)


def _print_imports(reports: list[ImportReport], target: Path, stats: dict[str, int]) -> None:
    console = _console()
    table = Table("file", "format", "entities", "facts", "skipped lines", "skipped properties",
                  "skipped values", title=f"Imported into {target}")
    for r in reports:
        table.add_row(r.path, r.format, str(r.entities), str(r.facts), str(r.skipped_line_count),
                      str(sum(r.skipped_properties.values())),
                      str(sum(r.skipped_values.values()) + r.deprecated))
    console.print(table)
    for r in reports:
        if r.skipped_line_count:
            lines = ", ".join(map(str, r.skipped_lines))
            more = " ..." if r.skipped_line_count > len(r.skipped_lines) else ""
            console.print(f"{r.path}: skipped {r.skipped_line_count} malformed line(s): "
                          f"{lines}{more}")
        if r.skipped_properties:
            top = ", ".join(f"{p} x{n}" for p, n in r.skipped_properties.most_common(8))
            console.print(f"{r.path}: unmapped properties skipped: {top}")
        details = {**r.skipped_values, "deprecated": r.deprecated,
                   "older revision": r.older_revisions, "missing": len(r.missing)}
        if any(details.values()):
            console.print(f"{r.path}: also skipped: "
                          + ", ".join(f"{k} {v}" for k, v in details.items() if v))
    console.print(f"KB {target}: {stats['entities']} entities, {stats['facts']} facts, "
                  f"{stats['sources']} source files")


def _open_reader(
    db: Path | None, kb_paths: tuple[Path, ...], no_bundled_kb: bool
) -> KnowledgeBase | LayeredKB:
    # Without --db, the default database is used when it exists, so that 'kb import X' then
    # 'kb show NAME' works with no options.
    databases = [db] if db else [DEFAULT_DB] if DEFAULT_DB.exists() else []
    return load_kb(list(kb_paths), bundled=not no_bundled_kb, databases=databases)


def _value_text(value: KBValue) -> str:
    if value.entity_id and value.text != value.entity_id:
        return f"{value.text} ({value.entity_id})"
    return value.text


def _qualifier_text(fact: KBFact) -> str:
    return "; ".join(
        f"{property_name(pid)}: {', '.join(_value_text(v) for v in values)}"
        for pid, values in fact.qualifiers.items()
    )


def _value_json(value: KBValue) -> dict[str, object]:
    return {
        "type": value.type, "text": value.text, "entity_id": value.entity_id,
        "date": str(value.date) if value.date else None,
        "precision": value.date.precision if value.date else None, "number": value.number,
    }


def _entity_json(entity: KBEntity, facts: list[KBFact]) -> dict[str, object]:
    return {
        "id": entity.id, "label": entity.label, "type": entity.type,
        "description": entity.description, "aliases": list(entity.aliases),
        "source": entity.source,
        "facts": [
            {"property": f.property, "property_name": property_name(f.property),
             "value": _value_json(f.value), "rank": f.rank, "source": f.source,
             "qualifiers": {p: [_value_json(v) for v in vs] for p, vs in f.qualifiers.items()}}
            for f in facts
        ],
    }


def _print_entity(console: Console, entity: KBEntity, facts: list[KBFact]) -> None:
    console.print(f"[bold]{entity.label}[/bold] ({entity.id}) - {entity.type}")
    if entity.description:
        console.print(entity.description)
    if entity.aliases:
        console.print("aliases: " + ", ".join(entity.aliases))
    table = Table("property", "value", "qualifiers", "source")
    for f in facts:
        table.add_row(property_name(f.property), _value_text(f.value), _qualifier_text(f),
                      f.source)
    console.print(table)


@kb.command("show")
@click.argument("query", metavar="NAME|ID")
@db_option
@kb_options
@format_option("table", "json")
def show_cmd(
    query: str, db: Path | None, kb_paths: tuple[Path, ...], no_bundled_kb: bool, fmt: str
) -> None:
    """Show an entity (by id, label or alias) with its facts, qualifiers and sources.

    Example:

        factcheck kb show Q42 --db kb.db

        factcheck kb show "Yann LeCun"
    """
    with _open_reader(db, kb_paths, no_bundled_kb) as reader:
        entities = reader.find(query)
        if not entities:
            raise KBError(f"no entity with id, label or alias '{query}' in the KB "
                          f"({reader.stats().get('entities', 0)} entities); check the spelling, "
                          "or import it with 'factcheck kb import'")
        found = [(e, reader.facts(e.id)) for e in entities]
    if fmt == "json":
        emit_json({"query": query, "entities": [_entity_json(e, f) for e, f in found]})
        return
    console = _console()
    for entity, facts in found:
        _print_entity(console, entity, facts)


@kb.command("stats")
@db_option
@kb_options
@format_option("table", "json")
def stats_cmd(db: Path | None, kb_paths: tuple[Path, ...], no_bundled_kb: bool, fmt: str) -> None:
    """Count the entities, names, facts and source files of the KB.

    Example:

        factcheck kb stats --db kb.db
    """
    with _open_reader(db, kb_paths, no_bundled_kb) as reader:
        stats, sources = reader.stats(), reader.sources()
    if fmt == "json":
        emit_json({"kb": stats, "sources": sources})
        return
    console = _console()
    keys = ("entities", "aliases", "names", "facts", "redirects", "sources")
    counts = Table(*keys)
    counts.add_row(*(str(stats.get(k, 0)) for k in keys))
    console.print(counts)
    files = Table("source file", "format", "imported", "entities", "facts")
    for s in sources:
        files.add_row(*(str(s[k]) for k in ("path", "format", "imported_at", "entities", "facts")))
    console.print(files)


@kb.command("properties")
@format_option("table", "json")
def properties_cmd(fmt: str) -> None:
    """List the property map: the properties and qualifiers a KB file may use.

    A YAML facts file names a property by its P-id, its name or an alias; the Wikidata importer
    keeps these properties and skips the others.

    Example:

        factcheck kb properties
    """
    rows = [{"kind": kind, "pid": p.pid, "name": p.name, "aliases": list(p.aliases),
             "value": p.value_type, "qualifiers": [property_name(q) for q in p.qualifiers]}
            for kind, table in (("property", PROPERTIES), ("qualifier", QUALIFIERS))
            for p in table]
    if fmt == "json":
        emit_json(rows)
        return
    table = Table("kind", "P-id", "name", "aliases", "value", "qualifiers")
    for row in rows:
        table.add_row(str(row["kind"]), str(row["pid"]), str(row["name"]),
                      ", ".join(row["aliases"]), str(row["value"]), ", ".join(row["qualifiers"]))
    _console().print(table)


COMMANDS = [kb]
