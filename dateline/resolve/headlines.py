"""One-line headlines for timeline entries: "Armenia and Azerbaijan meet", "Talks between A and B".

A headline is made from the entry's PLOVER type (and mode, where a reader gains from it), its
actors and its recipients — never copied from an article, so that every source of the entry
agrees with it. The verb agrees with the number of actors; an entry whose actor nobody named reads
as a noun phrase ("Appeal to Abkhazia") rather than "Unknown actor calls on …".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Phrase(NamedTuple):
    """How one type reads: ``{s}`` / ``{es}`` take the verb's third-person singular ending."""

    transitive: str  # with recipients: "meet{s} with"
    alone: str  # without: "hold{s} talks"
    noun: str  # without an actor: "talks with"


PHRASES: dict[str, Phrase] = {
    # The manual's AGREE is "agree to, offer, promise, or otherwise indicate willingness": most
    # often a promise or an offer, seldom an agreement reached.
    "AGREE": Phrase("make{s} a commitment to", "make{s} a commitment", "commitment to"),
    "CONSULT": Phrase("meet{s} with", "hold{s} talks", "talks with"),
    "SUPPORT": Phrase("support{s}", "voice{s} support", "support for"),
    "CONCEDE": Phrase("make{s} concessions to", "make{s} concessions", "concessions to"),
    "COOPERATE": Phrase("cooperate{s} with", "cooperate{s}", "cooperation with"),
    "AID": Phrase("aid{s}", "give{s} aid", "aid to"),
    "RETREAT": Phrase("de-escalate{s} toward", "withdraw{s} or cease{s} fire", "de-escalation toward"),
    "REQUEST": Phrase("call{s} on", "make{s} an appeal", "appeal to"),
    "REJECT": Phrase("reject{s} a demand of", "reject{s} a demand", "rejection of"),
    "ACCUSE": Phrase("accuse{s}", "make{s} accusations", "accusations against"),
    "THREATEN": Phrase("threaten{s}", "issue{s} threats", "threats against"),
    "PROTEST": Phrase("protest{s} against", "protest{s}", "protest against"),
    "SANCTION": Phrase("impose{s} sanctions on", "impose{s} sanctions", "sanctions on"),
    "MOBILIZE": Phrase("mobilize{s} against", "mobilize{s}", "mobilization against"),
    "COERCE": Phrase("coerce{s}", "use{s} coercion", "coercion of"),
    "ASSAULT": Phrase("attack{s}", "launch{es} an attack", "attack on"),
}  # fmt: skip

