"""Parquet shards of annotation results: what a distributed run writes before the merge.

A worker turns each batch of :class:`~dateline.core.records.Result` into one Parquet file
(**pyarrow**); the driver reads the shards back in batch order and merges them into SQLite through
the same code as a local run, so the database is the same whichever engine produced it. A shard
holds one ``meta`` row per document (publication date, stage versions, errors) and one row per
annotation: spans with their offsets, table rows (quotes, events, facts) as JSON values.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dateline.core.errors import StoreError
from dateline.core.records import Result, SpanRow, TableRow

COLUMNS = ("doc_id", "row", "stage", "kind", "table", "start", "end", "label", "value", "payload")


def results_to_columns(results: list[Result]) -> dict[str, list[Any]]:
    columns: dict[str, list[Any]] = {c: [] for c in COLUMNS}

    def add(**values: Any) -> None:
        for c in COLUMNS:
            columns[c].append(values.get(c))

    for result in results:
        # Stage order is the order rows are written in (and so their ids): keep it, never sort it.
        meta = {"published": result.published, "versions": list(result.versions.items()), "errors": result.errors}
        add(doc_id=result.doc_id, row="meta", payload=json.dumps(meta))
        for stage, rows in result.rows.items():
            for r in rows:
                if isinstance(r, SpanRow):
                    add(doc_id=r.doc_id, row="span", stage=r.stage, kind=r.kind, start=r.start, end=r.end, label=r.label,
                        value=r.value, payload=r.attrs_json())  # fmt: skip
                else:
                    add(doc_id=r.doc_id, row="table", stage=stage, table=r.table,
                        payload=json.dumps(r.values, sort_keys=True, ensure_ascii=False))  # fmt: skip
    return columns


def columns_to_results(columns: dict[str, list[Any]]) -> list[Result]:
    results: list[Result] = []
    current: Result | None = None
    for i in range(len(columns["doc_id"])):
        row = {c: columns[c][i] for c in COLUMNS}
        if row["row"] == "meta":
            meta = json.loads(row["payload"])
            current = Result(int(row["doc_id"]), {}, {k: v for k, v in meta["versions"]}, meta["published"], list(meta["errors"]))
            current.rows = {stage: [] for stage in current.versions}
            results.append(current)
            continue
        if current is None:
            raise StoreError("shard rows before their document's meta row")
        if row["row"] == "span":
            current.rows.setdefault(row["stage"], []).append(SpanRow(
                int(row["doc_id"]), row["stage"], row["kind"], int(row["start"]), int(row["end"]), row["label"] or "",
                row["value"], json.loads(row["payload"] or "{}"),
            ))  # fmt: skip
        else:
            current.rows.setdefault(row["stage"], []).append(TableRow(row["table"], int(row["doc_id"]), json.loads(row["payload"])))
    return results


def write_shard(results: list[Result], path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"doc_id": pa.int64(), "start": pa.int64(), "end": pa.int64()}
    columns = results_to_columns(results)
    table = pa.table({c: pa.array(columns[c], type=types.get(c, pa.string())) for c in COLUMNS})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    pq.write_table(table, tmp)
    tmp.replace(path)  # a shard is either complete or absent
    return path


def read_shard(path: Path) -> list[Result]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises several unrelated types for a bad file
        raise StoreError(f"{path}: cannot read shard: {exc}") from exc
    return columns_to_results(table.to_pydict())


class ShardFolder:
    """Where a run's shards live: a given folder (kept) or a temporary one (removed as read)."""

    def __init__(self, folder: Path, keep: bool) -> None:
        self.folder = folder
        self.keep = keep

    def path(self, n: int) -> str:
        return str(self.folder / f"shard-{n:010d}.parquet")

    def take(self, path: str | Path) -> list[Result]:
        results = read_shard(Path(path))
        if not self.keep:
            Path(path).unlink(missing_ok=True)
        return results


@contextmanager
def shard_folder(shard_dir: str | None, *, keep: bool = False) -> Iterator[ShardFolder]:
    """Shards in ``shard_dir`` (kept), else in a temporary folder removed with what is left in it."""
    folder = Path(shard_dir) if shard_dir else Path(tempfile.mkdtemp(prefix="dateline-shards-"))
    try:
        yield ShardFolder(folder, keep or bool(shard_dir))
    finally:
        if not (keep or shard_dir):
            shutil.rmtree(folder, ignore_errors=True)
