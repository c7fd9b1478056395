"""Reading the CAMEO→PLOVER conversion table and applying the PLOVER manual where the two differ.

The table (``CAMEO2PLOVER-2021.txt``) has one line per CAMEO code: ``030: AGREE, mode, context #
description``. Descriptions are comments and are dropped. The manual's decisions live in
``plover_overrides.yaml`` beside this module: the modes the manual defines for each type (a table
mode outside them is renamed or dropped), codes whose type or mode the manual decides otherwise,
and code families the table leaves out that the manual codes (CAMEO 02 appeals are PLOVER REQUEST).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

OVERRIDES = Path(__file__).with_name("plover_overrides.yaml")
LINE = re.compile(r"^(\d{2,4})\s*:\s*(.*)$")


class TableError(ValueError):
    """A line of the conversion table that cannot be read; names the line."""


@dataclass(frozen=True, slots=True)
class Mapping:
    code: str
    event: str  # PLOVER type; "" for a code PLOVER drops
    mode: str = ""
    context: tuple[str, ...] = ()
    reverse: bool = False  # the CAMEO actor is PLOVER's recipient (hosting a visit)
    decided_by: str = "table"


def parse_table(text: str) -> dict[str, Mapping]:
    """Every coded line of the table; a code given twice keeps its first line."""
    out: dict[str, Mapping] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("~"):
            continue
        match = LINE.match(line)
        if match is None:
            raise TableError(f"line {number}: cannot read {raw.strip()!r}")
        code, rest = match.groups()
        fields = [f.strip() for f in rest.split(",")]
        if not fields[0].isupper():
            raise TableError(f"line {number}: no PLOVER type in {raw.strip()!r}")
        mode = fields[1] if len(fields) > 1 else ""
        context = tuple(c.strip() for c in fields[2].split(";") if c.strip()) if len(fields) > 2 else ()
        out.setdefault(code, Mapping(code, fields[0], mode, context))
    return out


def load_overrides(path: Path = OVERRIDES) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not {"modes", "mode_synonyms", "codes", "aliases"} <= set(data):
        raise TableError(f"{path}: expected the keys modes, mode_synonyms, codes and aliases")
    return data


def apply_manual(table: dict[str, Mapping], overrides: dict[str, Any]) -> tuple[dict[str, Mapping], list[str]]:
    """The table with the manual's decisions applied, and a note for every change made."""
    modes: dict[str, list[str]] = overrides["modes"]
    synonyms: dict[str, dict[str, str]] = overrides["mode_synonyms"]
    notes: list[str] = []
    out: dict[str, Mapping] = {}
    for code, entry in table.items():
        if entry.event not in modes:
            raise TableError(f"code {code}: {entry.event!r} is not one of the manual's types")
        mode = synonyms.get(entry.event, {}).get(entry.mode, entry.mode)
        if mode and mode not in modes[entry.event]:
            notes.append(f"{code}: mode {entry.mode!r} is not a mode of {entry.event} in the manual; dropped")
            mode = ""
        elif mode != entry.mode:
            notes.append(f"{code}: mode {entry.mode!r} is the manual's {mode!r}")
        out[code] = replace(entry, mode=mode)
    for code, spec in overrides["codes"].items():
        code = str(code)
        base = out.get(code, Mapping(code, ""))
        event = str(spec.get("event", base.event))
        mode = str(spec.get("mode", base.mode))
        if event not in modes or (mode and mode not in modes[event]):
            raise TableError(f"override {code}: {event}/{mode} is not a type and mode of the manual")
        context = tuple(spec["context"]) if "context" in spec else base.context
        out[code] = Mapping(code, event, mode, context, bool(spec.get("reverse", False)), f"manual: {spec['why']}")
        notes.append(f"{code}: {base.event or 'absent'}/{base.mode} → {event}/{mode} ({spec['why']})")
    return out, notes


def resolve(code: str, mapping: dict[str, Mapping], aliases: dict[str, str]) -> Mapping | None:
    """The mapping of a CAMEO code: its own line, else (through an alias family) the line of the
    code it stands for, else its nearest coded parent ("0214" → "021" → "02"). None where PLOVER
    has no event for it."""
    for prefix, target in aliases.items():
        if code.startswith(prefix) and code not in mapping:
            code = target + code[len(prefix) :]
            break
    for length in range(len(code), 1, -1):
        entry = mapping.get(code[:length])
        if entry is not None:
            return entry if entry.event else None
    return None
