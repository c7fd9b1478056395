"""The lock file that `make install` installs from is in step with pyproject.toml.

`pip install --no-deps -e .` adds nothing, so a dependency added to pyproject but not locked would be
missing from every fresh install; `make lock` refreshes the lock.
"""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import ROOT

LOCK = ROOT / "requirements" / "lock.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def locked() -> dict[str, str]:
    """Package name → pinned version, for every pin in the lock."""
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            pins[canonicalize_name(match[1])] = match[2]
    return pins


def wanted() -> list[Requirement]:
    """Everything `make install` asks for: the dependencies, the extras it installs, the build tools."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    extras = re.search(r"^EXTRAS := (.+)$", makefile, re.MULTILINE)
    assert extras, "the Makefile names no EXTRAS"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    for extra in extras[1].split():
        lines += project["optional-dependencies"][extra]
    build = (ROOT / "requirements" / "build.in").read_text(encoding="utf-8").splitlines()
    lines += [line for line in build if line.strip() and not line.startswith("#")]
    return [Requirement(line) for line in lines]


def test_every_requirement_is_pinned_within_its_range() -> None:
    pins = locked()
    for requirement in wanted():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is not in {LOCK.name}: run `make lock`"
        assert requirement.specifier.contains(pins[name], prereleases=True), (str(requirement), pins[name])


def test_every_pin_has_a_hash_and_none_pulls_torch() -> None:
    body = [line for line in LOCK.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    entries = re.split(r"\n(?=[A-Za-z0-9])", "\n".join(body).strip())
    assert len(entries) == len(locked()) > 100
    for entry in entries:
        assert "--hash=sha256:" in entry, entry.splitlines()[0]
    assert not {name for name in locked() if name == "torch" or name.startswith("nvidia-")}
