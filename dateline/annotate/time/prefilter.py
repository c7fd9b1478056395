"""Cheap tests, derived from each grammar pattern itself, that let the scan skip work.

Python's ``re`` finds no literal prefix or first-character set in a case-insensitive pattern that
opens with a look-behind, so ``finditer`` tries every rule at every character. Two facts read off
the parsed pattern (``re._parser``, the parser ``re.compile`` itself uses) cut that work without
changing a single match:

- the **first characters** a match can begin with (three, one class each), put in front of the
  pattern as a look-ahead, so that most positions fail on a character-class test instead of on the
  rule's alternations;
- the **required strings**: clauses of literal strings, each of which some string must occur in the
  text for the pattern to match at all (a month name, "quarter", "ago"); a text without one of
  them cannot match, and the rule is not run on it.

Both are implied by the pattern, so where either cannot be worked out (a back-reference, a negated
class first) it is simply left out and the rule runs as written.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Any

try:  # private to ``re`` since Python 3.11; without them every rule simply runs as written
    from re import _constants as re_constants  # type: ignore[attr-defined]
    from re import _parser as re_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a future Python
    re_constants = re_parser = None

# An alternation that expands into more exact strings than this is treated as "any text".
MAX_EXACT = 64

_ZERO_WIDTH = (re_constants.AT, re_constants.ASSERT, re_constants.ASSERT_NOT) if re_constants else ()
_REPEATS = (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT, re_constants.POSSESSIVE_REPEAT) if re_constants else ()
_CATEGORY = {
    re_constants.CATEGORY_DIGIT: r"\d", re_constants.CATEGORY_NOT_DIGIT: r"\D", re_constants.CATEGORY_SPACE: r"\s",
    re_constants.CATEGORY_NOT_SPACE: r"\S", re_constants.CATEGORY_WORD: r"\w", re_constants.CATEGORY_NOT_WORD: r"\W",
} if re_constants else {}  # fmt: skip


class _Unknown(Exception):
    """A construct the analysis does not follow; the caller falls back to the pattern as written."""


def _class_items(items: list[tuple[Any, Any]]) -> list[str]:
    """A parsed character class as the members of a ``[...]`` class."""
    out = []
    for op, av in items:
        if op is re_constants.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is re_constants.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is re_constants.CATEGORY and av in _CATEGORY:
            out.append(_CATEGORY[av])
        else:  # NEGATE and the like: the first character could be almost anything
            raise _Unknown(op)
    return out


# How a match can begin: the class members of its first PREFIX characters, as tuples (a shorter
# tuple: the match can end there). Three measured faster than two; four no faster than three.
Prefixes = set[tuple[str, ...]]
PREFIX = 3


def _then(heads: Prefixes, tails: Prefixes) -> Prefixes:
    return {h if len(h) == PREFIX else (h + t)[:PREFIX] for h in heads for t in (tails if len(h) < PREFIX else [()])}


def _prefixes(seq: Any) -> Prefixes:
    out: Prefixes = {()}
    for item in seq:
        out = _then(out, _item_prefixes(item))
    return out


def _item_prefixes(item: tuple[Any, Any]) -> Prefixes:
    op, av = item
    if op is re_constants.LITERAL:
        return {(re.escape(chr(av)),)}
    if op is re_constants.IN:
        return {(member,) for member in _class_items(av)}
    if op is re_constants.SUBPATTERN:
        return _prefixes(av[3])
    if op is re_constants.ATOMIC_GROUP:
        return _prefixes(av)
    if op is re_constants.BRANCH:
        return set().union(*(_prefixes(alt) for alt in av[1]))
    if op in _REPEATS:
        low, high, body = av[0], av[1], _prefixes(av[2])
        out: Prefixes = {()}
        # PREFIX repetitions fill a tuple: more add nothing the tuples can tell apart.
        for _ in range(min(low, PREFIX)):
            out = _then(out, body)
        more = out
        for _ in range(min(high - low, PREFIX)):
            more = _then(more, body)
            out |= more
        return out
    if op in _ZERO_WIDTH:
        return {()}
    raise _Unknown(op)  # ANY, NOT_LITERAL, back-references


# Required strings. A node's "exact" form is the finite set of strings it can match (None if it is
# not finite and small); its "clauses" are sets of strings, each set having a member in every match.
Clauses = list[frozenset[str]]


def _exact(seq: Any) -> set[str] | None:
    strings = {""}
    for op, av in seq:
        if op is re_constants.LITERAL:
            options: set[str] | None = {chr(av)}
        elif op is re_constants.IN:
            options = {chr(a) for o, a in av if o is re_constants.LITERAL} if all(o is re_constants.LITERAL for o, _ in av) else None
        elif op is re_constants.SUBPATTERN:
            options = _exact(av[3])
        elif op is re_constants.BRANCH:
            options = set()
            for alt in av[1]:
                alt_options = _exact(alt)
                if alt_options is None:
                    return None
                options |= alt_options
        elif op in _REPEATS and av[1] == 1:
            options = _exact(av[2])
            if options is not None and av[0] == 0:
                options |= {""}
        else:
            return None
        if options is None or len(strings) * len(options) > MAX_EXACT:
            return None
        strings = {a + b for a, b in product(strings, options)}
    return strings


def _clause(strings: set[str]) -> frozenset[str] | None:
    """``strings`` as a clause, if it constrains anything and ``str.lower`` compares it as ``re`` does."""
    if "" in strings or not all(s.isascii() for s in strings):
        return None
    return _minimal({s.lower() for s in strings})


def _minimal(strings: set[str]) -> frozenset[str]:
    # A text with "april" has "apr": the longer string need not be looked for.
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))


def _clauses(seq: Any) -> Clauses:
    out: Clauses = []
    run: set[str] = {""}  # the exact strings of the items since the last inexact one

    def close_run() -> None:
        nonlocal run
        if (clause := _clause(run)) is not None:
            out.append(clause)
        run = {""}

    for item in seq:
        op, av = item
        options = _exact([item])
        if options is not None and len(run) * len(options) <= MAX_EXACT:
            run = {a + b for a, b in product(run, options)}
            continue
        close_run()
        if options is not None:
            run = options
        elif op is re_constants.SUBPATTERN:
            out.extend(_clauses(av[3]))
        elif op is re_constants.ATOMIC_GROUP:
            out.extend(_clauses(av))
        elif op in _REPEATS and av[0] >= 1:
            out.extend(_clauses(av[2]))
        elif op is re_constants.BRANCH:
            # One of the alternatives matches: its best clause, merged with the others', is required.
            merged: set[str] = set()
            for alt in av[1]:
                alt_clauses = _clauses(alt)
                if not alt_clauses:
                    break
                merged |= _best(alt_clauses)
            else:
                out.append(_minimal(merged))
    close_run()
    return out


def _best(clauses: Clauses) -> frozenset[str]:
    """The clause least likely to be met by chance: longest shortest member, then fewest members."""
    return max(clauses, key=lambda c: (min(map(len, c)), -len(c)))


@dataclass(frozen=True, slots=True)
class Prefilter:
    scan: re.Pattern[str]  # the pattern, behind a first-character look-ahead where one was found
    clauses: tuple[frozenset[str], ...]  # each needs one member in the lower-cased text


def first_char_lookahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead for the characters its matches can start with: the same
    matches, groups and all, found faster where few positions pass (``pattern`` as it is if those
    characters cannot be worked out, or it can match the empty string)."""
    if re_parser is None:
        return pattern
    try:
        prefixes = _prefixes(re_parser.parse(pattern.pattern, pattern.flags))
    except _Unknown:
        return pattern
    if () in prefixes:
        return pattern
    # One class per character, each the union of what can stand there: a looser test than the
    # pairs themselves, but one ``re`` checks in a step, where an alternation of pairs is slower.
    classes = [{p[i] for p in prefixes} for i in range(min(map(len, prefixes)))]
    look = "".join(f"[{''.join(sorted(c))}]" for c in classes)
    if not pattern.flags & re.IGNORECASE:
        # A "(?i:…)" group inside may match either case: the look-ahead must too.
        look = f"(?i:{look})"
    # A non-capturing group keeps the group numbers, and a top-level "|" inside it.
    return re.compile(f"(?={look})(?:{pattern.pattern})", pattern.flags)


