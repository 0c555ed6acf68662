"""Which files in a folder are report data files: the one rule that `lint DIR`, `fmt DIR` and
the pre-commit hooks share.

A report data file is a `.yaml` or `.yml` file whose top level has both a `title:` and an
`actions:` key (written at the start of a line, as every report file has them); it is found by
reading the text, not by parsing it, so that a broken report is still found and linted. Other
YAML (CI workflows, configuration) is skipped and counted. Walking a folder goes down every
subfolder except hidden ones (`.git`, `.venv`) and `node_modules`, as ruff does.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from typing import NamedTuple

SUFFIXES = (".yaml", ".yml")
TOP_KEYS = (re.compile(r"^title:", re.M), re.compile(r"^actions:", re.M))
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})
SNIFF_BYTES = 2 * 1024 * 1024


class Found(NamedTuple):
    """The files to work on, and how many others were passed over."""

    files: list[str]
    skipped: int


def is_report(path: str) -> bool:
    """Whether a file is a report data file by the rule above. A file that cannot be read is
    taken to be one, so that the reader says why it cannot (rather than skip it unsaid)."""
    if not path.endswith(SUFFIXES):
        return False
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a pipe or device is never opened to sniff: it could block
        with open(path, "rb") as handle:
            text = handle.read(SNIFF_BYTES).decode("utf-8", "replace").lstrip("\ufeff")
    except OSError:
        return True
    return all(key.search(text) for key in TOP_KEYS)


def find_reports(paths: Iterable[str], only_reports: bool = False, verdicts: bool = False) -> Found:
    """Folders walked for report files; files named outright are kept, unless `only_reports`
    asks that they be held to the rule too (the pre-commit hooks, which are handed every
    changed YAML file). With `verdicts` (lint), verdicts files count as data files too, and a
    report named outright brings its verdicts file along."""
    from strategy_cli.store.verdicts import existing_verdicts, is_verdicts_file

    files: list[str] = []
    skipped = 0
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.realpath(path) if path != "-" else path
        if key not in seen:  # a file named twice, or under two folders named, is read once
            seen.add(key)
            files.append(path)

    def unreadable(error: OSError) -> None:
        if error.filename:
            add(str(error.filename))  # the reader says it cannot read the folder

    for path in paths:
        if path != "-" and os.path.isdir(path):
            for folder, subfolders, names in os.walk(path, onerror=unreadable):
                subfolders[:] = sorted(
                    d for d in subfolders if not d.startswith(".") and d not in SKIPPED_FOLDERS
                )
                for name in sorted(names):
                    candidate = os.path.join(folder, name)
                    if is_report(candidate) or (verdicts and is_verdicts_file(candidate)):
                        add(os.path.normpath(candidate))
                    else:
                        skipped += 1
        elif verdicts and is_verdicts_file(path):
            add(path)
        elif only_reports and path != "-" and not is_report(path):
            skipped += 1
        else:
            add(path)
            beside = existing_verdicts(path) if verdicts else None
            if beside is not None:
                add(beside)
    return Found(files, skipped)
