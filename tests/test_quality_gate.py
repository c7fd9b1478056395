"""Quality floors: CI fails when a stage scores below the figure recorded in docs/QUALITY.md.

They run the shared scorers on the development sets in ../shared/eval (skipped where that folder
is absent). Raise a floor when a change improves the figure; never lower one to make a change pass.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT

EVAL = ROOT.parent / "shared" / "eval"
FLOORS = {"time_value_f1": {"TimeBank": 0.85, "AQUAINT": 0.79}, "actor_code": 0.92, "actor_code_sector": 0.80,
          "quotes_content_f1": 0.79, "quotes_source": 0.87, "quotes_direct_recall": 0.95, "quotes_exact_f1": 0.51,
          "events_top1": 0.87, "events_actor_f1": 0.87, "events_recipient_f1": 0.82}

needs_eval = pytest.mark.skipif(not (EVAL / "scorers").is_dir(), reason="../shared/eval not present")


ARGS = {"time_eval.py": ["--eval", str(EVAL)], "quotes_eval.py": ["--eval", str(EVAL)], "events_eval.py": ["--eval", str(EVAL)],
        "actor_codes.py": ["--gold", str(EVAL / "plover" / "gsr-dev.jsonl")]}


def _run(script: str) -> list[dict]:  # type: ignore[type-arg]
    command = [sys.executable, str(ROOT / "bench" / script), *ARGS[script]]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


@needs_eval
def test_time_value_f1_floor() -> None:
    results = {k: v for r in _run("time_eval.py") for k, v in r.items() if isinstance(v, dict)}
    for name, floor in FLOORS["time_value_f1"].items():
        assert results[name]["value_f1"] >= floor, (name, results[name]["value_f1"])


@needs_eval
def test_actor_coding_floor() -> None:
    (result,) = _run("actor_codes.py")
    assert result["code_accuracy"] >= FLOORS["actor_code"]
    assert result["code_sector_accuracy"] >= FLOORS["actor_code_sector"]


@needs_eval
def test_quote_attribution_floor() -> None:
    (result,) = _run("quotes_eval.py")
    assert result["failures"] == 0
    assert result["content_overlap_prf"][2] >= FLOORS["quotes_content_f1"]
    assert result["source_accuracy_on_matched"] >= FLOORS["quotes_source"]
    assert result["direct_recall"] >= FLOORS["quotes_direct_recall"]
    assert result["content_exact_prf"][2] >= FLOORS["quotes_exact_f1"]


@needs_eval
def test_event_coding_floor() -> None:
    (result,) = _run("events_eval.py")
    assert result["top1_type_accuracy"] >= FLOORS["events_top1"]
    assert result["actor_prf"][2] >= FLOORS["events_actor_f1"]
    assert result["recipient_prf"][2] >= FLOORS["events_recipient_f1"]
