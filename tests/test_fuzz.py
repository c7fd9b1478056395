"""The fuzz suite's short budget: mutated example articles through the readers, preparation, every
stage and the store (``tests/fuzzing.py``). No input may crash, hang, or cost more than 2 s of CPU
per 1,000 words. ``bench/fuzz.py --inputs 100000`` is the long run; any input named here can be
run again with ``bench/fuzz.py --small --replay INDEX``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .fuzzing import FORMATS, MUTATORS, Harness, make_input, run_many, seed_texts

pytestmark = pytest.mark.slow
BUDGET = 2000  # inputs; two worker processes


@pytest.mark.timeout(1800)  # 1-2 minutes on two idle cores; a busy machine stretches the wall clock
def test_a_budget_of_mutated_articles() -> None:
    rows = run_many(range(BUDGET), seed=0, jobs=2, small=True)
    assert len(rows) == BUDGET
    bad = [r for r in rows if r["kind"] in ("crash", "hang") or r["over_budget"]]
    assert not bad, "\n\n".join(f"{r['describe']}: {r['kind']}, {r['cpu']} s CPU for {r['words']} words "
                                f"(bench/fuzz.py --small --replay {r['index']})\n" + "\n".join(r["problems"]) for r in bad[:5])  # fmt: skip
    assert sum(r["kind"] == "ok" for r in rows) > BUDGET // 2  # most inputs reach every stage


@pytest.fixture(scope="module")
def harness() -> Iterator[Harness]:
    h = Harness()
    h.warm_up()
    yield h
    h.close()


# Hypothesis picks the mutations (and shrinks a failing input to the fewest that still fail).
NAMES = sorted(MUTATORS)


@pytest.mark.timeout(900)
@settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4), st.integers(0, 2**32), st.sampled_from(FORMATS))
def test_mutations_chosen_by_hypothesis(harness: Harness, names: list[str], index: int, fmt: str) -> None:
    item = make_input(index, 1, seed_texts(), names=tuple(names), fmt=fmt, small=True)
    outcome = harness.run(item)
    assert outcome.kind in ("ok", "refused"), item.describe() + "\n" + "\n".join(outcome.problems)
    assert not outcome.over_budget, f"{item.describe()}: {outcome.cpu:.1f} s CPU for {outcome.words} words"
