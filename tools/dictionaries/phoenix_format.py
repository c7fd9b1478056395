"""Reading the PETRARCH/TABARI dictionary formats (``dictionaries.rst`` beside the Phoenix files).

Only entries are read: comments (``#`` to the end of a line) are dropped on the way in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Restriction:
    """A CAMEO code, valid from ``start`` to ``end`` inclusive (``None``: open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    default: bool = False  # no date given: applies when no dated restriction does


@dataclass(slots=True)
class ActorRecord:
    phrases: list[str]  # the primary phrase first, then its synonyms
    restrictions: list[Restriction] = field(default_factory=list)
    line: int = 0


@dataclass(frozen=True, slots=True)
class Agent:
    phrase: str
    code: str  # "GOV" for [~GOV]; "NGO" for [NGO~]
    prefix: bool  # True for "[NGO~]": the code stands before the actor's code


@dataclass(frozen=True, slots=True)
class Discard:
    phrase: str
    story: bool  # "+PHRASE": the whole story is not coded
    whole_word: bool  # "PHRASE_": must end at a blank or punctuation


class FormatError(ValueError):
    pass


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def phrase_text(raw: str) -> str:
    """``BASHAR_AL-ASSAD_`` → ``BASHAR AL-ASSAD``."""
    return re.sub(r"[_\s]+", " ", raw).strip()


def parse_date(text: str) -> dt.date:
    """YYYYMMDD, or YYMMDD (years 00-29 are 20xx, as the Phoenix files, last updated in 2015, use them)."""
    if len(text) == 8:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) == 6:
        yy = int(text[:2])
        return dt.date((2000 if yy < 30 else 1900) + yy, int(text[2:4]), int(text[4:]))
    raise FormatError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")


_CODE = re.compile(r"\[([^\]\s]+)(?:\s+([<>]?\d+(?:-\d+)?))?\s*\]")


def parse_restriction(code: str, when: str | None) -> Restriction:
    if not when:
        return Restriction(code, default=True)
    if when.startswith("<"):
        return Restriction(code, end=parse_date(when[1:]))
    if when.startswith(">"):
        return Restriction(code, start=parse_date(when[1:]))
    first, _, last = when.partition("-")
    if not last:
        raise FormatError(f"date restriction {when!r} has no range")
    return Restriction(code, start=parse_date(first), end=parse_date(last))


def read_actors(text: str) -> tuple[list[ActorRecord], list[str]]:
    """Actor records of a ``.actors.txt`` file, and a note for each restriction that could not be read."""
    records: list[ActorRecord] = []
    problems: list[str] = []
    current: ActorRecord | None = None
    for n, raw in enumerate(text.splitlines(), start=1):
        line = strip_comment(raw)
        if not line.strip():
            continue
        body = line.strip()
        codes = list(_CODE.finditer(body))
        phrase_part = _CODE.sub(" ", body).strip()
        if body.startswith("["):
            if current is None:
                problems.append(f"line {n}: a code with no phrase before it")
                continue
        elif phrase_part.startswith("+"):
            if current is None:
                problems.append(f"line {n}: a synonym with no phrase before it")
                continue
            current.phrases.append(phrase_text(phrase_part[1:]))
        elif raw[:1] not in ("\t", " ") or phrase_part:
            current = ActorRecord([phrase_text(phrase_part)], line=n)
            records.append(current)
        assert current is not None
        for m in codes:
            try:
                current.restrictions.append(parse_restriction(m.group(1), m.group(2)))
            except (FormatError, ValueError) as exc:
                problems.append(f"line {n}: {exc}")
    return [r for r in records if r.phrases[0]], problems


def _plurals(root: str) -> list[str]:
    if root.endswith("Y") and root[-2:-1] not in "AEIOU":
        return [root[:-1] + "IES"]
    if root.endswith("SS"):
        return [root + "ES"]
    return [root + "S"]


_AGENT = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]+)[\]}]\s*$")


def read_agents(text: str) -> tuple[list[Agent], list[str]]:
    """Agents, singular and plural forms expanded, substitution markers (``!PERSON!``) filled in."""
    markers: dict[str, list[str]] = {}
    agents: list[Agent] = []
    problems: list[str] = []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = strip_comment(raw).strip()
        if not line or line.startswith("<"):
            continue
        marker = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if marker:
            markers[marker.group(1)] = [w.strip() for w in marker.group(2).split(",") if w.strip()]
            continue
        m = _AGENT.match(line)
        if m is None:
            problems.append(f"line {n}: not an agent entry")
            continue
        code = m.group("code").strip()
        prefix = code.endswith("~")
        code = code.strip("~")
        root = m.group("phrase").strip()
        used = next((k for k in markers if k in root), None)
        if used is not None:
            forms = [root.replace(used, w) for w in markers[used]]
        else:
            plural = m.group("plural")
            if plural is None:
                forms = [root, *_plurals(root.rstrip("_"))] if not root.endswith("_") else [root]
            else:
                forms = [root, *(p for p in plural.split() if p)]
        for form in forms:
            agents.append(Agent(phrase_text(form), code, prefix))
    return agents, problems


def read_discards(text: str) -> Iterator[Discard]:
    for raw in text.splitlines():
        line = strip_comment(raw).strip()
        if not line:
            continue
        story = line.startswith("+")
        phrase = line[1:] if story else line
        yield Discard(phrase.rstrip("_").replace("_", " ").strip(), story, phrase.endswith("_"))
