"""Reading the PETRARCH2 CAMEO verb dictionary (``CAMEO.2.0.txt``) into plain records.

The format is described in PETRARCH2's ``dictionaries.rst``: synonym sets (``&LABEL`` then ``+WORD``
lines), verb blocks (``--- NAME [CODE] ---``, then verb lines, then ``-`` pattern lines) and
transformations (``~`` lines). A pattern is ``- [pre-verb nouns] [pre-verb preps] * [post-verb
nouns] [post-verb preps] [CODE]``: a bare word is the head of a phrase, ``{A B}`` a phrase whose last
word is its head, ``(PREP NOUN)`` a prepositional phrase, ``&LABEL`` a synonym set. Comments (``#``,
``;`` and ``<!-- -->``) are dropped: only entries are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# TABARI's source/target/skip markers: PETRARCH2 reads the roles from the parse, and so do we.
MARKERS = frozenset({"$", "+", "^", "%"})
CODE = re.compile(r"\[([^\]]*)\]")
# Words after a verb that are particles of a phrasal verb, not objects ("set out", "call off").
PARTICLES = frozenset({"up", "down", "out", "off", "in", "on", "back", "away", "over", "aside", "forward", "through",
                       "around", "along", "together", "apart", "about", "ahead"})  # fmt: skip


class DictionaryError(ValueError):
    """A line of the dictionary that cannot be read; names the line."""


@dataclass(frozen=True, slots=True)
class Code:
    """A CAMEO code as the dictionary writes it: ``020``; ``042:043`` (actor on recipient, then the
    reverse); ``:173`` (only the reverse: the recipient acts on the actor); ``---`` (no event)."""

    code: str  # "" for no event
    reverse: bool = False

    @staticmethod
    def parse(text: str) -> Code:
        forward, _, backward = text.strip().rstrip("!").partition(":")
        forward, backward = forward.strip(), backward.strip()
        if forward in ("", "---") and backward and backward != "---":
            return Code(backward, reverse=True)
        return Code("" if forward == "---" else forward)


@dataclass(frozen=True, slots=True)
class Verb:
    lemma: str
    before: tuple[str, ...] = ()  # words that must come just before ("wire tap")
    after: tuple[str, ...] = ()  # words that must come just after ("ask for", "call off")
    forms: tuple[str, ...] = ()  # irregular forms given in {...}
    code: Code | None = None  # None: the block's code


@dataclass(frozen=True, slots=True)
class Prep:
    prep: str
    nouns: tuple[tuple[str, ...], ...] = ()  # phrases (head last); () for the preposition alone


@dataclass(frozen=True, slots=True)
class Pattern:
    code: Code
    subject: tuple[tuple[str, ...], ...] = ()  # pre-verb noun phrases
    subject_preps: tuple[Prep, ...] = ()
    particles: tuple[str, ...] = ()
    objects: tuple[tuple[str, ...], ...] = ()  # post-verb noun phrases, each of which must be there
    preps: tuple[Prep, ...] = ()
    line: int = 0


@dataclass(slots=True)
class Block:
    name: str
    code: Code
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Transformation:
    """``~ a (b c LOWER) UPPER = x y CODE``: the upper verb acting on the lower one's event."""

    upper: str
    lower: str
    roles: tuple[str, ...]  # upper actor, lower actor, lower recipient, result actor, result recipient
    code: Code


@dataclass(slots=True)
class VerbDictionary:
    synsets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    transformations: list[Transformation] = field(default_factory=list)


def strip_comment(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    return re.split(r"[#;]", line, maxsplit=1)[0].rstrip()


def plural(phrase: str) -> str | None:
    """The regular plural the format generates for a synonym, or None where it generates none."""
    if phrase.endswith("_"):
        return None
    if phrase.endswith("SS"):
        return phrase + "ES"
    if phrase.endswith("Y"):
        return phrase[:-1] + "IES"
    return phrase + "S"


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in phrase.replace("_", " ").split() if w)


