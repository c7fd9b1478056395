"""The one registry mechanism: stages, engines, resolvers and time normalisers register with a decorator.

A :class:`Registry` maps names to things of one kind. The module that defines the kind owns the
registry and its decorator; the modules that define members import only that module, and a
package's ``__init__`` imports its members so that importing the package fills the registry. No
string key has to match a key written in another file: the name is given once, at the decorator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from dateline.core.errors import ConfigError

T = TypeVar("T")


class Registry(Generic[T]):
    """Named members of one kind, in registration order."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._members: dict[str, T] = {}

    def add(self, name: str, member: T) -> T:
        """Register ``member`` as ``name``; registering a different member under a taken name is an error."""
        if name in self._members and self._members[name] is not member:
            raise ConfigError(f"{self.kind} {name!r} is registered twice")
        self._members[name] = member
        return member

    def decorator(self, name: str) -> Callable[[T], T]:
        """``@registry.decorator("name")`` registers what it decorates, unchanged."""

        def register(member: T) -> T:
            return self.add(name, member)

        return register

    def __getitem__(self, name: str) -> T:
        try:
            return self._members[name]
        except KeyError:
            raise ConfigError(f"unknown {self.kind} {name!r}; known: {', '.join(self.names())}") from None

    def __contains__(self, name: object) -> bool:
        return name in self._members

    def __iter__(self) -> Iterator[str]:
        return iter(self._members)

    def __len__(self) -> int:
        return len(self._members)

    def names(self) -> list[str]:
        return list(self._members)

    def items(self) -> list[tuple[str, T]]:
        return list(self._members.items())

    def as_dict(self) -> dict[str, T]:
        return dict(self._members)
