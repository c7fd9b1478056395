"""The ``actors`` stage: actor mentions with PLOVER codes, and geocoded places."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.annotate.actors import find_actor_mentions
from dateline.annotate.actors.role_dates import role_years
from dateline.annotate.stage import StageInput, stage
from dateline.core.knowledge import load
from dateline.core.knowledge.names import in_feature_name
from dateline.core.knowledge.places import geocode
from dateline.core.records import Row, SpanRow
from dateline.core.settings import Settings


@stage("actors", version="18", requires=("nlp",), produces=("actor_mention", "place", "role_date"), needs_spacy=True,
       depends_on_date=True)
def actors_stage(batch: Sequence[StageInput], settings: Settings) -> list[Row]:
    """Actor mentions (country code, sector, office) and places with coordinates."""
    kb = load(settings.actor_files)
    rows: list[Row] = []
    for item in batch:
        doc = item.spacy_doc
        if doc is None:
            continue
        mentions = find_actor_mentions(doc, knowledge=kb, day=item.published, doc_key=str(item.doc_id))
        for m in mentions:
            mention_attrs: dict[str, object] = {"name": m.name, "kind": m.kind, "code": m.code, "sector": m.sector, "office": m.office, "via": m.via}
            rows.append(SpanRow(item.doc_id, "actors", "actor_mention", m.start, m.end, m.kind, m.actor_id, mention_attrs))
        for r in role_years(mentions, kb):
            role_attrs: dict[str, object] = {"name": r.name, "code": r.code, "sector": r.sector, "source": r.source,
                                             "first": r.first.isoformat() if r.first else None,
                                             "last": r.last.isoformat() if r.last else None}  # fmt: skip
            rows.append(SpanRow(item.doc_id, "actors", "role_date", r.start, r.end, "ROLE", r.actor_id, role_attrs))
        text = doc.text  # joined once: spaCy builds it on each access
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC") and not in_feature_name(text, ent.start_char):
                place = geocode(ent.text)
                if place is not None:
                    attrs: dict[str, object] = {"country": place.country, "lat": place.latitude, "lon": place.longitude, "geonameid": place.geonameid}
                    rows.append(SpanRow(item.doc_id, "actors", "place", ent.start_char, ent.end_char, "PLACE", place.name, attrs))
    return rows