def _tokens(text: str, line: int) -> list[str]:
    """``A {B C} (D {E F})`` → ``["A", "{B C}", "(D {E F})"]``."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "{(":
            close = "}" if ch == "{" else ")"
            depth, j = 0, i
            while j < len(text):
                if text[j] == ch:
                    depth += 1
                elif text[j] == close:
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= len(text):
                raise DictionaryError(f"line {line}: unbalanced {ch!r} in {text!r}")
            out.append(text[i : j + 1])
            i = j + 1
            continue
        j = i
        while j < len(text) and not text[j].isspace() and text[j] not in "{(":
            j += 1
        out.append(text[i:j])
        i = j
    return out


def _phrase(token: str) -> tuple[str, ...]:
    inner = token[1:-1] if token.startswith("{") else token
    return tuple(w for w in _words(inner) if w not in MARKERS)


def _prep(token: str, line: int) -> Prep:
    parts = _tokens(token[1:-1], line)
    if not parts:
        raise DictionaryError(f"line {line}: empty prepositional phrase")
    nouns = tuple(p for p in (_phrase(t) for t in parts[1:] if t not in MARKERS) if p)
    return Prep(parts[0].lower(), nouns)


def parse_pattern(text: str, line: int = 0) -> Pattern:
    """One ``-`` line, without its leading dash."""
    body = strip_comment(text)
    codes = CODE.findall(body)
    if not codes:
        raise DictionaryError(f"line {line}: pattern without a [code]: {text.strip()!r}")
    code = Code.parse(codes[-1])
    body = body[: body.rfind("[")]
    if "*" not in body:
        raise DictionaryError(f"line {line}: pattern without '*': {text.strip()!r}")
    pre, _, post = body.partition("*")
    subject: list[tuple[str, ...]] = []
    subject_preps: list[Prep] = []
    for token in _tokens(pre, line):
        if token.startswith("("):
            subject_preps.append(_prep(token, line))
        elif token not in MARKERS and (words := _phrase(token)):
            subject.append(words)
    particles: list[str] = []
    objects: list[tuple[str, ...]] = []
    preps: list[Prep] = []
    for token in _tokens(post, line):
        if token.startswith("("):
            preps.append(_prep(token, line))
        elif token in MARKERS:
            continue
        elif (words := _phrase(token)) and len(words) == 1 and words[0] in PARTICLES and not objects:
            particles.append(words[0])
        elif words:
            objects.append(words)
    return Pattern(code, tuple(subject), tuple(subject_preps), tuple(particles), tuple(objects), tuple(preps), line)


def parse_verb(text: str, line: int = 0) -> Verb:
    """One verb line: ``SAY {SAID SAYS}``, ``+ASK_FOR {...} [020]``, ``WIRE_+TAP``."""
    body = strip_comment(text)
    codes = CODE.findall(body)
    code = Code.parse(codes[0]) if codes else None
    body = CODE.sub("", body)
    forms: tuple[str, ...] = ()
    if "{" in body:
        head, _, rest = body.partition("{")
        forms = tuple(f.replace("+", "").replace("_", " ").lower() for f in rest.split("}")[0].split())
        body = head
    word = body.strip()
    if not word or " " in word:
        raise DictionaryError(f"line {line}: cannot read verb {text.strip()!r}")
    parts = word.split("_")
    index = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    lemma = parts[index].lstrip("+").lower()
    if not lemma:
        raise DictionaryError(f"line {line}: empty verb in {text.strip()!r}")
    return Verb(lemma, tuple(p.lower() for p in parts[:index]), tuple(p.lower() for p in parts[index + 1 :]), forms, code)


def parse_transformation(text: str, line: int = 0) -> Transformation:
    match = re.fullmatch(r"~\s*(\S+)\s*\(\s*(\S+)\s+(\S+)\s+(\S+)\s*\)\s*(\S+)\s*=\s*(\S+)\s+(\S+)\s+(\S+)\s*", strip_comment(text))
    if match is None:
        raise DictionaryError(f"line {line}: cannot read transformation {text.strip()!r}")
    top, lower_actor, lower_recipient, lower, upper, actor, recipient, code = match.groups()
    return Transformation(upper.lower(), lower.lower(), (top, lower_actor, lower_recipient, actor, recipient),
                          Code.parse(code))  # fmt: skip


def parse(text: str) -> VerbDictionary:
    """The whole dictionary. Raises :class:`DictionaryError` naming the line it cannot read."""
    out = VerbDictionary()
    synset: str | None = None  # the label of the synonym set being read
    plurals = True
    block: Block | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.startswith("#") or raw.startswith("<"):
            continue
        line = strip_comment(raw)
        if not line.strip():
            synset = None
            continue
        stripped = line.strip()
        if stripped.startswith("&"):
            label = stripped.split()[0]
            synset, plurals = label.rstrip("_").lstrip("&").lower(), not label.endswith("_")
            out.synsets[synset] = ()
            continue
        if stripped.startswith("+") and synset is not None:
            member = stripped[1:].strip()
            names = [member, *filter(None, [plural(member)])] if plurals else [member]
            out.synsets[synset] = (*out.synsets[synset], *(" ".join(_words(n)) for n in names))
            continue
        if stripped.startswith("---"):
            codes = CODE.findall(stripped)
            name = stripped.strip("- ").split()[0] if stripped.strip("- ") else ""
            block = Block(name, Code.parse(codes[0]) if codes else Code(""))
            out.blocks.append(block)
            continue
        if stripped.startswith("~"):
            out.transformations.append(parse_transformation(stripped, number))
            continue
        if block is None:
            raise DictionaryError(f"line {number}: entry outside any verb block: {raw.strip()!r}")
        if stripped.startswith("-"):
            block.patterns.append(parse_pattern(stripped[1:], number))
        else:
            block.verbs.append(parse_verb(stripped, number))
    return out
