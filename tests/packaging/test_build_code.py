"""The frozen app's run.json names the code it was built from: packaging/framescope.spec
writes the build's code record (desktop.run_record.write_build_code, the function a run
from a checkout measures with) and puts it at the top of the bundle, where the frozen
app's code_record finds it. The spec runs here with PyInstaller's builders stubbed, on
a small tree copied to tmp_path: no freezing, nothing written to the repository."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from desktop.run_record import BUILD_CODE_FILE, code_record, code_sha256
from tests.packaging.conftest import PACKAGING


def _built(name: str) -> Any:
    def builder(*arguments: Any, **keywords: Any) -> SimpleNamespace:
        return SimpleNamespace(builder=name, arguments=arguments, **keywords)
    return builder


def _run_spec(root: Path, monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec puts ROOT first
    (root / "packaging").mkdir()
    for name in ("framescope.spec", "bundle_content.py", "framescope_main.py"):
        shutil.copy(PACKAGING / name, root / "packaging" / name)
    spec = root / "packaging" / "framescope.spec"

    def analysis(scripts: list[str], **keywords: Any) -> SimpleNamespace:
        # PyInstaller's TOC: (name in the bundle, source, type).
        datas = [(str(Path(dest) / Path(src).name), src, "DATA")
                 for src, dest in keywords["datas"]]
        return SimpleNamespace(datas=datas, binaries=[], scripts=scripts, pure=[])

    namespace: dict[str, Any] = {
        "SPECPATH": str(spec.parent), "__file__": str(spec), "__name__": "__main__",
        "Analysis": analysis, "PYZ": _built("PYZ"), "EXE": _built("EXE"),
        "COLLECT": _built("COLLECT"), "BUNDLE": _built("BUNDLE"),
    }
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    return namespace["a"]


def test_the_spec_puts_the_build_code_record_at_the_bundle_top(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "checkout"
    for name, text in (("models/tone.py", "SCALE = 1\n"), ("desktop/cli.py", "pass\n"),
                       ("resources/lexicons/hedges.csv", "term\nmay\n"),
                       ("seeds/a.txt", "An article.\n")):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    analysis = _run_spec(root, monkeypatch)
    bundled = {name: Path(source) for name, source, _ in analysis.datas}
    assert BUILD_CODE_FILE in bundled  # at the top: sys._MEIPASS/framescope-code.json
    assert bundled[BUILD_CODE_FILE].is_relative_to(root / "build")  # not in the source

    # The bundle as the frozen app sees it: data files, no Python source.
    bundle = tmp_path / "bundle"
    for name, source in bundled.items():
        if name.startswith(("resources/", "models/", "desktop/")) or name == BUILD_CODE_FILE:
            (bundle / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, bundle / name)
    record = code_record(bundle)
    assert record["recorded"] == "build"
    assert (record["sha256"], record["files"]) == code_sha256(root)
    assert record == {**code_record(root), "recorded": "build"}


def test_the_frozen_check_wants_the_build_code_in_run_json() -> None:
    check = (PACKAGING / "check_frozen.sh").read_text(encoding="utf-8")
    assert 'code["recorded"] == "build"' in check
