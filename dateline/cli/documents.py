"""Commands over stored documents: ``docs``, ``show``, ``search``, ``set-date``, ``errors``."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from dateline import Corpus, Document, Filter, Span
from dateline.cli.options import DATE, db_option, output_options
from dateline.outputs.formats import emit

TABLE_COLUMNS = ("id", "path", "published", "date_source", "date_confidence", "outlet", "place", "title", "duplicates")
# Styles for the terminal view of an article, by span kind (entity labels get the entity style).
STYLES = {"entity": "bold cyan", "timex": "bold magenta", "actor_mention": "bold green", "quote": "yellow"}


@click.command("docs")
@db_option
@output_options()
@click.option("--date-source", type=click.Choice(["metadata", "explicit", "inferred", "ambiguous", "unknown", "user"]),
              default=None, help="Only documents whose date was settled this way.")
def docs_cmd(db: str, fmt: str, columns: str | None, date_source: str | None) -> None:
    """List documents with their publication date, its source and candidates."""
    with Corpus(db, readonly=True) as corpus:
        flat = fmt in ("table", "csv")
        rows = [d.listing(flat=flat) for d in corpus.documents(Filter(date_source=date_source))]
    if fmt == "table" and not columns:
        for row in rows:
            if row["published"] is None and row["date_candidates"]:  # show the ambiguity, never a pick
                shown = row["date_candidates"][:5]
                more = len(row["date_candidates"]) - len(shown)
                row["published"] = "? " + " | ".join(shown) + (f" (+{more})" if more > 0 else "")
        emit(rows, fmt, columns=TABLE_COLUMNS)
    else:
        emit(rows, fmt, columns=columns or [*Document.LISTING, "date_evidence", "duplicates"])


@click.command("show")
@click.argument("doc")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--kind", "kinds", multiple=True, help="Only annotations of this kind (entity, timex, ...).")
def show_cmd(doc: str, db: str, fmt: str, kinds: tuple[str, ...]) -> None:
    """Show one document: metadata, text with annotations highlighted, and the annotations."""
    with Corpus(db, readonly=True) as corpus:
        document = corpus.document(doc)
        spans = [s for s in corpus.spans(document.id) if s.kind != "sentence" and (not kinds or s.kind in kinds)]
    if fmt == "json":
        data = document.as_dict(with_text=True)
        data["spans"] = [s.as_dict() for s in spans]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    _show_text(document, spans)


def _show_text(document: Document, spans: list[Span]) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True, emoji=False)
    console.print(Text.assemble((f"#{document.id}", "bold"), " ", document.path))
    date = document.published or "unknown"
    if document.published is None and document.date_candidates:
        date = "ambiguous: " + ", ".join(c["date"] for c in document.date_candidates)
    console.print(f"published: {date} ({document.date_source}, confidence {document.date_confidence:.2f})")
    for label, value in (("outlet", document.outlet), ("place", document.place), ("title", document.title)):
        if value:
            console.print(f"{label}: {value}", markup=False)
    if document.duplicate_of:
        console.print(f"{document.duplicate_kind} duplicate of #{document.duplicate_of}")
    console.print()
    text = Text(document.text)
    for span in spans:
        text.stylize(STYLES.get(span.kind, "underline"), span.start, span.end)
    console.print(text)
    if not console.is_terminal or spans:
        console.print()
        rows = [
            {"kind": s.kind, "label": s.label, "start": s.start, "end": s.end, "text": s.text, "value": s.value or ""}
            for s in spans
        ]
        emit(rows, "table", title="annotations")


@click.command("search")
@click.argument("query")
@db_option
@output_options()
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
def search_cmd(query: str, db: str, fmt: str, columns: str | None, limit: int) -> None:
    """Full-text search over titles and text (SQLite FTS5 query syntax), with snippets."""
    with Corpus(db, readonly=True) as corpus:
        hits = corpus.search(query, limit=limit)
    emit(hits, fmt, columns=columns or ("doc_id", "published", "outlet", "title", "snippet"))


@click.command("set-date")
@click.argument("doc")
@click.argument("date", type=DATE)
@db_option
def set_date_cmd(doc: str, date: dt.date, db: str) -> None:
    """Settle a document's publication date; everything anchored to it is re-computed."""
    with Corpus(db) as corpus:
        updated = corpus.set_date(doc, date)
    click.echo(f"document {updated.id}: published {updated.published} (user)", err=True)


@click.command("errors")
@db_option
@output_options()
def errors_cmd(db: str, fmt: str, columns: str | None) -> None:
    """Inputs that could not be ingested, and annotation problems, with the reason."""
    with Corpus(db, readonly=True) as corpus:
        emit(corpus.errors(), fmt, columns=columns or ("id", "source", "problem", "at"))


def register(cli: click.Group) -> None:
    for command in (docs_cmd, show_cmd, search_cmd, set_date_cmd, errors_cmd):
        cli.add_command(command)
