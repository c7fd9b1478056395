"""Compile the CAMEO verb dictionary and the CAMEO→PLOVER table into dateline's event data.

    python -m tools.dictionaries.cameo CAMEO.2.0.txt CAMEO2PLOVER-2021.txt --out dateline/annotate/events/data/

Writes, into ``--out``:

- ``cameo_verbs.json`` — the verb dictionary as data (MIT, like its source): synonym sets, and per
  verb block its verbs (lemma, words that go before or after it, own code) and patterns (subject,
  particles, objects and prepositional phrases that must go with the verb, CAMEO code);
- ``cameo_plover.tsv`` — every CAMEO code the dictionary or the table uses, with its PLOVER type,
  mode and context (CC BY-SA 4.0, like the table it adapts), the PLOVER manual deciding where the
  table differs from it (``plover_overrides.yaml``);
- ``LICENSE-CAMEO.txt`` and ``LICENSE-CAMEO2PLOVER.txt``, the licence notices.

Each compiled file names its source file, that file's sha256 and this converter. Entries are
copied, never the sources' comments. The output depends on the inputs only (no timestamps).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from tools.dictionaries import cameo_verbs, plover_table

CONVERTER = "tools/dictionaries/cameo.py"
CAMEO_UPSTREAM = "openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/CAMEO.2.0.txt"
PLOVER_UPSTREAM = "openeventdata/PLOVER, commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f, CAMEO2PLOVER-2021.txt"
CC_BY_SA = """The CAMEO→PLOVER mapping in cameo_plover.tsv is adapted from the CAMEO to PLOVER conversion
table of the PLOVER project (Open Event Data Alliance; edited by Philip Schrodt; 17 September 2021),
{upstream}.

