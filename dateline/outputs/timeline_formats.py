"""Timeline renderings: Markdown and self-contained HTML reports with citations, TimelineJS JSON."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from typing import Any

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def _md(text: str) -> str:
    """Article text as Markdown text: tags and entities an article carries ("<script>") are shown,
    not rendered, emphasis and link marks are literal, and a line break cannot end the list item."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def to_markdown(entries: list[dict[str, Any]], *, title: str = "Timeline") -> str:
    lines = [f"# {_md(title)}", ""]
    for e in entries:
        flag = " ⚠ sources disagree" if e["contradictions"] else ""
        lines.append(f"## {e['date']} — {_md(e['headline'])}")
        lines.append(f"*{e['event']}{' / ' + e['mode'] if e['mode'] else ''}, {e['kind']}, {e['n_sources']} source(s)*{flag}")
        lines.append("")
        for s in e["sources"]:
            lines.append(f"- {_md(s['outlet'] or 'unknown outlet')}, {s['published'] or 'undated'} (document {s['doc_id']}): "
                         f"“{_md(s['sentence'])}”")  # fmt: skip
        for c in e["contradictions"]:
            lines.append(f"- contradiction: the sources give {_md(' vs '.join(c['values']))}")
        lines.append("")
    return "\n".join(lines)


def to_html(entries: list[dict[str, Any]], *, title: str = "Timeline") -> str:
    esc = html.escape
    items = []
    for e in entries:
        sources = "".join(
            f"<li><cite>{esc(s['outlet'] or 'unknown outlet')}, {esc(s['published'] or 'undated')}</cite> "
            f"<q>{esc(s['sentence'].strip())}</q></li>"
            for s in e["sources"]
        )
        warn = "".join(f"<p class='warn'>Sources disagree: {esc(' vs '.join(c['values']))}</p>" for c in e["contradictions"])
        items.append(
            f"<section class='{esc(e['kind'])}'><h2><time>{esc(str(e['date']))}</time> {esc(e['headline'])}</h2>"
            f"<p class='meta'>{esc(e['event'])} · {esc(e['kind'])} · {e['n_sources']} source(s)</p>{warn}<ul>{sources}</ul></section>"
        )
    return _page(title, "".join(items))


_STYLE = ("body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}"
          "section{border-left:4px solid #2a6;padding:.2rem 1rem;margin:1rem 0}section.background{border-color:#999}"
          ".meta{color:#666;margin:0}.warn{color:#b40}q{font-style:italic}")  # fmt: skip


def _page(title: str, body: str) -> str:
    """A self-contained page: inline style, no script, nothing loaded from elsewhere; ``body`` is
    already escaped HTML."""
    esc = html.escape
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{esc(title)}</title>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><style>{_STYLE}</style></head>"
            f"<body><h1>{esc(title)}</h1>{body}</body></html>\n")  # fmt: skip


def summary_markdown(timeline: Sequence[tuple[str, Sequence[str]]], *, title: str = "Timeline summary") -> str:
    """A timeline summary (``dateline summarize``) as Markdown: a heading per date, its sentences as bullets."""
    lines = [f"# {_md(title)}", ""]
    for day, sentences in timeline:
        lines.append(f"## {day}")
        lines.append("")
        lines.extend(f"- {_md(s)}" for s in sentences)
        lines.append("")
    return "\n".join(lines)


def summary_html(timeline: Sequence[tuple[str, Sequence[str]]], *, title: str = "Timeline summary") -> str:
    """A timeline summary as a self-contained HTML page, the same page as the timeline report's."""
    esc = html.escape
    items = "".join(
        f"<section><h2><time datetime='{esc(day)}'>{esc(day)}</time></h2><ul>"
        + "".join(f"<li>{esc(s.strip())}</li>" for s in sentences)
        + "</ul></section>"
        for day, sentences in timeline
    )
    return _page(title, items)


def to_timelinejs(entries: list[dict[str, Any]], *, title: str = "Timeline") -> dict[str, Any]:
    """TimelineJS 3 JSON: integer date parts, unique ids, grouped by news/background."""
    events = []
    for e in entries:
        m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(e["date"] or ""))
        if not m:
            continue
        start = {"year": int(m.group(1))}
        if m.group(2):
            start["month"] = int(m.group(2))
        if m.group(3):
            start["day"] = int(m.group(3))
        body = "".join(f"<p>{html.escape(s['sentence'].strip())} — <em>{html.escape(s['outlet'] or '')} {html.escape(s['published'] or '')}</em></p>"
                       for s in e["sources"])  # fmt: skip
        events.append({"unique_id": f"entry-{e['id']}", "start_date": start, "group": e["kind"],
                       "text": {"headline": html.escape(e["headline"]), "text": body}})  # fmt: skip
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": events}


def dump_timelinejs(entries: list[dict[str, Any]], *, title: str = "Timeline") -> str:
    return json.dumps(to_timelinejs(entries, title=title), ensure_ascii=False, indent=2) + "\n"
