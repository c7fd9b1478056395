"""Personal names: their words, the titles before them, and a transliteration key.

The key lets the spellings of one name meet ("Walid al-Muallem", "Walid Moallem"; "Gaddafi",
"Gadhafi", "Qadhafi"; "Sergey", "Sergei") while different names stay apart ("Hassan", "Hussein").
The word lists are data (``dateline/core/data/actors/names.yaml``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class NameWords:
    particles: frozenset[str]
    article_prefixes: frozenset[str]
    honorifics: dict[str, str]  # lower-case honorific → "m" | "f" | ""
    ranks: frozenset[str]
    pronouns: dict[str, str]  # lower-case pronoun → "m" | "f"
    gendered_offices: dict[str, str]  # "spokeswoman" → "f"
    feature_words: frozenset[str]  # "gulf": "the Gulf of Mexico" is no actor

    def is_title(self, word: str) -> bool:
        """Is ``word`` an honorific or a rank ("Mr", "Sir", "Col.")?"""
        lowered = word.lower().rstrip(".")
        return lowered in self.honorifics or lowered in self.ranks


@lru_cache(maxsize=1)
def name_words() -> NameWords:
    data = yaml.safe_load((resources.files("dateline.core.data") / "actors" / "names.yaml").read_text(encoding="utf-8"))
    return NameWords(
        particles=frozenset(data["particles"]),
        article_prefixes=frozenset(data["article_prefixes"]),
        honorifics={str(k): str(v) for k, v in data["honorifics"].items()},
        ranks=frozenset(data["ranks"]),
        pronouns={str(k): str(v) for k, v in data["pronouns"].items()},
        gendered_offices={str(k): str(v) for k, v in data["gendered_offices"].items()},
        feature_words=frozenset(data["feature_words"]),
    )


_WORD = re.compile(r"[^\W_]+")


def ascii_fold(text: str) -> str:
    """``text`` without accents ("António" → "Antonio")."""
    if text.isascii():
        return text  # nothing to decompose: most words of English news, asked for word by word
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The lower-case words of a name, apostrophes joined ("Mu'allem" → "muallem")."""
    return _WORD.findall(ascii_fold(text).replace("'", "").replace("’", "").lower())


# Spelling rules of romanised names, applied in order to each word.
_SPELLING = (
    (re.compile(r"[gq]"), "k"),
    (re.compile(r"(?<=[a-z])y"), "i"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"([dtks])h"), r"\1"),
    (re.compile(r"ou|oo|o"), "u"),
    (re.compile(r"ee|e"), "i"),
    (re.compile(r"ah$"), "a"),
    (re.compile(r"(.)\1+"), r"\1"),
)
_ABD = frozenset({"abdul", "abdel", "abdal", "abdol", "abdil"})


def word_key(word: str) -> str:
    """The transliteration key of one lower-case word."""
    if word in _ABD:
        word = "abd"
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    return word


def name_key(text: str) -> str:
    """The transliteration key of a name: its words without titles or article prefixes, each
    spelt by :func:`word_key`, joined by hyphens."""
    nw = name_words()
    out = []
    for word in words(text):
        if word in nw.article_prefixes or word in nw.honorifics or word in nw.ranks:
            continue
        out.append(word_key(word))
    return "-".join(out)


def in_feature_name(text: str, start: int) -> bool:
    """Does the name at ``start`` end a geographic feature's name ("Gulf of Mexico", "Bay of Bengal")?"""
    before = _FEATURE_OF.search(text[max(0, start - 20) : start])
    return before is not None and before.group(1).lower() in name_words().feature_words


_FEATURE_OF = re.compile(r"\b([A-Za-z]+)\s+of\s+(?:the\s+)?$")
