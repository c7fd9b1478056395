"""Reading TempEval-3 style TimeML input and writing TimeML with TIMEX3 tags.

The plain text of ``<TEXT>`` (tags removed, ``&amp;``/``&lt;``/``&gt;`` unescaped) is what the
tagger reads; the output's ``<TEXT>``, with our tags removed and unescaped, is exactly that text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from dateline.core.errors import InputError
from dateline.core.timexes import Timex

_TEXT = re.compile(r"(<TEXT>)(.*?)(</TEXT>)", re.S)
_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r"<DCT>.*?value=\"([^\"]+)\".*?</DCT>", re.S)


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    raw: str
    text: str
    dct: dt.date | None
    head: str  # everything up to and including <TEXT>
    tail: str  # from </TEXT> on


def parse_timeml(source: str, raw: str) -> TimeMLDoc:
    m = _TEXT.search(raw)
    if m is None:
        raise InputError(source, "no <TEXT> element in the TimeML file")
    text = html.unescape(_TAG.sub("", m.group(2))) if "<" in m.group(2) or "&" in m.group(2) else m.group(2)
    dct_match = _DCT.search(raw)
    dct = None
    if dct_match:
        value = dct_match.group(1)
        try:
            dct = dt.date.fromisoformat(value[:10]) if "-" in value[:10] else dt.datetime.strptime(value[:8], "%Y%m%d").date()
        except ValueError:
            dct = None
    return TimeMLDoc(raw, text, dct, raw[: m.end(1)], raw[m.start(3) :])


def tag_text(text: str, timexes: list[Timex]) -> str:
    """``text`` with a ``<TIMEX3>`` element around every (non-overlapping) expression, XML-escaped."""
    out: list[str] = []
    pos = 0
    for n, t in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        if t.start < pos:
            continue
        out.append(escape(text[pos : t.start]))
        attrs = f'tid="t{n}" type="{t.type}" value={quoteattr(t.value)}'
        if t.mod:
            attrs += f' mod="{t.mod}"'
        out.append(f"<TIMEX3 {attrs}>{escape(text[t.start : t.end])}</TIMEX3>")
        pos = t.end
    out.append(escape(text[pos:]))
    return "".join(out)


def to_timeml(doc: TimeMLDoc, timexes: list[Timex]) -> str:
    return doc.head + tag_text(doc.text, timexes) + doc.tail


def new_timeml(doc_id: str, text: str, dct: dt.date | None, timexes: list[Timex]) -> str:
    dct_xml = (
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>\n'
        if dct
        else ""
    )
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{escape(doc_id)}</DOCID>\n{dct_xml}<TEXT>{tag_text(text, timexes)}</TEXT>\n</TimeML>\n"
    )
