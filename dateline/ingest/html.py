"""Main text and metadata from HTML pages, by trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.core.errors import InputError


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def extract_html(source: str, html: str) -> HtmlArticle:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Only dates the page's markup states; a date guessed from body text is not metadata.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(source, f"cannot parse HTML: {exc}") from exc
    if doc is None:
        raise InputError(source, "no article text found in the HTML page")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError(source, "no article text found in the HTML page")
    return HtmlArticle(
        text=text,
        title=data.get("title") or None,
        published=data.get("date") or None,
        outlet=data.get("sitename") or data.get("hostname") or None,
        url=data.get("url") or None,
    )
