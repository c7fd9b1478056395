"""``dateline actors``, ``dateline actor NAME`` and ``dateline extract entities``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dateline import Corpus, Filter, Settings
from dateline.cli.extract import extracted, text_inputs
from dateline.cli.options import db_option, output_options
from dateline.outputs.formats import emit

ACTOR_COLUMNS = ("id", "name", "kind", "code", "sector", "office", "n_mentions", "n_documents", "first_seen", "last_seen")


@click.command("actors")
@db_option
@output_options()
@click.option("--code", default=None, help="Only actors with this country/organisation code (RUS, IGO ...).")
@click.option("--sector", default=None, help="Only actors of this PLOVER sector (GOV, MIL, PRE ...).")
@click.option("--kind", type=click.Choice(["person", "organization", "country", "region", "igo", "pre"]), default=None)
def actors_cmd(db: str, fmt: str, columns: str | None, code: str | None, sector: str | None, kind: str | None) -> None:
    """List the corpus's canonical actors with code, sector, office and mention counts."""
    with Corpus(db, readonly=True) as corpus:
        rows = corpus.actors(Filter(code=code, sector=sector, kind=kind))
    emit(rows, fmt, columns=columns or (ACTOR_COLUMNS if fmt in ("table", "csv") else None))


@click.command("actor")
@click.argument("name")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def actor_cmd(name: str, db: str, fmt: str) -> None:
    """One actor: aliases, code, sector, office, mentions, articles, first and last seen."""
    with Corpus(db, readonly=True) as corpus:
        detail = corpus.actor_detail(name)
    if fmt == "json":
        data = {**detail.actor.as_dict(), "documents": [d.as_dict() for d in detail.documents]}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    fields = [{"field": k, "value": ", ".join(v) if isinstance(v, list) and k == "aliases" else v}
              for k, v in detail.actor.as_dict().items()]  # fmt: skip
    emit(fields, "table", title=detail.actor.name)
    emit(detail.documents, "table", columns=("id", "published", "mentions", "title", "path"), title="articles")


@click.command("entities")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor knowledge (YAML), may repeat.")
def extract_entities(inputs: tuple[Path, ...], actor_files: tuple[str, ...]) -> None:
    """Actor mentions of text or JSONL ({"id","text"}) files as JSONL: spans, canonical id, code, sector."""
    settings = Settings.from_env().with_actor_files(actor_files)
    for item in extracted(text_inputs(inputs), stages=("actors",), settings=settings):
        record = {"id": item.id, "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "actor_id": m.actor_id, "name": m.name, "kind": m.kind,
             "code": m.code, "sector": m.sector, "office": m.office, "via": m.via}
            for m in item.mentions()
        ]}  # fmt: skip
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def register(cli: click.Group) -> None:
    cli.add_command(actors_cmd)
    cli.add_command(actor_cmd)
    group = cli.commands["extract"]
    assert isinstance(group, click.Group)
    group.add_command(extract_entities)
