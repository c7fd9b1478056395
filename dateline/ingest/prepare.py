"""From a raw record to a document ready to store: text, headline, dateline, date, hashes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from typing import Any

from dateline.core.datelines import find_dateline
from dateline.core.dates import parse_date
from dateline.core.errors import DateError, InputError
from dateline.ingest.clean import clean
from dateline.ingest.dedup import content_hash
from dateline.ingest.html import extract_html
from dateline.ingest.pubdate import DateDecision, settle
from dateline.ingest.readers import RawRecord

_WORDS = re.compile(r"\S+")
# The longest written date ("Wednesday, 19 September 2018 10:45:12 +0300 (Coordinated Universal Time)")
# is well under this; dateparser's cost grows faster than the string (14 s for 40,000 characters).
MAX_DATE_CHARS = 100


@dataclass(frozen=True, slots=True)
class Prepared:
    source: str
    values: dict[str, Any]  # documents columns
    decision: DateDecision
    warnings: tuple[str, ...]


def document_key(record: RawRecord, digest: str) -> str:
    """Identity of an input across runs: its path and record id (stdin: its content)."""
    if record.path in ("-", "<stdin>"):
        basis = f"stdin\0{digest}"
    else:
        basis = f"{os.path.normpath(record.path)}\0{record.record_id or ''}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def prepare(record: RawRecord, *, user_date: dt.date | None = None, now: dt.date | None = None) -> Prepared:
    warnings = list(record.warnings)
    text, title, published, outlet, url = record.text, record.title, record.published, record.outlet, record.url
    if record.is_html:
        article = extract_html(record.source, text)
        text = article.text
        title = title or article.title
        published = published or article.published
        outlet = outlet or article.outlet
        url = url or article.url
    cleaned = clean(text, title=title)
    if not cleaned.text.strip():
        raise InputError(record.source, "no article text after cleaning")
    metadata_date: dt.date | None = None
    if published and len(published) > MAX_DATE_CHARS:
        warnings.append(f"{record.source}: ignoring metadata date of {len(published):,} characters (too long to be a date)")
    elif published:
        try:
            metadata_date = parse_date(published)
        except DateError as exc:
            warnings.append(f"{record.source}: ignoring metadata date {published!r} ({exc})")
    dateline = find_dateline(cleaned.text)
    decision = settle(cleaned.text, dateline, metadata_date=metadata_date, user_date=user_date, now=now)
    digest = content_hash(cleaned.text)
    values: dict[str, Any] = {
        "doc_key": document_key(record, digest),
        "path": record.path,
        "record_id": record.record_id,
        "url": url,
        "title": cleaned.title,
        "summary": cleaned.summary,
        "text": cleaned.text,
        "body_start": cleaned.body_start,
        "content_hash": digest,
        "n_chars": len(cleaned.text),
        "n_words": len(_WORDS.findall(cleaned.text)),
        "outlet": outlet or (dateline.outlet if dateline else None),
        "place": dateline.place if dateline else None,
        "dateline_text": dateline.text if dateline else None,
        "dateline_start": dateline.start if dateline else None,
        "dateline_end": dateline.end if dateline else None,
        **date_columns(decision),
    }
    return Prepared(record.source, values, decision, tuple(warnings))


def date_columns(decision: DateDecision) -> dict[str, Any]:
    return {
        "published": decision.published.isoformat() if decision.published else None,
        "date_source": decision.source,
        "date_confidence": round(decision.confidence, 3),
        "date_candidates": json.dumps([c.as_dict() for c in decision.candidates]),
        "date_evidence": json.dumps(list(decision.evidence)),
    }
