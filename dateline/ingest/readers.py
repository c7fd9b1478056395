"""Reading inputs into raw records: text, HTML, JSON, JSONL, directories, globs and stdin.

Every problem with one input is yielded as an :class:`~dateline.core.errors.InputError` naming the file
(and line) instead of raised, so one broken article never stops a batch.
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from dateline.core.errors import InputError, UnsupportedInputError

TEXT_EXTENSIONS = {".txt", ".text", ".md"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
JSON_EXTENSIONS = {".json"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_EXTENSIONS | HTML_EXTENSIONS | JSON_EXTENSIONS | JSONL_EXTENSIONS
TEXT_FIELDS = ("text", "content", "body")
DATE_FIELDS = ("published", "date", "time", "published_at", "datePublished")
OUTLET_FIELDS = ("source", "outlet", "publisher", "site")
DEFAULT_MAX_BYTES = 20_000_000  # one "article" larger than this is a mistake, not news
# Python's JSON parser recurses once per level and gives up near a thousand; no article is that deep.
TOO_DEEP = "malformed JSON (nested too deeply to be an article)"


@dataclass(slots=True)
class RawRecord:
    source: str  # what to call it in messages: "path" or "path:LINE"
    path: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    record_id: str | None = None
    is_html: bool = False
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file found while walking a folder that is not an article format: noted, not a failure."""

    source: str
    reason: str


Item = RawRecord | InputError | Skipped


