"""What the mention finder reads around a mention: the sentence it stands in, the nearest country
named there, and whether a capital acts as its government or names a place."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from dateline.annotate.actors.gazetteer import NameMatch
from dateline.annotate.actors.patterns import body_key, patterns, slug
from dateline.core.knowledge import Entry, Knowledge
from dateline.core.mentions import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(slots=True)
class Scope:
    """One document as the finder sees it: its parse, its knowledge, its day and its known names."""

    doc: Doc
    kb: Knowledge
    day: dt.date | None
    names: list[NameMatch]
    sentence_starts: list[int] = field(default_factory=list)
    sentence_ends: list[int] = field(default_factory=list)
    _countries: dict[int, list[tuple[int, Entry]]] = field(default_factory=dict)
    _located: set[str] | None = None
    # spaCy's ``Doc.text`` joins every token on each call: read it once, or each mention costs the
    # length of the document.
    text: str = field(init=False, default="")

    def __post_init__(self) -> None:
        self.text = str(self.doc.text)
        for sent in self.doc.sents:
            self.sentence_starts.append(sent.start_char)
            self.sentence_ends.append(sent.end_char)

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding character ``pos`` (-1 if none)."""
        n = bisect.bisect_right(self.sentence_starts, pos) - 1
        return n if n >= 0 and pos < self.sentence_ends[n] else -1

    def _sentence_countries(self, n: int) -> list[tuple[int, Entry]]:
        found = self._countries.get(n)
        if found is not None:
            return found
        start, end = self.sentence_starts[n], self.sentence_ends[n]
        found = [(m.start, m.entry) for m in self.names
                 if start <= m.start < end and m.entry.kind in ("country", "pre", "region", "place") and m.via in ("name", "place")]
        for m in patterns(self.kb).demonym_any.finditer(self.text, start, end):
            people = self.kb.demonyms.get(re.sub(r"\s+", " ", m.group(0)))
            if people is not None:
                found.append((m.start(), people))
        self._countries[n] = found
        return found

    def located(self, name: str) -> bool:
        """Does the document use ``name`` as a place somewhere: right after a locative preposition
        ("in Homs", "from Aleppo")?"""
        if self._located is None:
            self._located = {m.group(1) for m in _AFTER_LOCATIVE.finditer(self.text)}
        return name in self._located

    def sentence_country(self, pos: int, exclude: str = "") -> Entry | None:
        """The nearest country named in the sentence of ``pos`` (it gives an untitled office its country)."""
        n = self.sentence_of(pos)
        if n < 0:
            return None
        best = min(((abs(at - pos), e) for at, e in self._sentence_countries(n) if e.code != exclude), key=lambda x: x[0], default=None)
        return best[1] if best else None


class Occupied:
    """The characters mentions already cover: "does this span overlap one taken?" costs the span's
    length, not the number of mentions (a long text has tens of thousands)."""

    __slots__ = ("_chars",)

    def __init__(self, size: int) -> None:
        self._chars = bytearray(size)

    def overlaps(self, start: int, end: int) -> bool:
        return self._chars.find(1, start, end) != -1

    def take(self, start: int, end: int) -> None:
        self._chars[start:end] = b"\x01" * (end - start)


_FINITE = frozenset({"VBD", "VBZ", "VBP", "VB", "MD"})
_LOCATIVE = {"in", "near", "at", "outside", "inside", "around", "throughout", "across", "into", "of"}
_ETHNIC = re.compile(r"\bethnic\s+$", re.I)
_AFTER_LOCATIVE = re.compile(
    r"\b(?:" + "|".join(sorted(_LOCATIVE - {"of"})) + r"|from|to|towards|outside|near)\s+(?:the\s+)?([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)*)")


def has_finite_verb(doc: Doc, start: int, end: int) -> bool:
    """Does the span hold a finite verb? "Britain mobilized army reservists" is a clause, not the
    organisation "Britain ... army" that the pattern's free words would otherwise let through."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.tag_ in _FINITE for t in span)


def place_or_government(doc: Doc, kb: Knowledge, m: ActorMention) -> ActorMention:
    """A capital stands for its government only where it acts or is acted on as one: in "clashes in
    Baghdad" it is a place, in "Baghdad University" it names the university."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return m
    root = span.root
    if root.dep_ == "compound" and root.head.i > root.i:
        words = doc[span.end : root.head.i + 1].text.lower()
        return replace(m, sector=kb.bodies.get(body_key(kb, words), ""))
    if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
        return replace(m, sector="")
    return m


def ethnic_residence(scope: Scope, m: ActorMention) -> ActorMention:
    """"Ethnic Albanians" in a sentence about Macedonia are a minority of Macedonia: PLOVER codes an
    ethnic group by the state it lives in, the demonym naming only the ethnicity."""
    text = scope.text
    if m.kind == "person" or not m.code or not (_ETHNIC.search(text[max(0, m.start - 10) : m.start]) or _ETHNIC.match(m.text + " ")):
        return m
    home = scope.sentence_country(m.start, exclude=m.code)
    if home is None or not home.code:
        return m
    return replace(m, code=home.code, actor_id=f"{home.code}:{m.sector}:{slug(m.text)}", name=m.text)
