"""``dateline timeline`` and ``dateline statements``."""

from __future__ import annotations

import datetime as dt
import sys

import click

from dateline import Corpus, Filter
from dateline.cli.options import DATE, db_option, output_options
from dateline.outputs.formats import emit

TIMELINE_COLUMNS = ("date", "kind", "event", "headline", "n_sources", "n_outlets", "importance", "contradictions")


@click.command("timeline")
@db_option
@output_options("md", "html", "timelinejs")
@click.option("--actor", default=None, help="Entries with this actor or recipient (name, alias or id).")
@click.option("--code", default=None, help="Entries with an actor or recipient of this code.")
@click.option("--type", "event_type", default=None, help="Only this PLOVER type.")
@click.option("--from", "date_from", type=DATE, default=None)
@click.option("--to", "date_to", type=DATE, default=None)
@click.option("--kind", type=click.Choice(["news", "background", "all"]), default="all", show_default=True)
@click.option("--title", default="Timeline", help="Title of md/html/timelinejs output.")
@click.option("--top", type=click.IntRange(1), default=None, help="Only the N most important entries.")
@click.option("--min-sources", type=click.IntRange(1), default=None,
              help="Only entries reported by at least K independent stories.")
@click.option("--sort", type=click.Choice(["date", "importance"]), default="date", show_default=True)
@click.option("--all", "every", is_flag=True, help="md, html, timelinejs: every entry (they hold the 200 most important).")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many entries (a page).")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Skip this many entries first.")
def timeline_cmd(db: str, fmt: str, columns: str | None, actor: str | None, code: str | None, event_type: str | None,
                 date_from: dt.date | None, date_to: dt.date | None, kind: str, title: str, top: int | None,
                 min_sources: int | None, sort: str, every: bool, limit: int | None, offset: int) -> None:  # fmt: skip
    """The corpus timeline: one entry per real-world event, every source kept, history apart from news.

    n_sources counts independent stories (the updated versions of one story count once) and
    n_outlets their outlets; importance ranks entries by them, by how central their actors are and
    by how much their date is reported.
    """
    where = Filter(actor=actor, code=code, event_type=event_type, date_from=date_from, date_to=date_to, kind=kind,
                   top=top, min_sources=min_sources, sort=sort, limit=limit, offset=offset)  # fmt: skip
    with Corpus(db, readonly=True) as corpus:
        if fmt in ("md", "html", "timelinejs"):
            sys.stdout.write(corpus.timeline_report(where, fmt=fmt, title=title, every=every))
            return
        entries = [e.as_dict() for e in corpus.timeline(where)]
    if fmt in ("table", "csv"):
        for e in entries:
            e["contradictions"] = "; ".join(" vs ".join(c["values"]) for c in e["contradictions"])
            if e["date_end"]:
                e["date"] = f"{e['date']}/{e['date_end']}"  # ISO 8601 interval
    emit(entries, fmt, columns=columns or (TIMELINE_COLUMNS if fmt in ("table", "csv") else None))


@click.command("statements")
@db_option
@output_options()
@click.option("--actor", required=True, help="Whose statements and actions (name, alias or id).")
@click.option("--about", default=None, help="Only those about this actor.")
def statements_cmd(db: str, fmt: str, columns: str | None, actor: str, about: str | None) -> None:
    """What an actor said and did (about another), by date: quotes and events together."""
    with Corpus(db, readonly=True) as corpus:
        rows = corpus.statements(actor=actor, about=about)
    emit(rows, fmt, columns=columns or (("date", "kind", "event", "who", "outlet", "text") if fmt in ("table", "csv") else None))


@click.command("proposals")
@db_option
@output_options()
def proposals_cmd(db: str, fmt: str, columns: str | None) -> None:
    """Publication dates proposed for undated articles from the events they share with dated ones.

    Accept one with `dateline set-date DOC DATE`.
    """
    with Corpus(db, readonly=True) as corpus:
        rows = [p.as_dict() for p in corpus.proposals()]
    if fmt in ("table", "csv"):
        for r in rows:
            r["own"] = " | ".join(r["own"])
            r["reported_by"] = " | ".join(f"[{x['doc_id']}, {x['published']}] {x['sentence']}" for x in r["reported_by"])
    emit(rows, fmt, columns=columns or (("doc_id", "path", "date_source", "proposed", "score", "because", "own", "reported_by")
                                        if fmt in ("table", "csv") else None))  # fmt: skip


def register(cli: click.Group) -> None:
    cli.add_command(timeline_cmd)
    cli.add_command(statements_cmd)
    cli.add_command(proposals_cmd)
