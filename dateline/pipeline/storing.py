"""Storing prepared articles: new, changed or unchanged, exact and near duplicates, and which stages
each stored document still needs."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from functools import partial

from dateline.annotate.stages import STAGES
from dateline.core.records import Task
from dateline.core.views import IngestReport
from dateline.ingest.dedup import NearDuplicateIndex, minhash, to_blob
from dateline.ingest.prepare import Prepared, date_columns
from dateline.pipeline.annotating import one_document
from dateline.store import writer
from dateline.store.state import mark_changed


class ArticleStore:
    """What the ingest of one call knows about the store: keys, hashes, the LSH index."""

    def __init__(self, conn: sqlite3.Connection, threshold: float) -> None:
        self.conn = conn
        self.threshold = threshold
        self._index: NearDuplicateIndex | None = None

    @property
    def index(self) -> NearDuplicateIndex:
        # Built on the first new article: re-ingesting an unchanged corpus never pays for it.
        if self._index is None:
            self._index = NearDuplicateIndex(self.conn, self.threshold)
        return self._index

    def store_batch(self, batch: list[Prepared], selected: list[str], report: IngestReport) -> list[Task]:
        """Store ``batch`` in one transaction; the tasks of the documents that need annotating."""
        conn = self.conn
        out: list[Task] = []
        conn.execute("BEGIN IMMEDIATE")
        try:
            for prep in batch:
                report.warnings.extend(prep.warnings)
                task = one_document(conn, report, prep.source, partial(self.store, prep, selected, report))
                if task is not None:
                    out.append(task)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return out

    def store(self, prep: Prepared, selected: list[str], report: IngestReport) -> Task | None:
        conn = self.conn
        values = dict(prep.values)
        values["ingested_at"] = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        existing = conn.execute(
            "SELECT id, content_hash, published, date_source, duplicate_kind FROM documents WHERE doc_key = ?",
            (values["doc_key"],),
        ).fetchone()
        report.words += int(values["n_words"])
        if existing is not None:
            doc_id = int(existing["id"])
            report.doc_ids.append(doc_id)
            if existing["content_hash"] == values["content_hash"]:
                report.unchanged += 1
                if prep.decision.source == "user" or (
                    existing["date_source"] != "user" and prep.decision.source != existing["date_source"]
                ):
                    writer.update_document(conn, doc_id, date_columns(prep.decision))
                    mark_changed(conn)
                published = conn.execute("SELECT published FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
                if existing["duplicate_kind"] == "exact":
                    return None
                stale = stale_stages(conn, doc_id, published, selected)
                return Task(doc_id, values["text"], published, prep.decision.source, int(values["body_start"]), stale) if stale else None
            # Same input, new content: replace it and everything derived from it.
            report.updated += 1
            signature = minhash(values["text"])
            values["minhash"] = to_blob(signature)
            self.index.replace(doc_id, signature, indexed=existing["duplicate_kind"] != "exact")
            if existing["date_source"] == "user" and prep.decision.source != "user":
                for column in ("published", "date_source", "date_confidence", "date_candidates", "date_evidence"):
                    values.pop(column)
            writer.update_document(conn, doc_id, values)
            mark_changed(conn)
            conn.execute("DELETE FROM spans WHERE doc_id = ?", (doc_id,))
            conn.execute("DELETE FROM stage_runs WHERE doc_id = ?", (doc_id,))
            published = conn.execute("SELECT published FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
            return Task(doc_id, values["text"], published, prep.decision.source, int(values["body_start"]), tuple(selected))
        original = conn.execute(
            "SELECT id FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1", (values["content_hash"],)
        ).fetchone()
        # Signatures are computed only here, for new documents: unchanged re-ingests skip the cost.
        signature = minhash(values["text"])
        values["minhash"] = to_blob(signature)
        if original is not None:
            values.update(duplicate_of=original[0], duplicate_kind="exact", similarity=1.0)
        else:
            near = self.index.query(signature)
            if near is not None:
                values.update(duplicate_of=near.doc_id, duplicate_kind="near", similarity=round(near.similarity, 3))
        doc_id = writer.insert_document(conn, values)
        mark_changed(conn)
        report.new += 1
        report.doc_ids.append(doc_id)
        if values.get("duplicate_kind") == "exact":
            report.exact_duplicates.append((prep.source, int(values["duplicate_of"])))
            return None
        if values.get("duplicate_kind") == "near":
            report.near_duplicates.append((prep.source, int(values["duplicate_of"]), float(values["similarity"])))
        self.index.add(doc_id, signature)
        return Task(doc_id, values["text"], values["published"], values["date_source"], int(values["body_start"]), tuple(selected))


def stale_stages(conn: sqlite3.Connection, doc_id: int, published: str | None, selected: Sequence[str]) -> tuple[str, ...]:
    """The stages of ``selected`` (in dependency order) that must run again on the document."""
    done = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT stage, version, published FROM stage_runs WHERE doc_id = ?", (doc_id,))}
    # A stage reads what the stages it requires produced (a new parse moves sentences, subjects and
    # so every quote and event): it is stale when any of them is.
    stale: set[str] = set()
    for name in selected:
        stage = STAGES[name]
        ran = done.get(name)
        if (ran is None or ran[0] != stage.version or (stage.depends_on_date and ran[1] != published)
                or any(dep in stale for dep in stage.requires)):  # fmt: skip
            stale.add(name)
    return tuple(name for name in selected if name in stale)
