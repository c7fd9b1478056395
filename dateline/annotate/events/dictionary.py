"""The event dictionary: the compiled CAMEO verb dictionary mapped to PLOVER, with our overlay.

``data/cameo_verbs.json`` (compiled from PETRARCH2's CAMEO dictionary by
``tools/dictionaries/cameo.py``) gives verb senses: a lemma, the words that must go with it, its own
CAMEO code and the patterns of its block (subject, particles, objects and prepositional phrases
that must go with the verb). ``data/cameo_plover.tsv`` maps each CAMEO code to a PLOVER type, mode
and context. ``patterns.yaml`` is the overlay: event nouns, which CAMEO (a verb dictionary) lacks,
and verbs whose PLOVER type the manual decides otherwise than the dictionary.

Matching reads the trigger's own dependents in the parse (see :mod:`.frames`); the most specific
pattern that matches decides, a pattern coded ``---`` meaning "no event".
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

DATA = "dateline.annotate.events"


@dataclass(frozen=True, slots=True)
class Coding:
    """What a trigger codes: a PLOVER type with its mode and context."""

    event: str
    mode: str = ""
    context: tuple[str, ...] = ()
    reverse: bool = False  # the subject is PLOVER's recipient (hosting a visit; "appeared before the court")
    code: str = ""  # the CAMEO code, "" for the overlay
    source: str = "cameo"  # cameo | overlay


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase a pattern asks for: one of ``head`` as its head word, with a word of each of
    ``modifiers`` before it in the phrase."""

    head: frozenset[str]
    modifiers: tuple[frozenset[str], ...] = ()


Slot = tuple[Phrase, ...]  # alternatives


@dataclass(frozen=True, slots=True)
class PrepSlot:
    prep: str
    nouns: Slot = ()  # () for the preposition with any object


@dataclass(frozen=True, slots=True)
class Pattern:
    coding: Coding | None  # None: the verb with these words is no event
    subject: tuple[Slot, ...] = ()
    particles: tuple[str, ...] = ()
    objects: tuple[Slot, ...] = ()
    preps: tuple[PrepSlot, ...] = ()
    weight: int = 0  # how many words the pattern asks for: the most specific match decides
    anchor: frozenset[str] = frozenset()  # one of these words must be around the verb for the pattern to match


@dataclass(frozen=True, slots=True)
class Sense:
    """A verb of a CAMEO block, or an overlay verb."""

    lemma: str
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()  # words that must follow it ("call off", "ask for")
    coding: Coding | None = None  # the verb alone; None: no event
    patterns: tuple[Pattern, ...] = ()
    # Coded for itself (its own code, or the verb the block is named for), not only as one of a
    # block's synonyms: "increase" takes BOOST's "material cooperation" only with two political actors.
    own: bool = True
    # Coded by the dictionary itself ("ACCUSE [112]"): a block's patterns are pooled across its verbs
    # ("indict ... for a crime" is an arrest), so a verb with a code of its own keeps its type.
    explicit: bool = False
    # An overlay sense that is no event alone but yields to the dictionary's patterns that say what was
    # done ("express" alone, "expressed outrage"); other overlay senses of no event silence them too.
    yields: bool = False


@dataclass(frozen=True, slots=True)
class Noun:
    """An overlay event noun ("talks", "sanctions", "ceasefire")."""

    coding: Coding


@dataclass(frozen=True, slots=True)
class Dictionary:
    verbs: dict[str, tuple[Sense, ...]]  # lemma and irregular forms → senses, CAMEO first
    overlay: dict[str, tuple[Sense, ...]]  # lemma → overlay senses
    nouns: dict[str, Noun]  # word or compound ("hunger strike") → noun
    contexts: dict[str, tuple[str, ...]]  # PLOVER context → words that signal it in a sentence
    proposals: frozenset[str]  # nouns of proposals another party may accept or reject
    objects: dict[str, frozenset[str]]  # "TYPE" or "TYPE lemma" → the only objects a bare verb may take
    mapping: dict[str, Coding | None]  # CAMEO code → PLOVER (None: PLOVER has no event for it)


def _text(name: str) -> str:
    return (resources.files(DATA) / name).read_text(encoding="utf-8")


def read_mapping(text: str) -> dict[str, Coding | None]:
    """``cameo_plover.tsv``: CAMEO code → PLOVER coding."""
    out: dict[str, Coding | None] = {}
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    for code, event, mode, context, reverse, *_ in rows[1:]:
        out[code] = Coding(event, mode, tuple(c for c in context.split(";") if c), reverse == "1", code) if event else None
    return out