def expand(paths: Sequence[str]) -> Iterator[tuple[str, Path | None, bool] | InputError]:
    """Input paths in a stable order: ``-`` → stdin, directories (recursive, sorted), globs."""
    for raw in paths:
        if raw == "-":
            yield raw, None, False
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():
            yield raw, path, False
        elif any(ch in raw for ch in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield InputError(raw, "no file matches this pattern")
            for match in matches:
                if not Path(match).is_dir():
                    yield match, Path(match), True
        else:
            yield InputError(raw, "no such file or directory")


def _walk(folder: Path) -> Iterator[tuple[str, Path, bool] | InputError]:
    """The files under ``folder`` (sorted, hidden ones left out), and an error for each folder that
    cannot be listed: ``Path.rglob`` skips those in silence, and their articles would go missing."""
    found: list[tuple[Path, InputError | None]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        found.append((where, InputError(printable(str(where)), f"cannot read folder: {exc.strerror or exc}")))

    for top, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # hidden folders (.git) hold no articles
        found.extend((Path(top, name), None) for name in files if not name.startswith("."))
    for child, error in sorted(found, key=lambda item: item[0]):
        yield error if error is not None else (str(child), child, True)


# Lone UTF-16 surrogates: a JSON "\ud800" escape decodes to one, and a file name that is not UTF-8
# becomes some (Python's surrogateescape); neither can be written as UTF-8, so neither may be stored.
_SURROGATES = re.compile("[\ud800-\udfff]")


def printable(name: str) -> str:
    """``name`` as it can be shown and stored: the bytes of a file name that is not valid UTF-8 as
    ``\\xff`` escapes."""
    if not _SURROGATES.search(name):
        return name
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def without_surrogates(where: str, value: str, warnings: list[str]) -> str:
    """``value`` with each lone surrogate replaced by U+FFFD (one character for one, so offsets hold)."""
    cleaned, count = _SURROGATES.subn("\ufffd", value)
    if count:
        warnings.append(f"{where}: {count} lone surrogate(s) (not Unicode text) replaced with U+FFFD")
    return cleaned


def read_inputs(
    paths: Sequence[str], *, stdin: TextIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item]:
    """Raw records from every input, or an ``InputError`` for each one that cannot be read."""
    for entry in expand(paths):
        if isinstance(entry, InputError):
            yield entry
            continue
        raw_name, path, found = entry
        if path is None:
            yield from _read_stdin(stdin or sys.stdin)
            continue
        name = printable(raw_name)
        if found and path.suffix.lower() not in SUPPORTED:
            yield Skipped(name, f"skipped: extension {path.suffix or '(none)'!r} is not an article format")
            continue
        try:
            for item in _read_file(name, path, max_bytes=max_bytes):
                if name != raw_name and isinstance(item, RawRecord):
                    item.warnings.append(f"{name}: the file name is not valid UTF-8 (its other bytes are shown as \\x escapes)")
                yield item
        except InputError as exc:
            yield exc
        except Exception as exc:  # a bug on one input must not cost the batch: it is named instead
            yield InputError(name, f"cannot read: {type(exc).__name__}: {exc}")


def _read_file(name: str, path: Path, *, max_bytes: int) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        known = ", ".join(sorted(SUPPORTED))
        raise UnsupportedInputError(name, f"unsupported extension {suffix or '(none)'!r}; dateline reads {known}")
    if suffix in JSONL_EXTENSIONS:
        # A JSONL archive may hold millions of articles: stream it, and apply the limit per record.
        yield from _stream_jsonl(name, path, max_bytes=max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                name, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one article "
                "(split it into articles, or raise --max-bytes)",
            )  # fmt: skip
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
    text, warnings = decode(name, data)
    if suffix in JSONL_EXTENSIONS:
        yield from _records_from_jsonl(name, text, warnings)
    elif suffix in JSON_EXTENSIONS:
        yield from _records_from_json(name, text, warnings)
    else:
        yield RawRecord(name, name, text, is_html=suffix in HTML_EXTENSIONS, warnings=warnings)


def decode(name: str, data: bytes) -> tuple[str, list[str]]:
    """UTF-8 text from ``data``; binary data is refused, invalid bytes replaced with a warning."""
    if not data.strip():
        raise InputError(name, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return text, [f"{name}: invalid UTF-8 at byte {exc.start} ({bad} bytes replaced with U+FFFD)"]


def _read_stdin(stream: TextIO) -> Iterator[Item]:
    warnings: list[str] = []
    # A terminal's stdin decodes bytes that are not UTF-8 as surrogates (surrogateescape).
    text = without_surrogates("<stdin>", stream.read(), warnings)
    if not text.strip():
        yield InputError("<stdin>", "empty input")
        return
    head = text.lstrip()[:1]
    if head == "{":
        yield from _records_from_jsonl("<stdin>", text, warnings)
    elif head == "[":
        yield from _records_from_json("<stdin>", text, warnings)
    elif head == "<":
        yield RawRecord("<stdin>", "-", text, is_html=True, warnings=warnings)
    else:
        yield RawRecord("<stdin>", "-", text, warnings=warnings)


def _records_from_jsonl(name: str, text: str, warnings: list[str]) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        yield _jsonl_item(f"{name}:{number}", name, line, warnings)


def _jsonl_item(where: str, name: str, line: str, warnings: list[str]) -> Item:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return InputError(where, TOO_DEEP)
    return _record(where, name, obj, warnings)


def _stream_jsonl(name: str, path: Path, *, max_bytes: int) -> Iterator[Item]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
    with fh:
        head = fh.read(8192)
        if not head.strip():
            raise InputError(name, "empty file")
        if b"\x00" in head:
            raise InputError(name, "binary file (contains NUL bytes), not text")
        fh.seek(0)
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            where = f"{name}:{number}"
            if len(raw) > max_bytes:
                yield InputError(where, f"record is {len(raw) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one article")
                continue
            try:
                line, warnings = decode(where, raw)
            except InputError as exc:  # a NUL inside one record: that record fails, not the file
                yield exc
                continue
            yield _jsonl_item(where, name, line, warnings)


def _records_from_json(name: str, text: str, warnings: list[str]) -> Iterator[Item]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(name, f"malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    except RecursionError:
        yield InputError(name, TOO_DEEP)
        return
    items = obj if isinstance(obj, list) else [obj]
    for index, item in enumerate(items):
        yield _record(f"{name}[{index}]" if isinstance(obj, list) else name, name, item, warnings)


def _first(obj: dict[str, Any], keys: Sequence[str], where: str, warnings: list[str]) -> str | None:
    for key in keys:
        value = obj.get(key)
        if value not in (None, ""):
            return without_surrogates(f"{where}: {key}", str(value), warnings)
    return None


def _record(where: str, path: str, obj: Any, warnings: list[str]) -> Item:
    try:
        return _fields(where, path, obj, warnings)
    except RecursionError:  # a field nested just under the parser's limit, turned into text
        return InputError(where, TOO_DEEP)


def _fields(where: str, path: str, obj: Any, warnings: list[str]) -> Item:
    if not isinstance(obj, dict):
        return InputError(where, f"expected a JSON object, got {type(obj).__name__}")
    mine = list(warnings)
    text = _first(obj, TEXT_FIELDS, where, mine)
    if text is None or not text.strip():
        return InputError(where, f"record has no text (looked for {', '.join(TEXT_FIELDS)})")
    record_id = _first(obj, ("id", "doc_id", "uuid"), where, mine)
    html = text.lstrip().startswith("<") and "</" in text
    return RawRecord(
        source=where,
        path=where,
        text=text,
        title=_first(obj, ("title", "headline"), where, mine),
        url=_first(obj, ("url", "link"), where, mine),
        published=_first(obj, DATE_FIELDS, where, mine),
        outlet=_first(obj, OUTLET_FIELDS, where, mine),
        record_id=record_id,
        is_html=html,
        warnings=mine,
    )


def count_inputs(paths: Sequence[str]) -> int:
    """About how many articles ``paths`` hold, cheaply (a progress bar's total): one per supported
    file, one per non-empty line of a JSON Lines file; stdin and unreadable inputs count as one."""
    total = 0
    for entry in expand(paths):
        if isinstance(entry, InputError):
            total += 1
            continue
        _, path, found = entry
        suffix = path.suffix.lower() if path is not None else ""
        if path is None or (found and suffix not in SUPPORTED):
            total += path is None
            continue
        if suffix not in JSONL_EXTENSIONS:
            total += 1
            continue
        try:
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            total += 1
    return total
