"""README.md's command line section names every option of `framescope analyze` and
`framescope sentences`, and no option they do not have (audit s34: --report,
--dictionary, --claim-threshold and --quiet were in --help only)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from desktop.cli import _parser

README = Path(__file__).resolve().parents[2] / "README.md"


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def _commands() -> dict[str, list[str]]:
    parser = _parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {name: [o for a in command._actions for o in a.option_strings
                   if o.startswith("--") and o != "--help"]
            for name, command in sub.choices.items()}


def test_every_option_is_in_the_readme() -> None:
    section = _section("The command line")
    for command, options in _commands().items():
        missing = [o for o in options if not re.search(rf"`[^`]*{re.escape(o)}\b", section)]
        assert not missing, f"framescope {command}: {missing} not in README's command line"


def test_the_readme_names_no_option_that_does_not_exist() -> None:
    known = {o for options in _commands().values() for o in options}
    known |= {"--smoke-test", "--version", "--help", "--uninstall", "--venv"}
    written = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*[a-z]", _section("The command line")))
    assert written <= known, sorted(written - known)