# Modes a reader understands better than the type; any other mode is shown in brackets.
MODE_PHRASES: dict[tuple[str, str], Phrase] = {
    ("CONSULT", "visit"): Phrase("visit{s}", "make{s} a visit", "visit to"),
    ("CONSULT", "host"): Phrase("host{s}", "host{s} talks", "visit of"),
    ("CONSULT", "phone"): Phrase("speak{s} by phone with", "hold{s} a phone call", "phone call with"),
    ("CONSULT", "third-party"): Phrase("mediate{s} between", "mediate{s}", "mediation between"),
    ("CONSULT", "multilateral"): Phrase("meet{s} at a summit with", "attend{s} a summit", "summit with"),
    ("RETREAT", "ceasefire"): Phrase("agree{s} a ceasefire with", "cease{s} fire", "ceasefire with"),
    ("ACCUSE", "disapprove"): Phrase("criticize{s}", "voice{s} criticism", "criticism of"),
    ("ACCUSE", "investigate"): Phrase("investigate{s}", "open{s} an investigation", "investigation of"),
    ("COERCE", "detain"): Phrase("detain{s}", "make{s} arrests", "arrests of"),
    # The manual's `arrest' is arrests, charges and trials; `martial-law' states of emergency too.
    ("COERCE", "arrest"): Phrase("arrest{s} or charge{s}", "make{s} arrests or charges", "arrest or trial of"),
    ("COERCE", "martial-law"): Phrase("impose{s} emergency rule on", "declare{s} a state of emergency", "emergency rule in"),
    ("COERCE", "curfew"): Phrase("impose{s} a curfew on", "impose{s} a curfew", "curfew in"),
    ("COERCE", "restrict"): Phrase("restrict{s}", "impose{s} restrictions", "restrictions on"),
    ("COERCE", "deport"): Phrase("deport{s}", "make{s} deportations", "deportation of"),
    ("SANCTION", "convict"): Phrase("convict{s}", "win{s} a conviction", "conviction of"),
    ("SANCTION", "discontinue"): Phrase("cut{s} ties or trade with", "cut{s} ties or trade", "cut in ties or trade with"),
    ("SANCTION", "expel"): Phrase("expel{s}", "make{s} expulsions", "expulsion of"),
    ("RETREAT", "withdraw"): Phrase("withdraw{s} from", "withdraw{s}", "withdrawal from"),
    ("RETREAT", "release"): Phrase("release{s}", "release{s} prisoners", "release of"),
    ("ACCUSE", "allege"): Phrase("accuse{s}", "make{s} allegations", "allegations against"),
    ("ASSAULT", "heavy-weapons"): Phrase("shell{s}", "use{s} heavy weapons", "shelling of"),
    ("ASSAULT", "aerial"): Phrase("launch{es} airstrikes on", "launch{es} airstrikes", "airstrikes on"),
    ("ASSAULT", "firearms"): Phrase("fire{s} on", "open{s} fire", "shooting at"),
    ("ASSAULT", "explosives"): Phrase("bomb{s}", "set{s} off explosives", "bombing of"),
}  # fmt: skip

_PREPOSITIONS = frozenset({"with", "to", "of", "on", "against", "between", "for", "at", "by"})


def join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 2:
        return " and ".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def event_headline(event: str, mode: str, actors: Sequence[str], recipients: Sequence[str]) -> str:
    """The headline of an entry of type ``event``: actors and recipients are display names, in
    the order they are to be read."""
    phrase = MODE_PHRASES.get((event, mode))
    shown_mode = "" if phrase or not mode else f" ({mode})"
    phrase = phrase or PHRASES.get(event) or Phrase(event.lower(), event.lower(), event.lower())
    if not actors:
        return _noun_phrase(event, phrase, recipients) + shown_mode
    verb = phrase.transitive if recipients else phrase.alone
    singular = len(actors) == 1 and not _plural(actors[0])
    verb = verb.format(s="s" if singular else "", es="es" if singular else "")
    return _first_up(f"{join_names(actors)} {verb} {join_names(recipients)}".strip()) + shown_mode


def _plural(name: str) -> bool:
    """A common noun phrase in the plural ("the ministers", "US lawmakers", "British businessmen");
    a name, whose last word is capitalised, is singular whatever its ending ("United States", "The
    Netherlands")."""
    head, of, _ = name.partition(" of ")
    words = (head if of else name).split()  # "people of Mexico", "businesses of Spain": the head before "of"
    if not words or words[-1][:1].isupper():
        return False
    head = words[-1].lower()
    return head in _PLURAL_WORDS or head.endswith("men") or (head.endswith("s") and not head.endswith(("ss", "us", "is")))


def _noun_phrase(event: str, phrase: Phrase, recipients: Sequence[str]) -> str:
    head, _, last = phrase.noun.rpartition(" ")
    if not recipients:
        return _first_up(head if last in _PREPOSITIONS else phrase.noun)
    if event == "CONSULT" and len(recipients) > 1 and last == "with":
        # Nobody named hosts the talks: the named sides are the ones who talk.
        return f"{_first_up(head)} between {join_names(recipients)}"
    return f"{_first_up(phrase.noun)} {join_names(recipients)}"


_PLURAL_WORDS = frozenset({"people", "police", "children", "men", "women", "staff", "militia", "clergy"})


def _first_up(text: str) -> str:
    """The first letter in capitals, the rest as it is (``str.capitalize`` would lower names)."""
    return text[:1].upper() + text[1:]
