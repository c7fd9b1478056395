"""``dateline actors``, ``dateline actor NAME`` and ``dateline extract entities``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dateline.cli.extract import input_records
from dateline.cli.options import db_option
from dateline.corpus import Corpus
from dateline.outputs.formats import emit, output_options
from dateline.resolve.actor_queries import ACTOR_COLUMNS, find_actor, list_actors


@click.command("actors")
@db_option
@output_options()
@click.option("--code", default=None, help="Only actors with this country/organisation code (RUS, IGO ...).")
@click.option("--sector", default=None, help="Only actors of this PLOVER sector (GOV, MIL, PRE ...).")
@click.option("--kind", type=click.Choice(["person", "organization", "country", "igo", "pre"]), default=None)
def actors_cmd(db: str, fmt: str, columns: str | None, code: str | None, sector: str | None, kind: str | None) -> None:
    """List the corpus's canonical actors with code, sector, office and mention counts."""
    with Corpus(db, readonly=True) as corpus:
        rows = list_actors(corpus.connect(), code=code, sector=sector, kind=kind)
    emit(rows, fmt, columns=columns or (ACTOR_COLUMNS if fmt in ("table", "csv") else None))


@click.command("actor")
@click.argument("name")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def actor_cmd(name: str, db: str, fmt: str) -> None:
    """One actor: aliases, code, sector, office, mentions, articles, first and last seen."""
    with Corpus(db, readonly=True) as corpus:
        actor = find_actor(corpus.connect(), name)
    if fmt == "json":
        json.dump(actor, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    fields = [{"field": k, "value": ", ".join(v) if isinstance(v, list) and k == "aliases" else v}
              for k, v in actor.items() if k != "documents"]  # fmt: skip
    emit(fields, "table", title=actor["name"])
    emit(actor["documents"], "table", columns=("id", "published", "mentions", "title", "path"), title="articles")


@click.command("entities")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor knowledge (YAML), may repeat.")
def extract_entities(inputs: tuple[Path, ...], actor_files: tuple[str, ...]) -> None:
    """Actor mentions of text or JSONL ({"id","text"}) files as JSONL: spans, canonical id, code, sector."""
    from dateline.annotate.actors import find_actor_mentions
    from dateline.annotate.model import load_model
    from dateline.core.knowledge import load

    kb = load(tuple(actor_files))
    nlp = load_model()
    for path in inputs:
        items = [(str(r.get("id", n)), str(r.get("text", ""))) for n, r in enumerate(input_records(path), start=1)]
        for doc_id, text in items:
            mentions = find_actor_mentions(nlp(text), knowledge=kb)
            record = {"id": doc_id, "mentions": [
                {"start": m.start, "end": m.end, "text": m.text, "actor_id": m.actor_id, "name": m.name, "kind": m.kind,
                 "code": m.code, "sector": m.sector, "office": m.office, "via": m.via}
                for m in mentions
            ]}  # fmt: skip
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def register(cli: click.Group) -> None:
    cli.add_command(actors_cmd)
    cli.add_command(actor_cmd)
    group = cli.commands["extract"]
    assert isinstance(group, click.Group)
    group.add_command(extract_entities)
