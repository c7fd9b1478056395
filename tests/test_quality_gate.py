"""Quality floors: `make test` fails when a bench scores below a floor recorded in bench/floors.toml.

Each bench runs the shared scorers on the development sets in ../shared/eval. Where that folder is
present the gate runs and fails on a shortfall, a missing figure or a bench that errors. Where it is
absent the gate skips, saying so, unless DATELINE_REQUIRE_EVAL=1 (set by .ci/run when the data lies
beside the clone), which turns the absence into a failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

EVAL = ROOT.parent / "shared" / "eval"
FLOORS_FILE = ROOT / "bench" / "floors.toml"
BENCHES: dict[str, dict[str, Any]] = tomllib.loads(FLOORS_FILE.read_text(encoding="utf-8"))


def figure(results: Mapping[str, Any], path: str) -> float:
    """The number at a dotted path (`TimeBank.value_f1`, `actor_prf.2`) of a bench's results."""
    value: Any = results
    for part in path.split("."):
        if isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, Mapping) and part in value:
            value = value[part]
        else:
            raise KeyError(f"no figure {path!r} in the bench's output")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise KeyError(f"{path!r} is {value!r}, not a number")
    return float(value)


def shortfalls(bench: Mapping[str, Any], results: Mapping[str, Any]) -> list[str]:
    """Every floor the results fall below and every ceiling they exceed, or a figure they lack."""
    problems = []
    for kind, passes in (("floors", float.__ge__), ("ceilings", float.__le__)):
        for path, limit in bench.get(kind, {}).items():
            try:
                value = figure(results, path)
            except KeyError as err:
                problems.append(str(err.args[0]))
                continue
            if not passes(value, float(limit)):
                problems.append(f"{path} = {value} (limit {limit}, {kind[:-1]})")
    return problems


def run_bench(bench: Mapping[str, Any], eval_dir: Path) -> dict[str, Any]:
    """Run one bench and merge the JSON objects it prints; any error fails the test."""
    args = [arg.replace("{eval}", str(eval_dir)) for arg in bench["args"]]
    command = [sys.executable, str(ROOT / "bench" / bench["script"]), *args]
    out = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        pytest.fail(f"{' '.join(command)} exited {out.returncode}:\n{out.stderr[-3000:]}")
    results: dict[str, Any] = {}
    for line in out.stdout.splitlines():
        if line.startswith("{"):
            results.update(json.loads(line))
    if not results:
        pytest.fail(f"{' '.join(command)} printed no JSON figures:\n{out.stdout[-3000:]}")
    return results


@pytest.mark.parametrize("name", sorted(BENCHES))
def test_quality_floor(name: str) -> None:
    if not EVAL.is_dir():
        if os.environ.get("DATELINE_REQUIRE_EVAL") == "1":
            pytest.fail(f"DATELINE_REQUIRE_EVAL=1 but the evaluation data is not at {EVAL}")
        pytest.skip(f"evaluation data not at {EVAL}: the quality floors were not checked")
    bench = BENCHES[name]
    problems = shortfalls(bench, run_bench(bench, EVAL))
    where = f"{name} ({bench['script']}) against {FLOORS_FILE.name}"
    assert not problems, f"{where}: " + "; ".join(problems)


# The gate's own checks, on invented figures: they need no evaluation data.


def test_floors_file_names_real_benches() -> None:
    assert set(BENCHES) == {"time", "actor_codes", "quotes", "events"}
    for name, bench in BENCHES.items():
        assert (ROOT / "bench" / bench["script"]).is_file(), name
        assert bench["floors"] and all(0 < limit <= 1 for limit in bench["floors"].values()), name


def test_shortfalls_reports_each_floor_missed_and_each_missing_figure() -> None:
    bench = {"floors": {"A.f1": 0.8, "prf.2": 0.5, "gone": 0.1}, "ceilings": {"failures": 0}}
    passing = {"A": {"f1": 0.8}, "prf": [0.9, 0.9, 0.5], "gone": 1, "failures": 0}
    assert shortfalls(bench, passing) == []
    failing = {"A": {"f1": 0.79}, "prf": [0.9, 0.9], "failures": 2}
    assert shortfalls(bench, failing) == [
        "A.f1 = 0.79 (limit 0.8, floor)",
        "no figure 'prf.2' in the bench's output",
        "no figure 'gone' in the bench's output",
        "failures = 2.0 (limit 0, ceiling)",
    ]


def test_a_bench_that_errors_fails_the_gate(tmp_path: Path) -> None:
    missing = tmp_path / "no-eval-here"
    with pytest.raises(pytest.fail.Exception, match="exited 1"):
        run_bench({"script": "events_eval.py", "args": ["--eval", "{eval}"]}, missing)


def test_missing_eval_data_fails_when_required(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys.modules[__name__], "EVAL", tmp_path / "absent")
    monkeypatch.setenv("DATELINE_REQUIRE_EVAL", "1")
    with pytest.raises(pytest.fail.Exception, match="DATELINE_REQUIRE_EVAL=1"):
        test_quality_floor("events")
    monkeypatch.delenv("DATELINE_REQUIRE_EVAL")
    with pytest.raises(pytest.skip.Exception, match="not checked"):
        test_quality_floor("events")
