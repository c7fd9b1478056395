"""``dateline extract time``: the tagger over files, without a database."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from dateline.annotate.time.scanner import find_timexes
from dateline.annotate.time.timeml import new_timeml, parse_timeml, to_timeml
from dateline.core.dates import parse_date
from dateline.core.errors import DateError, InputError


def _records(path: Path, dct: dt.date | None) -> Iterator[tuple[str, str, dt.date | None, str | None] | InputError]:
    """(id, text, dct, raw TimeML or None) for every document in ``path``."""
    name = str(path)
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror}")
        return
    if path.suffix in (".tml", ".xml") or path.name.endswith(".TE3input") or "<TimeML" in raw[:500]:
        try:
            doc = parse_timeml(name, raw)
        except InputError as exc:
            yield exc
            return
        yield path.name, doc.text, dct or doc.dct, raw
    elif path.suffix in (".jsonl", ".ndjson"):
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec.get("text") or rec.get("content") or rec.get("body") or ""
                when = rec.get("dct") or rec.get("date") or rec.get("published") or rec.get("time")
                rec_dct = dct or (parse_date(str(when)) if when else None)
            except (json.JSONDecodeError, AttributeError, DateError) as exc:
                yield InputError(f"{name}:{number}", f"bad record: {exc}")
                continue
            yield str(rec.get("id", f"{path.stem}:{number}")), text, rec_dct, None
    else:
        yield path.stem, raw, dct, None


def run_extract_time(
    paths: Sequence[str], *, dct: dt.date | None, fmt: str, out_dir: Path | None, stdout: TextIO | None = None
) -> list[InputError]:
    """Tag every input; JSONL spans to ``stdout``, or one TimeML file per input into ``out_dir``."""
    out = stdout or sys.stdout
    errors: list[InputError] = []
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for raw_path in paths:
        path = Path(raw_path)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            for item in _records(file, dct):
                if isinstance(item, InputError):
                    errors.append(item)
                    continue
                doc_id, text, doc_dct, raw = item
                timexes = find_timexes(text, doc_dct)
                if fmt == "timeml":
                    xml = to_timeml(parse_timeml(str(file), raw), timexes) if raw else new_timeml(doc_id, text, doc_dct, timexes)
                    if out_dir is None:
                        out.write(xml)
                    else:
                        name = file.name if raw else f"{doc_id}.tml"
                        (out_dir / name).write_text(xml, encoding="utf-8")
                else:
                    record = {
                        "id": doc_id,
                        "dct": doc_dct.isoformat() if doc_dct else None,
                        "timexes": [t.as_dict() for t in timexes],
                    }
                    line = json.dumps(record, ensure_ascii=False) + "\n"
                    if out_dir is None:
                        out.write(line)
                    else:
                        with (out_dir / "timexes.jsonl").open("a", encoding="utf-8") as handle:
                            handle.write(line)
    return errors
