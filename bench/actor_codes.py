#!/usr/bin/env python3
"""Actor coding quality on PLOVER gold: the code and sector dateline gives each gold actor and
recipient text, read in its sentence.

    python bench/actor_codes.py [--gold ../shared/eval/plover/gsr-dev.jsonl] [--half 1|2|all]

For every gold actor/recipient with an entity text: parse the sentence, take dateline's actor
mention overlapping that text (else code the bare text with `actor_for_text`), and compare. Gold
sectors carry suffixes (CVLkur, REFtam); their first three letters are the PLOVER sector compared.
Prints JSON: n, code_accuracy, code_sector_accuracy, and counts of what went wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline.annotate.actors import actor_for_text, find_actor_mentions  # noqa: E402
from dateline.annotate.model import load_model  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from halves import keep  # noqa: E402


def locate(sentence: str, entity: str) -> tuple[int, int] | None:
    words = entity.split()
    # Gold texts can be non-contiguous ("US forces" in "US and British forces"): the head noun is tried last.
    for piece in (entity, entity.split("...")[0].strip(), words[0] if words else "", words[-1] if words else ""):
        if piece:
            at = sentence.find(piece)
            if at >= 0:
                return at, at + len(piece)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", default=str(ROOT.parent / "shared" / "eval" / "plover" / "gsr-dev.jsonl"))
    parser.add_argument("--errors", action="store_true", help="print every miss to stderr")
    parser.add_argument("--half", choices=("1", "2", "all"), default="all", help="one fixed half of the set by id (bench/halves.py)")
    args = parser.parse_args()
    nlp = load_model()
    n = code_ok = both_ok = 0
    misses: Counter[str] = Counter()
    for line in Path(args.gold).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if not keep(record["id"], args.half):
            continue
        sentence = record["text"]
        mentions = find_actor_mentions(nlp(sentence))
        for role in ("actor", "recipient"):
            for gold in record.get(role) or []:
                entity = gold.get("entity_text") or ""
                if not entity or not gold.get("code"):
                    continue
                n += 1
                span = locate(sentence, entity)
                best = None
                if span is not None:
                    overlapping = [m for m in mentions if m.start < span[1] and span[0] < m.end]
                    if overlapping:
                        best = max(overlapping, key=lambda m: (min(m.end, span[1]) - max(m.start, span[0]), m.end - m.start))
                code, sector = (best.code, best.sector) if best else ("", "")
                if best is None or not best.code or not best.sector:
                    # The phrase's own words ("Afghan guerillas", "U.S. soldier") give what the mention lacks.
                    bare = actor_for_text(entity)
                    if bare is not None:
                        code, sector = code or bare.code, sector or bare.sector
                gold_sector = (gold.get("sector") or "")[:3]
                if code == gold["code"]:
                    code_ok += 1
                    if sector == gold_sector:
                        both_ok += 1
                    else:
                        misses["sector"] += 1
                else:
                    misses["code"] += 1
                if args.errors and (code != gold["code"] or sector != gold_sector):
                    print(f"{entity!r}: gold {gold['code']}/{gold_sector} got {code}/{sector}", file=sys.stderr)
    print(json.dumps({"n": n, "code_accuracy": round(code_ok / n, 4), "code_sector_accuracy": round(both_ok / n, 4),
                      "misses": dict(misses)}))  # fmt: skip


if __name__ == "__main__":
    main()
