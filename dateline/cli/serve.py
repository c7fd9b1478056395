"""``dateline serve``: the web UI and JSON API over a corpus database."""

from __future__ import annotations

import click

from dateline import ConfigError
from dateline.cli.options import db_option


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on. The default serves this machine only; 0.0.0.0 exposes the corpus to the network.")  # fmt: skip
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve_cmd(db: str, host: str, port: int) -> None:
    """The web UI (timeline, articles, quotes, actors, search, dates) and its JSON API (OpenAPI at /docs)."""
    try:
        import uvicorn

        from dateline.web.app import LOOPBACK_HOSTS, create_app
    except ImportError as exc:
        raise ConfigError(f"`dateline serve` needs the web extra ({exc.name} is missing): pip install 'dateline[web]'") from exc
    # On loopback only this machine's own names are answered: that shuts out DNS rebinding.
    app = create_app(db, allowed_hosts=LOOPBACK_HOSTS if host.strip("[]") in LOOPBACK_HOSTS else None)
    click.echo(f"dateline: serving {db} on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(cli: click.Group) -> None:
    cli.add_command(serve_cmd)
