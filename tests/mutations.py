"""The mutations of the fuzz harness (``tests/fuzzing.py``): an example article cut, spliced and
broken the ways real text goes wrong, written as a file in one of the formats dateline reads. An
input is a pure function of (run seed, index), so any input a report names can be made again."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "examples" / "seeds").glob("*.txt"))
_WORDS = re.compile(r"\S+")

Mutator = Callable[[random.Random, str, list[str]], str]
# How big the stress mutations make an input: 1 in the long run, small in the test suite's budget.
SIZE = {"size": 1.0}

DATES = ("March 3, 2020", "3 March 2020", "2020-03-03", "03/04/2021", "4/3/21", "last Tuesday", "on Monday",
         "next week", "two years ago", "in the 1990s", "Q3 2019", "12:30 p.m.", "mid-2018", "2020-02-30",
         "February 29, 2019", "the year 0", "9999", "10000 BC", "1 Jan", "Jan. 32", "between 2001 and 1999",
         "the 21st century", "yesterday morning", "since 1992", "May 19 (Sputnik) –", "20200303", "1e9 days")  # fmt: skip
MARKS = ('"', "“", "”", "„", "«", "»", "‘", "’", "'", "``", "''", "‹", "›", "「", "」")
SPACES = ("\u00a0", "\u2009", "\u202f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u2028", "\u2029",
          "\u3000", "\u1680", "\x0b", "\x0c", "\x85", "\r", "\t", "\x00", "\x01", "\x1b", "\x7f", "\u202e",
          "\u0301", "\ud800", "\udfff", "\U0001f600", "\ufffd")  # fmt: skip
HTML = ("<p>", "</p>", "<div class='x'>", "</div>", "<br/>", "<script>alert(1)</script>", "<!-- note -->",
        "&nbsp;", "&amp;", "&#8220;", "&#x201d;", "<b>Moscow</b>", "<a href='x'>link", "<html><body>",
        "</body></html>", "<![CDATA[ x ]]>", "<style>p{}</style>", "<h1>Title</h1>", "<time datetime='2020-03-03'>")  # fmt: skip
SPEECH = ("According to", "according to -", "he said.", ", she said", "said:", "told reporters", " said that ",
          "the ministry said on Saturday.", "“We will,” he added.", "TAPPER: ", "Pence: ", "claimed", "it seems")  # fmt: skip


def _at(rng: random.Random, text: str) -> int:
    return rng.randrange(len(text) + 1)


def _insert(rng: random.Random, text: str, piece: str) -> str:
    i = _at(rng, text)
    return text[:i] + piece + text[i:]


def window(rng: random.Random, text: str, seeds: list[str]) -> str:
    """A stretch of one to a few paragraphs (most inputs are short: the budget counts inputs)."""
    paragraphs = text.split("\n")
    start = rng.randrange(len(paragraphs))
    return "\n".join(paragraphs[start : start + rng.randint(1, 3)])


def byte_flips(rng: random.Random, text: str, seeds: list[str]) -> str:
    data = bytearray(text.encode("utf-8", errors="surrogatepass"))
    for _ in range(rng.randint(1, 8)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return data.decode("utf-8", errors=rng.choice(["replace", "surrogateescape", "ignore"]))


def splice(rng: random.Random, text: str, seeds: list[str]) -> str:
    other = rng.choice(seeds)
    a, b = sorted((_at(rng, other), _at(rng, other)))
    return _insert(rng, text, other[a:b])


def crossover(rng: random.Random, text: str, seeds: list[str]) -> str:
    other = rng.choice(seeds)
    return text[: _at(rng, text)] + other[_at(rng, other) :]


def _sprinkle(rng: random.Random, text: str, pieces: Sequence[str], most: int) -> str:
    """One to ``most`` of ``pieces`` inserted at random places."""
    for _ in range(rng.randint(1, most)):
        text = _insert(rng, text, rng.choice(pieces))
    return text


def dates(rng: random.Random, text: str, seeds: list[str]) -> str:
    return _sprinkle(rng, text, [f" {d} " for d in DATES], 6)


def quote_marks(rng: random.Random, text: str, seeds: list[str]) -> str:
    return _sprinkle(rng, text, MARKS, 12)


def spaces_and_controls(rng: random.Random, text: str, seeds: list[str]) -> str:
    return _sprinkle(rng, text, SPACES, 12)


def no_break_names(rng: random.Random, text: str, seeds: list[str]) -> str:
    """Names written with a no-break space or broken by a hard wrap ("Donald\\xa0Trump", "Security\\nCouncil")."""
    joiner = rng.choice(["\u00a0", "\n", "\u202f", "\u2009", "  ", "\r\n"])
    return re.sub(r"(?<=[A-Z][a-z]) (?=[A-Z])", lambda m: joiner if rng.random() < 0.7 else " ", text)


def hard_wrap(rng: random.Random, text: str, seeds: list[str]) -> str:
    width = rng.randint(20, 80)
    return re.sub(f"(.{{{width}}}) ", "\\1\n", text)


def html(rng: random.Random, text: str, seeds: list[str]) -> str:
    return _sprinkle(rng, text, HTML, 6)


def speech(rng: random.Random, text: str, seeds: list[str]) -> str:
    return _sprinkle(rng, text, [f" {s} " for s in SPEECH], 4)


def one_line(rng: random.Random, text: str, seeds: list[str]) -> str:
    """Every line break gone, and the text repeated: one very long line."""
    return " ".join(text.split("\n")) * rng.randint(1, max(1, round(6 * SIZE["size"])))


def long_word(rng: random.Random, text: str, seeds: list[str]) -> str:
    return _insert(rng, text, rng.choice("ab-.'“0") * rng.randint(100, max(100, round(20_000 * SIZE["size"]))))


def many_dates(rng: random.Random, text: str, seeds: list[str]) -> str:
    return text + " " + " ".join(f"On {rng.choice(DATES)} talks resumed." for _ in range(rng.randint(5, max(5, round(1500 * SIZE["size"])))))


def many_marks(rng: random.Random, text: str, seeds: list[str]) -> str:
    mark = rng.choice(MARKS)
    sep = rng.choice([" ", "\n", "", " no "])
    return text + sep.join(mark for _ in range(rng.randint(10, max(10, round(4000 * SIZE["size"])))))


def word_soup(rng: random.Random, text: str, seeds: list[str]) -> str:
    words = _WORDS.findall(" ".join(seeds))
    return " ".join(rng.choice(words) for _ in range(rng.randint(5, max(5, round(600 * SIZE["size"])))))


def drop_punctuation(rng: random.Random, text: str, seeds: list[str]) -> str:
    return re.sub(r"[.,;:!?]", "", text)


def repeat_lines(rng: random.Random, text: str, seeds: list[str]) -> str:
    lines = text.split("\n")
    line = rng.choice(lines)
    return "\n".join([*lines, *([line] * rng.randint(2, max(2, round(200 * SIZE["size"]))))])


def truncate(rng: random.Random, text: str, seeds: list[str]) -> str:
    return text[: rng.randint(0, max(0, min(len(text), 40)))]


# Cheap mutations are drawn often; the ones that make long inputs (stress) rarely, so that a budget
# of inputs is mostly many small texts and now and then a big one.
MUTATORS: dict[str, tuple[Mutator, int]] = {
    "window": (window, 30), "byte_flips": (byte_flips, 10), "splice": (splice, 8), "crossover": (crossover, 6),
    "dates": (dates, 10), "quote_marks": (quote_marks, 10), "spaces_and_controls": (spaces_and_controls, 10),
    "no_break_names": (no_break_names, 8), "hard_wrap": (hard_wrap, 4), "html": (html, 6), "speech": (speech, 8),
    "drop_punctuation": (drop_punctuation, 3), "repeat_lines": (repeat_lines, 2), "truncate": (truncate, 2),
    "word_soup": (word_soup, 3), "one_line": (one_line, 1), "long_word": (long_word, 1), "many_dates": (many_dates, 1),
    "many_marks": (many_marks, 1),
}  # fmt: skip
FORMATS = ("txt", "txt", "txt", "html", "json", "jsonl")


@dataclass(frozen=True, slots=True)
class FuzzInput:
    index: int
    mutations: tuple[str, ...]
    fmt: str
    text: str
    data: bytes  # the file's bytes

    def describe(self) -> str:
        return f"input {self.index} ({self.fmt}; {' + '.join(self.mutations) or 'seed'}; {len(self.text):,} chars)"


def make_input(index: int, run_seed: int = 0, seeds: list[str] | None = None, *, names: tuple[str, ...] | None = None,
               fmt: str | None = None, small: bool = False) -> FuzzInput:  # fmt: skip
    """Input ``index`` of run ``run_seed``: a seed article with one to four mutations, as a file.
    ``small``: a paragraph or two of one, and stress mutations a tenth of their size (the test
    suite's budget counts inputs, and a parse costs by the word)."""
    seeds = seeds if seeds is not None else seed_texts()
    rng = random.Random(f"{run_seed}:{index}:{'small' if small else ''}")
    text = rng.choice(seeds)
    if small:
        text = window(rng, text, seeds)
    SIZE["size"] = 0.1 if small else 1.0
    if names is None:
        keys = list(MUTATORS)
        names = tuple(rng.choices(keys, weights=[MUTATORS[k][1] for k in keys], k=rng.randint(1, 4)))
    for name in names:
        text = MUTATORS[name][0](rng, text, seeds)
    fmt = fmt or rng.choice(FORMATS)
    return FuzzInput(index, names, fmt, text, encode(rng, text, fmt))


def encode(rng: random.Random, text: str, fmt: str) -> bytes:
    """``text`` as the bytes of a ``fmt`` file (JSON escapes keep lone surrogates; raw files
    carry them as invalid UTF-8)."""
    if fmt == "json":
        # A metadata date is mostly a date, now and then any text at all.
        published = rng.choice(DATES) if rng.random() < 0.8 else text[: rng.choice([20, 200, 20_000])]
        record: dict[str, Any] = {"id": "x", "text": text, "title": text[:40], "published": published}
        return json.dumps(record).encode()
    if fmt == "jsonl":
        lines = [json.dumps({"id": f"r{i}", "text": part}) for i, part in enumerate(text.split("\n\n")[:3] or [text])]
        return ("\n".join(lines) + "\n").encode()
    if fmt == "html":
        text = f"<html><head><title>{text[:30]}</title></head><body><article><p>{text}</p></article></body></html>"
    return text.encode("utf-8", errors="surrogatepass")


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEEDS]
