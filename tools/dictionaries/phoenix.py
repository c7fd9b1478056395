"""Compile the Phoenix actor dictionaries of PETRARCH2 into dateline's actor data.

    python -m tools.dictionaries.phoenix /work/shared/resources/petrarch2 --out dateline/core/data/actors

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt``, ``Phoenix.agents.txt`` and ``Phoenix.discards.txt`` (format:
``dictionaries.rst`` beside them) and writes, into ``--out``:

- ``phoenix_actors.tsv``: one actor a line: kind, display name, its variants, and its PLOVER roles
  (code, sector, first and last day; a role without days is the default);
- ``phoenix_agents.tsv``: generic agents ("rebels", "riot police") with their PLOVER sector;
- ``phoenix_discards.tsv``: phrases that mark a sentence or story as not political news;
- ``PHOENIX_LICENSE.txt`` and ``PHOENIX_PROVENANCE.md``: the MIT notice, the source files' sha256,
  the converter and the counts.

CAMEO codes become PLOVER (code, sector) pairs by ``cameo_plover.yaml`` beside this file. Entries
are copied; comments are not. A record's synonyms that name someone else (no word in common with
the primary phrase, or a different first name) become actors of their own with the same roles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pycountry
import yaml

from dateline.core.knowledge.names import name_key, name_words, words
from tools.dictionaries.phoenix_format import ActorRecord, Agent, read_actors, read_agents, read_discards

ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"
DISCARD_FILE = "Phoenix.discards.txt"
SOURCE = "openeventdata/petrarch2, petrarch2/data/dictionaries/"

# Words that make a phrase an organisation, beyond the agents' own nouns.
ORG_WORDS = frozenset(
    ["army", "front", "brigade", "brigades", "movement", "organization", "organisation", "party", "committee", "council", "group", "league", "union", "association", "faction", "cells", "nuclei", "forces", "battalion", "battalions", "agency", "bank", "fund", "institute", "commission", "office", "ministry", "court", "observatory", "network", "alliance", "foundation", "society", "centre", "center", "program", "programme", "corps", "guard", "service", "services", "company", "corporation", "government", "regime", "administration", "assembly", "parliament", "authority", "coalition", "federation", "tribunal", "police", "militia", "mujahideen", "jihad", "jamaat", "hezbollah", "taliban", "command"]
)


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    sector: str
    start: dt.date | None
    end: dt.date | None

    def encode(self) -> str:
        return ":".join([self.code, self.sector, self.start.isoformat() if self.start else "", self.end.isoformat() if self.end else ""])


@dataclass(frozen=True, slots=True)
class Actor:
    kind: str  # country | person | organization
    name: str
    variants: tuple[str, ...]
    roles: tuple[Role, ...]

    def line(self) -> str:
        return "\t".join([self.kind, self.name, "|".join(self.variants), ";".join(r.encode() for r in self.roles)])


class CodeMap:
    """CAMEO actor codes → PLOVER (code, sector), by ``cameo_plover.yaml``."""

    def __init__(self, table: dict[str, object]) -> None:
        self.countries: dict[str, str] = dict(table["countries"])  # type: ignore[call-overload]
        self.international = frozenset(table["international"])  # type: ignore[call-overload]
        self.sectors: dict[str, str] = dict(table["sectors"])  # type: ignore[call-overload]
        self.creed_only = frozenset(table["creed_only"])  # type: ignore[call-overload]
        self.companies = frozenset(table["companies"])  # type: ignore[call-overload]
        self.states = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}

    def country(self, element: str) -> str | None:
        element = self.countries.get(element, element)
        return element if element in self.states or element in self.international else None

    def plover(self, cameo: str) -> tuple[str, str] | None:
        """(code, sector) of a CAMEO code; None when it names no state or PLOVER entity."""
        cameo = cameo.upper()
        if cameo in ("---", ""):
            return None
        elements = [cameo[i : i + 3] for i in range(0, len(cameo), 3)]
        if elements[0] in self.companies:
            return "", "BUS"
        code = self.country(elements[0])
        rest = elements[1:]
        if code is None:
            if elements[0] in self.sectors:  # "[ELI]": a role with no country
                code, rest = "", elements
            else:
                return None
        sector = ""
        for element in rest:
            mapped = self.sectors.get(element, "")
            if mapped == "REL" and code in self.creed_only:
                continue
            if mapped:
                sector = mapped
                break
        return code, sector


_SMALL = frozenset(["of", "the", "and", "for", "to", "in", "on", "at", "by", "a", "an"])


def strip_titles(split: list[str], titles: frozenset[str], places: frozenset[str] = frozenset()) -> list[str]:
    """The name after the titles before it ("RUSSIAN FOREIGN MINISTER LAVROV" → "LAVROV"); the
    phrase whole when what follows the titles is no name ("US AMBASSADOR TO THE UN"), or when the
    words before it are only ``places`` (the countries' one-word names): "ORLANDO SMITH" is a man
    with a city's name, not Smith of Orlando."""
    n = 0
    while n < len(split) - 1 and split[n].lower().rstrip(".") in titles:
        n += 1
    if places and all(w.lower().rstrip(".") in places for w in split[:n]):
        return split
    return split if n and split[n].lower() in _SMALL else split[n:]


def display_name(phrase: str, titles: frozenset[str] = frozenset(), places: frozenset[str] = frozenset()) -> str:
    """``BASHAR AL-ASSAD`` → ``Bashar al-Assad``; short all-consonant words stay capitals ("UNHCR");
    a title before a name is left out ("AMBASSADOR SERGEY LAVROV" → "Sergey Lavrov")."""
    particles = name_words().particles | _SMALL
    split = strip_titles(phrase.split(), titles, places)
    out = []
    for n, word in enumerate(split):
        parts: list[str] = []
        for piece in word.split("-"):
            lower = piece.lower()
            if (n or parts) and lower in particles:
                parts.append(lower)
            elif "." in piece or (len(piece) <= 5 and not any(c in "AEIOU" for c in piece.upper())) or len(piece) <= 2:
                parts.append(piece)
            else:
                parts.append(piece[:1].upper() + piece[1:].lower())
        out.append("-".join(parts))
    return " ".join(out)


def _distinctive(phrase: str, titles: frozenset[str], places: frozenset[str] = frozenset()) -> list[str]:
    nw = name_words()
    kept = " ".join(strip_titles(phrase.split(), titles, places))
    return [w for w in words(kept) if w not in nw.particles and w not in nw.honorifics and w not in nw.ranks
            and (w not in titles or w in places)]


def _covers(short: list[str], long: list[str]) -> bool:
    """Are the words of ``short`` all in ``long``, in order, an initial standing for a word?"""
    it = iter(long)
    return all(any(w == x or (len(w) == 1 and x.startswith(w)) for x in it) for w in short)


def _same_person(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    ka, kb = [name_key(w) for w in a], [name_key(w) for w in b]
    return _covers(ka, kb) or _covers(kb, ka)


def _kind(phrase: str, org_words: frozenset[str], titles: frozenset[str] = frozenset()) -> str:
    found = words(phrase)
    if any(w in org_words or w.rstrip("s") in org_words for w in found):
        return "organization"
    if any(w in _SMALL for w in found) and any(w in titles for w in found):
        return "organization"  # an office: "US Ambassador to the UN"
    return "person"


def split_identities(record: ActorRecord, roles: tuple[Role, ...], country_record: bool, group_file: bool,
                     org_words: frozenset[str], titles: frozenset[str], places: frozenset[str] = frozenset()) -> list[Actor]:  # fmt: skip
    """The actors one record names: the primary phrase with its spelling variants and short forms,
    and each synonym naming someone else as its own actor with the record's roles."""
    phrases = list(dict.fromkeys(record.phrases))
    if country_record:
        return [Actor("country", display_name(phrases[0]), tuple(phrases[1:]), roles)]
    dated = any(r.start or r.end for r in roles)
    primary_kind = _kind(phrases[0], org_words, titles)
    if primary_kind == "person" and (group_file or (not dated and all(r.code in ("IGO", "NGO", "IMG") or r.sector == "BUS" for r in roles))):
        primary_kind = "organization"
    groups: list[list[str]] = [[phrases[0]]]
    for phrase in phrases[1:]:
        mine = _distinctive(phrase, titles, places)
        matches = [g for g in groups if _kind(phrase, org_words) == _kind(g[0], org_words) and _same_person(mine, _distinctive(g[0], titles, places))]
        if len(matches) == 1:
            matches[0].append(phrase)
        elif not matches:
            groups.append([phrase])
        # A short form that fits two of the record's people names neither: it is left out.
    out = []
    for n, group in enumerate(groups):
        kind = primary_kind if n == 0 else _kind(group[0], org_words, titles)
        if n and primary_kind == "organization" and len(_distinctive(group[0], titles, places)) < 2:
            kind = "organization"  # an acronym or one-word name of the group ("ANSF")
        # Titles are left out of a person's name only: an organisation's first word is its own
        # ("Environmental Protection Agency", not "Protection Agency").
        person = kind == "person"
        out.append(Actor(kind, display_name(group[0], titles if person else frozenset(), places if person else frozenset()), tuple(group[1:]), roles))
    return out


def merge_namesakes(actors: list[Actor]) -> list[Actor]:
    """One actor for records that name the same person (same name key, a country in common) and
    for exact repeats; the first record's default role wins."""
    out: list[Actor] = []
    by_key: dict[str, list[int]] = {}
    seen: set[str] = set()
    for actor in actors:
        if actor.line() in seen:
            continue
        seen.add(actor.line())
        key = name_key(actor.name)
        if actor.kind == "person" and key:
            countries = {r.code for r in actor.roles}
            at = next((i for i in by_key.get(key, []) if countries & {r.code for r in out[i].roles}), None)
            if at is not None:
                first = out[at]
                defaults = [r for r in first.roles if not (r.start or r.end)]
                extra = [r for r in actor.roles if (r.start or r.end) or not defaults]
                variants = tuple(dict.fromkeys([*first.variants, *(v for v in (actor.name.upper(), *actor.variants)
                                                                  if name_key(v) != key or v != first.name.upper())]))  # fmt: skip
                out[at] = Actor(first.kind, first.name, variants, tuple(dict.fromkeys([*first.roles, *extra])))
                continue
            by_key.setdefault(key, []).append(len(out))
        out.append(actor)
    return out


def convert_roles(record: ActorRecord, codes: CodeMap, dropped: Counter[str]) -> tuple[Role, ...]:
    roles = []
    for r in record.restrictions:
        mapped = codes.plover(r.code)
        if mapped is None:
            dropped[r.code[:3]] += 1
            continue
        roles.append(Role(mapped[0], mapped[1], r.start, r.end))
    return tuple(dict.fromkeys(roles))


def read_text(path: Path) -> str:
    """The file's text; lines that are not UTF-8 are read as Latin-1 (the countries file mixes both)."""
    lines = []
    for raw in path.read_bytes().splitlines():
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("latin-1"))
    return "\n".join(lines)


def compile_actors(source: Path, codes: CodeMap, org_words: frozenset[str], titles: frozenset[str],
                   places: frozenset[str] = frozenset()) -> tuple[list[Actor], dict[str, object]]:  # fmt: skip
    actors: list[Actor] = []
    stats: dict[str, object] = {}
    dropped: Counter[str] = Counter()
    for name in ACTOR_FILES:
        records, problems = read_actors(read_text(source / name))
        inherited: list[ActorRecord] = []
        count = 0
        for record in records:
            if not record.restrictions:
                # A phrase with no code takes the codes of the next record that has some (the
                # format lets several primary phrases share one block of codes).
                inherited.append(record)
                continue
            roles = convert_roles(record, codes, dropped)
            for rec in [*inherited, record]:
                if not roles:
                    continue
                # A country's record: every code is a bare country (a state, or one that changed
                # hands: "ARMENIA [USRARM <900823] [ARM >911221]"), never a sector but the state before
                # independence (PRE: "AZERBAIJAN [AZEPRE 911018-911221]"); its variants are
                # its names, demonyms, cities and regions ("YEREVAN"), none of them a person.
                country_record = all(r.sector in ("", "PRE") for r in roles) and all(
                    codes.country(x.code[:3]) for x in record.restrictions)  # fmt: skip
                country_record = country_record and roles[0].code not in codes.international and _kind(rec.phrases[0], org_words) == "person"
                found = split_identities(rec, roles, country_record, name.endswith("MilNonState.actors.txt"), org_words, titles, places)
                actors.extend(found)
                count += len(found)
            inherited = []
        stats[name] = {"records": len(records), "actors": count, "unread": problems}
    stats["dropped_codes"] = dict(sorted(dropped.items()))
    return merge_namesakes(actors), stats


def compile_agents(agents: list[Agent], codes: CodeMap) -> list[tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for a in agents:
        if a.prefix:
            code, sector = (a.code[:3], codes.sectors.get(a.code[3:6], "")) if codes.country(a.code[:3]) else ("", "")
        elif a.code[:3] in ("NGO", "IGO"):
            # "AID_GROUP [~NGODEV]": the agent is a non-governmental (or intergovernmental) body,
            # which PLOVER codes as NGO (IGO) whatever its country.
            code, sector = a.code[:3], next((codes.sectors[e] for e in (a.code[i : i + 3] for i in range(3, len(a.code), 3)) if e in codes.sectors), "")
        else:
            code, sector = "", next((codes.sectors[e] for e in (a.code[i : i + 3] for i in range(0, len(a.code), 3)) if e in codes.sectors), "")
        if code or sector:
            out.setdefault(a.phrase, (a.phrase, code, sector))
    return list(out.values())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="folder holding the Phoenix dictionaries and their LICENSE")
    parser.add_argument("--out", type=Path, default=Path("dateline/core/data/actors"))
    parser.add_argument("--commit", default="676801cd9cb2924bbbad09f86d15c9323e7097bf", help="source commit, for the provenance")
    args = parser.parse_args(argv)
    missing = [n for n in (*ACTOR_FILES, AGENT_FILE, DISCARD_FILE, "LICENSE") if not (args.source / n).is_file()]
    if missing:
        sys.exit(f"{args.source}: missing {', '.join(missing)}")
    codes = CodeMap(yaml.safe_load((Path(__file__).parent / "cameo_plover.yaml").read_text(encoding="utf-8")))
    agents, agent_problems = read_agents(read_text(args.source / AGENT_FILE))
    agent_rows = compile_agents(agents, codes)
    # The agents' one-word phrases that are not organisations are titles ("AMBASSADOR", "PRESIDENT").
    # and, with the countries' one-word names ("RUSSIAN"), the words of titles before a name.
    titles = frozenset(w.lower() for p, _, _ in agent_rows for w in p.split() if w.lower() not in ORG_WORDS and w.lower() not in _SMALL)
    places = frozenset(v.lower() for r in read_actors(read_text(args.source / ACTOR_FILES[0]))[0]
                       if len(r.restrictions) == 1 and len(r.restrictions[0].code) == 3 for v in r.phrases if " " not in v)  # fmt: skip
    actors, stats = compile_actors(args.source, codes, ORG_WORDS, titles | places, places)
    discards = list(read_discards(read_text(args.source / DISCARD_FILE)))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "phoenix_actors.tsv").write_text(
        "kind\tname\tvariants\troles\n" + "".join(a.line() + "\n" for a in actors), encoding="utf-8")  # fmt: skip
    (args.out / "phoenix_agents.tsv").write_text(
        "phrase\tcode\tsector\n" + "".join("\t".join(row) + "\n" for row in agent_rows), encoding="utf-8")  # fmt: skip
    (args.out / "phoenix_discards.tsv").write_text(
        "phrase\tscope\tmatch\n" + "".join(f"{d.phrase}\t{'story' if d.story else 'sentence'}\t{'word' if d.whole_word else 'stem'}\n"
                                           for d in discards), encoding="utf-8")  # fmt: skip
    (args.out / "PHOENIX_LICENSE.txt").write_bytes((args.source / "LICENSE").read_bytes())
    kinds = Counter(a.kind for a in actors)
    sums = "\n".join(f"| `{n}` | `{hashlib.sha256((args.source / n).read_bytes()).hexdigest()}` |"
                     for n in (*ACTOR_FILES, AGENT_FILE, DISCARD_FILE, "LICENSE"))  # fmt: skip
    unread = "\n".join(f"- `{n}`: {len(s['unread'])} entries not read: " + "; ".join(s["unread"])  # type: ignore[index,arg-type]
                       for n, s in stats.items() if n in ACTOR_FILES and s["unread"])  # type: ignore[index]
    if agent_problems:
        unread += f"\n- `{AGENT_FILE}`: {len(agent_problems)} entries not read: " + "; ".join(agent_problems)
    (args.out / "PHOENIX_PROVENANCE.md").write_text(f"""# Provenance of the compiled Phoenix actor data

Compiled by `python -m tools.dictionaries.phoenix SOURCE --out dateline/core/data/actors` (the
converter is `tools/dictionaries/phoenix.py`, its CAMEO→PLOVER table `tools/dictionaries/cameo_plover.yaml`)
from the Phoenix dictionaries of {SOURCE} at commit `{args.commit}`. Licence: MIT, Copyright (c) 2014
Open Event Data (`PHOENIX_LICENSE.txt`, copied from the source). Entries are copied; the source's
comments are not.

| source file | sha256 |
|---|---|
{sums}

## What was compiled

- `phoenix_actors.tsv`: {len(actors)} actors ({", ".join(f"{v} {k}" for k, v in sorted(kinds.items()))}).
  Columns: kind, display name, variants (`|`), roles (`;`-separated `CODE:SECTOR:FIRST:LAST`, ISO days;
  a role with neither day is the default, valid when no dated role is).
- `phoenix_agents.tsv`: {len(agent_rows)} agent phrases (singular and plural) with their PLOVER code
  (`NGO`/`IGO` for prefix agents) and sector.
- `phoenix_discards.tsv`: {len(discards)} discard phrases; scope `story` or `sentence`; match `word`
  (whole word) or `stem`.

CAMEO country elements that name no state or PLOVER entity (regions such as `AFR`, `EUR` as a
region, fictional test countries) are dropped with their role: {stats["dropped_codes"]}.

{unread}
""", encoding="utf-8")  # fmt: skip
    print(f"{len(actors)} actors, {len(agent_rows)} agents, {len(discards)} discards → {args.out}")


if __name__ == "__main__":
    main()