class _Compiler:
    """Turns the JSON of ``cameo_verbs.json`` into :class:`Sense` records."""

    def __init__(self, synsets: dict[str, list[str]], mapping: dict[str, Coding | None]) -> None:
        self.synsets = synsets
        self.mapping = mapping
        self._words: dict[str, frozenset[str]] = {}
        self._slots: dict[str, Slot] = {}  # a phrase is read once, however many patterns use it

    def coding(self, spec: dict[str, Any]) -> Coding | None:
        code = str(spec.get("code", ""))
        if not code:
            return None
        base = self.mapping.get(code)
        if base is None:
            return None
        reverse = base.reverse != bool(spec.get("reverse"))
        return Coding(base.event, base.mode, base.context, reverse, code)

    def words(self, word: str) -> frozenset[str]:
        """A word of a phrase, or every last word of a synonym set's members."""
        if word not in self._words:
            members = self.synsets.get(word[1:], []) if word.startswith("&") else [word]
            self._words[word] = frozenset(m.split()[-1] for m in members if m)
        return self._words[word]

    def slot(self, phrase: str) -> Slot:
        if phrase not in self._slots:
            self._slots[phrase] = self._read_slot(phrase)
        return self._slots[phrase]

    def _read_slot(self, phrase: str) -> Slot:
        words = phrase.split()
        if not words:
            return ()
        head, modifiers = words[-1], tuple(self.words(w) for w in words[:-1])
        if head.startswith("&"):
            # Each member of a set is a phrase of its own ("prime minister"): its words before the head
            # are modifiers too.
            return tuple(Phrase(frozenset({m.split()[-1]}), modifiers + tuple(frozenset({w}) for w in m.split()[:-1]))
                         for m in self.synsets.get(head[1:], []) if m)  # fmt: skip
        return (Phrase(frozenset({head}), modifiers),)

    def pattern(self, spec: dict[str, Any]) -> Pattern:
        subject = tuple(self.slot(p) for p in spec.get("subject", []))
        objects = tuple(self.slot(p) for p in spec.get("objects", []))
        preps = tuple(PrepSlot(p["prep"], tuple(a for n in p.get("nouns", []) for a in self.slot(n)))
                      for p in spec.get("preps", []))  # fmt: skip
        particles = tuple(spec.get("particles", []))
        weight = len(subject) + len(objects) + len(particles) + sum(1 + bool(p.nouns) for p in preps)
        noun_preps = [p for p in preps if p.nouns]
        if objects:
            anchor = frozenset(w for phrase in objects[0] for w in phrase.head)
        elif noun_preps:  # the noun is rarer than its preposition
            anchor = frozenset(w for phrase in noun_preps[0].nouns for w in phrase.head)
        elif preps:
            anchor = frozenset({preps[0].prep})
        elif particles:
            anchor = frozenset(particles[:1])
        else:
            anchor = frozenset(w for phrase in subject[0] for w in phrase.head) if subject else frozenset()
        return Pattern(self.coding(spec), subject, particles, objects, preps, weight, anchor)


def _cameo(mapping: dict[str, Coding | None]) -> dict[str, list[Sense]]:
    data = json.loads(_text("data/cameo_verbs.json"))
    compiler = _Compiler(data["synsets"], mapping)
    out: dict[str, list[Sense]] = {}
    for block in data["blocks"]:
        patterns = tuple(compiler.pattern(p) for p in block["patterns"])
        block_coding = compiler.coding(block)
        named = block["name"].lower().replace("_", " ").split()[0]
        # A block named for one of its verbs holds that verb's synonyms; one named for what they
        # share ("PHYSICAL_CONFLICT") is a class each of its verbs belongs to.
        synonyms = any(v["lemma"] == named for v in block["verbs"])
        for verb in block["verbs"]:
            coding = compiler.coding(verb) if "code" in verb else block_coding
            own = "code" in verb or verb["lemma"] == named or not synonyms
            sense = Sense(verb["lemma"], tuple(verb.get("before", [])), tuple(verb.get("after", [])), coding, patterns, own,
                          "code" in verb and coding is not None)  # fmt: skip
            for key in dict.fromkeys([verb["lemma"], *(f.split()[0] for f in verb.get("forms", []))]):
                out.setdefault(key, []).append(sense)
    return out


def _overlay(data: dict[str, Any]) -> tuple[dict[str, list[Sense]], dict[str, Noun]]:
    verbs: dict[str, list[Sense]] = {}
    nouns: dict[str, Noun] = {}
    for event, spec in data.items():
        if not isinstance(spec, dict) or not event.isupper():
            continue
        modes = spec.get("modes") or {}
        for item in spec.get("verbs", []):
            lemma, _, second = str(item).partition(":")
            coding = Coding(event, str(modes.get(item, modes.get(lemma, ""))), source="overlay")
            verbs.setdefault(lemma, []).append(Sense(lemma, (), tuple(second.split()) if second else (), coding))
        for item in spec.get("nouns", []):
            nouns.setdefault(str(item), Noun(Coding(event, str(modes.get(item, "")), source="overlay")))
    for key, yields in (("not_events", False), ("no_events_alone", True)):
        for item in data.get(key, []):
            lemma, _, second = str(item).partition(":")  # "hold:press conference": the verb with that object
            verbs.setdefault(lemma, []).append(Sense(lemma, (), tuple(second.split()) if second else (), None, yields=yields))
    return verbs, nouns


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """The dictionary, loaded once per process."""
    mapping = read_mapping(_text("data/cameo_plover.tsv"))
    cameo = _cameo(mapping)
    overlay_data = yaml.safe_load(_text("patterns.yaml"))
    overlay, nouns = _overlay(overlay_data)
    contexts = {tag: tuple(words) for tag, words in overlay_data["contexts"].items()}
    objects = {str(key): frozenset(map(str, items)) for key, items in overlay_data["objects"].items()}
    return Dictionary(_freeze(cameo), _freeze(overlay), nouns, contexts, frozenset(map(str, overlay_data.get("proposals", []))),
                      objects, mapping)  # fmt: skip


def _freeze(table: dict[str, list[Sense]]) -> dict[str, tuple[Sense, ...]]:
    return {key: tuple(senses) for key, senses in table.items()}


def senses(keys: Iterable[str]) -> tuple[tuple[Sense, ...], tuple[Sense, ...]]:
    """The CAMEO and the overlay senses of the first of ``keys`` (lemma, then word as written) that has any."""
    d = dictionary()
    cameo: tuple[Sense, ...] = ()
    overlay: tuple[Sense, ...] = ()
    for key in keys:
        cameo = cameo or d.verbs.get(key, ())
        overlay = overlay or d.overlay.get(key, ())
    return cameo, overlay