def prefilter(pattern: re.Pattern[str]) -> Prefilter:
    """What the scan may assume of ``pattern`` (see the module's docstring)."""
    clauses = _clauses(re_parser.parse(pattern.pattern, pattern.flags)) if re_parser and pattern.flags & re.IGNORECASE else []
    return Prefilter(first_char_lookahead(pattern), tuple(dict.fromkeys(clauses)))


@lru_cache(maxsize=1)
def _odd_case() -> re.Pattern[str]:
    """Characters outside ASCII that ``re`` matches with an ASCII letter ignoring case, where
    ``str.lower`` does not give that letter (the long s, the dotless i, the Kelvin sign …). Only the
    Basic Multilingual Plane is searched: no character beyond it has an ASCII case partner."""
    bmp = (array("I", range(0x80, 0xD800)).tobytes() + array("I", range(0xE000, 0x10000)).tobytes()).decode("utf-32-le")
    return re.compile(f"[{''.join(map(re.escape, sorted(set(re.findall('[a-z]', bmp, re.IGNORECASE)))))}]")


class Presence:
    """Which required strings a text contains, each looked up once."""

    def __init__(self, text: str) -> None:
        # A text with a character that case-folds oddly is not filtered at all.
        self._low: str | None = text.lower() if text.isascii() or not _odd_case().search(text) else None
        self._seen: dict[str, bool] = {}

    def meets(self, clauses: tuple[frozenset[str], ...]) -> bool:
        if self._low is None:
            return True
        return all(any(self._has(s) for s in clause) for clause in clauses)

    def _has(self, s: str) -> bool:
        found = self._seen.get(s)
        if found is None:
            found = self._seen[s] = s in self._low  # type: ignore[operator]
        return found