It is licensed under the Creative Commons Attribution-ShareAlike 4.0 International License
(https://creativecommons.org/licenses/by-sa/4.0/), as its source is, and may be shared and adapted
under the same terms with attribution.

Changes made: descriptions dropped; the PLOVER manual (draft 0.8) applied where it differs from the
table (the rows whose decided_by column names the manual); modes renamed to the manual's names or
dropped where the manual defines no such mode; CAMEO 02 codes mapped as their CAMEO 10 counterparts;
codes absent from the table resolved through their parent code. The changes are made by {converter}
from {overrides}.
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _code(code: cameo_verbs.Code) -> dict[str, Any]:
    return {"code": code.code, "reverse": True} if code.reverse else {"code": code.code}


def _prep(prep: cameo_verbs.Prep) -> dict[str, Any]:
    return {"prep": prep.prep, **({"nouns": [" ".join(n) for n in prep.nouns]} if prep.nouns else {})}


def _pattern(pattern: cameo_verbs.Pattern) -> dict[str, Any]:
    out: dict[str, Any] = {"line": pattern.line, **_code(pattern.code)}
    if pattern.subject:
        out["subject"] = [" ".join(p) for p in pattern.subject]
    if pattern.subject_preps:
        out["subject_preps"] = [_prep(p) for p in pattern.subject_preps]
    if pattern.particles:
        out["particles"] = list(pattern.particles)
    if pattern.objects:
        out["objects"] = [" ".join(p) for p in pattern.objects]
    if pattern.preps:
        out["preps"] = [_prep(p) for p in pattern.preps]
    return out


def _verb(verb: cameo_verbs.Verb) -> dict[str, Any]:
    out: dict[str, Any] = {"lemma": verb.lemma}
    if verb.before:
        out["before"] = list(verb.before)
    if verb.after:
        out["after"] = list(verb.after)
    if verb.forms:
        out["forms"] = list(verb.forms)
    if verb.code is not None:
        out.update(_code(verb.code))
    return out


def compile_verbs(dictionary: cameo_verbs.VerbDictionary, provenance: dict[str, str]) -> str:
    """The verb dictionary as JSON text, one block per line."""
    head = json.dumps({"provenance": provenance, "synsets": dictionary.synsets}, ensure_ascii=False)
    blocks = [json.dumps({"name": b.name, **_code(b.code), "verbs": [_verb(v) for v in b.verbs],
                          "patterns": [_pattern(p) for p in b.patterns]}, ensure_ascii=False)
              for b in dictionary.blocks]  # fmt: skip
    transformations = [json.dumps({"upper": t.upper, "lower": t.lower, "roles": list(t.roles), **_code(t.code)})
                       for t in dictionary.transformations]  # fmt: skip
    return (head[:-1] + ',\n"blocks": [\n' + ",\n".join(blocks) + '\n],\n"transformations": [\n'
            + ",\n".join(transformations) + "\n]}\n")  # fmt: skip


def used_codes(dictionary: cameo_verbs.VerbDictionary) -> set[str]:
    codes: set[str] = set()
    for block in dictionary.blocks:
        codes.add(block.code.code)
        codes.update(v.code.code for v in block.verbs if v.code is not None)
        codes.update(p.code.code for p in block.patterns)
    codes.update(t.code.code for t in dictionary.transformations)
    return {c for c in codes if c.isdigit()}


def compile_mapping(table: dict[str, plover_table.Mapping], aliases: dict[str, str], codes: set[str],
                    provenance: dict[str, str]) -> str:  # fmt: skip
    """TSV of every code in ``codes`` or the table: code, PLOVER type ("" for none), mode, context,
    reverse, decided_by."""
    lines = [f"# {key}: {value}" for key, value in provenance.items()]
    lines.append("code\tevent\tmode\tcontext\treverse\tdecided_by")
    for code in sorted(codes | set(table), key=lambda c: (len(c), c)):
        entry = plover_table.resolve(code, table, aliases)
        if entry is None:
            lines.append(f"{code}\t\t\t\t\tno PLOVER type (CAMEO 01 public statements are dropped)")
            continue
        via = "" if entry.code == code else f" (as {entry.code})"
        lines.append("\t".join([code, entry.event, entry.mode, ";".join(entry.context),
                                "1" if entry.reverse else "", entry.decided_by + via]))  # fmt: skip
    return "\n".join(lines) + "\n"


def convert(verbs_path: Path, table_path: Path, out: Path, *, licence: Path | None = None,
            overrides: Path = plover_table.OVERRIDES) -> list[str]:  # fmt: skip
    """Write the compiled files into ``out``; the notes on what the manual changed."""
    licence = licence or verbs_path.with_name("LICENSE")
    if not licence.is_file():
        raise FileNotFoundError(f"{licence}: the CAMEO dictionary's licence notice is needed beside the compiled data")
    dictionary = cameo_verbs.parse(verbs_path.read_text(encoding="utf-8", errors="replace"))
    table = plover_table.parse_table(table_path.read_text(encoding="utf-8"))
    manual = plover_table.load_overrides(overrides)
    mapping, notes = plover_table.apply_manual(table, manual)
    out.mkdir(parents=True, exist_ok=True)
    verbs_provenance = {"source": verbs_path.name, "upstream": CAMEO_UPSTREAM, "sha256": sha256(verbs_path),
                        "converter": CONVERTER, "licence": "MIT, see LICENSE-CAMEO.txt"}  # fmt: skip
    (out / "cameo_verbs.json").write_text(compile_verbs(dictionary, verbs_provenance), encoding="utf-8")
    table_provenance = {"source": table_path.name, "upstream": PLOVER_UPSTREAM, "sha256": sha256(table_path),
                        "converter": CONVERTER, "manual decisions": f"tools/dictionaries/{overrides.name}",
                        "licence": "CC BY-SA 4.0, see LICENSE-CAMEO2PLOVER.txt"}  # fmt: skip
    text = compile_mapping(mapping, {str(k): str(v) for k, v in manual["aliases"].items()}, used_codes(dictionary), table_provenance)
    (out / "cameo_plover.tsv").write_text(text, encoding="utf-8")
    (out / "LICENSE-CAMEO.txt").write_text(
        f"cameo_verbs.json is compiled from {CAMEO_UPSTREAM} by {CONVERTER}.\n"
        f"Its licence:\n\n{licence.read_text(encoding='utf-8')}", encoding="utf-8")  # fmt: skip
    (out / "LICENSE-CAMEO2PLOVER.txt").write_text(
        CC_BY_SA.format(upstream=PLOVER_UPSTREAM, converter=CONVERTER, overrides=f"tools/dictionaries/{overrides.name}"),
        encoding="utf-8")  # fmt: skip
    return notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("verbs", type=Path, help="the CAMEO verb dictionary (CAMEO.2.0.txt)")
    parser.add_argument("table", type=Path, help="the CAMEO→PLOVER table (CAMEO2PLOVER-2021.txt)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the compiled files")
    parser.add_argument("--licence", type=Path, default=None, help="the dictionary's LICENSE (default: beside it)")
    args = parser.parse_args(argv)
    try:
        notes = convert(args.verbs, args.table, args.out, licence=args.licence)
    except (OSError, cameo_verbs.DictionaryError, plover_table.TableError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for note in notes:
        print(note, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
