"""The event coder's word lists (``data/words.yaml``), typed, loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from dateline.core.lexicon import english


@dataclass(frozen=True, slots=True)
class Words:
    quantity_heads: frozenset[str]
    group_heads: frozenset[str]
    head_sectors: dict[str, str]  # head word → sector
    locative: frozenset[str]
    weapon_subjects: frozenset[str]
    statement_nouns: frozenset[str]
    recipient_preps: tuple[str, ...]
    noun_preps: dict[str, tuple[str, ...]]
    qualifier_prefixes: frozenset[str]
    qualifier_suffixes: frozenset[str]
    light_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]
    ending_words: frozenset[str]
    truce_words: frozenset[str]
    ongoing_adjectives: frozenset[str]
    fixed_phrases: frozenset[str]
    non_agents: frozenset[str]
    political_sectors: frozenset[str]
    personal_pronouns: frozenset[str]
    organisation_heads: frozenset[str]
    relation_heads: frozenset[str]
    explosion_verbs: frozenset[str]
    warning_words: frozenset[str]
    threat_nouns: frozenset[str]
    particles: frozenset[str]
    reversing_prefixes: frozenset[str]
    future_auxiliaries: frozenset[str]
    modal_auxiliaries: frozenset[str]
    intent_verbs: frozenset[str]
    future_verbs: frozenset[str]
    demanding_verbs: frozenset[str]
    demanding_modals: frozenset[str]
    obligation_verbs: frozenset[str]
    desire_verbs: frozenset[str]
    accident_events: frozenset[str]
    industrial_sites: frozenset[str]
    order_verbs: frozenset[str]
    decision_verbs: frozenset[str]
    court_words: frozenset[str]
    authority_modes: frozenset[str]
    evidence_nouns: frozenset[str]
    inference_verbs: frozenset[str]
    insisting_verbs: frozenset[str]
    question_verbs: frozenset[str]
    question_words: frozenset[str]
    joining_verbs: frozenset[str]
    purchase_verbs: frozenset[str]
    owning_pronouns: frozenset[str]
    counterpart_heads: frozenset[str]
    sending_verbs: frozenset[str]
    talking_verbs: frozenset[str]
    verbal_modifiers: frozenset[str]
    object_control_verbs: frozenset[str]
    attempt_verbs: frozenset[str]
    refusal_verbs: frozenset[str]
    commitment_adjectives: frozenset[str]
    future_adjectives: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    commitment_verbs: frozenset[str]
    conditional_markers: frozenset[str]
    negative_determiners: frozenset[str]
    negative_words: frozenset[str]
    habitual_adverbs: frozenset[str]
    future_modifiers: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    speech: frozenset[str]  # lemmas of neutral reporting verbs (core lexicon)


@lru_cache(maxsize=1)
def words() -> Words:
    raw = yaml.safe_load((resources.files("dateline.annotate.events") / "data" / "words.yaml").read_text(encoding="utf-8"))

    def wordset(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in raw[key])

    sectors = {str(w): str(sector) for sector, items in raw["head_sectors"].items() for w in items}
    sets = {key: wordset(key) for key, value in raw.items() if isinstance(value, list) and key != "recipient_preps"}
    return Words(
        **sets,
        head_sectors=sectors,
        recipient_preps=tuple(str(w) for w in raw["recipient_preps"]),
        noun_preps={str(k): tuple(str(w) for w in v) for k, v in raw["noun_preps"].items()},
        speech=frozenset(english().speech_verbs),
    )
